"""Turns the bytes people actually have into DER blocks with a kind.

Handles PEM (any line endings, text around, several blocks, `NEW CERTIFICATE REQUEST`), DER,
base64 without armour and UTF-16 text from Windows tools. Kinds are told apart by structure, so
a `.cer` holding a CSR or a `.p12` renamed `.crt` is still recognised.
"""

import base64
import binascii
import bisect
import re
from dataclasses import dataclass

from igcsante.cert import der

MAX_INPUT_BYTES = 1024 * 1024  # a certificate is ~2 KB, an IGC-Santé .p12 ~7 KB, a .p7b ~15 KB

PEM_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 #]+)-----")
PEM_END = re.compile(r"-----END ([A-Z0-9 #]+)-----")
PEM_LABELS = {
    "CERTIFICATE": "certificate", "X509 CERTIFICATE": "certificate", "TRUSTED CERTIFICATE": "certificate",
    "CERTIFICATE REQUEST": "csr", "NEW CERTIFICATE REQUEST": "csr",
    "PKCS7": "pkcs7", "CERTIFICATE CHAIN": "pkcs7", "CMS": "pkcs7", "PKCS12": "pkcs12",
}
DAMAGED_KEY = re.compile(r"-----BEGIN [^-\r\n]*PRIVATE KEY-----|PuTTY-User-Key-File-\d", re.I)
BASE64_TEXT = re.compile(r"[A-Za-z0-9+/=\s]+")

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_DATA = "1.2.840.113549.1.7.1"
KEY_ALGORITHMS = {"1.2.840.113549.1.1.1": "RSA", "1.2.840.10045.2.1": "EC", "1.2.840.10040.4.1": "DSA",
                  "1.3.101.112": "Ed25519", "1.3.101.113": "Ed448", "1.2.840.113549.1.1.10": "RSA-PSS"}


class Unreadable(ValueError):
    """Nothing checkable in the input; the message says why, in English, for the finding detail."""


@dataclass
class Block:
    kind: str  # certificate, csr, pkcs7, pkcs12, private_key
    der: bytes
    encoding: str  # how it was found: "PEM", "DER", "base64 without armour"
    key_description: str = ""  # for private keys only: the format, never any key material


def read_blocks(data: bytes) -> tuple[list[Block], list[str]]:
    """Every recognised block in `data`, and notes about the text (UTF-16, unknown PEM labels)."""
    if len(data) > MAX_INPUT_BYTES:
        raise Unreadable(f"the file is {len(data):,} bytes; the checker reads files up to "
                         f"{MAX_INPUT_BYTES:,} bytes (a certificate is about 2 KB, a .p12 about 7 KB)")
    if not data.strip():
        raise Unreadable("the file is empty")
    notes: list[str] = []
    der_error = None
    if data[:1] == b"\x30":
        try:
            return [classify(der.check(data), "DER")], notes
        except der.MalformedDER as error:
            der_error = error
        padded = data.rstrip(b"\x00\t\n\r ")  # a final newline from an editor, zeros from a Windows tool
        if padded != data:
            try:
                block = classify(der.check(padded), "DER")
                return [block], [f"{len(data) - len(padded)} byte(s) of padding after the structure ignored"]
            except der.MalformedDER:
                pass
    text, encoding_note = decode_text(data)
    if encoding_note:
        notes.append(encoding_note)
    armoured = pem_blocks(text)
    blocks = [block for block in (_pem_block(label, body, notes) for label, body in armoured) if block]
    # A key whose armour was damaged (END line lost, label retyped) or a PuTTY key is still a key sent by mistake.
    key_headers = DAMAGED_KEY.findall(text)
    if len(key_headers) > sum(block.kind == "private_key" for block in blocks):
        blocks.append(Block("private_key", b"", "PEM", f"damaged or non-PEM private key ('{key_headers[-1].strip('-')}')"))
    if blocks:
        return blocks, notes
    if armoured:
        raise Unreadable("the file holds only PEM blocks that are not a certificate, CSR, .p7b or .p12")
    if "-----BEGIN" in text:
        raise Unreadable("a PEM block starts (-----BEGIN) but its -----END line is missing or does not match")
    stripped = "".join(text.split())
    if stripped and BASE64_TEXT.fullmatch(text.strip()):
        raw = _base64(stripped)
        if raw is not None and raw[:1] == b"\x30":
            return [classify(_checked(raw), "base64 without armour")], notes
    if der_error is not None:
        raise Unreadable(f"binary data that is not valid DER: {der_error}")
    raise Unreadable("neither PEM, DER nor base64: not a certificate, CSR, .p7b or .p12")


