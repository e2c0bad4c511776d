"""MkDocs hook: fills in the Content-Security-Policy of every built page.

overrides/main.html puts a `<meta http-equiv="Content-Security-Policy">` first in each page's
head. Its script-src allows our own files and, by SHA-256, the small inline scripts Material
writes (they differ by page depth). With navigation.instant a page's policy stays in force while
the reader moves on to other pages, so every page gets the hashes of every page of the build.
"""

import base64
import hashlib
import re
from pathlib import Path

META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")')
# Inline classic scripts only: JSON blocks (type="application/json") are data, never run.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)

# Nothing may come from, or go to, another origin. 'wasm-unsafe-eval' lets Pyodide compile its
# WebAssembly; inline styles are allowed because Material and Mermaid set style attributes.
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; worker-src 'self'; "
    "connect-src 'self'; img-src 'self' data:; font-src 'self'; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> set[str]:
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
        if body.strip()
    }


def on_post_build(config, **kwargs) -> None:
    pages = list(Path(config["site_dir"]).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = set().union(*(script_hashes(text) for text in texts.values())) if texts else set()
    policy = POLICY.format(hashes=" ".join(sorted(hashes)))
    for page, text in texts.items():
        updated = META.sub(lambda m: m.group(1) + policy + m.group(2), text)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
