"""ECDSA verification over the NIST prime curves, pure Python (affine points, Shamir's trick).

Verification only handles public data, so constant time does not matter here.
"""

import hashlib

from asn1crypto import algos, keys

# name: (p, a, b, Gx, Gy, n) from SEC 2 / FIPS 186-4
CURVES = {
    "secp256r1": (
        0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
        -3,
        0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
        0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
        0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
        0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551),
    "secp384r1": (
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF,
        -3,
        0xB3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF,
        0xAA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7,
        0x3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F,
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973),
    "secp521r1": (
        (1 << 521) - 1,
        -3,
        0x0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00,
        0x00C6858E06B70404E9CD9E3ECB662395B4429C648139053FB521F828AF606B4D3DBAA14B5E77EFE75928FE1DC127A2FFA8DE3348B3C1856A429BF97E7E31C2E5BD66,
        0x011839296A789A3BC0045C8A5FB42C7D1BD998F54449579B446817AFBD17273E662C97EE72995EF42640C550B9013FAD0761353C7086A272C24088BE94769FD16650,
        0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409),
}


class UnsupportedCurve(ValueError):
    pass


def _add(p1, p2, prime, a):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2:
        if (y1 + y2) % prime == 0:
            return None
        slope = (3 * x1 * x1 + a) * pow(2 * y1, -1, prime) % prime
    else:
        slope = (y2 - y1) * pow(x2 - x1, -1, prime) % prime
    x3 = (slope * slope - x1 - x2) % prime
    return x3, (slope * (x1 - x3) - y1) % prime


def _double_scalar(u1, g, u2, q, prime, a):
    """u1*G + u2*Q in one pass (Shamir's trick)."""
    both = _add(g, q, prime, a)
    result = None
    for bit in range(max(u1.bit_length(), u2.bit_length()) - 1, -1, -1):
        result = _add(result, result, prime, a)
        pick = ((u1 >> bit) & 1, (u2 >> bit) & 1)
        if pick == (1, 1):
            result = _add(result, both, prime, a)
        elif pick == (1, 0):
            result = _add(result, g, prime, a)
        elif pick == (0, 1):
            result = _add(result, q, prime, a)
    return result


def verify(public_key: keys.PublicKeyInfo, hash_name: str, signature: bytes, message: bytes) -> bool:
    kind, curve_name = public_key.curve
    if kind != "named" or curve_name not in CURVES:
        raise UnsupportedCurve(f"elliptic curve {curve_name} is not supported")
    prime, a, b, gx, gy, order = CURVES[curve_name]
    x, y = public_key["public_key"].to_coords()
    if not (0 <= x < prime and 0 <= y < prime) or (y * y - (x * x * x + a * x + b)) % prime:
        return False  # the key is not a point of the curve
    values = algos.DSASignature.load(signature)
    if values.dump() != signature:
        return False  # trailing bytes or non-DER encoding
    r, s = values["r"].native, values["s"].native
    if not (0 < r < order and 0 < s < order):
        return False
    digest = hashlib.new(hash_name, message).digest()
    e = int.from_bytes(digest, "big")
    if len(digest) * 8 > order.bit_length():
        e >>= len(digest) * 8 - order.bit_length()
    w = pow(s, -1, order)
    point = _double_scalar(e * w % order, (gx, gy), r * w % order, (x, y), prime, a)
    return point is not None and point[0] % order == r
