"""Where the offline PDF of each language edition lives, and the {{ pdf_link() }} macro.

One PDF per language, side by side in `downloads/` at the root of the site, whatever the
language folder of the page linking to it. The printer (macros/pdf.py), the page footer
(overrides/partials/copyright.html, through `config.extra.guide_pdf`) and the home page
all take the path from here.
"""

from mkdocs.utils import get_relative_url

from .i18n import page_language, pick

DOWNLOADS_DIR = "downloads"
PRINT_PAGE_NAME = "print_page"

FOOTER_TEXT = {"en": "The whole guide as a PDF", "fr": "Le guide complet en PDF"}
LINK_TEXT = {
    "en": "Download the whole guide as a PDF (to print, annotate or read offline)",
    "fr": "Télécharger tout le guide en PDF (pour l'imprimer, l'annoter ou le lire hors ligne)",
}


def pdf_path(lang: str) -> str:
    """The PDF of one language edition, relative to the root of the built site."""
    return f"{DOWNLOADS_DIR}/igc-sante-guide-{lang}.pdf"


def print_page_basename(lang: str, default_lang: str) -> str:
    """mkdocs-print-site's page name: the default language at the root, the others in their folder."""
    return PRINT_PAGE_NAME if lang == default_lang else f"{lang}/{PRINT_PAGE_NAME}"


def register(env):
    @env.macro
    def pdf_link() -> str:
        """An HTML link (not Markdown: MkDocs cannot validate a file the build does not produce)
        from the current page to the PDF of its language."""
        lang = page_language(env)
        href = get_relative_url(pdf_path(lang), env.page.url or ".")
        return f'<a class="guide-pdf-link" href="{href}" type="application/pdf">{pick(LINK_TEXT, lang)}</a>'
