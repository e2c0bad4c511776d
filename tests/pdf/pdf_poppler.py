"""Poppler's views of a PDF (pdfinfo, pdftotext, pdftohtml's outline) and the editions under test."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from macros import pdf as printer
from macros.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
# One PDF per language edition that has pages.
EDITIONS = [lang for lang in LANGUAGES if (ROOT / "docs" / lang).is_dir()]


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (`make chromium` does as root)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True, timeout=120).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", str(path)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def outline(path: Path) -> list[tuple[str, int]]:
    """(title, page) of every bookmark, depth first."""
    root = ElementTree.fromstring(poppler("pdftohtml", "-xml", "-i", "-q", "-stdout", str(path)))
    return [(item.text or "", int(item.get("page"))) for item in root.iter("item")]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces folded, and words split after a hyphen rejoined."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text.replace("\u00ad", "")))


def print_page_of(site: Path, lang: str) -> Path:
    pages = printer.print_pages(site)
    if lang not in pages:
        pytest.fail(f"the built site has no print page for '{lang}' although docs/{lang}/ exists")
    return pages[lang]
