"""Build hook: one mkdocs-print-site print page per language edition.

mkdocs-static-i18n builds each language by running the whole build again with the same plugins.
Left alone, mkdocs-print-site writes every language to the same `print_page/` (the last one
wins) and combines the navigation as it was before the i18n plugin removed the language folder
from it. This hook, listed after the plugins in mkdocs.yml, gives each language its own print
page (`print_page/` for the default language, `<lang>/print_page/` for the others), hands
print-site the final navigation, stores per language what the cover and the footer need, and
runs the on_post_page handlers that print-site skips when it writes its page.

Keep this hook first in mkdocs.yml's `hooks:`: its on_post_build must follow print-site's (a
plugin, so registered before every hook) and precede csp.py's, which hashes the final pages.
"""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs loads a hook as a lone file; the `macros` package sits in the project directory.
PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from macros.guide_pdf import FOOTER_TEXT, pdf_path, print_page_basename  # noqa: E402
from macros.i18n import DEFAULT_LANGUAGE, pick  # noqa: E402
from macros.print_cover import cover_context  # noqa: E402


def _language_being_built(config) -> tuple[str, str]:
    """(language of this build, default language), from mkdocs-static-i18n's own state."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return DEFAULT_LANGUAGE, DEFAULT_LANGUAGE
    # i18n sets current_language before each extra build; it is None on the first build.
    return i18n.current_language or i18n.default_language, i18n.default_language


@event_priority(50)  # before print-site's on_config, which creates the print page from its options
def on_config(config):
    lang, default_lang = _language_being_built(config)
    config.plugins["print-site"].config["print_page_basename"] = print_page_basename(lang, default_lang)
    return config


@event_priority(-110)  # after i18n's on_nav (-100), which removes the language folder from the nav
def on_nav(nav, config, files):
    lang, _ = _language_being_built(config)
    cover = cover_context(PROJECT_DIR, lang)
    print_site = config.plugins["print-site"]
    print_site.renderer.items = nav.items
    print_site.print_page.title = config.site_name
    print_site.config["toc_title"] = cover["labels"]["toc"]
    config.extra["print_cover"] = cover
    config.extra["guide_pdf"] = {"path": pdf_path(lang), "text": pick(FOOTER_TEXT, lang)}
    return nav


def on_post_build(config, **kwargs):
    """print-site writes its page itself, so no on_post_page handler has seen it: run them now
    (macros/mermaid_vendor.py, for one, puts the vendored Mermaid loader before Material's bundle)."""
    print_page = config.plugins["print-site"].print_page
    path = Path(print_page.file.abs_dest_path)
    html = path.read_text(encoding="utf-8")
    path.write_text(config.plugins.on_post_page(html, page=print_page, config=config), encoding="utf-8")
