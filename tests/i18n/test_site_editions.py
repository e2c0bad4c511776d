"""The built editions: language, switcher, search and sitemap per language, French macros output."""

import json
import re

import pytest
import yaml

from igcsante.cert.findings import reference
from macros.glossary import load_glossary, tooltip
from macros.i18n import DEFAULT_LANGUAGE, LANGUAGES
from tests.i18n.editions import edition_dir, edition_url, page_url, resolve, soup, sources
from tests.site.site_pages import ROOT

pytestmark = pytest.mark.site

PAGES = [(lang, source) for lang in LANGUAGES for source in sources(lang)]


@pytest.mark.parametrize("lang,source", PAGES, ids=[f"{lang}/{source}" for lang, source in PAGES])
def test_page_declares_its_language_and_switches_to_its_twin(built_site, lang, source):
    html = soup(built_site, lang, source)
    here = page_url(built_site, lang, source)
    assert html.html["lang"] == lang
    links = {a["hreflang"]: a for a in html.select("a.md-select__link[hreflang]")}
    assert set(links) == set(LANGUAGES), f"{here}: the language switcher lists {sorted(links)}"
    for other, link in links.items():
        assert resolve(here, link["href"]) == page_url(built_site, other, source), f"{here}: switcher to {other}"
        # A language switch is a full page load (instant navigation would keep this page's language).
        assert link.get("target") == "_self"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_edition_has_its_own_search_index(built_site, lang):
    index = json.loads((edition_dir(built_site, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    home = edition_url(lang)
    expected = {page_url(built_site, lang, source).removeprefix(home) for source in sources(lang)}
    assert locations <= expected, f"{lang} index: locations outside the edition: {sorted(locations - expected)}"
    assert expected <= locations, f"{lang} index: pages not indexed: {sorted(expected - locations)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_loads_the_search_index_of_the_page_edition(built_site, lang):
    """Material fetches search/search_index.json (and sitemap.xml) from its `base` URL."""
    for source in ("index.md", "procedure/1-contract.md", "checker/findings.md"):
        html = soup(built_site, lang, source)
        base = json.loads(html.select_one("script#__config").string)["base"]
        assert resolve(page_url(built_site, lang, source), base + "/") == edition_url(lang), source


def test_french_sitemap_lists_the_french_pages(built_site):
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        sitemap = (edition_dir(built_site, lang) / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
        assert len(locations) == len(sources(lang))
        assert all(f"{lang}/" in location for location in locations)


def test_french_pages_have_french_glossary_tooltips(built_site):
    french = {entry["term"]: tooltip(entry, "fr") for entry in load_glossary(ROOT) if entry.get("abbr")}
    english = {entry["term"]: tooltip(entry, "en") for entry in load_glossary(ROOT) if entry.get("abbr")}
    tooltips = [(abbr.get_text(), abbr["title"]) for abbr in soup(built_site, "fr", "procedure/1-contract.md").select("article abbr")]
    assert tooltips
    for term, title in tooltips:
        assert title == french[term], f"{term}: '{title}'"
    assert any(english[term] != title for term, title in tooltips), "no tooltip differs between the languages"


def test_french_trees_checker_and_findings_speak_french(built_site):
    stepper = soup(built_site, "fr", "decide/which-steps.md").select_one("[data-tree]")
    tree = yaml.safe_load((ROOT / "data" / "trees" / "which-steps.yml").read_text(encoding="utf-8"))
    assert json.loads(stepper["data-tree-data"])["nodes"][tree["start"]]["question"] == tree["nodes"][tree["start"]]["question"]["fr"]

    checker = soup(built_site, "fr", "checker/index.md").select_one("#igc-checker[data-config]")
    assert json.loads(checker["data-config"])["lang"] == "fr"

    findings = soup(built_site, "fr", "checker/findings.md")
    titles = {heading["id"]: heading.get_text().rstrip("¶").strip() for heading in findings.select("h3[data-code]")}
    for finding in reference("fr"):
        assert titles.get(finding["code"]) == finding["title"], finding["code"]


def _internal_hrefs(html) -> list[str]:
    """Every link of a page to this site: anchors, and those the checker and the steppers draw."""
    hrefs = [a["href"] for a in html.select("a[href]") if not a.has_attr("hreflang")]
    for checker in html.select("#igc-checker[data-config]"):
        config = json.loads(checker["data-config"])
        hrefs += [config["findings"], *(target["href"] for target in config["citations"].values())]
    for stepper in html.select("[data-tree-data]"):
        items = json.loads(stepper["data-tree-data"])["items"].values()
        hrefs += [link["href"] for item in items for link in item["links"] if link["internal"]]
    return [href for href in hrefs if not re.match(r"^([a-z]+:|#)", href)]


@pytest.mark.parametrize("source", sources("fr"))
def test_french_pages_link_to_french_pages(built_site, source):
    here = page_url(built_site, "fr", source)
    outside = [href for href in _internal_hrefs(soup(built_site, "fr", source))
               if not resolve(here, href).startswith(("/fr/", "/downloads/", "/assets/"))]
    assert not outside, f"fr/{source} links to the English edition: {outside}"
