"""A fake IGC-Santé hierarchy built with `cryptography` at test time (never committed).

Same DN shapes, extensions and p12 layout as the real PKI, so every finding can be produced on
demand: wrong usage, wrong name, weak keys, forged signatures, TEST vs production...
"""

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

VALID_FINESS_OU = "1750712184"  # 1 + FINESS of AP-HP (Luhn correct)
START = datetime(2026, 1, 10, 9, 0, tzinfo=timezone.utc)
AT = "2026-06-01"  # checking date used with START: valid, far from expiry
DER = serialization.Encoding.DER
PEM = serialization.Encoding.PEM

USAGES = {
    "AUTH_CLI": (dict(digital_signature=True), [ExtendedKeyUsageOID.CLIENT_AUTH]),
    "SIGN": (dict(digital_signature=True, content_commitment=True), [ExtendedKeyUsageOID.EMAIL_PROTECTION]),
    "CONF": (dict(key_encipherment=True), [ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE]),
    "SSL_SERV": (dict(digital_signature=True, key_encipherment=True), [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
}


def key_usage(**flags) -> x509.KeyUsage:
    names = ["digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"]
    return x509.KeyUsage(**{name: flags.get(name, False) for name in names})


def ca_name(cn: str, test: bool) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ASIP-SANTE"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "0002 187512751"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "IGC-SANTE TEST" if test else "IGC-SANTE"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def org_name(cn: str, ou: str = VALID_FINESS_OU, st: str | None = "Paris (75)", o: str = "HOPITAL FICTIF") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "FR")]
    if st:
        attributes.append(x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, st))
    attributes += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, o), x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou),
                   x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    return x509.Name(attributes)


class Authority:
    def __init__(self, name: x509.Name, key, certificate: x509.Certificate):
        self.name, self.key, self.certificate = name, key, certificate

    @property
    def der(self) -> bytes:
        return self.certificate.public_bytes(DER)


class FakePKI:
    """Fake prod and TEST hierarchies plus a few lone authorities; keys generated once per session."""

    def __init__(self):
        self.key = rsa.generate_private_key(65537, 2048)  # leaves share one key: generation is slow
        self.other_key = rsa.generate_private_key(65537, 2048)
        self.weak_key = rsa.generate_private_key(65537, 1024)
        self.ec_key = ec.generate_private_key(ec.SECP256R1())
        ca_key = rsa.generate_private_key(65537, 2048)
        self.roots, self.cas = {}, {}
        for test in (False, True):
            prefix = "TEST " if test else ""
            root = self._ca(ca_name(f"{prefix}AC RACINE IGC-SANTE ELEMENTAIRE", test), ca_key, None)
            self.roots[test] = root
            self.cas[("ORG", test)] = self._ca(ca_name(f"{prefix}AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", test), ca_key, root)
            self.cas[("PERSONNES", test)] = self._ca(ca_name(f"{prefix}AC IGC-SANTE ELEMENTAIRE PERSONNES", test), ca_key, root)
        classe4 = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "GIP-CPS-TEST"),
                             x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "AC-CLASSE-4-TEST")])
        self.classe4 = self._ca(classe4, ca_key, None)
        self.stranger = self._ca(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some Other CA")]), ca_key, None)
        self.ec_ca = self._ca(ca_name("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", True), self.ec_key, None)
        self.ed25519_ca = self._ca(ca_name("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", True), ed25519.Ed25519PrivateKey.generate(), None)

    def _ca(self, name, key, parent: Authority | None) -> Authority:
        issuer_name, issuer_key = (parent.name, parent.key) if parent else (name, key)
        certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer_name).public_key(key.public_key())
                       .serial_number(x509.random_serial_number()).not_valid_before(datetime(2013, 6, 25, tzinfo=timezone.utc))
                       .not_valid_after(datetime(2033, 6, 24, tzinfo=timezone.utc))
                       .add_extension(x509.BasicConstraints(ca=True, path_length=None if parent is None else 0), critical=True)
                       .add_extension(key_usage(key_cert_sign=True, crl_sign=True), critical=True)
                       .sign(issuer_key, _hash_for(issuer_key)))
        return Authority(name, key, certificate)

    def trust_ders(self) -> list[bytes]:
        return [a.der for a in [*self.roots.values(), *self.cas.values()]]

    def leaf(self, cn="INSI-MANU", *, usage="AUTH_CLI", test=True, issuer: Authority | None = None,
             subject: x509.Name | None = None, ou=VALID_FINESS_OU, not_before=START, days=1096, key=None,
             algorithm=None, category: int | None = None, dns_names=(), signing_key=None) -> x509.Certificate:
        issuer = issuer or self.cas[("ORG", test)]
        key = key or self.key
        flags, ekus = USAGES[usage]
        builder = (x509.CertificateBuilder().subject_name(subject or org_name(cn, ou)).issuer_name(issuer.name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(not_before).not_valid_after(not_before + timedelta(days=days))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=False)
                   .add_extension(key_usage(**flags), critical=True)
                   .add_extension(x509.ExtendedKeyUsage(ekus), critical=False)
                   .add_extension(x509.UnrecognizedExtension(x509.ObjectIdentifier("1.2.250.1.71.1.2.5"),
                                                             bytes([4, 1, category if category is not None else (0x83 if test else 0x03)])), critical=False))
        if dns_names:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in dns_names]), critical=False)
        signer = signing_key or issuer.key
        return builder.sign(signer, algorithm or _hash_for(signer))

    def person(self) -> x509.Certificate:
        rdn = x509.RelativeDistinguishedName
        subject = x509.Name([rdn([x509.NameAttribute(NameOID.COUNTRY_NAME, "FR")]), rdn([x509.NameAttribute(NameOID.TITLE, "Médecin")]),
                             x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.GIVEN_NAME, "ANNE"),
                                                             x509.NameAttribute(NameOID.COMMON_NAME, "899700523527"),
                                                             x509.NameAttribute(NameOID.SURNAME, "MED-CS")])])
        return self.leaf(subject=subject, issuer=self.cas[("PERSONNES", True)])

    def csr(self, cn="INSI-MANU", *, key=None, algorithm=None) -> x509.CertificateSigningRequest:
        builder = x509.CertificateSigningRequestBuilder().subject_name(org_name(cn))
        return builder.sign(key or self.key, algorithm or hashes.SHA256())


