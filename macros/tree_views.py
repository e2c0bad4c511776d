"""The three renderings of a decision tree, from one `TreeView` (a tree in one language).

- `stepper_html`: the root the page script (docs/assets/trees/stepper.js) turns into the
  one-question-at-a-time stepper; the tree travels inside it as JSON, so nothing is fetched.
- `outline_html`: every question, answer, checklist item and result as nested lists, readable
  and printable without JavaScript, and found by the site search.
- `mermaid_source`: the overview diagram, rendered by Material with the vendored Mermaid.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from igcsante.trees.model import Tree


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    internal: bool


@dataclass(frozen=True)
class TreeView:
    """A tree with every text picked in one language and every link resolved to an href."""

    tree: Tree
    text: Callable[[dict], str]   # a {en, fr} mapping -> its text in the page's language
    ui: dict                      # interface strings in the page's language
    links: dict                   # item id -> list[Link]

    def question_order(self) -> list[str]:
        """Questions in breadth-first order from the start: the numbering readers see."""
        order, todo = [], [self.tree.start]
        while todo:
            node_id = todo.pop(0)
            if node_id in order or node_id not in self.tree.nodes:
                continue
            order.append(node_id)
            todo += [a.next for a in self.tree.nodes[node_id].answers]
        return order

    def anchor(self, target: str) -> str:
        kind = "q" if target in self.tree.nodes else "o"
        return f"{self.tree.id}-{kind}-{target}"


def stepper_data(view: TreeView) -> dict:
    tree, t = view.tree, view.text
    return {
        "id": tree.id,
        "start": tree.start,
        "ui": view.ui,
        "nodes": {
            node.id: {
                "question": t(node.question),
                "help": t(node.help) if node.help else "",
                "answers": [
                    {"id": a.id, "label": t(a.label), "next": a.next, "adds": list(a.adds), "unsure": a.unsure}
                    for a in node.answers
                ],
            }
            for node in tree.nodes.values()
        },
        "outcomes": {
            o.id: {"title": t(o.title), "summary": t(o.summary), "items": list(o.items)}
            for o in tree.outcomes.values()
        },
        "items": {
            item.id: {"text": t(item.text), "links": [vars(link) for link in view.links[item.id]]}
            for item in tree.items.values()
        },
        "order": list(tree.items),
    }


def stepper_html(view: TreeView) -> str:
    # The tree travels in an attribute, not in a <script type="application/json">: Material's
    # instant navigation re-creates every <script> of the new page without its type, and would
    # try to run the JSON as JavaScript.
    data = json.dumps(stepper_data(view), ensure_ascii=False, separators=(",", ":"))
    return (
        f'<div class="tree-stepper" data-tree="{escape(view.tree.id)}" data-tree-data="{escape(data)}">'
        f'<p class="tree-stepper-nojs">{escape(view.ui["nojs"])}</p>'
        "</div>"
    )


def _links_html(view: TreeView, item_id: str) -> str:
    links = view.links[item_id]
    if not links:
        return ""
    anchors = " · ".join(f'<a href="{escape(link.href)}">{escape(link.label)}</a>' for link in links)
    return f' <span class="tree-links">{anchors}</span>'


def _item_html(view: TreeView, item_id: str) -> str:
    return f"<li>{escape(view.text(view.tree.items[item_id].text))}{_links_html(view, item_id)}</li>"


def _target_html(view: TreeView, target: str, numbers: dict) -> str:
    tree, t = view.tree, view.text
    if target in tree.nodes:
        label = view.ui["question"].format(n=numbers[target], text=t(tree.nodes[target].question))
    else:
        label = view.ui["result"].format(text=t(tree.outcomes[target].title))
    return f'<a href="#{view.anchor(target)}">{escape(label)}</a>'


def _items_html(view: TreeView, item_ids) -> str:
    return "<ul>" + "".join(_item_html(view, item_id) for item_id in item_ids) + "</ul>"


def outline_html(view: TreeView) -> str:
    tree, t, ui = view.tree, view.text, view.ui
    order = view.question_order()
    numbers = {node_id: n for n, node_id in enumerate(order, 1)}
    parts = [f'<div class="tree-outline" data-tree-outline="{escape(tree.id)}">', '<ol class="tree-outline-questions">']
    for node_id in order:
        node = tree.nodes[node_id]
        parts.append(f'<li id="{view.anchor(node_id)}"><p class="tree-outline-question"><strong>{escape(t(node.question))}</strong></p>')
        if node.help:
            parts.append(f'<p class="tree-outline-help">{escape(t(node.help))}</p>')
        parts.append("<ul>")
        for answer in node.answers:
            parts.append(f'<li><span class="tree-outline-answer">{escape(t(answer.label))}</span> → {_target_html(view, answer.next, numbers)}')
            if answer.adds:
                parts.append(f'<div class="tree-outline-adds">{escape(ui["adds"])}{_items_html(view, answer.adds)}</div>')
            parts.append("</li>")
        parts.append("</ul></li>")
    parts.append("</ol>")
    for outcome in tree.outcomes.values():
        parts.append(f'<div class="tree-outline-outcome" id="{view.anchor(outcome.id)}">')
        parts.append(f'<p><strong>{escape(ui["result"].format(text=t(outcome.title)))}</strong></p>')
        parts.append(f"<p>{escape(t(outcome.summary))}</p>")
        if outcome.items:
            parts.append(f'<p>{escape(ui["always"])}</p>{_items_html(view, outcome.items)}')
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _mermaid_label(text: str, limit: int | None = None) -> str:
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return '"' + text.replace('"', "#quot;") + '"'


def _mermaid_id(kind: str, ident: str) -> str:
    # Prefixed and without '-': Mermaid reserves words like "end" and reads '-' as an arrow.
    return f"{kind}_{ident.replace('-', '_')}"


def mermaid_source(view: TreeView) -> str:
    tree, t = view.tree, view.text
    order = view.question_order()
    lines = ["flowchart TD"]
    for n, node_id in enumerate(order, 1):
        label = view.ui["question"].format(n=n, text=t(tree.nodes[node_id].question))
        lines.append(f"  {_mermaid_id('q', node_id)}[{_mermaid_label(label)}]")
    for outcome in tree.outcomes.values():
        lines.append(f"  {_mermaid_id('o', outcome.id)}([{_mermaid_label(t(outcome.title))}])")
    for node_id in order:
        for answer in tree.nodes[node_id].answers:
            kind = "q" if answer.next in tree.nodes else "o"
            lines.append(
                f"  {_mermaid_id('q', node_id)} -->|{_mermaid_label(t(answer.label), 40)}| {_mermaid_id(kind, answer.next)}"
            )
    return "\n".join(lines)


def mermaid_html(view: TreeView) -> str:
    return f'<pre class="mermaid"><code>{escape(mermaid_source(view), quote=False)}</code></pre>'
