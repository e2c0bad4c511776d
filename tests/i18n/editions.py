"""The two language editions of the built site: where each page is, and its visible text."""

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup

from macros.i18n import DEFAULT_LANGUAGE, LANGUAGES
from tests.site.site_pages import DOCS, built_html

OTHER_EDITIONS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


def edition_dir(site: Path, lang: str) -> Path:
    return site if lang == DEFAULT_LANGUAGE else site / lang


def edition_url(lang: str) -> str:
    """An edition's home, as a path from the site's root ('/' or '/fr/')."""
    return "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"


def sources(lang: str) -> list[str]:
    """Every page of an edition, as a source path relative to docs/<lang>/."""
    folder = DOCS / lang
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def page_url(site: Path, lang: str, source: str) -> str:
    """The URL path of a built page from the site's root, e.g. '/fr/procedure/'."""
    folder = built_html(edition_dir(site, lang), source).parent
    relative = folder.relative_to(site).as_posix()
    return "/" if relative == "." else f"/{relative}/"


def resolve(from_url: str, href: str) -> str:
    """A relative href of the page at `from_url`, as a URL path from the site's root."""
    path = posixpath.normpath(posixpath.join(from_url, href.split("#")[0].split("?")[0]))
    return path if path == "/" else path + "/"


def soup(site: Path, lang: str, source: str) -> BeautifulSoup:
    return BeautifulSoup(built_html(edition_dir(site, lang), source).read_text(encoding="utf-8"), "html.parser")
