"""Every page of the nav is built, complete, and names external URLs only through the macros."""

import re

import pytest
from site_pages import DOCS, DOCS_EN, article, built_html, nav_pages

LITERAL_URL = re.compile(r"\b(?:https?|ftp)://", re.IGNORECASE)


@pytest.mark.site
@pytest.mark.parametrize("source", nav_pages())
def test_every_nav_page_is_built_with_a_title(built_site, source):
    page = built_html(built_site, source)
    assert page.is_file(), f"{source} is in the nav but {page.relative_to(built_site)} was not built"
    content = article(built_site, source)
    assert content is not None and content.h1 is not None, f"{source}: no <h1> in the built page"
    assert "(placeholder: being written)" not in content.get_text(), f"{source} is still a placeholder"


def test_nav_covers_every_page():
    sources = {path.relative_to(DOCS_EN).as_posix() for path in DOCS_EN.rglob("*.md")}
    assert sources == set(nav_pages())


@pytest.mark.parametrize("source", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_pages_name_external_urls_only_through_the_link_macro(source):
    text = (DOCS / source).read_text(encoding="utf-8")
    literal = [line.strip() for line in text.splitlines() if LITERAL_URL.search(line)]
    assert not literal, f"{source} holds a literal URL; put it in data/links.yml and use {{{{ link('<id>') }}}}: {literal}"
