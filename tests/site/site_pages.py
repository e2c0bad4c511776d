"""Where the guide's pages are: the nav of mkdocs.yml, the sources and the built HTML."""

from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DOCS_EN = DOCS / "en"


def _nav_files(items) -> list[str]:
    files = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files.extend(_nav_files(value) if isinstance(value, list) else [value])
    return files


def nav_pages() -> list[str]:
    """Every page of the nav, as a source path relative to the language folder."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        return _nav_files(yaml_load(stream)["nav"])


def built_html(site: Path, source: str) -> Path:
    """The HTML file MkDocs writes for a source page (use_directory_urls: true)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def article(site: Path, source: str) -> BeautifulSoup:
    """The content of a built page (Material's article element), without header, nav or footer."""
    soup = BeautifulSoup(built_html(site, source).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")
