"""The browser fixtures of tests/browser (served site, Chromium, request log), for the language tests."""

from tests.browser.conftest import chromium, page, page_errors, request_log, site_url  # noqa: F401
