"""Reading tree files: malformed files get a message naming the place, and walks follow answers."""

import pytest

from igcsante.trees.model import TreeFormatError, load_tree, parse_tree, walk


def test_walk_gathers_items_in_declaration_order(sound_tree):
    tree = parse_tree(sound_tree)
    result = walk(tree, ["a", "b"])
    assert result.at == "done"
    assert [answer.id for _, answer in result.steps] == ["a", "b"]
    assert result.items == ("form", "extra", "always")  # the order of `items`, not of the answers


def test_walk_stops_at_an_unknown_answer(sound_tree):
    result = walk(parse_tree(sound_tree), ["a", "nonsense", "b"])
    assert result.at == "second"
    assert result.items == ("form",)


@pytest.mark.parametrize("change, expected", [
    (lambda t: t["nodes"]["first"]["answers"][0].update(id=True),
     "YAML reads yes/no/on/off/true/false as booleans"),
    (lambda t: t["nodes"]["first"]["answers"][0].update(nxt="second"), "unknown field(s) nxt"),
    (lambda t: t.pop("start"), "the field 'start' is missing"),
    (lambda t: t["nodes"]["first"].update(question="First?"), "must be a mapping of language to text"),
    (lambda t: t["nodes"]["first"]["answers"][0].update(id="Has Spaces"), "is not a valid id"),
    (lambda t: t["nodes"]["first"].update(answers="a, b"), "'answers' must be a list"),
    (lambda t: t["nodes"]["first"]["answers"][0].update(unsure="maybe"), "'unsure' must be true or false"),
    (lambda t: t["items"]["form"].update(links="f413_pdf"), "'links' must be a list of ids"),
])
def test_malformed_fields_are_named(sound_tree, change, expected):
    change(sound_tree)
    with pytest.raises(TreeFormatError) as caught:
        parse_tree(sound_tree)
    assert expected in str(caught.value)


def test_a_tree_that_is_not_a_mapping():
    with pytest.raises(TreeFormatError, match="must be a mapping of fields, not list"):
        parse_tree(["a", "b"])


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("id: broken\nnodes: {a: [\n", encoding="utf-8")
    with pytest.raises(TreeFormatError) as caught:
        load_tree(path)
    assert str(path) in str(caught.value) and "not valid YAML at line" in str(caught.value)


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(TreeFormatError, match="cannot be read"):
        load_tree(tmp_path / "missing.yml")
    latin1 = tmp_path / "latin1.yml"
    latin1.write_bytes("title: {en: Sant\xe9}".encode("latin-1"))
    with pytest.raises(TreeFormatError, match="is not UTF-8 text"):
        load_tree(latin1)
