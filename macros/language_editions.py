"""Build hook: each language edition (English at the root, French under fr/) behaves as a site of
its own for Material's language switcher, search and sitemap.

mkdocs-static-i18n builds every language into one site with one search index and one sitemap,
and Material takes both from the page's `base_url` (the site's root). So, for every page:

- the language switcher (overrides/partials/alternate.html) links to the same page in the other
  edition: `language_twins` in the page context; docs/assets/i18n/language-switcher.js keeps it
  right after an instant navigation, which does not redraw the header;
- a page of a non-default edition gets its edition's root as `base_url`, so Material loads that
  edition's search index and sitemap;

and, once every language is built, the combined search index is split into one index per
edition (`search/search_index.json`, `fr/search/search_index.json`), each with its own lunr
language, and each edition gets a sitemap of its own pages (`fr/sitemap.xml`).
"""

import json
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# MkDocs loads a hook as a lone file; the `macros` package sits in the project directory.
PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from macros.i18n import DEFAULT_LANGUAGE, LANGUAGES, edition_root, page_language  # noqa: E402

SEARCH_INDEX = Path("search") / "search_index.json"
SITEMAP_URL = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)


def edition_of(url: str) -> str:
    """The edition a site-relative URL (a page URL or a search location) belongs to."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (url == lang or url.startswith(f"{lang}/")):
            return lang
    return DEFAULT_LANGUAGE


def twin_url(url: str, lang: str) -> str:
    """The same page in edition `lang`: the editions share their folder layout (tests/i18n checks
    that every page has its twin)."""
    path = url[len(edition_root(edition_of(url))):]
    return edition_root(lang) + path


def on_page_context(context, page, config, nav):
    lang = page_language(page)
    context["language_twins"] = {other: twin_url(page.url, other) for other in LANGUAGES}
    if lang != DEFAULT_LANGUAGE:
        context["base_url"] = get_relative_url(edition_root(lang), page.url)
    return context


def _split_search_index(site_dir: Path) -> None:
    combined = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        root = edition_root(lang)
        docs = [
            {**doc, "location": doc["location"][len(root):]}
            for doc in combined["docs"]
            if edition_of(doc["location"]) == lang
        ]
        index = {**combined, "config": {**combined["config"], "lang": [lang]}, "docs": docs}
        target = site_dir / root / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _write_edition_sitemaps(site_dir: Path, site_url: str) -> None:
    """mkdocs-static-i18n's sitemap lists every edition (with hreflang alternates) at the root;
    each other edition gets the entries of its own pages beside its home page."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    head, _, _ = sitemap.partition("<url>")
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        entries = [m.group(0) for m in SITEMAP_URL.finditer(sitemap)
                   if edition_of(m.group(1).removeprefix(site_url)) == lang]
        (site_dir / edition_root(lang) / "sitemap.xml").write_text(
            head.rstrip() + "".join(entries) + "\n</urlset>\n", encoding="utf-8")


@event_priority(-110)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # one language's build inside i18n's: the combined index is not written yet
    site_dir = Path(config["site_dir"])
    _split_search_index(site_dir)
    _write_edition_sitemaps(site_dir, config.get("site_url") or "")