def pem_blocks(text: str) -> list[tuple[str, str]]:
    """(label, body) of each BEGIN/END pair with the same label, in order.

    Every END is indexed once and looked up by bisection: a lazy regular expression with a
    back-reference rescans the rest of the text for each BEGIN, which takes minutes on a
    megabyte of BEGIN lines without END.
    """
    ends: dict[str, list[int]] = {}
    for match in PEM_END.finditer(text):
        ends.setdefault(match.group(1), []).append(match.start())
    found, position = [], 0
    for begin in PEM_BEGIN.finditer(text):
        label = begin.group(1)
        if begin.start() < position or label not in ends:
            continue
        candidates = ends[label]
        index = bisect.bisect_left(candidates, begin.end())
        if index == len(candidates):
            continue
        found.append((label, text[begin.end():candidates[index]]))
        position = candidates[index] + len(f"-----END {label}-----")
    return found


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file (UTF-16 with or without BOM, UTF-8, or Latin-1), and a note on it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace"), "UTF-16 text (as written by Windows tools)"
    head = data[:200]
    if len(head) >= 8 and head[1::2].count(0) == len(head[1::2]):
        return data.decode("utf-16-le", errors="replace"), "UTF-16 text without byte order mark"
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    return data.decode("latin-1"), ""


def _pem_block(label: str, body: str, notes: list[str]) -> Block | None:
    # RFC 1421 headers (Proc-Type, DEK-Info) sit before a blank line: only encrypted keys have them.
    if "PRIVATE KEY" in label:
        return Block("private_key", b"", "PEM", f"PEM '{label}'")
    lines = [line for line in body.splitlines() if ":" not in line]
    raw = _base64("".join("".join(lines).split()))
    if raw is None:
        raise Unreadable(f"the PEM block '{label}' is not valid base64")
    kind = PEM_LABELS.get(label)
    if kind is None:
        notes.append(f"PEM block '{label}' ignored (not a certificate, CSR, .p7b or .p12)")
        return None
    return classify(_checked(raw), "PEM")


def _base64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _checked(raw: bytes) -> bytes:
    try:
        return der.check(raw)
    except der.MalformedDER as error:
        raise Unreadable(f"the decoded bytes are not valid DER: {error}") from None


def _oid(data: bytes, element: der.Element) -> str:
    body = data[element.content_start:element.end]
    if not body:
        return ""
    first = body[0]
    parts, value = [str(min(first // 40, 2)), str(first - 40 * min(first // 40, 2))], 0
    for byte in body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(str(value))
            value = 0
    return ".".join(parts)


def classify(data: bytes, encoding: str) -> Block:
    """Tells a certificate, CSR, PKCS#7, PKCS#12 or private key apart by its outer structure."""
    top = der.element_at(data)
    if not top.is_universal(der.SEQUENCE):
        raise Unreadable("the structure does not start with a SEQUENCE")
    items = der.children(data, top)
    shape = [(e.tag_class, e.tag) for e in items]
    universal = [e.tag if e.tag_class == 0 else -1 for e in items]
    if len(items) == 3 and universal == [der.SEQUENCE, der.SEQUENCE, der.BIT_STRING]:
        inner = [(e.tag_class, e.tag) for e in der.children(data, items[0])]
        if inner[:1] == [(2, 0)] or (len(inner) >= 6 and inner[0] == (0, der.INTEGER) and inner[1] == (0, 16)):
            return Block("certificate", data, encoding)
        if len(inner) >= 3 and inner[0] == (0, der.INTEGER) and inner[1] == (0, 16) and inner[2] == (0, 16):
            return Block("csr", data, encoding)
        raise Unreadable("a signed structure that is neither a certificate nor a CSR")
    if items and items[0].is_universal(der.OID) and _oid(data, items[0]) == OID_SIGNED_DATA:
        return Block("pkcs7", data, encoding)
    if len(items) in (2, 3) and items[0].is_universal(der.INTEGER) and items[1].is_universal(der.SEQUENCE):
        content_info = der.children(data, items[1])
        if content_info and content_info[0].is_universal(der.OID) and _oid(data, content_info[0]).startswith("1.2.840.113549.1.7."):
            return Block("pkcs12", data, encoding)
    key = _private_key_format(data, items, shape)
    if key:
        return Block("private_key", b"", encoding, key)
    raise Unreadable("valid DER, but not a certificate, CSR, .p7b chain or .p12 file")


def _private_key_format(data: bytes, items: list[der.Element], shape: list[tuple[int, int]]) -> str:
    """The private-key format if the structure is one (no key material is kept), else ''."""
    if len(items) >= 9 and all(t == (0, der.INTEGER) for t in shape[:9]):
        return "PKCS#1 RSA private key"
    if len(items) >= 3 and shape[:3] == [(0, der.INTEGER), (0, 16), (0, der.OCTET_STRING)]:
        algorithm = der.children(data, items[1])
        name = KEY_ALGORITHMS.get(_oid(data, algorithm[0]), "unknown") if algorithm else "unknown"
        return f"PKCS#8 private key ({name})"
    if len(items) == 2 and shape == [(0, 16), (0, der.OCTET_STRING)]:
        return "encrypted PKCS#8 private key"
    if len(items) >= 2 and shape[:2] == [(0, der.INTEGER), (0, der.OCTET_STRING)]:
        return "EC private key (SEC 1)"
    return ""
