"""Find the external URLs of the built site that data/links.yml does not hold."""

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

URL_ATTRIBUTES = ("href", "src")


def own_url(site_dir: Path) -> str | None:
    """The site's own address (MkDocs' site_url): the canonical link of its home page, if any."""
    home = Path(site_dir) / "index.html"
    if not home.is_file():
        return None
    canonical = BeautifulSoup(home.read_bytes(), "html.parser").find("link", rel="canonical")
    return canonical["href"].strip() if canonical and canonical.get("href") else None


def external_urls(site_dir: Path) -> dict[str, set[str]]:
    """Every http(s) URL in an href or src of the built HTML, with the pages (relative paths) using it.

    URLs under the site's own address (canonical and language links MkDocs writes) are not external.
    """
    own = own_url(site_dir)
    found: dict[str, set[str]] = {}
    for page in sorted(Path(site_dir).rglob("*.html")):
        soup = BeautifulSoup(page.read_bytes(), "html.parser")
        for attribute in URL_ATTRIBUTES:
            for tag in soup.find_all(attrs={attribute: True}):
                url = tag[attribute].strip()
                if _scheme(url) in ("http", "https") and not (own and url.startswith(own)):
                    found.setdefault(url, set()).add(page.relative_to(site_dir).as_posix())
    return found


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:  # malformed, e.g. "http://[::1": still a web link, reported as unregistered
        return url.split(":", 1)[0].lower()


def unregistered(site_dir: Path, registered: set[str]) -> dict[str, list[str]]:
    """URLs the registry lacks (a #fragment added to a registered URL counts as registered)."""
    return {
        url: sorted(pages)
        for url, pages in sorted(external_urls(site_dir).items())
        if url not in registered and urldefrag(url).url not in registered
    }
