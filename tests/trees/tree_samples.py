"""Paths of the repository's trees and a small sound tree that tests break in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREES_DIR = ROOT / "data" / "trees"
LINKS_FILE = ROOT / "data" / "links.yml"
TREE_FILES = sorted(TREES_DIR.glob("*.yml"))


def text(en):
    return {"en": en, "fr": f"{en} (fr)"}


SOUND_TREE = {
    "id": "sample",
    "title": text("Sample"),
    "start": "first",
    "nodes": {
        "first": {
            "question": text("First?"),
            "help": text("Why we ask"),
            "answers": [
                {"id": "a", "label": text("A"), "next": "second", "adds": ["form"]},
                {"id": "unsure", "label": text("Not sure"), "next": "done", "unsure": True},
            ],
        },
        "second": {
            "question": text("Second?"),
            "answers": [{"id": "b", "label": text("B"), "next": "done", "adds": ["extra"]}],
        },
    },
    "outcomes": {"done": {"title": text("Done"), "summary": text("All set"), "items": ["always"]}},
    "items": {
        "form": {"text": text("Fill in the form"), "links": ["f413_pdf"]},
        "extra": {"text": text("Extra step")},
        "always": {"text": text("Renew in time")},
    },
}

