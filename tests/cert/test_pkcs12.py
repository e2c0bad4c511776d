"""PKCS#12 files shaped like IGC-Santé's, and the other shapes tools produce."""

import pytest
from fake_pki import AT, codes, openssl_p12

from igcsante.cert import check_bytes
from igcsante.cert.pkcs12 import pkcs12_kdf


@pytest.fixture(scope="module")
def igc_shaped(pki, tmp_path_factory):
    """Leaf + CA + root in clear, 3DES key bag, HMAC-SHA1 MAC, 2048 iterations: as IGC-Santé delivers."""
    folder = tmp_path_factory.mktemp("p12")
    chain = [pki.cas[("ORG", True)].certificate, pki.roots[True].certificate]
    return openssl_p12(folder, pki.leaf(), pki.key, "S3cret-é", chain=chain)


def check(data, fake_trust, **options):
    return check_bytes(data, "x.p12", use="insi", env="test", at=AT, trust=fake_trust, **options)


def test_certificates_shown_without_password(igc_shaped, fake_trust):
    result = check(igc_shaped, fake_trust)
    assert result["kind"] == "pkcs12" and result["verdict"] == "ready"
    assert result["certificate"]["subject"].startswith("CN=INSI-MANU")
    assert len(result["certificate"]["other_certificates"]) == 2
    assert "p12.password_not_given" in codes(result)


def test_right_password_checks_mac_and_key(igc_shaped, fake_trust):
    result = check(igc_shaped, fake_trust, password="S3cret-é")
    assert {"p12.password_ok", "p12.key_matches", "chain.verified"} <= codes(result)
    assert result["verdict"] == "ready"


@pytest.mark.parametrize("password", ["s3cret-é", "S3cret-e", "", "S3cret-é "])
def test_wrong_password_is_an_error(password, igc_shaped, fake_trust):
    result = check(igc_shaped, fake_trust, password=password)
    assert "p12.wrong_password" in codes(result, "error") and result["verdict"] == "not_ready"
    assert "p12.key_matches" not in codes(result)


def test_password_as_bytes(igc_shaped, fake_trust):
    assert "p12.password_ok" in codes(check(igc_shaped, fake_trust, password="S3cret-é".encode()))


def test_empty_password(pki, fake_trust, tmp_path):
    data = openssl_p12(tmp_path, pki.leaf(), pki.key, "")
    assert "p12.password_ok" in codes(check(data, fake_trust, password=""))


def test_modern_openssl_default_with_encrypted_certificates(pki, fake_trust, tmp_path):
    data = openssl_p12(tmp_path, pki.leaf(), pki.key, "pw", "-certpbe", "AES-256-CBC", "-keypbe", "AES-256-CBC", "-macalg", "sha256")
    without = check(data, fake_trust)
    assert without["verdict"] == "unreadable" and "p12.password_needed" in codes(without)
    opened = check(data, fake_trust, password="pw")
    assert opened["verdict"] == "ready" and {"p12.password_ok", "p12.key_matches"} <= codes(opened)
    wrong = check(data, fake_trust, password="nope")
    assert wrong["verdict"] == "unreadable" and "p12.wrong_password" in codes(wrong)


def test_clear_key_bag_is_flagged(pki, fake_trust, tmp_path):
    data = openssl_p12(tmp_path, pki.leaf(), pki.key, "pw", "-certpbe", "NONE", "-keypbe", "NONE")
    result = check(data, fake_trust)
    assert "input.private_key" in codes(result, "warning")


def test_kdf_matches_rfc7292_known_answer():
    # Known answer from OpenSSL's PKCS#12 KDF test vectors (id=1, SHA-1, password "smeg", 1 iteration).
    password = "smeg".encode("utf-16-be") + b"\x00\x00"
    key = pkcs12_kdf("sha1", password, bytes.fromhex("0A58CF64530D823F"), 1, 1, 24)
    assert key.hex().upper() == "8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3"
