"""{{ tree('<id>') }}: a decision tree of data/trees/, as a stepper, an outline and a diagram.

The tree is checked (igcsante.trees.checks) before it is rendered: a tree with a dangling
answer, a loop, an unknown link id or a missing translation stops the build with its problems.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from igcsante.trees.checks import check_tree
from igcsante.trees.model import TreeFormatError, load_tree
from mkdocs.utils import get_relative_url

from .guide_pages import page_title, page_url
from .i18n import DEFAULT_LANGUAGE, edition_root, page_language, pick
from .links import load_links
from .tree_views import Link, TreeView, mermaid_html, outline_html, stepper_html

TREES_DIR = Path("data") / "trees"
DOCS_DIR = Path("docs")

# Interface strings of the three views; the stepper receives them in its JSON.
UI = {
    "nojs": {
        "en": "The step-by-step version needs JavaScript. Every question and answer is listed below.",
        "fr": "La version pas à pas nécessite JavaScript. Toutes les questions et réponses figurent ci-dessous.",
    },
    # Templates: French puts a space before the colon.
    "question": {"en": "Question {n}: {text}", "fr": "Question {n} : {text}"},
    "result": {"en": "Result: {text}", "fr": "Résultat : {text}"},
    "adds": {"en": "Adds to your checklist:", "fr": "Ajoute à votre liste :"},
    "always": {"en": "Every checklist ending here also has:", "fr": "Toute liste qui aboutit ici comporte aussi :"},
    "back": {"en": "Back to the previous question", "fr": "Revenir à la question précédente"},
    "restart": {"en": "Start again", "fr": "Recommencer"},
    "your_answers": {"en": "Your answers", "fr": "Vos réponses"},
    "step": {"en": "Step {n}", "fr": "Étape {n}"},
    "outline": {"en": "Every question and answer", "fr": "Toutes les questions et réponses"},
    "overview": {"en": "Overview diagram", "fr": "Vue d'ensemble"},
    "guide_page": {"en": "In this guide: {title}", "fr": "Dans ce guide : {title}"},
}


class TreeBuildError(Exception):
    """A tree a page asked for is missing or unsound; the message says which and why."""


class TreeRenderer:
    def __init__(self, project_dir):
        self.project_dir = Path(project_dir)
        self.registry = load_links(self.project_dir)

    def load(self, tree_id: str):
        path = self.project_dir / TREES_DIR / f"{tree_id}.yml"
        if not path.is_file():
            raise TreeBuildError(f"no decision tree '{tree_id}': {TREES_DIR / (tree_id + '.yml')} does not exist")
        try:
            tree = load_tree(path)
        except TreeFormatError as error:
            raise TreeBuildError(str(error)) from None
        problems = check_tree(tree, set(self.registry))
        if problems:
            listed = "\n  ".join(str(p) for p in problems)
            raise TreeBuildError(f"decision tree {path.relative_to(self.project_dir)} is unsound; "
                                 f"run `igcsante trees check` and fix:\n  {listed}")
        return tree

    def guide_link(self, path: str, lang: str, here: str, ui: dict) -> Link:
        source = next((self.project_dir / DOCS_DIR / language / path for language in (lang, DEFAULT_LANGUAGE)
                       if (self.project_dir / DOCS_DIR / language / path).is_file()), None)
        if source is None:
            raise TreeBuildError(f"a decision tree links to the page '{path}', which docs/{DEFAULT_LANGUAGE}/ does not hold")
        href = get_relative_url(edition_root(lang) + page_url(path), here)
        return Link(href=href, label=ui["guide_page"].format(title=page_title(source)), internal=True)

    def view(self, tree, lang: str, here: str) -> TreeView:
        ui = {key: pick(texts, lang) for key, texts in UI.items()}
        links = {}
        for item in tree.items.values():
            external = [Link(href=self.registry[i].url, label=pick(self.registry[i].label, lang), internal=False)
                        for i in item.links]
            links[item.id] = external + [self.guide_link(p, lang, here, ui) for p in item.pages]
        return TreeView(tree=tree, text=partial(pick, lang=lang), ui=ui, links=links)

    def render(self, tree_id: str, lang: str, here: str, level: int) -> str:
        view = self.view(self.load(tree_id), lang, here)
        hashes = "#" * level
        # Markdown headings (so they join the table of contents) around raw HTML blocks.
        return "\n\n".join([
            stepper_html(view),
            f"{hashes} {view.ui['outline']} {{ #{tree_id}-outline }}",
            outline_html(view),
            f"{hashes} {view.ui['overview']} {{ #{tree_id}-overview }}",
            mermaid_html(view),
        ]) + "\n"


def register(env):
    renderer = TreeRenderer(env.project_dir)

    @env.macro
    def tree(tree_id: str, level: int = 2) -> str:
        """The decision tree `tree_id` in the page's language: stepper, outline (under a heading
        of `level`) and overview diagram."""
        return renderer.render(tree_id, page_language(env), env.page.url, level)
