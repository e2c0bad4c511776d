"""Hostile and mutated inputs: every input ends in a verdict, in bounded time and memory.

Time is not asserted (the machine is shared); pytest-timeout is a generous ceiling, and
bench/cert_checker.py prints the real figures. Memory is measured with tracemalloc.
"""

import os
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igcsante.cert import check_bytes

VERDICTS = {"ready", "not_ready", "unreadable"}
MEMORY_CEILING = 200 * 1024 * 1024


def nested_sequences(depth: int) -> bytes:
    """SEQUENCE { SEQUENCE { ... } } built inside out without quadratic copying."""
    headers, size = [], 0
    for _ in range(depth):
        header = b"\x30" + _length(size)
        headers.append(header)
        size += len(header)
    return b"".join(reversed(headers))


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


HOSTILE = {
    "50 MB of zeros": lambda: bytes(50 * 1024 * 1024),
    "50 MB of random bytes": lambda: os.urandom(50 * 1024 * 1024),
    "20,000 nested SEQUENCEs": lambda: nested_sequences(20_000),
    "20,000 nested indefinite SEQUENCEs": lambda: b"\x30\x80" * 20_000 + b"\x00\x00" * 20_000,
    "length claims 2 GB": lambda: b"\x30\x84\x7f\xff\xff\xff" + b"\x00" * 100,
    "length of 127 length bytes": lambda: b"\x30\xff" + b"\xff" * 200,
    "inner length lies": lambda: b"\x30\x06\x30\x10\x02\x01\x00\x00",
    "150,000 tiny elements": lambda: b"\x30\x83" + (300_000).to_bytes(3, "big") + b"\x05\x00" * 150_000,
    "PEM of 700 KB nested SEQUENCEs": lambda: b"-----BEGIN CERTIFICATE-----\n" + __import__("base64").encodebytes(
        nested_sequences(200_000)[:500_000]) + b"-----END CERTIFICATE-----\n",
    "truncated indefinite length": lambda: b"\x30\x80\x30\x80\x02\x01\x00",
    # a lazy PEM regular expression rescanned the rest of the text for every BEGIN: minutes, not milliseconds
    "1 MB of PEM BEGIN lines without END": lambda: b"-----BEGIN CERTIFICATE-----\n" * 37_000,
    "20,000 PEM blocks whose END label differs": lambda: b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END X509 CRL-----\n" * 20_000,
    "high tag number overflow": lambda: b"\x30\x07\x1f\xff\xff\xff\xff\xff\x01",
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_unreadable_within_memory(name):
    data = HOSTILE[name]()
    tracemalloc.start()
    try:
        result = check_bytes(data, name, password="x")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result["verdict"] == "unreadable"
    assert {f["code"] for f in result["findings"]} == {"input.unreadable"}
    assert peak < MEMORY_CEILING


def test_too_big_says_so():
    result = check_bytes(bytes(2 * 1024 * 1024), "big.bin")
    assert "2,097,152 bytes" in result["findings"][0]["detail"]


def test_hostile_p12_iterations_are_bounded(pki, tmp_path):
    from asn1crypto import pkcs12
    from fake_pki import openssl_p12

    pfx = pkcs12.Pfx.load(openssl_p12(tmp_path, pki.leaf(), pki.key, "pw"))
    pfx["mac_data"]["iterations"] = 2**31 - 1
    result = check_bytes(pfx.dump(force=True), "h.p12", password="pw", env="test", at="2026-06-01")
    assert "p12.mac_unchecked" in {f["code"] for f in result["findings"]}


def real_ders(shared_data):
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return [x509.load_pem_x509_certificate(p.read_bytes()).public_bytes(Encoding.DER)
            for p in sorted((shared_data / "test-leaf").glob("*.pem"))]


@st.composite
def mutated(draw, samples):
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "set", "cut", "insert", "delete"]))
        position = draw(st.integers(0, len(data) - 1)) if data else 0
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "cut":
            data = data[:position]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[position:position + draw(st.integers(1, 8))]
    return bytes(data)


@pytest.fixture(scope="module")
def samples(shared_data):
    return real_ders(shared_data)


def test_mutated_real_certificates_always_end_in_a_verdict(samples, real_trust):
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(mutated(samples), st.sampled_from(["auto", "insi"]), st.booleans())
    def run(data, use, as_pem):
        if as_pem:
            data = b"-----BEGIN CERTIFICATE-----\n" + __import__("base64").encodebytes(data) + b"-----END CERTIFICATE-----\n"
        result = check_bytes(data, "m.der", use=use, env="test", at="2026-01-15", trust=real_trust)
        assert result["verdict"] in VERDICTS
        assert result["findings"]
        assert all(f["code"] and f["severity"] in ("error", "warning", "info") for f in result["findings"])
        if result["verdict"] == "ready":
            assert not any(f["severity"] == "error" for f in result["findings"])

    run()


def test_random_bytes_always_end_in_a_verdict():
    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(st.binary(max_size=3000))
    def run(data):
        assert check_bytes(data, "r.bin")["verdict"] in VERDICTS

    run()


def test_huge_rsa_key_in_a_csr_is_not_a_denial_of_service():
    from asn1crypto import csr, keys, x509

    modulus = (1 << 60000) - 1
    public_key = keys.PublicKeyInfo({"algorithm": {"algorithm": "rsa"},
                                     "public_key": keys.RSAPublicKey({"modulus": modulus, "public_exponent": modulus - 2})})
    request = csr.CertificationRequest({
        "certification_request_info": {"version": "v1", "subject": x509.Name.build({"common_name": "INSI-MANU"}),
                                       "subject_pk_info": public_key, "attributes": []},
        "signature_algorithm": {"algorithm": "sha256_rsa"},
        "signature": b"\x01" * 7500,
    })
    result = check_bytes(request.dump(), "huge.csr")
    assert result["verdict"] in VERDICTS
    assert "chain.signature_unchecked" in {f["code"] for f in result["findings"]}