def _hash_for(key):
    return None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()  # Ed25519 has its own hash


def pem(obj) -> bytes:
    return obj.public_bytes(PEM)


def der(obj) -> bytes:
    return obj.public_bytes(DER)


def key_pem(key, encrypted: bool = False) -> bytes:
    encryption = serialization.BestAvailableEncryption(b"pw") if encrypted else serialization.NoEncryption()
    return key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, encryption)


def openssl_p12(folder: Path, certificate: x509.Certificate, key, password: str, *extra: str, chain=()) -> bytes:
    """A .p12 made by the openssl command; default options give IGC-Santé's shape (clear certificates,
    3DES key bag, HMAC-SHA1 MAC, 2048 iterations)."""
    cert_file, key_file, out = folder / "leaf.pem", folder / "leaf.key", folder / "out.p12"
    cert_file.write_bytes(pem(certificate) + b"".join(pem(c) for c in chain))
    key_file.write_bytes(key_pem(key) if key is not None else b"")
    shape = list(extra) or ["-certpbe", "NONE", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-iter", "2048"]
    command = ["openssl", "pkcs12", "-export", "-in", str(cert_file), "-passout", f"pass:{password}", "-out", str(out), *shape]
    if key is not None:
        command += ["-inkey", str(key_file)]
    subprocess.run(command, check=True, capture_output=True)
    return out.read_bytes()


def codes(result: dict, *severities: str) -> set[str]:
    """The finding codes of a check_bytes result, optionally of some severities only."""
    return {f["code"] for f in result["findings"] if not severities or f["severity"] in severities}


# `cryptography` refuses to sign with SHA-1; the openssl command still does (what old tools produce).
SUBJECT_ARG = "/C=FR/ST=Paris (75)/O=HOPITAL FICTIF/OU=1750712184/CN=INSI-MANU"


def openssl_sha1_csr(folder: Path, pki: FakePKI) -> bytes:
    key_file, out = folder / "sha1.key", folder / "sha1.csr"
    key_file.write_bytes(key_pem(pki.key))
    subprocess.run(["openssl", "req", "-new", "-sha1", "-key", str(key_file), "-subj", SUBJECT_ARG, "-out", str(out)],
                   check=True, capture_output=True)
    return out.read_bytes()


def openssl_sha1_certificate(folder: Path, pki: FakePKI) -> bytes:
    authority = pki.cas[("ORG", True)]
    ca_file, ca_key, out = folder / "ca.pem", folder / "ca.key", folder / "sha1.pem"
    ca_file.write_bytes(pem(authority.certificate))
    ca_key.write_bytes(key_pem(authority.key))
    csr_file = folder / "sha1.csr.pem"
    csr_file.write_bytes(openssl_sha1_csr(folder, pki))
    subprocess.run(["openssl", "x509", "-req", "-sha1", "-in", str(csr_file), "-CA", str(ca_file), "-CAkey", str(ca_key),
                    "-set_serial", "1", "-days", "365", "-out", str(out)], check=True, capture_output=True)
    return out.read_bytes()
