"""Print the offline PDF of each language edition of the built site.

    python -m macros.pdf [--site site] [--out site/downloads]

mkdocs-print-site has combined every page of a language into one print page (`print_page/` for
English, `<lang>/print_page/` for the others, see macros/print_site_i18n.py). This serves the
built site on 127.0.0.1 (pages and scripts behave as online, which `file://` would not allow),
opens each print page in the Debian Chromium through Playwright, waits for the Mermaid diagrams,
and prints a tagged PDF with bookmarks and numbered pages to
`<out>/igc-sante-guide-<lang>.pdf`. Each PDF is written to a temporary file and moved into
place, so a failed run never leaves a half-written PDF behind.
"""

import argparse
import html
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from macros.browser import ChromiumMissing, chromium_path, launch_chromium
from macros.guide_pdf import PRINT_PAGE_NAME, pdf_path
from macros.i18n import DEFAULT_LANGUAGE, LANGUAGES, edition_root, pick
from macros.print_cover import LABELS
from macros.serve import SiteServer

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The page margins hold the running footer; print.css's @page rule uses the same values.
MARGINS = {"top": "16mm", "right": "15mm", "bottom": "18mm", "left": "15mm"}
DIAGRAM_TIMEOUT_MS = 120_000
# A4 is 297 mm high; less the margins and room for the diagram's heading.
DIAGRAM_MAX_HEIGHT_MM = 215
FOOTER_STYLE = "font: 8px sans-serif; color: #555; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"


class PrintError(Exception):
    """Something the person running the build can fix; the message says what."""


def print_pages(site_dir: Path) -> dict[str, Path]:
    """The print page of each language edition found in the built site, by language."""
    pages = {}
    for lang in LANGUAGES:
        page = site_dir / edition_root(lang) / PRINT_PAGE_NAME / "index.html"
        if page.is_file():
            pages[lang] = page
    if DEFAULT_LANGUAGE not in pages:
        raise PrintError(
            f"no print page at {site_dir / PRINT_PAGE_NAME / 'index.html'}: build the site first "
            "(.venv/bin/mkdocs build --strict, or `make pdf` which does both), and keep the "
            "print-site plugin in mkdocs.yml."
        )
    return pages


def footer_template(title: str, version: str, lang: str) -> str:
    """Chromium's page footer: the guide and its version on the left, "Page n of N" on the right."""
    label = {key: pick(text, lang) for key, text in LABELS.items()}
    left = html.escape(f"{title} · {label['version']} {version}")
    return (
        f'<div style="{FOOTER_STYLE}"><span>{left}</span><span>{label["page"]} <span class="pageNumber"></span> '
        f'{label["of"]} <span class="totalPages"></span></span></div>'
    )


def open_print_page(context, url: str, warnings: list[str]):
    """The print page, loaded with nothing fetched from another origin, laid out for paper."""
    page = context.new_page()
    origin = url.split("/", 3)[:3]

    def only_our_origin(route):
        # The site must be self-contained; a request elsewhere would hang on a closed network.
        if route.request.url.split("/", 3)[:3] == origin or route.request.url.startswith("data:"):
            route.continue_()
        else:
            warnings.append(f"blocked a request to another origin: {route.request.url}")
            route.abort()

    page.route("**/*", only_our_origin)
    page.on("pageerror", lambda error: warnings.append(f"script error in the print page: {error}"))
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return page


def wait_for_diagrams(page, url: str, expected: int, warnings: list[str]) -> None:
    """Until Material has replaced each <pre class="mermaid"> by a <div class="mermaid"> with its SVG."""
    try:
        page.wait_for_function(
            "n => document.querySelectorAll('div.mermaid').length >= n && !document.querySelector('pre.mermaid')",
            arg=expected,
            timeout=DIAGRAM_TIMEOUT_MS,
        )
    except PlaywrightTimeoutError:
        rendered = page.evaluate("document.querySelectorAll('div.mermaid').length")
        raise PrintError(
            f"{url}: only {rendered} of {expected} Mermaid diagrams rendered within {DIAGRAM_TIMEOUT_MS // 1000} s. "
            f"Is the vendored Mermaid loader in the page (macros/mermaid_vendor.py)? {' '.join(warnings)}"
        ) from None


