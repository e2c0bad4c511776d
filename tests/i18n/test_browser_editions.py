"""In Chromium: the switcher leads to the same page in the other language, and each edition
searches its own pages."""

import pytest

from igcsante.cert.findings import reference
from tests.browsing import assert_local_only

pytestmark = [pytest.mark.browser, pytest.mark.site]


def search(page, words: str) -> list[str]:
    page.click("input.md-search__input")
    # Typed key by key: Material searches on keyboard events, which fill() does not send.
    page.locator("input.md-search__input").press_sequentially(words, delay=50)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def switch_language(page, lang: str) -> None:
    page.click(".md-header__option .md-select button")
    with page.expect_navigation():
        page.click(f'a.md-select__link[hreflang="{lang}"]')


def test_switching_language_keeps_the_page_and_the_decision_tree_answers(page, site_url, request_log, page_errors):
    page.goto(site_url + "decide/which-steps/?contract=signed")
    switch_language(page, "fr")
    assert page.url == site_url + "fr/decide/which-steps/?contract=signed"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text().startswith("Quelles étapes")
    switch_language(page, "en")
    assert page.url == site_url + "decide/which-steps/?contract=signed"
    assert page.locator("html").get_attribute("lang") == "en"
    assert not page_errors, page_errors
    assert_local_only(request_log, site_url)


def test_french_search_finds_french_pages_only(page, site_url, request_log):
    page.goto(site_url + "fr/procedure/")
    results = search(page, "mandataire")
    assert results and all(href.startswith(site_url + "fr/") for href in results), results
    assert site_url + "search/search_index.json" not in request_log
    assert site_url + "fr/search/search_index.json" in request_log
    assert_local_only(request_log, site_url)


def test_english_search_finds_english_pages_only(page, site_url, request_log):
    page.goto(site_url + "procedure/")
    results = search(page, "proxy")
    assert results and not any(href.startswith(site_url + "fr/") for href in results), results


def test_the_checker_answers_in_french_on_the_french_page(page, site_url, shared_data, request_log):
    root = "#igc-checker"
    page.goto(site_url + "fr/checker/")
    page.wait_for_selector(f'{root}[data-state="ready"]', timeout=120_000)
    page.select_option(f'{root} select[name="use"]', "insi")
    page.select_option(f'{root} select[name="env"]', "test")
    page.set_input_files(f'{root} input[type="file"]', str(shared_data / "test-leaf" / "ORG_AUTH_CLI_Padoa_2021-11-15_test_EXPIRED.pem"))
    page.wait_for_selector(f"{root}[data-verdict] .igc-finding", timeout=30_000)
    french = {finding["code"]: finding["title"] for finding in reference("fr")}
    shown = page.locator(f"{root} .igc-finding").evaluate_all(
        "items => items.map(li => [li.dataset.code, li.querySelector('.igc-finding__title strong').textContent,"
        " [...li.querySelectorAll('a')].map(a => a.href)])")
    assert shown
    for code, title, hrefs in shown:
        assert title == french[code], code
        internal = [href for href in hrefs if href.startswith(site_url)]
        assert internal and all(href.startswith(site_url + "fr/") for href in internal), hrefs
    assert_local_only(request_log, site_url)


def test_after_an_instant_navigation_the_switcher_leads_to_the_new_page_twin(page, site_url, instant_navigation, page_errors):
    page.goto(site_url + "procedure/")
    page.evaluate("window.__same_document = true")
    page.click('article a[href$="1-contract/"]')
    page.wait_for_url(site_url + "procedure/1-contract/")
    # A function, not a bare expression: Playwright evaluates those with eval(), which the CSP forbids.
    page.wait_for_function("() => document.querySelector('article h1').textContent.startsWith('Step 1')")
    assert page.evaluate("window.__same_document === true"), "the click was a full page load, not an instant navigation"
    switch_language(page, "fr")
    assert page.url == site_url + "fr/procedure/1-contract/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert not page_errors, page_errors
