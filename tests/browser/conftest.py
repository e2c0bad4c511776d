"""Browser fixtures shared by every browser test: the built site served on 127.0.0.1, the Debian
Chromium driven by Playwright (no browser download), and the log of every request a page makes.

    from tests.browser.conftest import assert_local_only

    def test_x(page, site_url, request_log):
        page.goto(site_url + "decide/which-steps/")
        ...
        assert_local_only(request_log, site_url)

Requests to any other origin are logged, then aborted, so a test can never reach the internet.
"""

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("IGCSANTE_CHROMIUM", "/usr/bin/chromium")
# A closed network: no background calls home, no component updates, no sync, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1 (a free port); the URL ends with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session (a fresh temporary profile per context)."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package `chromium` "
                    "(make test does when run as root) or set IGCSANTE_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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


def assert_local_only(request_log: list[str], site_url: str) -> None:
    """Fail, naming them, if any request left the served site."""
    foreign = [url for url in request_log if not url.startswith((site_url, "data:", "blob:"))]
    assert not foreign, f"requests to another origin: {foreign}"