PREPARE_FOR_PAPER = """maxHeightMm => {
    // Mermaid draws into a closed shadow root, out of print.css's reach: scale each diagram
    // from here so that it fits on one page with its heading.
    for (const host of document.querySelectorAll('div.mermaid')) {
        host.style.width = '100px';
        const ratio = host.getBoundingClientRect().height / 100;
        host.style.width = ratio > 0 ? `min(100%, ${maxHeightMm / ratio}mm)` : '';
        host.style.marginInline = 'auto';
    }
    // Paper cannot be clicked open: show every collapsible block.
    document.querySelectorAll('details').forEach(details => { details.open = true; });
    const title = document.querySelector('.guide-cover__title').textContent.trim();
    document.title = title;  // the PDF's Title, without Material's " - site name"
    return document.fonts.ready.then(() => ({
        title, version: document.querySelector('.guide-cover__version').textContent.trim(),
    }));
}"""


def render_pdf(browser, url: str, lang: str, expected_diagrams: int, target: Path) -> list[str]:
    """Open `url`, wait until it is ready for paper, print it to `target`; return warnings."""
    warnings = []
    context = browser.new_context()
    try:
        page = open_print_page(context, url, warnings)
        wait_for_diagrams(page, url, expected_diagrams, warnings)
        cover = page.evaluate(PREPARE_FOR_PAPER, DIAGRAM_MAX_HEIGHT_MM)
        page.pdf(
            path=str(target),
            format="A4",
            margin=MARGINS,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer_template(cover["title"], cover["version"], lang),
            tagged=True,
            outline=True,
        )
    finally:
        context.close()
    return warnings


def count_diagrams(print_page: Path) -> int:
    return print_page.read_text(encoding="utf-8").count('<pre class="mermaid">')


def print_guide(site_dir: Path, out_dir: Path, chromium: str) -> list[Path]:
    """Print every language edition found in `site_dir`; return the PDFs written."""
    pages = print_pages(site_dir)
    written = []
    with SiteServer(site_dir) as server, sync_playwright() as playwright:
        base_url = server.url
        browser = launch_chromium(playwright, chromium)
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            for lang, page in pages.items():
                target = out_dir / Path(pdf_path(lang)).name
                url = base_url + page.parent.relative_to(site_dir).as_posix() + "/"
                with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".printing-", suffix=".pdf", delete=False) as tmp:
                    partial = Path(tmp.name)
                try:
                    for warning in render_pdf(browser, url, lang, count_diagrams(page), partial):
                        print(f"warning: {warning}", file=sys.stderr)
                    if not partial.read_bytes().startswith(b"%PDF-"):
                        raise PrintError(f"Chromium produced no PDF for {url}")
                    partial.chmod(0o644)  # mkstemp's 0600 would hide the PDF from a web server
                    os.replace(partial, target)
                finally:
                    partial.unlink(missing_ok=True)
                written.append(target)
        finally:
            browser.close()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description=__doc__.splitlines()[0])
    site_default = Path(os.environ.get("IGCSANTE_SITE_DIR", PROJECT_DIR / "site"))
    parser.add_argument("--site", type=Path, default=site_default, help="the built site (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="where the PDFs go (default: <site>/downloads)")
    parser.add_argument(
        "--chromium", default=chromium_path(), help="the Chromium binary (default: $IGCSANTE_CHROMIUM or %(default)s)"
    )
    args = parser.parse_args(argv)
    site_dir = args.site.resolve()
    out_dir = (args.out or site_dir / Path(pdf_path(DEFAULT_LANGUAGE)).parent).resolve()
    try:
        written = print_guide(site_dir, out_dir, args.chromium)
    except (PrintError, ChromiumMissing) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except PlaywrightError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"error: Chromium failed while printing the guide: {first_line}", file=sys.stderr)
        return 2
    for pdf in written:
        print(f"wrote {pdf} ({pdf.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
