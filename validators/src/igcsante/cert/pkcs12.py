"""PKCS#12 (.p12/.pfx): clear certificate bags, password check by MAC, key check on CPython.

IGC-Santé .p12 files keep the certificates in clear (readable without the password) and encrypt
the key with pbeWithSHAAnd3-KeyTripleDES-CBC; the MAC is HMAC-SHA1 keyed by the PKCS#12 KDF.
The KDF below is pure hashlib, so "is my password right?" is answered in Pyodide too. Decrypting
the key (to check it matches the certificate) needs `cryptography`, used only when importable.
"""

import hashlib
import hmac
from dataclasses import dataclass, field

from asn1crypto import pkcs12

from igcsante.cert import der

MAX_ITERATIONS = 500_000  # real files use 2,000-10,000; the bound keeps hostile files fast
MAX_NESTING = 3  # SafeContents inside SafeContents
MAC_HASHES = {"sha1", "sha224", "sha256", "sha384", "sha512"}


@dataclass
class P12Contents:
    certificates: list[bytes] = field(default_factory=list)  # DER, file order
    key_ids: dict[bytes, bytes] = field(default_factory=dict)  # certificate DER -> localKeyId
    key_bag_ids: list[bytes] = field(default_factory=list)
    has_key: bool = False
    clear_key: bool = False  # a keyBag: the private key is NOT encrypted
    encrypted_parts: int = 0  # EncryptedData content infos (encrypted certificate bags)
    cipher_iterations: list[int] = field(default_factory=list)  # of every encrypted part, to bound decryption
    mac: str = ""  # "ok", "wrong", "absent", "unsupported", "not_given"
    findings: list[tuple[str, str]] = field(default_factory=list)

    def leaf_hint(self) -> bytes | None:
        """The certificate whose localKeyId matches the key's, if the file says so."""
        for certificate, key_id in self.key_ids.items():
            if key_id in self.key_bag_ids:
                return certificate
        return None


