"""Every human-readable text of data/ and of the checker's findings exists in both languages."""

from pathlib import Path

import pytest
import yaml

from igcsante.cert.findings import reference
from macros.i18n import LANGUAGES
from tests.site.site_pages import ROOT

DATA_FILES = sorted([ROOT / "data" / "links.yml", ROOT / "data" / "glossary.yml", ROOT / "data" / "checker_ui.yml",
                     *(ROOT / "data" / "trees").glob("*.yml")])


def text_mappings(node, where=""):
    """(where, mapping) for every text of the file: a mapping whose keys are languages."""
    if isinstance(node, dict):
        if node and set(node) <= set(LANGUAGES):
            yield where, node
            return
        for key, value in node.items():
            yield from text_mappings(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id", index) if isinstance(value, dict) else index
            yield from text_mappings(value, f"{where}[{label}]")


def test_the_walker_finds_a_missing_translation():
    found = dict(text_mappings({"nodes": [{"id": "q1", "text": {"en": "Which one?"}}]}))
    assert list(found) == ["nodes[q1].text"]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_text_has_both_languages(path: Path):
    texts = list(text_mappings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert texts, f"{path.name}: no text found"
    incomplete = [where for where, mapping in texts
                  if any(not isinstance(mapping.get(lang), str) or not mapping[lang].strip() for lang in LANGUAGES)]
    assert not incomplete, f"{path.relative_to(ROOT)}: texts missing a language: {incomplete}"


def test_every_finding_has_its_texts_in_both_languages():
    editions = {lang: {finding["code"]: finding for finding in reference(lang)} for lang in LANGUAGES}
    codes = set(editions["en"])
    assert codes
    for lang, findings in editions.items():
        assert set(findings) == codes, f"{lang}: not the same finding codes as English"
        for code, finding in findings.items():
            for field in ("title", "why", "fix"):
                assert finding[field].strip(), f"finding {code}: empty {field} in {lang}"
    untranslated = [code for code in codes if editions["fr"][code]["title"] == editions["en"][code]["title"]]
    assert not untranslated, f"findings whose French title is the English one: {untranslated}"
