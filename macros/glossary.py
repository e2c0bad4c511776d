"""The glossary, from data/glossary.yml: tooltips on every page and the glossary page itself.

Tooltips: at each build, one abbreviations file per language is written under build/glossary/
(never under docs/, never committed) and pymdownx.snippets appends the one of the page's
language to every page, where the `abbr` extension turns each term into <abbr title="...">.
"""

import html
from pathlib import Path

import yaml
from igcsante.links.atomic import write_text_atomically

from .i18n import LANGUAGES, page_language, pick

GLOSSARY_FILE = Path("data") / "glossary.yml"
ABBREVIATIONS_DIR = Path("build") / "glossary"
SNIPPETS = "pymdownx.snippets"


def load_glossary(project_dir) -> list[dict]:
    """The glossary entries, sorted as a reader looks them up (case-insensitive)."""
    with open(Path(project_dir) / GLOSSARY_FILE, encoding="utf-8") as stream:
        terms = yaml.safe_load(stream)["terms"]
    return sorted(terms, key=lambda entry: entry["term"].casefold())


def tooltip(entry: dict, lang: str) -> str:
    """What the tooltip says: the expansion, or the definition when a term has none."""
    return pick(entry.get("expansion") or entry["definition"], lang)


def abbreviations(entries: list[dict], lang: str) -> str:
    """The Markdown abbreviation definitions (`*[ANS]: ...`) of every term marked `abbr`."""
    lines = [f"*[{entry['term']}]: {tooltip(entry, lang)}" for entry in entries if entry.get("abbr")]
    return "\n".join(lines) + "\n"


def write_abbreviation_files(entries: list[dict], project_dir) -> dict[str, Path]:
    """One abbreviations file per language; returns their paths by language."""
    paths = {}
    for lang in LANGUAGES:
        path = Path(project_dir) / ABBREVIATIONS_DIR / f"abbreviations.{lang}.md"
        write_text_atomically(path, abbreviations(entries, lang))
        paths[lang] = path
    return paths


def glossary_html(entries: list[dict], lang: str) -> str:
    """The glossary as a definition list; each term carries its id as an explicit anchor
    (Markdown definition-list terms get none)."""
    items = []
    for entry in entries:
        expansion = entry.get("expansion")
        shown = f' <span class="glossary-expansion">{html.escape(pick(expansion, lang))}</span>' if expansion else ""
        items.append(
            f'<dt id="{entry["id"]}">{html.escape(entry["term"])}{shown}</dt>\n'
            f"<dd>{html.escape(pick(entry['definition'], lang))}</dd>"
        )
    return '<dl class="glossary">\n' + "\n".join(items) + "\n</dl>"


def register(env):
    entries = load_glossary(env.project_dir)
    files = write_abbreviation_files(entries, env.project_dir)
    snippets_config = env.conf["mdx_configs"].setdefault(SNIPPETS, {})
    # snippets only reads files under its base paths: add ours, whatever the working directory.
    base_paths = snippets_config.setdefault("base_path", ["."])
    if str(files["en"].parent) not in base_paths:
        base_paths.append(str(files["en"].parent))

    def append_abbreviations_in_page_language(env):
        # MkDocs builds a Markdown converter per page from mdx_configs, so this choice is per page.
        snippets_config["auto_append"] = [str(files[page_language(env)])]

    env.pre_macro_functions.append(append_abbreviations_in_page_language)

    @env.macro
    def glossary() -> str:
        """The whole glossary, in the page's language (the glossary page calls it)."""
        return glossary_html(entries, page_language(env))
