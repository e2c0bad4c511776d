"""RSA (and ECDSA) signature verification over pow(), pure Python (runs in Pyodide as in CPython).

Verification rebuilds the whole expected encoded message (EMSA-PKCS1-v1_5) or checks every byte
of the EMSA-PSS structure, never just "the digest appears somewhere": that is what makes a
pow()-based verifier safe (no Bleichenbacher-style forgery on low exponents).
"""

import hashlib

from asn1crypto import algos, keys

from igcsante.cert import ecdsa

# DER of DigestInfo up to the digest (RFC 8017 §9.2, note 1).
DIGEST_INFO_PREFIX = {
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha224": bytes.fromhex("302d300d06096086480165030402040500041c"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
    "md5": bytes.fromhex("3020300c06082a864886f70d020505000410"),
}


MAX_RSA_BITS = 16384
MAX_EXPONENT_BITS = 64  # IGC-Santé and every CA use 65537


class Unverifiable(Exception):
    """The signature cannot be checked here (algorithm not supported); the message says which."""


KEY_SCHEMES = {"rsa": ("rsassa_pkcs1v15", "rsassa_pss"), "ec": ("ecdsa",)}  # what each key type can sign with


def signature_scheme(algorithm: algos.SignedDigestAlgorithm) -> str:
    """'rsassa_pkcs1v15', 'rsassa_pss', 'ecdsa'...; '' for an unknown OID or undecodable parameters."""
    try:
        scheme = algorithm.signature_algo
    except (ValueError, TypeError, KeyError):
        return ""
    return scheme if hash_name(algorithm) else ""  # the hash is read from the parameters: damaged ones show here


def hash_name(algorithm: algos.SignedDigestAlgorithm) -> str:
    """The digest of a signature algorithm ('sha256'...); '' when the OID or parameters cannot be decoded."""
    try:
        return algorithm.hash_algo
    except (ValueError, TypeError, KeyError):
        return ""


def verify(public_key: keys.PublicKeyInfo, algorithm: algos.SignedDigestAlgorithm,
           signature: bytes, message: bytes) -> bool:
    """True if `signature` over `message` verifies with `public_key`; Unverifiable if unsupported."""
    scheme, hash_algorithm = signature_scheme(algorithm), hash_name(algorithm)
    if not scheme or (public_key.algorithm in KEY_SCHEMES and scheme not in KEY_SCHEMES[public_key.algorithm]):
        # An unknown algorithm, damaged parameters, or one the key cannot produce (an "ECDSA" signature
        # claimed under an RSA authority): no valid signature looks like this, so it is a forgery or damage.
        return False
    if public_key.algorithm == "ec":
        if hash_algorithm not in DIGEST_INFO_PREFIX:
            raise Unverifiable(f"hash {hash_algorithm or 'unknown'} is not supported")
        try:
            return ecdsa.verify(public_key, hash_algorithm, signature, message)
        except ecdsa.UnsupportedCurve as error:
            raise Unverifiable(str(error)) from None
    if public_key.algorithm != "rsa":
        raise Unverifiable(f"{scheme} signatures with a {public_key.algorithm.upper()} key are not verified by this checker")
    numbers = public_key["public_key"].parsed
    modulus, exponent = numbers["modulus"].native, numbers["public_exponent"].native
    if modulus <= 0 or exponent <= 0:
        return False
    if modulus.bit_length() > MAX_RSA_BITS or exponent.bit_length() > MAX_EXPONENT_BITS:
        # pow() on such numbers could take minutes: a hostile file must still end quickly
        raise Unverifiable(f"RSA key of {modulus.bit_length()} bits with a {exponent.bit_length()}-bit exponent is beyond "
                           f"what this checker verifies ({MAX_RSA_BITS} bits, {MAX_EXPONENT_BITS}-bit exponent)")
    size = (modulus.bit_length() + 7) // 8
    if len(signature) != size:
        return False
    value = int.from_bytes(signature, "big")
    if value >= modulus:
        return False
    encoded = pow(value, exponent, modulus).to_bytes(size, "big")
    if scheme == "rsassa_pkcs1v15":
        return encoded == pkcs1v15_encoding(hash_algorithm, message, size)
    params = algorithm["parameters"]  # RSASSA-PSS
    try:
        mgf_hash = params["mask_gen_algorithm"]["parameters"]["algorithm"].native
        salt_length = params["salt_length"].native
    except (ValueError, TypeError, KeyError):
        return False  # damaged parameters: no valid signature carries them
    return pss_matches(encoded, message, modulus.bit_length() - 1, hash_algorithm, mgf_hash, salt_length)


def pkcs1v15_encoding(hash_name: str, message: bytes, size: int) -> bytes:
    """The one valid EMSA-PKCS1-v1_5 encoded message of `size` bytes for `message`."""
    if hash_name not in DIGEST_INFO_PREFIX:
        raise Unverifiable(f"hash {hash_name} is not supported")
    digest_info = DIGEST_INFO_PREFIX[hash_name] + hashlib.new(hash_name, message).digest()
    padding = size - len(digest_info) - 3
    if padding < 8:
        return b""  # key too small for this hash: nothing can match
    return b"\x00\x01" + b"\xff" * padding + b"\x00" + digest_info


def mgf1(seed: bytes, length: int, hash_name: str) -> bytes:
    output, counter = b"", 0
    while len(output) < length:
        output += hashlib.new(hash_name, seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return output[:length]


def pss_matches(encoded: bytes, message: bytes, em_bits: int, hash_name: str, mgf_hash: str, salt_length: int) -> bool:
    """EMSA-PSS-VERIFY (RFC 8017 §9.1.2) on the encoded message `encoded` (left-padded to the key size)."""
    for name in (hash_name, mgf_hash):
        if name not in DIGEST_INFO_PREFIX:
            raise Unverifiable(f"hash {name} is not supported")
    em_len = (em_bits + 7) // 8
    if len(encoded) > em_len:
        if any(encoded[:len(encoded) - em_len]):
            return False
        encoded = encoded[len(encoded) - em_len:]
    digest_size = hashlib.new(hash_name).digest_size
    if em_len < digest_size + salt_length + 2 or encoded[-1] != 0xBC:
        return False
    masked_db, h = encoded[:em_len - digest_size - 1], encoded[em_len - digest_size - 1:-1]
    unused_bits = 8 * em_len - em_bits
    if masked_db[0] >> (8 - unused_bits) if unused_bits else 0:
        return False
    db = bytes(a ^ b for a, b in zip(masked_db, mgf1(h, len(masked_db), mgf_hash)))
    db = bytes([db[0] & (0xFF >> unused_bits)]) + db[1:]
    padding_length = em_len - digest_size - salt_length - 2
    if any(db[:padding_length]) or db[padding_length] != 0x01:
        return False
    salt = db[len(db) - salt_length:] if salt_length else b""
    m_prime = b"\x00" * 8 + hashlib.new(hash_name, message).digest() + salt
    return hashlib.new(hash_name, m_prime).digest() == h
