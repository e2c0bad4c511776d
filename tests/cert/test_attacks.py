"""Regression tests for what a hostile or clumsy user broke in the checker (one test per hole found).

Every fixture is built here at test time; real certificates are read from the shared folder.
"""

import json
import os

import pytest
from asn1crypto import csr as asn1_csr
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from fake_pki import AT, codes, der, key_pem, openssl_p12, pem

from igcsante.cert import check_bytes
from igcsante.cert.cli import main

REAL_LEAF = "test-leaf/ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem"


def real_leaf_der(shared_data) -> bytes:
    return asn1_pem.unarmor((shared_data / REAL_LEAF).read_bytes())[2]


# --- forged signatures: claiming an algorithm the authority's key cannot produce -------------------

@pytest.mark.parametrize("algorithm", ["sha256_ecdsa", "ed25519", "sha256_dsa", "1.2.3.4", "rsassa_pss", "1.2.840.113549.1.1.1"])
def test_signature_algorithm_swapped_on_a_real_leaf_is_a_bad_signature(algorithm, shared_data, real_trust):
    # Before: ECDSA/Ed25519/DSA over an RSA authority gave "ready" (signature merely "unchecked");
    # an unknown OID or PSS without parameters gave "unreadable".
    certificate = asn1_x509.Certificate.load(real_leaf_der(shared_data))
    certificate["signature_algorithm"] = {"algorithm": algorithm}
    result = check_bytes(certificate.dump(force=True), "forged.der", env="test", at="2026-06-01", trust=real_trust)
    assert result["verdict"] == "not_ready"
    assert "chain.bad_signature" in codes(result, "error")
    assert not codes(result) & {"chain.signature_unchecked", "chain.verified", "input.unreadable", "cert.malformed"}


@pytest.mark.parametrize("algorithm", ["ed25519", "1.2.3.4", "rsassa_pss"])
def test_signature_algorithm_swapped_on_a_csr_is_a_bad_signature(algorithm, pki, fake_trust):
    request = asn1_csr.CertificationRequest.load(der(pki.csr()))
    request["signature_algorithm"] = {"algorithm": algorithm}
    result = check_bytes(request.dump(force=True), "forged.csr", trust=fake_trust)
    assert result["verdict"] == "not_ready"
    assert "csr.bad_signature" in codes(result) and "cert.malformed" not in codes(result)


# --- names that only look like INSI-MANU -------------------------------------------------------------

@pytest.mark.parametrize("cn, shown", [
    (" INSI-MANU", "a space at the start"),
    ("INSI-MANU\u200b", "U+200B ZERO WIDTH SPACE at position 10"),
    ("\uff29\uff2e\uff33\uff29-\uff2d\uff21\uff2e\uff35", "U+FF29 FULLWIDTH LATIN CAPITAL LETTER I at position 1"),
    ("INSI\u2010MANU", "U+2010 HYPHEN at position 5"),
    ("\u0406NSI-MANU", "U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I at position 1"),
])
def test_lookalike_insi_names_are_caught_and_the_hidden_characters_named(cn, shown, pki, fake_trust):
    # Before: with --use auto the fullwidth and Cyrillic names were checked as DMP certificates (no error),
    # and no detail said which invisible or lookalike character made the name wrong.
    result = check_bytes(pem(pki.leaf(cn=cn)), "lookalike.pem", env="test", at=AT, trust=fake_trust)
    assert result["verdict"] == "not_ready"
    (finding,) = [f for f in result["findings"] if f["code"] == "cert.insi_name"]
    assert shown in finding["detail"]


# --- private keys whose armour is damaged ------------------------------------------------------------

def key_text(pki) -> str:
    return key_pem(pki.key).decode()


@pytest.mark.parametrize("damage", ["END line lost", "label retyped", "PuTTY", "after a certificate, truncated"])
def test_damaged_private_keys_are_still_flagged_and_never_echoed(damage, pki, fake_trust):
    text = key_text(pki)
    data = {
        "END line lost": text.replace("-----END PRIVATE KEY-----", "").encode(),
        "label retyped": text.replace("PRIVATE KEY", "Private Key").encode(),
        "PuTTY": ("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nPrivate-Lines: 1\n" + text.splitlines()[3] + "\n").encode(),
        "after a certificate, truncated": pem(pki.leaf()) + text[:600].encode(),
    }[damage]
    result = check_bytes(data, "key.txt", env="test", at=AT, trust=fake_trust)
    assert "input.private_key" in codes(result, "warning")
    assert result["verdict"] == ("ready" if damage.startswith("after") else "unreadable")
    assert text.splitlines()[3] not in json.dumps(result)


# --- the command line ----------------------------------------------------------------------------------

def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_with_a_message_that_says_so(tmp_path, capsys):
    # Before: "no such file or folder", about a file that plainly exists.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run_cli(capsys, fifo)
    assert code == 2 and "not a regular file" in err


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc (a file whose read fails, even as root)")
def test_a_file_that_cannot_be_read_does_not_hide_the_others(pki, tmp_path, capsys):
    # Before: the first read error stopped the run, printing no result for any other file.
    good = tmp_path / "good.csr"
    good.write_bytes(pem(pki.csr()))
    code, out, _ = run_cli(capsys, "--format", "json", "/proc/self/mem", good)
    first, second = json.loads(out)["results"]
    assert code == 2
    assert first["verdict"] == "unreadable" and "could not be read" in first["findings"][0]["detail"]
    assert second["verdict"] == "ready"


