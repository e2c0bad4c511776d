"""What the rules need to know about a certificate, decoded once (and the expert view of it)."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from asn1crypto import x509

from igcsante.cert import names, signatures

ORG_CAS = {"AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS"}
OID_PRODUCT_CATEGORY = "1.2.250.1.71.1.2.5"  # TRE_G01-CategorieProduit (FACTS §2.4)
TEST_CATEGORIES = {0x80: "CPx card (TEST)", 0x82: "security module (TEST)", 0x83: "software certificate (TEST)"}
PROD_CATEGORIES = {0x00: "CPx card", 0x02: "security module", 0x03: "software certificate"}
WEAK_HASHES = {"md2", "md5", "sha1"}


@dataclass
class CertView:
    certificate: x509.Certificate
    der: bytes
    subject: list = field(default_factory=list)
    issuer: list = field(default_factory=list)
    not_before: datetime | None = None
    not_after: datetime | None = None
    key_type: str = ""
    key_bits: int = 0
    key_usage: set = field(default_factory=set)
    extended_key_usage: set = field(default_factory=set)
    is_ca: bool = False
    dns_names: list = field(default_factory=list)
    product_category: int | None = None
    signature_hash: str = ""
    signature_name: str = ""

    @property
    def cn(self) -> str:
        return names.first(self.subject, "CN")

    @property
    def issuer_cn(self) -> str:
        return names.first(self.issuer, "CN")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    @property
    def environment(self) -> str:
        """'test', 'prod' or '' (not an IGC-Santé certificate) from the issuer and TRE_G01 (FACTS §4.3)."""
        issuer_ous = names.values(self.issuer, "OU")
        if self.issuer_cn.startswith("TEST ") or "IGC-SANTE TEST" in issuer_ous or self.product_category in TEST_CATEGORIES:
            return "test"
        if "IGC-SANTE" in issuer_ous or "IGC-SANTE" in self.issuer_cn or self.product_category in PROD_CATEGORIES:
            return "prod"
        return ""

    @property
    def usage(self) -> str:
        """The IGC-Santé usage these key usages make: AUTH_CLI, SIGN, CONF, SSL_SERV or ''."""
        if "server_auth" in self.extended_key_usage:
            return "SSL_SERV"
        if "client_auth" in self.extended_key_usage and "digital_signature" in self.key_usage:
            return "AUTH_CLI"
        if "non_repudiation" in self.key_usage:
            return "SIGN"
        if "key_encipherment" in self.key_usage or "data_encipherment" in self.key_usage:
            return "CONF"
        return ""

    def usage_text(self) -> str:
        return (f"keyUsage: {', '.join(sorted(self.key_usage)) or 'none'}; "
                f"extKeyUsage: {', '.join(sorted(self.extended_key_usage)) or 'none'}")

    def expert_view(self) -> dict:
        """Decoded fields for experts, ready for JSON."""
        certificate = self.certificate
        return {
            "subject": names.rfc4514(self.subject),
            "issuer": names.rfc4514(self.issuer),
            "serial": format(certificate.serial_number, "x"),
            "validity": {"not_before": self.not_before.isoformat(), "not_after": self.not_after.isoformat()},
            "key": {"type": self.key_type, "bits": self.key_bits},
            "signature_algorithm": self.signature_name,
            "usages": {"key_usage": sorted(self.key_usage), "extended_key_usage": sorted(self.extended_key_usage),
                       "igc_sante_usage": self.usage},
            "is_ca": self.is_ca,
            "environment": self.environment,
            "product_category": None if self.product_category is None else f"0x{self.product_category:02x}",
            "dns_names": self.dns_names,
            "fingerprints": {"sha256": self.sha256, "sha1": hashlib.sha1(self.der).hexdigest()},
        }


def describe(der: bytes) -> CertView:
    """Decodes every field the rules use; asn1crypto errors propagate (the caller reports them)."""
    certificate = x509.Certificate.load(der)
    view = CertView(certificate, der)
    view.subject = names.attributes(certificate.subject)
    view.issuer = names.attributes(certificate.issuer)
    view.not_before, view.not_after = certificate.not_valid_before, certificate.not_valid_after
    public_key = certificate.public_key
    view.key_type = public_key.algorithm.upper()
    view.key_bits = public_key.bit_size
    view.signature_hash = signatures.hash_name(certificate["signature_algorithm"])  # '' if unknown: chain_signature says
    view.signature_name = certificate["signature_algorithm"]["algorithm"].native
    extensions = certificate["tbs_certificate"]["extensions"]
    for extension in extensions:
        oid = extension["extn_id"].dotted
        if oid == "2.5.29.15":
            view.key_usage = set(extension["extn_value"].parsed.native)
        elif oid == "2.5.29.37":
            view.extended_key_usage = set(extension["extn_value"].parsed.native)
        elif oid == "2.5.29.19":
            view.is_ca = bool(extension["extn_value"].parsed["ca"].native)
        elif oid == "2.5.29.17":
            view.dns_names = [n.native for n in extension["extn_value"].parsed if n.name == "dns_name"]
        elif oid == OID_PRODUCT_CATEGORY:
            value = extension["extn_value"].native
            # an OCTET STRING holding one byte, itself wrapped in an OCTET STRING (04 01 83)
            view.product_category = value[2] if len(value) == 3 and value[:2] == b"\x04\x01" else None
    return view
