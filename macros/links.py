"""{{ link('id') }} and {{ url('id') }}: the only way a page names an external URL.

data/links.yml is the registry; an id it does not hold stops the build with the page and the id.
"""

from pathlib import Path

from igcsante.links.registry import LinkEntry, RegistryError, load_registry
from mkdocs.exceptions import PluginError

from .i18n import page_language, pick

LINKS_FILE = Path("data") / "links.yml"


class UnknownLinkId(KeyError):
    """A page asked for a link id that data/links.yml does not hold."""

    def __str__(self):
        return self.args[0]


def load_links(project_dir) -> dict[str, LinkEntry]:
    """Every entry of data/links.yml, by id, read by the link checker's own strict reader:
    a malformed registry stops the build with every mistake listed."""
    try:
        return {entry.id: entry for entry in load_registry(Path(project_dir) / LINKS_FILE).links}
    except RegistryError as error:
        raise PluginError(f"data/links.yml cannot be used: {'; '.join(error.problems)}") from None


def _page_name(env) -> str:
    try:
        return env.page.file.src_uri
    except AttributeError:
        return "(no page)"


def _markdown_text(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]")


def register(env):
    links = load_links(env.project_dir)

    def entry(link_id):
        if link_id not in links:
            raise UnknownLinkId(
                f"page {_page_name(env)}: unknown link id '{link_id}'. "
                f"Use an id of {LINKS_FILE.as_posix()} or add the link there (url, kind, label, reviewed, expect)."
            )
        return links[link_id]

    @env.macro
    def url(link_id: str) -> str:
        """The bare URL of a registered link (for HTML attributes and code)."""
        return entry(link_id).url

    @env.macro
    def link(link_id: str) -> str:
        """A Markdown link to a registered URL, labelled in the page's language."""
        target = entry(link_id)
        return f"[{_markdown_text(pick(target.label, page_language(env)))}]({target.url})"