def test_a_password_file_saved_by_notepad_as_unicode_opens_the_p12(pki, tmp_path, capsys, fake_trust):
    # Before: UTF-16 (Notepad's "Unicode") password files were refused as "not UTF-8 text".
    p12 = tmp_path / "cert.p12"
    p12.write_bytes(openssl_p12(tmp_path, pki.leaf(), pki.key, "Sécurité"))
    password_file = tmp_path / "password.txt"
    password_file.write_bytes(b"\xff\xfe" + "Sécurité\r\n".encode("utf-16-le"))
    code, out, _ = run_cli(capsys, "--format", "json", "--env", "test", "--password-file", password_file, p12)
    assert "p12.password_ok" in codes(json.loads(out)["results"][0])


# --- .p12 without MAC, BER certificates ------------------------------------------------------------------

def test_wrong_password_on_a_p12_without_mac_says_wrong_password(pki, tmp_path, fake_trust):
    # Before: only "could not be decrypted here", as if the checker were at fault.
    data = openssl_p12(tmp_path, pki.leaf(), pki.key, "right", "-certpbe", "NONE", "-keypbe", "PBE-SHA1-3DES", "-nomac")
    result = check_bytes(data, "nomac.p12", env="test", at=AT, password="wrong", trust=fake_trust)
    assert "p12.wrong_password" in codes(result, "error") and "p12.encrypted_unchecked" not in codes(result)
    right = check_bytes(data, "nomac.p12", env="test", at=AT, password="right", trust=fake_trust)
    assert "p12.key_matches" in codes(right) and "p12.wrong_password" not in codes(right)


def test_a_ber_certificate_is_said_to_be_ber(shared_data, real_trust):
    leaf = real_leaf_der(shared_data)
    assert leaf[1] == 0x82  # the outer SEQUENCE's length takes two bytes: replace it by the indefinite form
    result = check_bytes(b"\x30\x80" + leaf[4:] + b"\x00\x00", "ber.der", env="test", at="2026-06-01", trust=real_trust)
    (kind,) = [f for f in result["findings"] if f["code"] == "input.kind"]
    assert "BER with indefinite lengths" in kind["detail"]


def test_a_hostile_name_cannot_forge_lines_or_drive_the_terminal_in_text_output(pki, tmp_path, capsys):
    # Before: a CN holding a newline and ANSI codes printed a green "fake.pem: READY" line of its own.
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(pem(pki.leaf(cn="INSI-MANU\n\x1b[32mfake.pem: READY\x1b[0m\u202e")))
    _, out, _ = run_cli(capsys, "--env", "test", leaf)
    assert "\x1b" not in out and "\u202e" not in out
    assert not any(line.startswith("fake.pem") for line in out.splitlines())
    assert "INSI-MANU\\x0a\\x1b[32mfake.pem: READY\\x1b[0m\\u202e" in out
    assert "U+000A CONTROL CHARACTER at position 10" in out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_password_file_is_refused_not_read_forever(pki, tmp_path, capsys):
    # Before: --password-file /dev/zero read until the memory ran out.
    p12 = tmp_path / "cert.p12"
    p12.write_bytes(openssl_p12(tmp_path, pki.leaf(), pki.key, "pw"))
    code, _, err = run_cli(capsys, "--password-file", "/dev/zero", p12)
    assert code == 2 and "larger than 65,536 bytes" in err


def test_without_trust_anchors_a_forged_certificate_is_not_ready(shared_data):
    # Before: with no anchors loaded (no --trust-dir, no IGCSANTE_TRUST_DIR) a forged certificate came out
    # "ready", exit 0, with only a warning that its signature had not been checked.
    from igcsante.cert.trust import TrustStore

    certificate = asn1_x509.Certificate.load(real_leaf_der(shared_data))
    signature = bytearray(certificate["signature_value"].native)
    signature[100] ^= 1
    certificate["signature_value"] = bytes(signature)
    result = check_bytes(certificate.dump(force=True), "forged.der", env="test", at="2026-06-01",
                         trust=TrustStore([], pinned=True))
    assert result["verdict"] == "not_ready" and "chain.anchors_unavailable" in codes(result, "error")


@pytest.mark.parametrize("padding", [b"\n", b"\r\n", b"\x00" * 16])
def test_a_der_file_with_padding_at_the_end_is_read(padding, shared_data, real_trust):
    # Before: a final newline (an editor) or zeros (some Windows tools) made a good DER file "unreadable".
    result = check_bytes(real_leaf_der(shared_data) + padding, "leaf.der", env="test", at="2026-06-01", trust=real_trust)
    assert result["verdict"] == "ready" and "chain.verified" in codes(result)
    (kind,) = [f for f in result["findings"] if f["code"] == "input.kind"]
    assert f"{len(padding)} byte(s) of padding" in kind["detail"]


def test_padding_does_not_excuse_other_trailing_bytes(shared_data, real_trust):
    result = check_bytes(real_leaf_der(shared_data) + b"\x00garbage", "leaf.der", trust=real_trust)
    assert result["verdict"] == "unreadable" and "unexpected bytes after the structure" in result["findings"][0]["detail"]
