"""Helpers for the browser tests (the fixtures themselves are in tests/conftest.py)."""


def assert_local_only(request_log: list[str], site_url: str) -> None:
    """Fail, naming them, if any request left the served site."""
    foreign = [url for url in request_log if not url.startswith((site_url, "data:", "blob:"))]
    assert not foreign, f"requests to another origin: {foreign}"
