"""Checks over a whole decision tree, one small function per rule.

Each rule yields `Problem`s with a stable code; `check_tree` runs them all. A tree without
problems can be walked from its start to an outcome whatever the answers, and every text,
checklist item and link it names exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from igcsante.links.registry import RegistryError, load_registry

from .model import Tree

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Problem:
    code: str
    message: str

    def __str__(self):
        return f"[{self.code}] {self.message}"


def _targets(tree: Tree) -> set[str]:
    return set(tree.nodes) | set(tree.outcomes)


def _edges(tree: Tree, node_id: str):
    return [a.next for a in tree.nodes[node_id].answers if a.next in tree.nodes or a.next in tree.outcomes]


def check_id_matches_file(tree: Tree):
    stem = Path(tree.source).stem
    if tree.source != "<tree>" and tree.id != stem:
        yield Problem("id-mismatch", f"the tree id '{tree.id}' differs from its file name '{stem}.yml'; "
                      "pages call {{ tree('<id>') }} and find the file by that id: make them equal")


def check_start(tree: Tree):
    if tree.start not in tree.nodes:
        yield Problem("unknown-start", f"start '{tree.start}' is not a question of this tree: "
                      "set it to the id of the first question")


def check_ids_distinct(tree: Tree):
    for clash in sorted(set(tree.nodes) & set(tree.outcomes)):
        yield Problem("id-clash", f"'{clash}' is both a question and an outcome: 'next' would be ambiguous; rename one")
    for node in tree.nodes.values():
        seen = set()
        for answer in node.answers:
            if answer.id in seen:
                yield Problem("duplicate-answer", f"question '{node.id}' has two answers '{answer.id}': "
                              "the address of a walk could not tell them apart; rename one")
            seen.add(answer.id)


def check_next_targets(tree: Tree):
    """No dangling `next`, and no dead end: every leaf of the tree is an outcome."""
    targets = _targets(tree)
    for node in tree.nodes.values():
        if not node.answers:
            yield Problem("dead-end", f"question '{node.id}' has no answers: a walk would stop there "
                          "without a result; add answers or turn it into an outcome")
        for answer in node.answers:
            if answer.next is None:
                yield Problem("dead-end", f"answer '{answer.id}' of question '{node.id}' has no 'next': "
                              "point it at a question or an outcome")
            elif answer.next not in targets:
                yield Problem("dangling-next", f"answer '{answer.id}' of question '{node.id}' leads to "
                              f"'{answer.next}', which is neither a question nor an outcome of this tree")


def check_reachable(tree: Tree):
    if tree.start not in tree.nodes:
        return  # reported by check_start; everything would look unreachable
    seen, todo = {tree.start}, [tree.start]
    while todo:
        node_id = todo.pop()
        for target in _edges(tree, node_id):
            if target not in seen:
                seen.add(target)
                if target in tree.nodes:
                    todo.append(target)
    for node_id in tree.nodes:
        if node_id not in seen:
            yield Problem("unreachable", f"question '{node_id}' cannot be reached from the start: "
                          "no answer leads to it; link it or delete it")
    for outcome_id in tree.outcomes:
        if outcome_id not in seen:
            yield Problem("unreachable", f"outcome '{outcome_id}' cannot be reached from the start: "
                          "no answer leads to it; link it or delete it")


def check_no_cycle(tree: Tree):
    """Depth-first search; a question met again while still on the current path closes a cycle.

    Iterative (an explicit stack of pending answers), so a tree of any depth is checked.
    """
    done, reported = set(), set()
    for root in tree.nodes:
        if root in done:
            continue
        path, on_path, pending = [root], {root}, [iter(_edges(tree, root))]
        while pending:
            target = next(pending[-1], None)
            if target is None:
                pending.pop()
                done.add(path[-1])
                on_path.discard(path.pop())
            elif target in on_path:
                cycle = path[path.index(target):] + [target]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield Problem("cycle", "the answers loop: " + " -> ".join(cycle) +
                                  "; a walk could go on forever, so break the loop")
            elif target in tree.nodes and target not in done:
                path.append(target)
                on_path.add(target)
                pending.append(iter(_edges(tree, target)))


def check_item_references(tree: Tree):
    used = set()
    for node in tree.nodes.values():
        for answer in node.answers:
            for item_id in answer.adds:
                used.add(item_id)
                if item_id not in tree.items:
                    yield Problem("unknown-item", f"answer '{answer.id}' of question '{node.id}' adds "
                                  f"'{item_id}', which is not under 'items'")
    for outcome in tree.outcomes.values():
        for item_id in outcome.items:
            used.add(item_id)
            if item_id not in tree.items:
                yield Problem("unknown-item", f"outcome '{outcome.id}' lists '{item_id}', which is not under 'items'")
    for item_id in tree.items:
        if item_id not in used:
            yield Problem("unused-item", f"item '{item_id}' is added by no answer and listed by no outcome: "
                          "no checklist can show it; use it or delete it")


def check_link_ids(tree: Tree, link_ids: set[str]):
    for item in tree.items.values():
        for link_id in item.links:
            if link_id not in link_ids:
                yield Problem("unknown-link", f"item '{item.id}' names the link '{link_id}', which "
                              "data/links.yml does not hold: fix the id or register the link there")


def check_texts(tree: Tree):
    for place, text in tree.texts():
        for lang in LANGUAGES:
            if not (text.get(lang) or "").strip():
                yield Problem("missing-text", f"{place} has no '{lang}' text: every text needs English and French")


def check_tree(tree: Tree, link_ids: set[str]) -> list[Problem]:
    """Every problem of `tree`; `link_ids` are the ids data/links.yml holds."""
    rules = (
        check_id_matches_file, check_start, check_ids_distinct, check_next_targets, check_reachable,
        check_no_cycle, check_item_references, check_texts,
    )
    problems = [problem for rule in rules for problem in rule(tree)]
    return problems + list(check_link_ids(tree, link_ids))


def load_link_ids(links_file) -> set[str]:
    """The ids of data/links.yml, read by the link checker's strict reader; ValueError with a plain
    message when the file cannot be read or is malformed."""
    try:
        registry = load_registry(Path(links_file))
    except RegistryError as error:
        raise ValueError(f"{links_file} cannot be read as the link registry: {'; '.join(error.problems)}") from None
    return {entry.id for entry in registry.links}
