"""The guide's macros in real MkDocs builds of tiny projects that use the guide's plugin settings
and data/: {{ link() }} renders registered links, fails the build on an unknown id (naming the page
and the id), and links and glossary tooltips follow the page's language (docs/en/, docs/fr/)."""

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from site_pages import ROOT

F413_PDF = "https://esante.gouv.fr/sites/default/files/media_entity/documents/F413.pdf"
MACROS_MODULE = """from macros import glossary, links


def define_env(env):
    links.register(env)
    glossary.register(env)
"""


def _link_text(page, href: str) -> str:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("a", href=href).get_text()


def _guide_plugin_settings(name: str) -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        plugins = yaml_load(stream)["plugins"]
    return next(item[name] for item in plugins if isinstance(item, dict) and name in item)


@pytest.fixture
def build(tmp_path):
    """Build a project whose pages are `pages` ({path under docs/: markdown}); returns (exit code,
    build output, folder of the built site)."""

    def run(pages: dict[str, str], languages=("en",)):
        for path, markdown in pages.items():
            (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / path).write_text(markdown, encoding="utf-8")
        shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("trees"))
        (tmp_path / "guide_macros.py").write_text(MACROS_MODULE, encoding="utf-8")
        i18n = {
            "docs_structure": "folder",
            "reconfigure_material": False,
            "languages": [{"locale": lang, "default": lang == "en", "name": lang, "build": True} for lang in languages],
        }
        config = {
            "site_name": "macros test",
            "strict": True,
            "markdown_extensions": ["abbr", {"pymdownx.snippets": {"check_paths": True}}],
            "plugins": [{"i18n": i18n}, {"macros": {**_guide_plugin_settings("macros"), "module_name": "guide_macros"}}],
        }
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
            cwd=tmp_path, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
        )
        return result.returncode, result.stdout + result.stderr, tmp_path / "site"

    return run


def test_a_known_id_renders_its_label_and_url(build):
    code, output, site = build({"en/index.md": "# Forms\n\nSend {{ link('f413_pdf') }}; log in at {{ url('igc_sante_portal') }}.\n"})
    assert code == 0, output
    assert _link_text(site / "index.html", F413_PDF) == "F413 form (PDF)"
    assert "log in at https://pfc.eservices.esante.gouv.fr/pfcng-ihm/authentication.xhtml." in (site / "index.html").read_text(encoding="utf-8")


def test_an_unknown_id_fails_the_build_naming_page_and_id(build):
    code, output, _ = build({"en/index.md": "# Forms\n\nSend {{ link('f999_pdf') }}.\n"})
    assert code != 0
    assert "page en/index.md: unknown link id 'f999_pdf'" in output


def test_links_and_tooltips_follow_the_page_language(build):
    page = "# F413\n\n{{ link('f413_pdf') }}, FINESS.\n"
    code, output, site = build({"en/index.md": page, "fr/index.md": page}, languages=("en", "fr"))
    assert code == 0, output
    assert _link_text(site / "index.html", F413_PDF) == "F413 form (PDF)"
    assert _link_text(site / "fr" / "index.html", F413_PDF) == "Formulaire F413 (PDF)"
    english = (site / "index.html").read_text(encoding="utf-8")
    french = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="ANS form: appoint technical administrators and order certificates">F413</abbr>' in english
    assert '<abbr title="Formulaire ANS : désigner les administrateurs techniques et commander les certificats">F413</abbr>' in french



def test_a_malformed_link_registry_stops_the_build(tmp_path):
    from mkdocs.exceptions import PluginError

    from macros.links import load_links

    (tmp_path / "data").mkdir()
    broken = (ROOT / "data" / "links.yml").read_text(encoding="utf-8").replace("kind: form-pdf", "kind: leaflet", 1)
    (tmp_path / "data" / "links.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(PluginError, match="data/links.yml cannot be used: .*kind must be one of"):
        load_links(tmp_path)
    assert load_links(ROOT)["f413_pdf"].url.endswith("F413.pdf")
