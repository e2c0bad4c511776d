"""The built site: each tree page carries the three views, and Mermaid comes from the site itself."""

import hashlib
import json
import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from tests.trees.tree_samples import ROOT, TREES_DIR

from igcsante.trees.model import load_tree
from macros import mermaid_vendor

pytestmark = pytest.mark.site

TREE_PAGES = {
    "which-steps": "decide/which-steps/index.html",
    "which-finess": "decide/which-finess/index.html",
    "corridor-hospital": "corridors/hospital/index.html",
    "corridor-medico-social": "corridors/medico-social/index.html",
    "corridor-city-medicine": "corridors/city-medicine/index.html",
}
CDN_HOSTS = re.compile(r"unpkg\.com|jsdelivr\.net|cdnjs\.|googleapis\.com|gstatic\.com|cloudflare\.com|esm\.sh")


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def stepper_of(document, tree_id, page):
    steppers = document.select(f'[data-tree="{tree_id}"]')
    assert len(steppers) == 1, f"{page} must show {{{{ tree('{tree_id}') }}}} once, found {len(steppers)}"
    return steppers[0]


@pytest.fixture(scope="module")
def html_pages(built_site):
    return sorted(built_site.rglob("*.html"))


@pytest.mark.parametrize("tree_id, page", TREE_PAGES.items(), ids=list(TREE_PAGES))
def test_tree_page_has_stepper_outline_and_diagram(built_site, tree_id, page):
    tree = load_tree(TREES_DIR / f"{tree_id}.yml")
    path = built_site / page
    assert path.is_file(), f"{page} was not built"
    document = soup(path)

    stepper = stepper_of(document, tree_id, page)
    data = json.loads(stepper["data-tree-data"])
    assert data["start"] == tree.start and set(data["nodes"]) == set(tree.nodes)
    assert stepper.select_one(".tree-stepper-nojs"), "no message for readers without JavaScript"

    [outline] = document.select(f'[data-tree-outline="{tree_id}"]')
    questions = outline.select(f'li[id^="{tree_id}-q-"]')
    assert len(questions) == len(tree.nodes)
    outline_text = outline.get_text(" ")
    for node in tree.nodes.values():
        assert node.question["en"] in outline_text
    for href in {a["href"] for a in outline.select('a[href^="#"]')}:
        assert document.find(id=href[1:]), f"outline link {href} has no target"

    [diagram] = document.select("pre.mermaid")
    source = diagram.get_text()
    assert source.startswith("flowchart TD")
    assert source.count("-->") == sum(len(node.answers) for node in tree.nodes.values())


@pytest.mark.parametrize("tree_id, page", TREE_PAGES.items(), ids=list(TREE_PAGES))
def test_guide_links_of_checklist_items_resolve(built_site, tree_id, page):
    stepper = stepper_of(soup(built_site / page), tree_id, page)
    data = json.loads(stepper["data-tree-data"])
    page_url = "http://site/" + page
    for item in data["items"].values():
        for link in item["links"]:
            if link["internal"]:
                target = urlparse(urljoin(page_url, link["href"])).path.lstrip("/")
                assert (built_site / target / "index.html").is_file(), f"{link['href']} from {page}"
            else:
                assert link["href"].startswith("http")


def test_every_page_defines_mermaid_before_material(html_pages):
    for path in html_pages:
        scripts = [s.get("src", "") for s in soup(path).find_all("script")]
        bundle = next((n for n, src in enumerate(scripts) if "assets/javascripts/bundle." in src), None)
        if bundle is None:
            continue  # not a Material page (e.g. a bare redirect)
        loaders = [n for n, src in enumerate(scripts) if src.endswith("assets/trees/mermaid-loader.js")]
        assert loaders and loaders[0] < bundle, f"{path}: the Mermaid loader must come before Material's bundle"


def test_mermaid_is_vendored_with_the_pinned_hash(built_site):
    library = built_site / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
    assert hashlib.sha256(library.read_bytes()).hexdigest() == mermaid_vendor.LIBRARY_SHA256
    package = json.loads((ROOT / "package.json").read_text())
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["dependencies"]["mermaid"]), "mermaid must be pinned exactly"


def test_no_cdn_url_in_any_page(html_pages):
    for path in html_pages:
        found = CDN_HOSTS.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path} names a CDN: {found}"
