"""Material's search works on the served site without any other origin."""

import pytest
from tests.browsing import assert_local_only

pytestmark = [pytest.mark.browser, pytest.mark.site]


def test_search_finds_the_form_that_orders_certificates(page, site_url, request_log):
    page.goto(site_url)
    page.click("input.md-search__input")
    # Typed key by key: Material searches on keyboard events, which fill() does not send.
    page.locator("input.md-search__input").press_sequentially("F413", delay=50)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    results = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any("procedure/3-appoint-and-order/" in href for href in results), results
    assert_local_only(request_log, site_url)
