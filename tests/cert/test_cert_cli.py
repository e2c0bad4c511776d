"""`igcsante cert` through a real subprocess: exit codes, JSON shape, text, French, usage errors."""

import json
import subprocess
import sys

import pytest
from fake_pki import pem

LEAF = "test-leaf/ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem"
EXPIRED = "test-leaf/ORG_AUTH_CLI_Padoa_2021-11-15_test_EXPIRED.pem"


def run(*args, env_trust=None):
    import os

    environment = {k: v for k, v in os.environ.items() if k != "IGCSANTE_TRUST_DIR"}
    if env_trust:
        environment["IGCSANTE_TRUST_DIR"] = str(env_trust)
    return subprocess.run([sys.executable, "-m", "igcsante", "cert", *map(str, args)], capture_output=True,
                          text=True, env=environment, timeout=120)


def test_ready_file_exits_0_with_json(shared_data):
    done = run("--env", "test", "--at", "2026-01-15", "--use", "insi", "--format", "json", shared_data / LEAF,
               env_trust=shared_data)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    (result,) = payload["results"]
    assert set(result) == {"file", "kind", "verdict", "findings", "certificate"}
    assert result["verdict"] == "ready" and result["kind"] == "certificate"
    assert set(result["findings"][0]) == {"code", "severity", "title", "why", "fix", "citation", "detail"}
    assert "chain.verified" in {f["code"] for f in result["findings"]}


def test_not_ready_exits_1_and_text_puts_verdict_first(shared_data):
    done = run("--env", "test", "--at", "2026-01-15", "--trust-dir", shared_data, shared_data / EXPIRED)
    assert done.returncode == 1
    first_line = done.stdout.splitlines()[0]
    assert first_line.endswith(": NOT READY")
    assert "(cert.expired)" in done.stdout and "Traceback" not in done.stderr


def test_french_text(shared_data):
    done = run("--env", "test", "--at", "2026-01-15", "--lang", "fr", "--use", "insi", shared_data / EXPIRED)
    assert "PAS PRÊT" in done.stdout and "Pourquoi :" in done.stdout and "DESIR_560" in done.stdout


def test_folder_is_expanded_and_unreadable_wins(shared_data, tmp_path):
    (tmp_path / "good.pem").write_bytes((shared_data / LEAF).read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "junk.txt").write_text("not a certificate")
    done = run("--env", "test", "--at", "2026-01-15", "--format", "json", tmp_path, env_trust=shared_data)
    assert done.returncode == 2
    verdicts = {r["file"].rsplit("/", 1)[-1]: r["verdict"] for r in json.loads(done.stdout)["results"]}
    assert verdicts == {"good.pem": "ready", "junk.txt": "unreadable"}


def test_password_file(pki, tmp_path, shared_data):
    from fake_pki import openssl_p12

    p12 = tmp_path / "x.p12"
    p12.write_bytes(openssl_p12(tmp_path, pki.leaf(), pki.key, "right pass"))
    (tmp_path / "pw").write_text("right pass\r\n")
    (tmp_path / "bad").write_text("wrong\n")
    ok = json.loads(run("--format", "json", "--password-file", tmp_path / "pw", p12).stdout)["results"][0]
    bad = run("--format", "json", "--password-file", tmp_path / "bad", p12)
    assert "p12.password_ok" in {f["code"] for f in ok["findings"]}
    assert bad.returncode == 1 and "p12.wrong_password" in bad.stdout


@pytest.mark.parametrize("args, message", [
    (["--use", "insi-manu", "x"], "invalid choice"),
    (["--at", "2026-02-30", "x"], "YYYY-MM-DD"),
    (["--format", "xml", "x"], "invalid choice"),
    (["does-not-exist.pem"], "no such file"),
    (["--password-file", "/nonexistent/pw", "README.md"], "cannot read the password file"),
    (["--trust-dir", "/nonexistent", "README.md"], "is not a folder"),
    ([], "required"),
])
def test_usage_errors_exit_2_with_a_message(args, message):
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr and done.stdout == ""


def test_help_exits_0():
    done = run("--help")
    assert done.returncode == 0 and "--trust-dir" in done.stdout


def test_private_key_exits_2_and_is_not_echoed(pki, tmp_path):
    from fake_pki import key_pem

    key_file = tmp_path / "k.pem"
    key_file.write_bytes(key_pem(pki.key))
    done = run("--format", "json", key_file)
    assert done.returncode == 2 and "input.private_key" in done.stdout
    assert key_file.read_text().splitlines()[3] not in done.stdout


def test_without_anchors_the_signature_is_not_claimed(pki, tmp_path):
    leaf = tmp_path / "l.pem"
    leaf.write_bytes(pem(pki.leaf()))
    done = run("--format", "json", "--env", "test", leaf)
    codes = {f["code"] for f in json.loads(done.stdout)["results"][0]["findings"]}
    assert "chain.anchors_unavailable" in codes and "chain.verified" not in codes


def test_closed_pipe_gives_no_traceback(shared_data):
    # the JSON for the whole folder is larger than a pipe buffer, so head closes the pipe mid-write
    command = [sys.executable, "-m", "igcsante", "cert", "--format", "json", "--env", "test", str(shared_data)]
    done = subprocess.run(f"{' '.join(command)} | head -1", shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and done.stdout.strip()
