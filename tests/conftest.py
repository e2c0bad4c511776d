"""Shared test set-up: where the real IGC-Santé certificates are, the network gate, and the browser
fixtures (the built site served on 127.0.0.1, the Debian Chromium driven by Playwright with no
browser download, the log of every request a page makes):

    def test_x(page, site_url, request_log):
        page.goto(site_url + "decide/which-steps/")
        ...
        assert_local_only(request_log, site_url)   # from tests.browsing

Requests to any other origin are logged, then aborted, so a test can never reach the internet.
"""

import os
import re
from pathlib import Path

import pytest

from macros.browser import ChromiumMissing, launch_chromium
from macros.serve import SiteServer

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("IGCSANTE_TRUST_DIR", ROOT.parent / "shared" / "data" / "igc-sante"))
# Helpers working in parallel build into their own folder and point the tests at it.
SITE = Path(os.environ.get("IGCSANTE_SITE_DIR", ROOT / "site"))


def pytest_collection_modifyitems(config, items):
    if os.environ.get("IGCSANTE_LIVE") == "1":
        return
    skip = pytest.mark.skip(reason="needs the internet: set IGCSANTE_LIVE=1 (the links workflow does)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real IGC-Santé test certificates not found at {SHARED_DATA} (../shared must sit beside the project)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run the tests through `make test`, which builds it first")
    return SITE


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1 (a free port); the URL ends with '/'."""
    with SiteServer(built_site) as server:
        yield server.url


# Module scope: Playwright's sync API keeps an asyncio loop running in this thread while it is
# open, which would break the tests that run asyncio themselves (the link checker) or start
# their own Playwright (the PDF printer).
@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium per test module (a fresh temporary profile per context)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except ChromiumMissing as missing:
            pytest.fail(str(missing))
        yield browser
        browser.close()


@pytest.fixture
def request_log() -> list[str]:
    """Every URL the test's page requested, in order (filled by the `page` fixture)."""
    return []


@pytest.fixture
def page_errors() -> list[str]:
    """Uncaught JavaScript errors of the test's page (filled by the `page` fixture)."""
    return []


@pytest.fixture
def page(chromium, site_url, request_log, page_errors):
    """A new page in a new browser context; requests to other origins are logged and aborted."""
    context = chromium.new_context()

    def route(route_request):
        url = route_request.request.url
        request_log.append(url)
        if url.startswith((site_url, "data:", "blob:")):
            route_request.continue_()
        else:
            route_request.abort()

    context.route("**/*", route)
    new_page = context.new_page()
    new_page.on("pageerror", lambda error: page_errors.append(str(error)))
    yield new_page
    context.close()


@pytest.fixture
def instant_navigation(page, site_url, request_log):
    """Make Material's instant navigation work on the test server's origin.

    Material decides which links it may load in place from sitemap.xml, after giving each entry
    the page's protocol and host name but not its port: built for another origin (or with an
    empty site_url, whose relative entries it cannot parse), the sitemap matches no link here and
    every click becomes a full page load. This serves the sitemap with its entries moved to the
    test origin, as it would read when the site is deployed at its own site_url.
    """

    def sitemap(route):
        request_log.append(route.request.url)
        body = route.fetch().text()
        locations = re.findall(r"<loc>([^<]*)</loc>", body)
        root = min(locations, key=len) if locations else ""

        def moved(url: str) -> str:
            relative = url[len(root):] if url.startswith(root) else url
            return site_url + re.sub(r"^\./", "", relative)

        body = re.sub(r"<loc>([^<]*)</loc>", lambda m: f"<loc>{moved(m[1])}</loc>", body)
        body = re.sub(r'(hreflang="[^"]*" href=")([^"]*)"', lambda m: f'{m[1]}{moved(m[2])}"', body)
        route.fulfill(status=200, content_type="application/xml", body=body)

    page.route(site_url + "**/sitemap.xml", sitemap)
    yield
    # A page shown last may still be fetching its sitemap: let that finish before the context closes.
    page.unroute_all(behavior="wait")
