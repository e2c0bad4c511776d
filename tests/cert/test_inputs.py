"""Input decoding: the forms files really come in, and private keys that must never be echoed."""

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from fake_pki import AT, codes, der, key_pem, pem

from igcsante.cert import check_bytes


def check(data, fake_trust, **options):
    return check_bytes(data, "input", env="test", at=AT, trust=fake_trust, **options)


def variants(pem_bytes: bytes, der_bytes: bytes) -> dict[str, bytes]:
    text = pem_bytes.decode()
    body = "".join(text.strip().splitlines()[1:-1])
    return {
        "pem": pem_bytes,
        "der": der_bytes,
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr only": text.replace("\n", "\r").encode(),
        "junk around": b"Hello, here is my certificate:\n\n" + pem_bytes + b"\n-- \nRegards\n",
        "indented": "\n".join("    " + line for line in text.splitlines()).encode(),
        "utf-16 le bom": b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"),
        "utf-16 be bom": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf-16 no bom": text.encode("utf-16-le"),
        "utf-8 bom": b"\xef\xbb\xbf" + pem_bytes,
        "bare base64": body.encode(),
        "bare base64 wrapped": "\n".join(body[i:i + 64] for i in range(0, len(body), 64)).encode(),
    }


@pytest.mark.parametrize("form", list(variants(b"-----BEGIN X-----\nAA==\n-----END X-----\n", b"")))
def test_certificate_forms(form, pki, fake_trust):
    certificate = pki.leaf()
    result = check(variants(pem(certificate), der(certificate))[form], fake_trust, use="insi")
    assert result["kind"] == "certificate"
    assert result["verdict"] == "ready", result["findings"]


@pytest.mark.parametrize("form", ["pem", "der", "crlf", "utf-16 le bom", "bare base64"])
def test_csr_forms(form, pki, fake_trust):
    request = pki.csr()
    result = check(variants(pem(request), der(request))[form], fake_trust)
    assert result["kind"] == "csr" and result["verdict"] == "ready", result["findings"]


def test_new_certificate_request_armour_from_windows_certreq(pki, fake_trust):
    text = pem(pki.csr()).decode().replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST").replace("\n", "\r\n")
    result = check(b"\xff\xfe" + text.encode("utf-16-le"), fake_trust)
    assert result["kind"] == "csr" and result["verdict"] == "ready"
    assert "UTF-16" in next(f["detail"] for f in result["findings"] if f["code"] == "input.kind")


def test_several_blocks_leaf_found_whatever_the_order(pki, fake_trust):
    authority = pki.cas[("ORG", True)].certificate
    bundle = pem(pki.roots[True].certificate) + b"text\n" + pem(authority) + pem(pki.leaf())
    result = check(bundle, fake_trust)
    assert result["certificate"]["subject"].startswith("CN=INSI-MANU")
    assert len(result["certificate"]["other_certificates"]) == 2


PRIVATE_KEY_FORMATS = {
    "pkcs8 pem": (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, False),
    "pkcs1 pem": (serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, False),
    "encrypted pem": (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, True),
    "pkcs8 der": (serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, False),
    "pkcs1 der": (serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL, False),
    "encrypted der": (serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, True),
}


@pytest.mark.parametrize("form", sorted(PRIVATE_KEY_FORMATS))
@pytest.mark.parametrize("key_name", ["key", "ec_key"])
def test_private_key_alone_is_refused_and_never_echoed(form, key_name, pki, fake_trust):
    encoding, private_format, encrypted = PRIVATE_KEY_FORMATS[form]
    encryption = serialization.BestAvailableEncryption(b"pw") if encrypted else serialization.NoEncryption()
    key = getattr(pki, key_name)
    data = key.private_bytes(encoding, private_format, encryption)
    result = check(data, fake_trust)
    assert result["verdict"] == "unreadable" and result["kind"] == "private_key"
    assert codes(result) == {"input.private_key"}
    assert next(iter(result["findings"]))["severity"] == "warning"
    dumped = json.dumps(result)
    raw = data if encoding == serialization.Encoding.DER else base64.b64decode("".join(data.decode().splitlines()[1:-1]))
    assert raw[40:72].hex() not in dumped and base64.b64encode(raw[42:72]).decode() not in dumped
    if encoding == serialization.Encoding.PEM:
        assert data.decode().splitlines()[2] not in dumped


def test_private_key_beside_a_certificate_is_flagged(pki, fake_trust):
    result = check(pem(pki.leaf()) + key_pem(pki.key), fake_trust)
    assert result["kind"] == "certificate" and "input.private_key" in codes(result, "warning")
    assert "BEGIN" not in repr(result)


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"-----BEGIN CERTIFICATE-----\nMIIB", "END"),
    (b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "base64"),
    (b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "only PEM blocks"),
    (bytes(range(256)) * 4, "neither"),
    (b"\x30\x03\x02\x01\x05", "not a certificate"),
])
def test_unreadable_inputs_say_why(data, reason, fake_trust):
    result = check(data, fake_trust)
    assert result["verdict"] == "unreadable" and codes(result) == {"input.unreadable"}
    assert reason in result["findings"][0]["detail"]


def test_bad_options_are_reported_not_raised(pki, fake_trust):
    for options in ({"use": "x"}, {"env": "staging"}, {"lang": "de"}, {"at": "15/01/2026"}, {"at": 12}):
        result = check_bytes(pem(pki.leaf()), "x", trust=fake_trust, **options)
        assert result["verdict"] == "unreadable" and codes(result) == {"input.invalid_option"}


def test_at_accepts_datetimes_and_dates(pki, fake_trust):
    from datetime import date, datetime

    for at in (date(2026, 6, 1), datetime(2026, 6, 1), "2026-06-01"):
        assert check_bytes(pem(pki.leaf()), "x", env="test", at=at, trust=fake_trust)["verdict"] == "ready"


def test_french_texts(pki, fake_trust):
    result = check(pem(pki.leaf("Padoa")), fake_trust, use="insi", lang="fr")
    finding = next(f for f in result["findings"] if f["code"] == "cert.insi_name")
    assert finding["title"].startswith("Le nom du certificat") and "DESIR_560" in finding["why"]
