"""The checker page in headless Chromium: real and generated files dropped on it give CPython's
verdicts and codes, the page keeps every request on 127.0.0.1, and it degrades clearly."""

import json
from pathlib import Path

import pytest

from igcsante.cert import check_bytes
from igcsante.cert.trust import TrustStore
from tests.browsing import assert_local_only
from tests.checker_files import P12_PASSWORD, make_checker_files, real_files

pytestmark = [pytest.mark.browser, pytest.mark.site]

ROOT = "#igc-checker"
READY_TIMEOUT = 120_000  # Pyodide's start on a busy 2-core machine
CHECK_TIMEOUT = 30_000
# CPython decrypts the .p12 key with `cryptography` (absent from Pyodide); see tests/pyodide.
CPYTHON_ONLY = {"p12.key_matches": "p12.encrypted_unchecked"}


@pytest.fixture
def checker_page(page, site_url):
    page.goto(site_url + "checker/")
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=READY_TIMEOUT)
    return page


@pytest.fixture
def files(tmp_path, shared_data):
    return make_checker_files(tmp_path / "files", shared_data)


def choose(page, path: Path, use: str = "auto", env: str = "prod", password: str | None = None) -> dict:
    """Selects the options, drops `path` through the file input; returns the result as shown."""
    # The result now shown may be for the same file and options: mark it, to wait for the new one.
    page.evaluate("document.querySelectorAll('.igc-result').forEach(result => { result.dataset.stale = '1'; })")
    page.select_option(f'{ROOT} select[name="use"]', use)
    page.select_option(f'{ROOT} select[name="env"]', env)
    page.set_input_files(f'{ROOT} input[type="file"]', str(path))
    if password is not None:
        page.fill(f'{ROOT} input[name="password"]', password)
        page.click(f'{ROOT} .igc-checker__password button[type="submit"]')
    return shown_result(page, path.name, use, env)


def shown_result(page, name: str, use: str, env: str) -> dict:
    result = f'{ROOT}[data-verdict] .igc-result[data-file="{name}"][data-use="{use}"][data-env="{env}"]:not([data-stale])'
    page.wait_for_selector(result, timeout=CHECK_TIMEOUT)
    return {
        "verdict": page.get_attribute(ROOT, "data-verdict"),
        "result_verdict": page.get_attribute(result, "data-verdict"),
        "codes": sorted(e.get_attribute("data-code") for e in page.query_selector_all(f"{result} [data-code]")),
    }


def cpython(path: Path, shared_data: Path, **options) -> tuple[str, list[str]]:
    result = check_bytes(path.read_bytes(), path.name, trust=TrustStore.from_directory(shared_data), **options)
    return result["verdict"], sorted(CPYTHON_ONLY.get(f["code"], f["code"]) for f in result["findings"])


def test_the_checker_starts_in_a_worker_and_everything_comes_from_127_0_0_1(checker_page, site_url, request_log,
                                                                             page_errors):
    assert "Everything stays on this computer" in checker_page.inner_text(f"{ROOT} .igc-checker__privacy")
    assert checker_page.is_hidden(f"{ROOT} .igc-checker__offline")
    loaded = " ".join(request_log)
    for needed in ("pyodide.asm.wasm", "igcsante-", "asn1crypto-", "pyodide-lock.json", "trust-anchors.json"):
        assert needed in loaded, f"the worker's request for {needed} was not seen"
    assert "micropip" not in loaded and "packaging" not in loaded, "only what the checker needs is loaded"
    assert_local_only(request_log, site_url)
    assert not page_errors


def test_real_files_give_the_command_lines_verdicts_and_codes(checker_page, shared_data, site_url, request_log):
    mismatches = []
    for path in real_files(shared_data):
        env = "test" if path.parent.name.startswith("test") else "prod"
        shown = choose(checker_page, path, use="insi", env=env)
        expected = cpython(path, shared_data, use="insi", env=env)
        if (shown["verdict"], shown["codes"]) != expected:
            mismatches.append((path.name, expected, shown))
    assert not mismatches, "\n".join(map(str, mismatches))
    assert_local_only(request_log, site_url)


def test_p12_is_checked_without_then_with_the_right_and_wrong_password(checker_page, files):
    p12 = files["org.p12"]
    without = choose(checker_page, p12, use="insi", env="test")
    assert "p12.password_not_given" in without["codes"]
    assert checker_page.is_visible(f"{ROOT} input[name='password']")
    wrong = choose(checker_page, p12, use="insi", env="test", password="not-the-password")
    assert wrong["verdict"] == "not_ready" and "p12.wrong_password" in wrong["codes"]
    right = choose(checker_page, p12, use="insi", env="test", password=P12_PASSWORD)
    assert "p12.password_ok" in right["codes"] and "p12.wrong_password" not in right["codes"]


@pytest.mark.parametrize("name, verdict, code", [
    ("key.pem", "unreadable", "input.private_key"),
    ("garbage.bin", "unreadable", "input.unreadable"),
    ("empty.cer", "unreadable", "input.unreadable"),
    ("weak-request.csr", "not_ready", "csr.weak_key"),
    ("windows-request.csr", "ready", "csr.subject_set_by_platform"),
])
def test_generated_files(checker_page, files, shared_data, name, verdict, code):
    shown = choose(checker_page, files[name], use="insi", env="test")
    assert shown["verdict"] == verdict and code in shown["codes"]
    assert (shown["verdict"], shown["codes"]) == cpython(files[name], shared_data, use="insi", env="test")


