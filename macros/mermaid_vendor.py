"""MkDocs hook: Mermaid from npm instead of Material's CDN.

Material renders `<pre class="mermaid">` blocks with the global `mermaid`, and fetches it from
a public CDN when that global is missing. So every built page gets, just before Material's bundle, a small
loader (docs/assets/trees/mermaid-loader.js) that defines `mermaid` and loads our copy of the
library only when a page actually has a diagram. After the build the library itself is copied
from `node_modules/mermaid` (version pinned in package.json), its SHA-256 checked.
"""

import hashlib
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
LICENSE = ROOT / "node_modules" / "mermaid" / "LICENSE"
# mermaid@11.17.2 dist/mermaid.min.js, after npm checked the tarball against package-lock.json.
LIBRARY_SHA256 = "581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8"
OUTPUT = Path("assets") / "vendor" / "mermaid"
LOADER = "assets/trees/mermaid-loader.js"

MATERIAL_BUNDLE = re.compile(r'<script src="(?P<prefix>[^"]*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def _with_loader(html: str):
    """The page with the loader inserted before Material's bundle; None if it needs none."""
    match = MATERIAL_BUNDLE.search(html)
    if match is None or LOADER in html:
        return None
    loader = f'<script src="{match["prefix"]}{LOADER}"></script>'
    return html[: match.start()] + loader + html[match.start():]


def _add_loader_everywhere(site_dir: Path) -> None:
    # After the build rather than per page: the 404 template and the print page (written by
    # print-site after the pages) are Material pages too, and instant navigation starts anywhere.
    for path in site_dir.rglob("*.html"):
        updated = _with_loader(path.read_text(encoding="utf-8"))
        if updated is not None:
            path.write_text(updated, encoding="utf-8")


def on_post_build(config, **kwargs) -> None:
    if not LIBRARY.is_file():
        raise PluginError(f"mermaid_vendor: {LIBRARY.relative_to(ROOT)} is missing: run `npm ci` (make deps does)")
    digest = hashlib.sha256(LIBRARY.read_bytes()).hexdigest()
    if digest != LIBRARY_SHA256:
        raise PluginError(
            f"mermaid_vendor: {LIBRARY.relative_to(ROOT)} has SHA-256 {digest}, not the pinned {LIBRARY_SHA256}; "
            "after a deliberate upgrade of mermaid in package.json, update LIBRARY_SHA256"
        )
    _add_loader_everywhere(Path(config["site_dir"]))
    target = Path(config["site_dir"]) / OUTPUT
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LIBRARY, target / LIBRARY.name)
    shutil.copyfile(LICENSE, target / "LICENSE")
