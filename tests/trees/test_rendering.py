"""The {{ tree() }} macro's views, rendered without a build: every tree, in English and French."""

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.trees import TreeBuildError, TreeRenderer
from tests.trees.tree_samples import ROOT, TREE_FILES


@pytest.fixture(scope="module")
def renderer():
    return TreeRenderer(ROOT)


def stepper_json(markdown):
    return json.loads(BeautifulSoup(markdown, "html.parser").select_one("[data-tree]")["data-tree-data"])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", TREE_FILES, ids=[p.stem for p in TREE_FILES])
def test_every_tree_renders_in_both_languages(renderer, path, lang):
    markdown = renderer.render(path.stem, lang, "decide/which-steps/", level=2)
    data = stepper_json(markdown)
    tree = renderer.load(path.stem)
    assert data["nodes"][tree.start]["question"] == tree.nodes[tree.start].question[lang]
    assert f"## {'Every question and answer' if lang == 'en' else 'Toutes les questions et réponses'}" in markdown
    assert '<pre class="mermaid"><code>flowchart TD' in markdown


def test_guide_pages_are_linked_relative_to_the_page(renderer):
    data = stepper_json(renderer.render("which-steps", "en", "decide/which-steps/", level=2))
    [guide] = [link for link in data["items"]["sign-contract"]["links"] if link["internal"]]
    assert guide["href"] == "../../procedure/1-contract/"
    data = stepper_json(renderer.render("which-steps", "fr", "fr/decide/which-steps/", level=2))
    [guide] = [link for link in data["items"]["sign-contract"]["links"] if link["internal"]]
    assert guide["href"] == "../../procedure/1-contract/"  # both under fr/


def _project_with(tmp_path, tree):
    (tmp_path / "data" / "trees").mkdir(parents=True)
    (tmp_path / "data" / "links.yml").write_text((ROOT / "data" / "links.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data" / "trees" / f"{tree['id']}.yml").write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    return TreeRenderer(tmp_path)


def test_texts_cannot_break_out_of_the_markup_or_the_diagram(tmp_path, sound_tree):
    question = 'Is "A" < B? </div><script>alert(1)</script>'
    sound_tree["nodes"]["first"]["question"]["en"] = question
    markdown = _project_with(tmp_path, sound_tree).render("sample", "en", "x/", level=3)
    document = BeautifulSoup(markdown, "html.parser")
    assert document.find("script") is None
    assert stepper_json(markdown)["nodes"]["first"]["question"] == question
    diagram = document.select_one("pre.mermaid").get_text()
    assert re.search(r'q_first\["Question 1: Is #quot;A#quot; < B\?', diagram)


def test_an_unsound_tree_stops_the_build_with_its_problems(tmp_path, sound_tree):
    sound_tree["nodes"]["second"]["answers"][0]["next"] = "first"
    with pytest.raises(TreeBuildError, match=r"\[cycle\] the answers loop: first -> second -> first"):
        _project_with(tmp_path, sound_tree).render("sample", "en", "x/", level=2)


def test_an_unknown_tree_id_is_named(renderer):
    with pytest.raises(TreeBuildError, match="no decision tree 'which-stpes'"):
        renderer.render("which-stpes", "en", "x/", level=2)


def test_a_link_to_a_missing_guide_page_stops_the_build(tmp_path, sound_tree):
    sound_tree["items"]["extra"]["pages"] = ["no-such-page.md"]
    with pytest.raises(TreeBuildError, match="no-such-page.md"):
        _project_with(tmp_path, sound_tree).render("sample", "en", "x/", level=2)
