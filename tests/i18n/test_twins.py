"""Every page exists in both editions, and the French navigation is entirely French."""

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from macros.i18n import DEFAULT_LANGUAGE, LANGUAGES
from tests.site.site_pages import DOCS, ROOT


def _pages(lang: str) -> set[str]:
    folder = DOCS / lang
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def _i18n_languages() -> dict[str, dict]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        config = yaml_load(stream)
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {language["locale"]: language for language in plugin["languages"]}, config


def _nav_titles(items) -> set[str]:
    titles = set()
    for item in items:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            titles.add(title)
            if isinstance(value, list):
                titles |= _nav_titles(value)
    return titles


def test_every_page_has_its_twin_in_the_other_edition():
    editions = {lang: _pages(lang) for lang in LANGUAGES}
    assert editions[DEFAULT_LANGUAGE], "docs/en/ holds no page"
    for lang, pages in editions.items():
        for other, other_pages in editions.items():
            missing = sorted(pages - other_pages)
            assert not missing, f"pages of docs/{lang}/ without a twin in docs/{other}/: {missing}"


def test_every_language_is_built_with_its_own_theme_language():
    languages, _ = _i18n_languages()
    assert set(languages) == set(LANGUAGES)
    for locale, language in languages.items():
        if locale != DEFAULT_LANGUAGE:
            assert language.get("theme", {}).get("language") == locale, f"{locale}: set theme.language"
            assert language.get("site_name") and language.get("site_description"), f"{locale}: translate site_name and site_description"


def test_every_nav_title_is_translated():
    languages, config = _i18n_languages()
    titles = _nav_titles(config["nav"])
    for locale, language in languages.items():
        if locale == DEFAULT_LANGUAGE:
            continue
        translations = language.get("nav_translations") or {}
        untranslated = sorted(titles - set(translations))
        assert not untranslated, f"nav titles without a '{locale}' translation in mkdocs.yml: {untranslated}"
        assert all(str(value).strip() for value in translations.values())


def _front_matter_keys(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return set()
    return set(yaml_load(text.split("---\n", 2)[1]) or {})


def test_twins_have_the_same_front_matter_keys():
    """Front matter drives templates (description, page options): both editions set the same keys."""
    for source in sorted(_pages(DEFAULT_LANGUAGE)):
        keys = _front_matter_keys(DOCS / DEFAULT_LANGUAGE / source)
        for lang in LANGUAGES:
            twin = DOCS / lang / source
            if twin.is_file():
                assert _front_matter_keys(twin) == keys, f"docs/{lang}/{source}: front matter keys differ from English"