def pkcs12_kdf(hash_name: str, password: bytes, salt: bytes, purpose: int, iterations: int, length: int) -> bytes:
    """RFC 7292 appendix B.2; `password` is the BMPString form with its two-byte terminator."""
    block = hashlib.new(hash_name).block_size
    diversifier = bytes([purpose]) * block

    def stretch(value: bytes) -> bytes:
        if not value:
            return b""
        count = block * ((len(value) + block - 1) // block)
        return (value * (count // len(value) + 1))[:count]

    material = bytearray(stretch(salt) + stretch(password))
    output = b""
    while len(output) < length:
        digest = hashlib.new(hash_name, diversifier + bytes(material)).digest()
        for _ in range(iterations - 1):
            digest = hashlib.new(hash_name, digest).digest()
        output += digest
        b_value = int.from_bytes(stretch(digest), "big") + 1
        for start in range(0, len(material), block):
            chunk = (int.from_bytes(material[start:start + block], "big") + b_value) % (1 << (8 * block))
            material[start:start + block] = chunk.to_bytes(block, "big")
    return output[:length]


def password_forms(password: str) -> list[bytes]:
    """BMPString forms to try: the empty password is written two ways by different tools."""
    forms = [password.encode("utf-16-be") + b"\x00\x00"]
    if not password:
        forms.append(b"")
    return forms


def read(data: bytes, password: str | None) -> P12Contents:
    """Clear certificate bags, key bags, and the MAC verdict as findings (code, detail)."""
    contents = P12Contents()
    pfx = pkcs12.Pfx.load(data)
    auth_safe = pfx["auth_safe"]
    if auth_safe["content_type"].native != "data":
        contents.findings.append(("p12.mac_unchecked", f"integrity mode '{auth_safe['content_type'].native}' (public-key) is not supported"))
        contents.mac = "unsupported"
        return contents
    octets = der.check(auth_safe["content"].native)
    _check_mac(pfx, octets, password, contents)
    for content_info in pkcs12.AuthenticatedSafe.load(octets):
        kind = content_info["content_type"].native
        if kind == "data":
            _read_bags(pkcs12.SafeContents.load(der.check(content_info["content"].native)), contents, 0)
        elif kind == "encrypted_data":
            contents.encrypted_parts += 1
            algorithm = content_info["content"]["encrypted_content_info"]["content_encryption_algorithm"]
            contents.cipher_iterations.append(_iterations(algorithm))
    return contents


def _iterations(algorithm) -> int:
    """The iteration count of a password-based cipher; 0 (refused later) when it has none we know."""
    try:
        return int(algorithm.kdf_iterations)
    except (ValueError, TypeError, KeyError):
        return 0


def _check_mac(pfx, octets: bytes, password: str | None, contents: P12Contents) -> None:
    mac_data = pfx["mac_data"]
    if not isinstance(mac_data, pkcs12.MacData):
        contents.findings.append(("p12.mac_unchecked", "the file has no integrity code (MAC)"))
        contents.mac = "absent"
        return
    hash_name = mac_data["mac"]["digest_algorithm"]["algorithm"].native
    iterations = mac_data["iterations"].native
    if hash_name not in MAC_HASHES:
        contents.findings.append(("p12.mac_unchecked", f"MAC algorithm '{hash_name}' is not supported"))
        contents.mac = "unsupported"
        return
    if not 1 <= iterations <= MAX_ITERATIONS:
        contents.findings.append(("p12.mac_unchecked", f"{iterations} MAC iterations (this checker goes up to {MAX_ITERATIONS:,})"))
        contents.mac = "unsupported"
        return
    if password is None:
        contents.findings.append(("p12.password_not_given", f"MAC HMAC-{hash_name.upper()}, {iterations} iterations"))
        contents.mac = "not_given"
        return
    salt, expected = mac_data["mac_salt"].native, mac_data["mac"]["digest"].native
    size = hashlib.new(hash_name).digest_size
    for form in password_forms(password):
        key = pkcs12_kdf(hash_name, form, salt, 3, iterations, size)
        if hmac.compare_digest(hmac.new(key, octets, hash_name).digest(), expected):
            contents.findings.append(("p12.password_ok", f"MAC HMAC-{hash_name.upper()}, {iterations} iterations"))
            contents.mac = "ok"
            return
    contents.mac = "wrong"
    contents.findings.append(("p12.wrong_password", f"the MAC (HMAC-{hash_name.upper()}, {iterations} iterations) does not match this password"))


def _read_bags(safe_contents, contents: P12Contents, depth: int) -> None:
    for bag in safe_contents:
        bag_id = bag["bag_id"].native
        key_id = next((a["values"][0].native for a in bag["bag_attributes"] if a["type"].native == "local_key_id"), None)
        if bag_id == "cert_bag" and bag["bag_value"]["cert_id"].native == "x509":
            certificate = der.check(bag["bag_value"]["cert_value"].contents)
            contents.certificates.append(certificate)
            if key_id is not None:
                contents.key_ids[certificate] = key_id
        elif bag_id in ("pkcs8_shrouded_key_bag", "key_bag"):
            contents.has_key = True
            if key_id is not None:
                contents.key_bag_ids.append(key_id)
            if bag_id == "key_bag":
                contents.clear_key = True
            else:
                contents.cipher_iterations.append(_iterations(bag["bag_value"]["encryption_algorithm"]))
        elif bag_id == "safe_contents" and depth < MAX_NESTING:
            _read_bags(bag["bag_value"], contents, depth + 1)


def open_with_password(data: bytes, password: str, contents: P12Contents, leaf_der: bytes | None) -> tuple[list[bytes], list[tuple[str, str]]]:
    """CPython only: decrypts with `cryptography`; returns extra certificates and findings.

    Called once the MAC has confirmed the password (or when the file has no MAC at all), with
    every iteration count already bounded: OpenSSL would otherwise also run a hostile MAC count.
    """
    if any(not 1 <= n <= MAX_ITERATIONS for n in contents.cipher_iterations):
        return [], [("p12.encrypted_unchecked", f"encryption iterations {contents.cipher_iterations} exceed {MAX_ITERATIONS:,}")]
    try:
        from cryptography import x509 as crypto_x509
        from cryptography.hazmat.primitives.serialization import Encoding, pkcs12 as crypto_pkcs12
    except ImportError:
        return [], [("p12.encrypted_unchecked", "the 'cryptography' package is not available in this environment")]
    try:
        key, certificate, others = crypto_pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except Exception as error:  # wrong password, unsupported cipher, damaged encrypted part
        if contents.mac == "absent":  # nothing else can tell a wrong password apart: say the likely cause
            return [], [("p12.wrong_password", "the file has no MAC to test the password against, and decrypting it "
                                               f"with this password failed ({error}): the password is almost certainly wrong")]
        return [], [("p12.encrypted_unchecked", f"decryption failed: {error}")]
    extra = [c.public_bytes(Encoding.DER) for c in ([certificate] if certificate else []) + list(others)]
    findings = []
    target = leaf_der or (extra[0] if extra else None)
    if key is not None and target is not None:
        leaf_key = crypto_x509.load_der_x509_certificate(target).public_key()
        if key.public_key().public_numbers() == leaf_key.public_numbers():
            findings.append(("p12.key_matches", "the private key's public part equals the certificate's public key"))
        else:
            findings.append(("p12.key_mismatch", "the private key's public part differs from the certificate's public key"))
    return extra, findings