def test_a_private_key_is_never_echoed(checker_page, files):
    choose(checker_page, files["key.pem"])
    key_lines = [line for line in files["key.pem"].read_text().splitlines() if not line.startswith("-----")]
    page_text = checker_page.content()
    assert not any(line in page_text for line in key_lines)


def test_drop_and_paste(checker_page, shared_data):
    leaf = shared_data / "test-leaf" / "ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem"
    checker_page.select_option(f'{ROOT} select[name="env"]', "test")
    dropped = checker_page.evaluate_handle(
        "text => { const data = new DataTransfer(); data.items.add(new File([text], 'dropped.pem')); return data; }",
        leaf.read_text())
    checker_page.dispatch_event(f"{ROOT} .igc-checker__drop", "drop", {"dataTransfer": dropped})
    assert shown_result(checker_page, "dropped.pem", "auto", "test")["verdict"] == "ready"
    checker_page.click(f"{ROOT} .igc-checker__paste summary")
    checker_page.fill(f'{ROOT} textarea[name="pem"]', "Here is the certificate:\n" + leaf.read_text())
    checker_page.click(f"{ROOT} .igc-checker__paste button")
    assert shown_result(checker_page, "pasted text", "auto", "test")["verdict"] == "ready"


def test_reports_are_made_on_the_page(checker_page, shared_data, site_url, request_log):
    path = shared_data / "test-leaf" / "ORG_SIGN_Padoa-SIGN_2021-11-15_test_EXPIRED.pem"
    shown = choose(checker_page, path, use="insi", env="test")
    with checker_page.expect_download() as download:
        checker_page.click(f'{ROOT} [data-report="json"]')
    report = json.loads(Path(download.value.path()).read_text())
    assert report["results"][0]["verdict"] == shown["verdict"] == "not_ready"
    with checker_page.expect_download() as download:
        checker_page.click(f'{ROOT} [data-report="markdown"]')
    markdown = Path(download.value.path()).read_text()
    assert path.name in markdown and all(f"`{code}`" in markdown for code in shown["codes"])
    checker_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    checker_page.click(f'{ROOT} [data-report="copy"]')
    checker_page.wait_for_selector(f"{ROOT} .igc-checker__report-status:has-text('copied')")
    assert checker_page.evaluate("navigator.clipboard.readText()") == markdown
    assert_local_only(request_log, site_url)


def test_findings_link_to_the_reference_and_the_guide(checker_page, shared_data, site_url):
    choose(checker_page, shared_data / "legacy" / "GIP-CPS-TEST_AC-CLASSE-4_server_2015_legacy_1024bit_sha1.pem")
    for link in checker_page.query_selector_all(f"{ROOT} .igc-finding__code, {ROOT} .igc-finding__links a"):
        href = link.evaluate("a => a.href")
        if href.startswith(site_url):
            response = checker_page.request.get(href)
            assert response.ok, href
            anchor = href.partition("#")[2]
            if anchor:
                assert f'id="{anchor}"' in response.text(), href


def test_the_checker_works_after_leaving_and_coming_back(page, instant_navigation, site_url, shared_data, request_log):
    checker_page = page
    checker_page.goto(site_url + "checker/")
    checker_page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=READY_TIMEOUT)
    checker_page.evaluate("window.__sameDocument = true")
    checker_page.click("a.md-nav__link[href$='findings/']")
    checker_page.wait_for_selector("[data-code='cert.expired']")
    checker_page.click("a.md-nav__link[href$='checker/']")
    checker_page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=READY_TIMEOUT)
    path = shared_data / "test-leaf" / "ORG_AUTH_CLI_INSI-MANU_2025-04-25_test.pem"
    assert choose(checker_page, path, use="insi", env="test")["verdict"] == "ready"
    assert checker_page.evaluate("window.__sameDocument === true"), "the navigation reloaded the page"
    # With instant navigation the worker, and Pyodide in it, lives on.
    assert sum("pyodide.asm.wasm" in url for url in request_log) == 1, "Pyodide was loaded again"


def test_a_failed_package_load_is_reported(page, site_url):
    # loadPackage resolves even when a wheel fails its integrity check: the page must notice.
    page.route("**/igcsante-*.whl", lambda route: route.fulfill(status=200, body=b"not a wheel"))
    page.goto(site_url + "checker/")
    page.wait_for_selector(f'{ROOT}[data-state="error"]', timeout=READY_TIMEOUT)
    assert "did not load" in page.inner_text(f"{ROOT} .igc-checker__stage")


def test_the_policy_forbids_other_origins(checker_page):
    violation = checker_page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective), {once: true});
        fetch('http://example.org/').catch(() => {});
    })""")
    assert violation == "connect-src"


def test_from_a_file_the_page_explains_the_command_line(chromium, built_site):
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto((built_site / "checker" / "index.html").as_uri())
        assert page.is_visible(f"{ROOT} .igc-checker__offline")
        assert "igcsante cert" in page.inner_text(f"{ROOT} .igc-checker__offline")
        assert page.is_hidden(f"{ROOT} .igc-checker__live")
        assert page.get_attribute(ROOT, "data-state") is None
    finally:
        context.close()
