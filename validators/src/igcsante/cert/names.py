"""Distinguished names: attribute lists, RFC 4514 strings (CN=...,OU=...,C=FR), lookalike characters."""

import unicodedata

from asn1crypto import x509

SHORT_NAMES = {
    "2.5.4.3": "CN", "2.5.4.11": "OU", "2.5.4.10": "O", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.6": "C",
    "2.5.4.42": "GN", "2.5.4.4": "SN", "2.5.4.12": "T", "2.5.4.5": "serialNumber",
    "1.2.840.113549.1.9.1": "E", "2.5.4.9": "street", "0.9.2342.19200300.100.1.25": "DC",
}


def attributes(name: x509.Name) -> list[list[tuple[str, str]]]:
    """The RDNs in encoding order, each a list of (short name or dotted OID, value text)."""
    rdns = []
    for rdn in name.chosen:
        rdns.append([(SHORT_NAMES.get(atv["type"].dotted, atv["type"].dotted), _text(atv["value"])) for atv in rdn])
    return rdns


def _text(value) -> str:
    native = value.native
    if isinstance(native, str):
        return native
    if isinstance(native, bytes):
        return "#" + native.hex()
    return str(native)


RFC4514_NAMES = {"CN", "L", "ST", "O", "OU", "C", "street", "DC"}  # others print as dotted OIDs
DOTTED = {short: oid for oid, short in SHORT_NAMES.items()}


def values(rdns: list[list[tuple[str, str]]], short_name: str) -> list[str]:
    return [value for rdn in rdns for key, value in rdn if key == short_name]


def first(rdns: list[list[tuple[str, str]]], short_name: str) -> str:
    found = values(rdns, short_name)
    return found[0] if found else ""


def rfc4514(rdns: list[list[tuple[str, str]]]) -> str:
    """Most specific first, RFC 4514 keywords only (GN, SN, T print as 2.5.4.42, 2.5.4.4, 2.5.4.12)."""
    return ",".join("+".join(f"{_rfc4514_key(key)}={_escape(value)}" for key, value in rdn) for rdn in reversed(rdns))


def _rfc4514_key(key: str) -> str:
    return key if key in RFC4514_NAMES else DOTTED.get(key, key)


def _escape(value: str) -> str:
    escaped = "".join("\\" + char if char in ',+"\\<>;' else char for char in value)
    if escaped[:1] in ("#", " "):
        escaped = "\\" + escaped
    if escaped.endswith(" ") and not escaped.endswith("\\ "):
        escaped = escaped[:-1] + "\\ "
    return escaped


# Cyrillic and Greek capitals that print like the Latin letters of INSI-MANU / INSI-AUTO.
LOOKALIKES = str.maketrans("\u0406\u04c0\u0399\u039d\u0405\u041c\u039c\u0410\u0391\u0422\u03a4\u041e\u039f",
                           "IIINSMMAATTOO")


def skeleton(text: str) -> str:
    """What a reader sees: NFKC (fullwidth to ASCII), lookalike letters mapped, upper case, letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).translate(LOOKALIKES).upper()
    return "".join(char for char in folded if char.isascii() and char.isalnum())


def unusual_characters(text: str) -> list[str]:
    """Characters a reader cannot tell apart from ASCII or cannot see, named: 'U+200B ZERO WIDTH SPACE at position 10'."""
    found = [f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')} at position {index + 1}"
             for index, char in enumerate(text) if not (char.isascii() and char.isprintable())]
    if text[:1].isspace():
        found.insert(0, "a space at the start")
    if text[-1:].isspace():
        found.append("a space at the end")
    return found
