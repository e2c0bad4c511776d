"""Each rule of igcsante.trees.checks finds its defect, and a sound tree has none."""

import pytest

from igcsante.trees.checks import check_tree
from igcsante.trees.model import parse_tree

LINKS = {"f413_pdf"}


def codes(mapping):
    return [problem.code for problem in check_tree(parse_tree(mapping), LINKS)]


def test_sound_tree_has_no_problem(sound_tree):
    assert codes(sound_tree) == []


def _dangling(t):
    t["nodes"]["first"]["answers"][0]["next"] = "secnod"


def _answer_without_next(t):
    del t["nodes"]["second"]["answers"][0]["next"]


def _question_without_answers(t):
    t["nodes"]["second"]["answers"] = []


def _unreachable_question(t):
    t["nodes"]["orphan"] = {"question": {"en": "Q", "fr": "Q"},
                            "answers": [{"id": "x", "label": {"en": "X", "fr": "X"}, "next": "done"}]}


def _unreachable_outcome(t):
    t["outcomes"]["never"] = {"title": {"en": "T", "fr": "T"}, "summary": {"en": "S", "fr": "S"}}


def _cycle(t):
    t["nodes"]["second"]["answers"][0]["next"] = "first"


def _self_loop(t):
    t["nodes"]["second"]["answers"].append({"id": "again", "label": {"en": "Again", "fr": "Encore"}, "next": "second"})


def _unknown_start(t):
    t["start"] = "nowhere"


def _unknown_link(t):
    t["items"]["form"]["links"] = ["f413_pfd"]


def _unknown_item_in_answer(t):
    t["nodes"]["first"]["answers"][0]["adds"] = ["from"]


def _unknown_item_in_outcome(t):
    t["outcomes"]["done"]["items"] = ["always", "allways"]


def _unused_item(t):
    t["items"]["spare"] = {"text": {"en": "Spare", "fr": "En trop"}}


def _missing_french(t):
    del t["nodes"]["second"]["question"]["fr"]


def _blank_english(t):
    t["items"]["extra"]["text"]["en"] = "  "


def _duplicate_answer(t):
    t["nodes"]["first"]["answers"][1]["id"] = "a"


def _id_clash(t):
    t["outcomes"]["second"] = {"title": {"en": "T", "fr": "T"}, "summary": {"en": "S", "fr": "S"}}


DEFECTS = [
    (_dangling, "dangling-next"),
    (_answer_without_next, "dead-end"),
    (_question_without_answers, "dead-end"),
    (_unreachable_question, "unreachable"),
    (_unreachable_outcome, "unreachable"),
    (_cycle, "cycle"),
    (_self_loop, "cycle"),
    (_unknown_start, "unknown-start"),
    (_unknown_link, "unknown-link"),
    (_unknown_item_in_answer, "unknown-item"),
    (_unknown_item_in_outcome, "unknown-item"),
    (_unused_item, "unused-item"),
    (_missing_french, "missing-text"),
    (_blank_english, "missing-text"),
    (_duplicate_answer, "duplicate-answer"),
    (_id_clash, "id-clash"),
]


@pytest.mark.parametrize("break_it, code", DEFECTS, ids=[f.__name__.strip("_") for f, _ in DEFECTS])
def test_each_defect_is_detected(sound_tree, break_it, code):
    break_it(sound_tree)
    assert code in codes(sound_tree)


def test_cycle_message_names_the_loop(sound_tree):
    _cycle(sound_tree)
    [problem] = [p for p in check_tree(parse_tree(sound_tree), LINKS) if p.code == "cycle"]
    assert "first -> second -> first" in problem.message


def test_unknown_start_is_not_also_reported_as_unreachable_everything(sound_tree):
    _unknown_start(sound_tree)
    assert codes(sound_tree) == ["unknown-start"]


def test_id_must_match_the_file_name(sound_tree, tmp_path):
    import yaml

    from igcsante.trees.model import load_tree

    path = tmp_path / "other-name.yml"
    path.write_text(yaml.safe_dump(sound_tree, allow_unicode=True), encoding="utf-8")
    assert [p.code for p in check_tree(load_tree(path), LINKS)] == ["id-mismatch"]


def _chain(t, length):
    """`length` questions in a row after 'second', the last one looping back to the first of them."""
    t["nodes"]["second"]["answers"][0]["next"] = "q0"
    for n in range(length):
        t["nodes"][f"q{n}"] = {"question": {"en": f"Q{n}", "fr": f"Q{n}"},
                               "answers": [{"id": "on", "label": {"en": "On", "fr": "Suite"}, "next": f"q{n + 1}"}]}
    t["nodes"][f"q{length - 1}"]["answers"].append({"id": "end", "label": {"en": "End", "fr": "Fin"}, "next": "done"})
    t["nodes"][f"q{length - 1}"]["answers"][0]["next"] = "q0"


def test_a_very_deep_tree_is_checked_without_recursion(sound_tree):
    _chain(sound_tree, 5000)  # far deeper than Python's recursion limit
    [problem] = [p for p in check_tree(parse_tree(sound_tree), LINKS) if p.code == "cycle"]
    assert problem.message.startswith("the answers loop: q0 -> q1 -> q2")
