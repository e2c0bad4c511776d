"""The guide's own pages, named as in mkdocs.yml (`procedure/1-contract.md`, optionally with
`#anchor`): where each is in the built site and what it is called, for macros that link to them."""

import re
from pathlib import Path

FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)
FRONT_MATTER_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
ATTRIBUTE_LIST = re.compile(r"\s*\{[^}]*\}$")  # a trailing "{ #anchor }"


def page_url(md_path: str) -> str:
    """Edition-relative URL of a page (use_directory_urls: true); prefix it with the edition's root."""
    path, _, anchor = md_path.partition("#")
    stem = path[: -len(".md")]
    url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return url + (f"#{anchor}" if anchor else "")


def page_title(markdown_file: Path) -> str:
    """The page's front-matter title or first level-1 heading; its file name when it has neither."""
    text = Path(markdown_file).read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    title = FRONT_MATTER_TITLE.search(front.group(1)) if front else None
    if title:
        return title.group(1).strip().strip("\"'")
    heading = HEADING.search(text)
    return ATTRIBUTE_LIST.sub("", heading.group(1)) if heading else Path(markdown_file).stem
