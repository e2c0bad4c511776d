"""Find the external URLs of the built site that data/links.yml does not hold."""

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

URL_ATTRIBUTES = ("href", "src")


def external_urls(site_dir: Path) -> dict[str, set[str]]:
    """Every http(s) URL in an href or src of the built HTML, with the pages (relative paths) using it."""
    found: dict[str, set[str]] = {}
    for page in sorted(Path(site_dir).rglob("*.html")):
        soup = BeautifulSoup(page.read_bytes(), "html.parser")
        for attribute in URL_ATTRIBUTES:
            for tag in soup.find_all(attrs={attribute: True}):
                url = tag[attribute].strip()
                if urlsplit(url).scheme.lower() in ("http", "https"):
                    found.setdefault(url, set()).add(page.relative_to(site_dir).as_posix())
    return found


def unregistered(site_dir: Path, registered: set[str]) -> dict[str, list[str]]:
    """URLs the registry lacks (a #fragment added to a registered URL counts as registered)."""
    return {
        url: sorted(pages)
        for url, pages in sorted(external_urls(site_dir).items())
        if url not in registered and urldefrag(url).url not in registered
    }
