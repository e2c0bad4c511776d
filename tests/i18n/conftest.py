"""The browser fixtures of tests/browser (served site, Chromium, request log), for the language tests."""

from tests.browser.conftest import chromium, instant_navigation, page, page_errors, request_log, site_url  # noqa: F401
