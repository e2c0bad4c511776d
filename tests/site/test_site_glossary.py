"""Glossary terms become <abbr title> tooltips, and every glossary entry has its own anchor."""

import re
from collections import defaultdict

import pytest
from bs4 import NavigableString
from macros.glossary import load_glossary, tooltip
from site_pages import ROOT, article, built_html, nav_pages

pytestmark = pytest.mark.site

GLOSSARY = load_glossary(ROOT)
ABBREVIATED = [entry for entry in GLOSSARY if entry.get("abbr")]
PROCEDURE_PAGES = [source for source in nav_pages() if source.startswith("procedure/")]
# Text the abbr extension never touches: code, and raw HTML blocks that macros generate.
UNTOUCHED = ("code", "pre", "script", "style", "abbr")
# An acronym: 2 to 6 capitals, perhaps a final small letter (CPx, INSi); values such as INSI-MANU
# or DESIR_560 are not acronyms.
ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}[a-z]?(?![\w-])")
# Acronyms every reader of the guide knows (glossary entries would only be clutter), and words
# that are merely written in capitals (TEST, in the names of IGC-Santé's test authorities).
NOT_IN_GLOSSARY = {"FAQ", "IT", "PDF", "JSON", "PIN", "MB", "URL", "HTML", "TEST"}


def _bare_mentions(content, term: str) -> list[str]:
    """Occurrences of `term` as a word in the page text that did not become an <abbr>."""
    word = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    return [
        str(text).strip()
        for text in content.find_all(string=word)
        if isinstance(text, NavigableString) and not any(parent.name in UNTOUCHED for parent in text.parents)
    ]


@pytest.mark.parametrize("source", PROCEDURE_PAGES)
def test_procedure_pages_show_glossary_tooltips(built_site, source):
    content = article(built_site, source)
    abbrs = content.find_all("abbr")
    assert abbrs, f"{source}: no glossary tooltip at all"
    expected = {entry["term"]: tooltip(entry, "en") for entry in ABBREVIATED}
    for abbr in abbrs:
        assert abbr.get("title") == expected.get(abbr.get_text()), f"{source}: tooltip of {abbr.get_text()!r}"
    for entry in ABBREVIATED:
        assert not _bare_mentions(content, entry["term"]), f"{source}: {entry['term']} without its tooltip"


def test_the_procedure_step_three_explains_f413_and_finess(built_site):
    content = article(built_site, "procedure/3-appoint-and-order.md")
    titles = {abbr.get_text(): abbr["title"] for abbr in content.find_all("abbr")}
    assert titles["F413"].startswith("ANS form")
    assert titles["FINESS"] == "Fichier National des Établissements Sanitaires et Sociaux"


def test_every_glossary_entry_has_an_anchor(built_site):
    page = built_html(built_site, "glossary.md")
    content = article(built_site, "glossary.md")
    for entry in GLOSSARY:
        target = content.find(id=entry["id"])
        assert target is not None, f"{page.relative_to(built_site)} has no anchor #{entry['id']}"
        assert target.get_text().startswith(entry["term"]), f"#{entry['id']} does not introduce {entry['term']}"


def test_every_acronym_the_pages_use_is_in_the_glossary(built_site):
    known = {entry["term"] for entry in GLOSSARY} | NOT_IN_GLOSSARY
    missing = defaultdict(set)
    for source in nav_pages():
        for text in article(built_site, source).find_all(string=ACRONYM):
            if any(parent.name in UNTOUCHED for parent in text.parents):
                continue
            for acronym in set(ACRONYM.findall(text)):
                if acronym not in known and not (acronym.endswith("s") and acronym[:-1] in known):  # plurals: CSRs
                    missing[acronym].add(source)
    assert not missing, "acronyms missing from data/glossary.yml: " + "; ".join(
        f"{acronym} (in {', '.join(sorted(pages))})" for acronym, pages in sorted(missing.items())
    )
