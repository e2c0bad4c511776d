"""The checker inside Pyodide under Node (same core, lock file, wheels, trust anchors and start-up
code as the page, read from the built site) gives the verdicts and codes CPython gives."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore
from tests.checker_files import P12_PASSWORD, make_checker_files, real_files

pytestmark = [pytest.mark.pyodide, pytest.mark.site]

HARNESS = Path(__file__).with_name("run_checker.mjs")
AT = "2026-12-03"  # every result reproducible
# Decrypting the .p12 key to compare it with the certificate needs `cryptography`, which exists on
# CPython only: there the checker says the key matches, in Pyodide that it could not look.
CPYTHON_ONLY = {"p12.key_matches": "p12.encrypted_unchecked"}


def run_in_pyodide(site: Path, jobs: list[dict]) -> dict:
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed for the Pyodide tests: apt-get install nodejs")
    completed = subprocess.run(["node", str(HARNESS), str(site)], input=json.dumps(jobs), capture_output=True,
                               text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def summary(result: dict) -> tuple[str, str, list[str]]:
    codes = sorted(CPYTHON_ONLY.get(finding["code"], finding["code"]) for finding in result["findings"])
    return result["kind"], result["verdict"], codes


def jobs_for(shared_data: Path, generated: dict[str, Path]) -> list[dict]:
    jobs = []
    for path in real_files(shared_data):
        env = "test" if path.parent.name.startswith("test") else "prod"
        jobs += [{"path": str(path), "use": use, "env": env, "at": AT} for use in ("auto", "insi", "dmp-sign")]
    for name, path in generated.items():
        jobs.append({"path": str(path), "use": "insi", "env": "test", "at": AT})
        if name.endswith(".p12"):
            jobs += [{"path": str(path), "use": "insi", "env": "test", "at": AT, "password": password}
                     for password in (P12_PASSWORD, "not-the-password")]
    return jobs


def test_pyodide_gives_the_same_verdicts_and_codes_as_cpython(built_site, shared_data, tmp_path):
    jobs = jobs_for(shared_data, make_checker_files(tmp_path / "files", shared_data))
    output = run_in_pyodide(built_site, jobs)
    assert output["anchors"] == 11, "the site should bundle the 11 pinned IGC-Santé CA certificates"
    trust = TrustStore.from_directory(shared_data)
    mismatches = []
    for job, in_pyodide in zip(jobs, output["results"], strict=True):
        options = {key: value for key, value in job.items() if key != "path"}
        in_cpython = check_bytes(Path(job["path"]).read_bytes(), Path(job["path"]).name, trust=trust, **options)
        if summary(in_pyodide) != summary(in_cpython):
            mismatches.append((job, summary(in_cpython), summary(in_pyodide)))
    assert not mismatches, "\n".join(f"{job}\n  CPython: {c}\n  Pyodide: {p}" for job, c, p in mismatches)
    verdicts = {result["verdict"] for result in output["results"]}
    assert verdicts == {"ready", "not_ready", "unreadable"}, "the test files should cover every verdict"


def test_p12_password_is_judged_in_pyodide(built_site, shared_data, tmp_path):
    p12 = make_checker_files(tmp_path / "files", shared_data)["org.p12"]
    jobs = [{"path": str(p12), "use": "insi", "env": "test", "at": AT, "password": password}
            for password in (None, P12_PASSWORD, "not-the-password")]
    without, right, wrong = (summary(r)[2] for r in run_in_pyodide(built_site, jobs)["results"])
    assert "p12.password_not_given" in without
    assert "p12.password_ok" in right and "p12.wrong_password" not in right
    assert "p12.wrong_password" in wrong


def test_without_trust_anchors_every_certificate_result_says_signatures_were_not_checked(built_site, shared_data, tmp_path):
    # A site built without IGCSANTE_TRUST_DIR: the same bundle with an empty trust-anchors.json.
    site = tmp_path / "site"
    checker = site / "assets" / "checker"
    checker.mkdir(parents=True)
    for item in (built_site / "assets" / "checker").iterdir():
        if item.name != "trust-anchors.json":
            (checker / item.name).symlink_to(item)
    (checker / "trust-anchors.json").write_text(json.dumps({"source": None, "anchors": []}))
    files = [p for p in real_files(shared_data) if p.parent.name == "test-leaf"]
    output = run_in_pyodide(site, [{"path": str(p), "env": "test", "at": AT} for p in files])
    assert output["anchors"] == 0
    for path, result in zip(files, output["results"], strict=True):
        codes = {finding["code"] for finding in result["findings"]}
        assert "chain.anchors_unavailable" in codes and "chain.verified" not in codes, (path.name, codes)
