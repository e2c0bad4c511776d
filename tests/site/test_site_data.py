"""data/links.yml and data/glossary.yml are well-formed, in English and French."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from igcsante.links.registry import KINDS, load_registry
from macros.glossary import load_glossary
from site_pages import ROOT

LINKS = yaml.safe_load((ROOT / "data" / "links.yml").read_text(encoding="utf-8"))["links"]
GLOSSARY = load_glossary(ROOT)
SEED = ROOT.parent / "shared" / "seed" / "colibri-certificates-article.txt"
# The seed's glossary writes the certificate signing request "CRS"; everyone else says CSR.
SEED_SPELLINGS = {"CRS": "CSR"}


def test_the_registry_parses():
    # igcsante.links refuses a registry with any malformed entry and lists every mistake.
    assert len(load_registry(ROOT / "data" / "links.yml").links) == len(LINKS)


@pytest.mark.parametrize("entry", LINKS, ids=[entry.get("id", "?") for entry in LINKS])
def test_link_entry_is_well_formed(entry):
    assert re.fullmatch(r"[a-z0-9_]+", entry["id"])
    assert entry["url"].startswith(("https://", "http://"))
    assert entry["kind"] in KINDS
    assert isinstance(entry["reviewed"], dt.date) and entry["reviewed"] <= dt.date.today()
    assert entry["label"]["en"].strip() and entry["label"]["fr"].strip()
    assert entry["expect"]["type"] in ("pdf", "html", "binary")
    assert entry["expect"].get("pins", False) is False or entry["kind"] == "ca-publication"


def test_link_ids_and_urls_are_unique():
    assert len({entry["id"] for entry in LINKS}) == len(LINKS)
    assert len({entry["url"] for entry in LINKS}) == len(LINKS)


@pytest.mark.parametrize("entry", GLOSSARY, ids=[entry["id"] for entry in GLOSSARY])
def test_glossary_entry_is_well_formed(entry):
    assert re.fullmatch(r"[a-z0-9_]+", entry["id"]), "the id is the anchor on the glossary page"
    assert entry["term"].strip() and isinstance(entry.get("abbr"), bool)
    for field in ("expansion", "definition"):
        if field in entry or field == "definition":
            assert entry[field]["en"].strip() and entry[field]["fr"].strip(), f"{field} needs en and fr"
    assert "\n" not in entry.get("expansion", entry["definition"])["en"], "a tooltip is one line"


def test_glossary_ids_and_terms_are_unique_and_enough():
    assert len({entry["id"] for entry in GLOSSARY}) == len(GLOSSARY) >= 25
    assert len({entry["term"] for entry in GLOSSARY}) == len(GLOSSARY)


def test_glossary_holds_every_term_of_the_seed_glossary():
    if not SEED.is_file():
        pytest.fail(f"the seed article is not at {SEED} (../shared must sit beside the project)")
    glossary_part = SEED.read_text(encoding="utf-8").split("\nGlossary\n", 1)[1]
    seed_terms = set()
    for cell in re.findall(r"^\|\s*([^|\n]+?)\s*\|", glossary_part, flags=re.MULTILINE):
        seed_terms.update(term.strip() for term in cell.split("/"))
    assert len(seed_terms) >= 15, "the seed glossary was not read"
    terms = {entry["term"] for entry in GLOSSARY}
    missing = {SEED_SPELLINGS.get(term, term) for term in seed_terms} - terms
    assert not missing, f"terms of the seed glossary missing from data/glossary.yml: {sorted(missing)}"
