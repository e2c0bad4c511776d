"""No English sentence left in the French edition (a heuristic on common English words)."""

import pytest

from macros.guide_pdf import PRINT_PAGE_NAME
from tests.i18n.editions import OTHER_EDITIONS, edition_dir, soup, sources
from tests.i18n.english_words import english_passages
from tests.site.site_pages import built_html

pytestmark = pytest.mark.site

FRENCH_PAGES = sources("fr")


@pytest.mark.parametrize("source", FRENCH_PAGES)
def test_french_page_has_no_english_passage(built_site, source):
    passages = english_passages(str(soup(built_site, "fr", source)))
    assert not passages, f"fr/{source}: English left in the visible text:\n  " + "\n  ".join(passages[:10])


@pytest.mark.parametrize("lang", OTHER_EDITIONS)
def test_print_page_of_the_edition_has_no_english_passage(built_site, lang):
    html = (edition_dir(built_site, lang) / PRINT_PAGE_NAME / "index.html").read_text(encoding="utf-8")
    passages = english_passages(html)
    assert not passages, f"{lang}/{PRINT_PAGE_NAME}: English left:\n  " + "\n  ".join(passages[:10])


@pytest.mark.parametrize("source", FRENCH_PAGES)
def test_the_heuristic_recognises_the_english_twin(built_site, source):
    """The same check flags the English page, so a French page passes because it is French."""
    assert english_passages(built_html(built_site, source).read_text(encoding="utf-8")), f"en/{source}"
