"""A bounded walk over DER/BER bytes, run before asn1crypto sees any untrusted structure.

asn1crypto parses lazily and trusts what it reads; a hostile file (lengths that lie, thousands of
nested SEQUENCEs, millions of tiny elements) must be refused here, in bounded time and memory,
so that every input still ends in a clear "unreadable" verdict.
"""

MAX_DEPTH = 40  # real certificates, CSRs, .p7b and .p12 files stay below 15
MAX_ELEMENTS = 50_000  # a .p12 with its chain holds about 1,000, a 50-certificate bundle 15,000


class MalformedDER(ValueError):
    """The bytes are not a well-formed DER/BER structure (the message says where and why)."""


class Element:
    """One tag-length-value element: its tag and where its contents lie in the input."""

    __slots__ = ("tag_class", "constructed", "tag", "start", "content_start", "end")

    def __init__(self, tag_class, constructed, tag, start, content_start, end):
        self.tag_class, self.constructed, self.tag = tag_class, constructed, tag
        self.start, self.content_start, self.end = start, content_start, end

    def is_universal(self, tag: int) -> bool:
        return self.tag_class == 0 and self.tag == tag


SEQUENCE, INTEGER, OCTET_STRING, OID, BIT_STRING = 16, 2, 4, 6, 3


def read_header(data: bytes, offset: int, limit: int) -> tuple[int, bool, int, int, int | None]:
    """Tag class, constructed flag, tag number, content start, content length (None = indefinite)."""
    if offset >= limit:
        raise MalformedDER(f"element expected at byte {offset}, data ends")
    first = data[offset]
    tag_class, constructed, tag = first >> 6, bool(first & 0x20), first & 0x1F
    pos = offset + 1
    if tag == 0x1F:  # high tag number form
        tag = 0
        for _ in range(4):
            if pos >= limit:
                raise MalformedDER(f"tag truncated at byte {offset}")
            byte = data[pos]
            pos += 1
            tag = (tag << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        else:
            raise MalformedDER(f"tag number too long at byte {offset}")
    if pos >= limit:
        raise MalformedDER(f"length missing at byte {pos}")
    length_byte = data[pos]
    pos += 1
    if length_byte < 0x80:
        return tag_class, constructed, tag, pos, length_byte
    if length_byte == 0x80:
        if not constructed:
            raise MalformedDER(f"indefinite length on a primitive element at byte {offset}")
        return tag_class, constructed, tag, pos, None
    count = length_byte & 0x7F
    if count > 4 or pos + count > limit:
        raise MalformedDER(f"length of element at byte {offset} does not fit in the data")
    length = int.from_bytes(data[pos:pos + count], "big")
    pos += count
    if pos + length > limit:
        raise MalformedDER(f"element at byte {offset} claims {length} bytes, only {limit - pos} remain")
    return tag_class, constructed, tag, pos, length


def element_at(data: bytes, offset: int = 0, limit: int | None = None) -> Element:
    """The element starting at `offset`, fully checked (depth, lengths, element count)."""
    limit = len(data) if limit is None else limit
    counter = [0]
    end = _walk(data, offset, limit, 0, counter)
    tag_class, constructed, tag, content_start, _ = read_header(data, offset, limit)
    return Element(tag_class, constructed, tag, offset, content_start, end)


def _walk(data: bytes, offset: int, limit: int, depth: int, counter: list[int]) -> int:
    """Checks one element and everything inside it; returns the offset just after it."""
    if depth > MAX_DEPTH:
        raise MalformedDER(f"structure nested deeper than {MAX_DEPTH} levels")
    counter[0] += 1
    if counter[0] > MAX_ELEMENTS:
        raise MalformedDER(f"more than {MAX_ELEMENTS} elements")
    tag_class, constructed, tag, pos, length = read_header(data, offset, limit)
    if length is None:  # BER indefinite length: children up to the end-of-contents marker
        while True:
            if pos + 2 > limit:
                raise MalformedDER(f"end-of-contents missing for element at byte {offset}")
            if data[pos] == 0 and data[pos + 1] == 0:
                return pos + 2
            pos = _walk(data, pos, limit, depth + 1, counter)
    end = pos + length
    if constructed:
        while pos < end:
            pos = _walk(data, pos, end, depth + 1, counter)
    return end


def children(data: bytes, element: Element) -> list[Element]:
    """The direct children of a constructed element already checked by `element_at`."""
    result, pos = [], element.content_start
    while pos < element.end:
        tag_class, constructed, tag, content_start, length = read_header(data, pos, element.end)
        if length is None:
            child = element_at(data, pos, element.end)
        else:
            child = Element(tag_class, constructed, tag, pos, content_start, content_start + length)
        if child.tag_class == 0 and child.tag == 0 and not child.constructed:
            break  # end-of-contents of an indefinite-length parent
        result.append(child)
        pos = child.end
    return result


def check(data: bytes) -> bytes:
    """`data` if it is exactly one well-formed element (trailing bytes refused); else MalformedDER."""
    element = element_at(data)
    if element.end != len(data):
        raise MalformedDER(f"{len(data) - element.end} unexpected bytes after the structure")
    return data
