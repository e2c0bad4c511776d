"""Every tree of data/trees/ is sound, and every possible walk ends in a useful checklist."""

import pytest

from igcsante.trees.checks import check_tree, load_link_ids
from igcsante.trees.model import load_tree, walk

from tests.trees.tree_samples import LINKS_FILE, TREE_FILES

REQUIRED_TREES = {"which-steps", "which-finess", "corridor-hospital", "corridor-medico-social", "corridor-city-medicine"}


def all_walks(tree, prefix=()):
    """Every list of answer ids from the start to an outcome (the trees have no cycle)."""
    node = tree.nodes.get(walk(tree, list(prefix)).at)
    if node is None:
        yield list(prefix)
        return
    for answer in node.answers:
        yield from all_walks(tree, prefix + (answer.id,))


def test_the_required_trees_exist():
    assert REQUIRED_TREES <= {path.stem for path in TREE_FILES}


@pytest.mark.parametrize("path", TREE_FILES, ids=[p.stem for p in TREE_FILES])
def test_tree_is_sound(path):
    problems = check_tree(load_tree(path), load_link_ids(LINKS_FILE))
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("path", TREE_FILES, ids=[p.stem for p in TREE_FILES])
def test_every_walk_ends_in_an_outcome_with_a_checklist(path):
    tree = load_tree(path)
    walks = list(all_walks(tree))
    assert walks
    for answers in walks:
        result = walk(tree, answers)
        assert result.at in tree.outcomes, answers
        assert result.items, f"{answers} ends in an empty checklist"


@pytest.mark.parametrize("path", TREE_FILES, ids=[p.stem for p in TREE_FILES])
def test_every_question_offers_an_unsure_way_out(path):
    tree = load_tree(path)
    for node in tree.nodes.values():
        assert any(a.unsure for a in node.answers) or node.help, (
            f"question '{node.id}' has neither an 'I'm not sure' answer nor help")


def test_which_steps_acceptance_walk():
    """City-medicine health centre, no contract yet, delegating to the vendor, INSi and DMP."""
    tree = load_tree(next(p for p in TREE_FILES if p.stem == "which-steps"))
    result = walk(tree, ["not-signed", "city", "vendor", "insi-dmp"])
    assert result.at == "checklist"
    texts = [tree.items[item_id].text["en"] for item_id in result.items]
    links = {link for item_id in result.items for link in tree.items[item_id].links}
    assert any("form CA" in t and "F101" in t for t in texts)
    assert {"contract_f101_online", "contract_pdf", "f101_pdf"} <= links
    assert any("vendor" in t and "F413" in t for t in texts)
    assert any("ORG AUTH_CLI" in t and "INSI-MANU" in t for t in texts)
    assert any("ORG AUTH_CLI" in t and "DMP" in t and "INSI" not in t for t in texts)
    assert any("ORG SIGN" in t for t in texts)
    # Delegating means the vendor generates the certificates: no own card, no own collection.
    assert not {"order-card", "appoint-administrator", "generate-and-collect"} & set(result.items)
