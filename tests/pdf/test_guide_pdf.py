"""The offline PDF: accessible (tagged, language, bookmarks), complete, and free of widgets."""

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.i18n import DEFAULT_LANGUAGE

from pdf_poppler import EDITIONS, ROOT, flat, outline, pdfinfo

pytestmark = [pytest.mark.site, pytest.mark.browser]

FORM_NUMBERS = ["CA", "F101", "F301", "F413", "INSI-MANU"]


def home_page(site: Path, lang: str) -> Path:
    return site / "index.html" if lang == DEFAULT_LANGUAGE else site / lang / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_titles(site: Path, lang: str) -> list[str]:
    """Every entry of the site's navigation (sections and pages), as the reader sees it."""
    nav = soup(home_page(site, lang)).select_one(".md-nav--primary")
    titles = [flat(link.get_text(" ", strip=True)) for link in nav.select(".md-nav__link")]
    return sorted({title for title in titles if title})


def whole_word(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


def test_pdf_is_tagged_titled_and_has_pages(edition, built_site):
    info = pdfinfo(edition["pdf"])
    assert info["Tagged"] == "yes"
    assert info["Title"] == soup(edition["print_page"]).select_one(".guide-cover__title").get_text(strip=True)
    # A cover, the link review table, the contents, then at least one page per page of the site.
    assert int(info["Pages"]) > 3 + len(nav_titles(built_site, edition["lang"]))
    assert info["Page size"].endswith("(A4)")


def test_pdf_declares_its_language(edition):
    # Chromium writes the <html lang> into the catalog's /Lang entry of a tagged PDF.
    assert f"/Lang ({edition['lang']})".encode() in edition["pdf"].read_bytes()
    assert soup(edition["print_page"]).html["lang"] == edition["lang"]


def test_outline_has_a_bookmark_per_page(edition):
    # Chromium drops the space where a heading wraps when it names the bookmark (print.css keeps
    # headings short enough to fit a line, mostly): compare without spaces.
    def key(text):
        return re.sub(r"\s", "", text.replace("¶", ""))

    bookmarks = {key(title) for title, _ in outline(edition["pdf"])}
    headings = {
        heading.get_text("", strip=True).replace("¶", ""): key(heading.get_text(""))
        for heading in soup(edition["print_page"]).select("section.print-page > h1")
    }
    assert headings, "the print page has no page headings"
    missing = sorted(title for title, title_key in headings.items() if title_key not in bookmarks)
    assert not missing, f"pages without a bookmark: {missing}"


def test_every_navigation_title_is_printed(edition, built_site):
    missing = [title for title in nav_titles(built_site, edition["lang"]) if title not in edition["text"]]
    assert not missing, f"navigation entries missing from the PDF: {missing}"


def test_cover_has_version_build_date_and_link_review_dates(edition):
    cover = soup(edition["print_page"]).select_one("#print-site-cover-page")
    version = cover.select_one(".guide-cover__version").get_text(strip=True)
    built = cover.select_one(".guide-cover__built time")["datetime"]
    assert version and version in edition["text"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", built) and built in edition["text"]
    registry = yaml.safe_load((ROOT / "data" / "links.yml").read_text(encoding="utf-8"))["links"]
    rows = cover.select(".guide-cover-links tbody tr")
    assert len(rows) == len(registry)
    for entry in registry:
        assert str(entry["reviewed"]) in edition["text"]


@pytest.mark.parametrize("number", FORM_NUMBERS)
def test_form_numbers_and_product_name_are_printed(edition, number):
    assert whole_word(number, edition["chapters"])


def test_every_glossary_term_is_printed(edition):
    terms = [entry["term"] for entry in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]]
    missing = [term for term in terms if not whole_word(flat(term), edition["chapters"])]
    assert not missing, f"glossary terms missing from the PDF: {missing}"


def test_every_external_link_prints_its_url(edition, built_site):
    """Every URL the site's pages link to is printed in the chapters (not only on the cover)."""
    folder = built_site if edition["lang"] == DEFAULT_LANGUAGE else built_site / edition["lang"]
    other_editions = {lang for lang in EDITIONS if lang != edition["lang"]}
    urls = set()
    for page in folder.rglob("index.html"):
        relative = page.relative_to(folder).parts
        if "print_page" in relative or relative[0] in other_editions:
            continue
        content = soup(page).select_one(".md-content")
        if content is not None:
            urls |= {a["href"] for a in content.select('a[href^="http"]')}
    assert urls, "the site links to no external URL: the pages are not built"
    chapters = re.sub(r"\s", "", edition["chapters"])
    missing = sorted(url for url in urls if url not in chapters)
    assert not missing, f"external URLs not printed after their link: {missing}"


def widget_data(widget) -> list[dict]:
    """The JSON a widget carries for its script: in a data-* attribute or a JSON script element."""
    sources = [value for value in widget.attrs.values() if isinstance(value, str) and value.lstrip().startswith("{")]
    for script in widget.select('script[type="application/json"]'):
        sources.append(script.string or "{}")
        script.decompose()
    return [json.loads(source) for source in sources]


def widget_texts(print_page: BeautifulSoup) -> set[str]:
    """Texts that only the interactive widgets show: the stepper's controls, the checker's live part."""
    texts = set()
    for widget in print_page.select(".no-print, [data-tree]"):
        for data in widget_data(widget):
            texts |= {value for value in data.get("ui", {}).values() if "{" not in value}
        texts |= {flat(line) for line in widget.get_text("\n").splitlines()}
    return {text.strip() for text in texts if len(text.strip()) >= 6}


def test_no_widget_text_leaks_into_the_pdf(edition):
    page = soup(edition["print_page"])
    candidates = widget_texts(page)
    # Some words are shared with what paper shows (the outline's "Question", "Result"...): only
    # the texts that exist solely in the widgets prove a leak.
    for hidden in page.select(".no-print, [data-tree], script, style"):
        hidden.decompose()
    printable = flat(page.get_text(" "))
    widget_only = {text for text in candidates if text not in printable}
    leaked = sorted(text for text in widget_only if text in edition["text"])
    assert not leaked, f"interactive widget texts printed in the PDF: {leaked}"


def test_checker_prints_its_command_line_instead(edition):
    page = soup(edition["print_page"])
    if page.select_one("#igc-checker") is None:
        pytest.skip("no checker widget in this edition yet")
    assert "igcsante cert" in edition["text"]
