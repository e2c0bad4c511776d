"""MkDocs hook: Material's JavaScript without its CDN fallbacks.

Material's bundle fetches Mermaid and a ResizeObserver polyfill from a public CDN when they are
missing. Here neither fallback can run: macros/mermaid_vendor.py defines `mermaid` before the
bundle on every page, and every browser Material supports has ResizeObserver. After the build we
replace those two URLs (whatever their host) by an empty script, so that no file of the site names a third-party
origin, and we drop the theme's source maps, which quote the same sources. If a Material upgrade
moves the URLs, the build fails here instead of shipping them again.
"""

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# Matched on the path, so a change of CDN host in a Material release is caught too.
CDN_FALLBACKS = (
    re.compile(r"https://[^\s\"'`]+/mermaid@11/dist/mermaid\.min\.js"),
    re.compile(r"https://[^\s\"'`]+/resize-observer-polyfill"),
)
EMPTY_SCRIPT = "data:text/javascript,/*cdn-fallback-removed*/"
SOURCE_MAP_COMMENT = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


def _without_cdn_fallbacks(bundle: Path) -> str:
    text = bundle.read_text(encoding="utf-8")
    for url in CDN_FALLBACKS:
        if not url.search(text) and EMPTY_SCRIPT not in text:
            raise PluginError(f"theme_offline: {url.pattern} not found in {bundle.name}; Material changed: "
                              "update CDN_FALLBACKS in macros/theme_offline.py")
        text = url.sub(EMPTY_SCRIPT, text)
    return text


def _replace(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def on_post_build(config, **kwargs) -> None:
    scripts = Path(config["site_dir"]) / "assets" / "javascripts"
    for bundle in scripts.glob("bundle.*.min.js"):
        _replace(bundle, SOURCE_MAP_COMMENT.sub("\n", _without_cdn_fallbacks(bundle)))
    for worker in scripts.glob("workers/*.min.js"):
        _replace(worker, SOURCE_MAP_COMMENT.sub("\n", worker.read_text(encoding="utf-8")))
    for source_map in scripts.rglob("*.min.js.map"):
        source_map.unlink()
