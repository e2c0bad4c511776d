"""The decision-tree model: one YAML file per tree, `data/trees/<id>.yml`.

Schema (every human text is a mapping `{en: ..., fr: ...}`; ids match `[a-z0-9-]+`)::

    id: which-steps                    # the file name without .yml
    title: {en: ..., fr: ...}
    intro: {en: ..., fr: ...}          # optional: shown above the first question
    start: contract                    # the id of the first question
    nodes:                             # the questions, by id
      contract:
        question: {en: ..., fr: ...}
        help: {en: ..., fr: ...}       # optional: why we ask, where to find the answer
        answers:                       # in display order; the stepper shows each as a button
          - id: not-signed             # unique in its question; the URL state is a list of these
            label: {en: ..., fr: ...}
            next: structure            # a question id or an outcome id
            adds: [sign-contract]      # optional: checklist items this answer contributes
            unsure: true               # optional: the "I'm not sure" answer, which leads to a
                                       # help question or to a safe default
    outcomes:                          # where every walk ends, by id
      checklist:
        title: {en: ..., fr: ...}
        summary: {en: ..., fr: ...}
        items: [renew]                 # optional: items every walk ending here gets
    items:                             # checklist items, by id, in the order a checklist lists them
      sign-contract:
        text: {en: ..., fr: ...}
        links: [contract_f101_online]  # optional: ids of data/links.yml
        pages: [procedure/1-contract.md]   # optional: pages of this guide (paths under docs/<lang>/)

The checklist at the end of a walk is the outcome's items plus every item the chosen answers
added, listed once each, in the order of `items`. `load_tree` only checks the shape of the file;
`igcsante.trees.checks` checks the tree as a whole (reachability, cycles, references, texts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
Text = dict  # {language code: text}


class TreeFormatError(ValueError):
    """A tree file that cannot be read as a tree: not YAML, or a field of the wrong shape."""


@dataclass(frozen=True)
class Answer:
    id: str
    label: Text
    next: str | None
    adds: tuple[str, ...] = ()
    unsure: bool = False


@dataclass(frozen=True)
class Node:
    id: str
    question: Text
    help: Text | None
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Outcome:
    id: str
    title: Text
    summary: Text
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    links: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tree:
    id: str
    title: Text
    intro: Text | None
    start: str
    nodes: dict[str, Node]
    outcomes: dict[str, Outcome]
    items: dict[str, Item]
    source: str = field(default="<tree>", compare=False)

    def texts(self):
        """Every human text of the tree, with where it sits: (place, text)."""
        yield "title", self.title
        if self.intro is not None:
            yield "intro", self.intro
        for node in self.nodes.values():
            yield f"question '{node.id}'", node.question
            if node.help is not None:
                yield f"help of question '{node.id}'", node.help
            for answer in node.answers:
                yield f"answer '{answer.id}' of question '{node.id}'", answer.label
        for outcome in self.outcomes.values():
            yield f"title of outcome '{outcome.id}'", outcome.title
            yield f"summary of outcome '{outcome.id}'", outcome.summary
        for item in self.items.values():
            yield f"item '{item.id}'", item.text


@dataclass(frozen=True)
class Walk:
    """Where a list of answer ids leads from the start: the question or outcome reached,
    the (question, answer) pairs followed, and the checklist item ids gathered."""

    at: str
    steps: tuple[tuple[Node, Answer], ...]
    items: tuple[str, ...]


def walk(tree: Tree, answer_ids: list[str]) -> Walk:
    """Follow `answer_ids` from the start; stops early at an id the current question lacks.
    The stepper in the page follows the same rule (docs/assets/trees/stepper.js)."""
    at, steps, gathered = tree.start, [], set()
    for answer_id in answer_ids:
        node = tree.nodes.get(at)
        answer = next((a for a in node.answers if a.id == answer_id), None) if node else None
        if answer is None or answer.next is None:
            break
        steps.append((node, answer))
        gathered.update(answer.adds)
        at = answer.next
    if at in tree.outcomes:
        gathered.update(tree.outcomes[at].items)
    ordered = tuple(item_id for item_id in tree.items if item_id in gathered)
    return Walk(at=at, steps=tuple(steps), items=ordered)


# --- reading a file -------------------------------------------------------------------------


class _Reader:
    """Checks one mapping of the file against the schema and says where a problem is."""

    def __init__(self, mapping, where: str):
        if not isinstance(mapping, dict):
            raise TreeFormatError(f"{where} must be a mapping of fields, not {_kind(mapping)}")
        self.mapping, self.where = mapping, where

    def only(self, *allowed):
        unknown = sorted(str(key) for key in self.mapping if key not in allowed)
        if unknown:
            raise TreeFormatError(
                f"{self.where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}"
            )
        return self

    def value(self, key, required=True):
        if key not in self.mapping or self.mapping[key] is None:
            if required:
                raise TreeFormatError(f"{self.where}: the field '{key}' is missing")
            return None
        return self.mapping[key]

    def text(self, key, required=True) -> Text | None:
        value = self.value(key, required)
        if value is None:
            return None
        if not isinstance(value, dict) or not all(
            isinstance(lang, str) and isinstance(text, str) for lang, text in value.items()
        ):
            raise TreeFormatError(
                f"{self.where}: '{key}' must be a mapping of language to text, like {{en: ..., fr: ...}}"
            )
        return dict(value)

    def ident(self, key, required=True) -> str | None:
        value = self.value(key, required)
        return None if value is None else _ident(value, f"{self.where}: '{key}'")

    def idents(self, key) -> tuple[str, ...]:
        value = self.value(key, required=False) or []
        if not isinstance(value, list):
            raise TreeFormatError(f"{self.where}: '{key}' must be a list of ids")
        return tuple(_ident(entry, f"{self.where}: an entry of '{key}'", pattern=None) for entry in value)

    def mapping_of(self, key) -> dict:
        value = self.value(key)
        if not isinstance(value, dict):
            raise TreeFormatError(f"{self.where}: '{key}' must be a mapping of ids to entries")
        return value


def _kind(value) -> str:
    return "nothing" if value is None else type(value).__name__


def _ident(value, where: str, pattern=ID_PATTERN) -> str:
    if isinstance(value, bool):
        raise TreeFormatError(
            f"{where} is {value!r}: YAML reads yes/no/on/off/true/false as booleans; quote the id or pick another"
        )
    if not isinstance(value, str):
        raise TreeFormatError(f"{where} must be an id (text), not {_kind(value)}")
    if pattern is not None and not pattern.match(value):
        raise TreeFormatError(f"{where} '{value}' is not a valid id: use lower-case letters, digits and '-'")
    return value


def _answer(mapping, where: str) -> Answer:
    r = _Reader(mapping, where).only("id", "label", "next", "adds", "unsure")
    unsure = r.value("unsure", required=False) or False
    if not isinstance(unsure, bool):
        raise TreeFormatError(f"{where}: 'unsure' must be true or false")
    return Answer(
        id=r.ident("id"), label=r.text("label"), next=r.ident("next", required=False),
        adds=r.idents("adds"), unsure=unsure,
    )


def _node(node_id: str, mapping) -> Node:
    where = f"question '{node_id}'"
    r = _Reader(mapping, where).only("question", "help", "answers")
    answers = r.value("answers", required=False) or []
    if not isinstance(answers, list):
        raise TreeFormatError(f"{where}: 'answers' must be a list")
    return Node(
        id=node_id, question=r.text("question"), help=r.text("help", required=False),
        answers=tuple(_answer(a, f"{where}, answer {n}") for n, a in enumerate(answers, 1)),
    )


def _outcome(outcome_id: str, mapping) -> Outcome:
    r = _Reader(mapping, f"outcome '{outcome_id}'").only("title", "summary", "items")
    return Outcome(id=outcome_id, title=r.text("title"), summary=r.text("summary"), items=r.idents("items"))


def _item(item_id: str, mapping) -> Item:
    r = _Reader(mapping, f"item '{item_id}'").only("text", "links", "pages")
    return Item(id=item_id, text=r.text("text"), links=r.idents("links"), pages=r.idents("pages"))


def _entries(r: _Reader, key: str, build) -> dict:
    return {
        _ident(entry_id, f"an id under '{key}'"): build(entry_id, entry)
        for entry_id, entry in r.mapping_of(key).items()
    }


def parse_tree(mapping, source: str = "<tree>") -> Tree:
    """A `Tree` from the mapping a tree file holds; `TreeFormatError` says what is malformed."""
    r = _Reader(mapping, "the tree").only("id", "title", "intro", "start", "nodes", "outcomes", "items")
    return Tree(
        id=r.ident("id"), title=r.text("title"), intro=r.text("intro", required=False),
        start=r.ident("start"), nodes=_entries(r, "nodes", _node),
        outcomes=_entries(r, "outcomes", _outcome), items=_entries(r, "items", _item), source=source,
    )


def load_tree(path) -> Tree:
    """Read and parse one tree file; `TreeFormatError` names the file and the problem."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as stream:
            mapping = yaml.safe_load(stream)
    except OSError as error:
        raise TreeFormatError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise TreeFormatError(f"{path}: is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise TreeFormatError(f"{path}: is not valid YAML{at}: {problem}") from None
    try:
        return parse_tree(mapping, source=str(path))
    except TreeFormatError as error:
        raise TreeFormatError(f"{path}: {error}") from None
