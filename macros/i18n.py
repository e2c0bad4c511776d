"""The language of the page being rendered, and picking a text in that language.

Every data text is a mapping `{en: ..., fr: ...}`. mkdocs-static-i18n (folder layout) marks each
file with its locale, so a page under docs/fr/ renders French labels and a page under docs/en/
English ones, even when the French build falls back to an English page.
"""

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "fr")


def page_language(env_or_page) -> str:
    """'en' or 'fr' for a mkdocs-macros env (its current page) or a MkDocs page."""
    page = getattr(env_or_page, "page", env_or_page)
    locale = getattr(getattr(page, "file", None), "locale", None)
    if locale is None and hasattr(env_or_page, "conf"):
        # No page yet (e.g. a macro called from a template): the language being built.
        locale = env_or_page.conf["theme"].get("language")
    locale = (locale or DEFAULT_LANGUAGE).split("_")[0].split("-")[0]
    return locale if locale in LANGUAGES else DEFAULT_LANGUAGE


def pick(mapping, lang: str) -> str:
    """The text of `mapping` in `lang`, falling back to English; a plain string is returned as is."""
    if isinstance(mapping, str):
        return mapping
    return mapping.get(lang) or mapping[DEFAULT_LANGUAGE]


def edition_root(lang: str) -> str:
    """Where an edition's pages are in the built site: '' for the default language, 'fr/' for French."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
