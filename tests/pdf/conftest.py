"""The offline PDF under test, printed once per session.

`site/downloads/` is used when `make pdf` or `make test` has printed it after the last build;
otherwise the printer runs into a temporary folder.
"""

from pathlib import Path

import pytest
from pdf_poppler import EDITIONS, flat, outline, poppler, print_page_of

from macros import pdf as printer
from macros.guide_pdf import pdf_path
from macros.print_cover import LABELS


@pytest.fixture(scope="session")
def guide_pdfs(built_site, tmp_path_factory) -> dict[str, Path]:
    """The PDF of each language edition, printed after the last build."""
    pdfs = {lang: built_site / pdf_path(lang) for lang in EDITIONS}
    fresh = all(
        pdf.is_file() and pdf.stat().st_mtime >= print_page_of(built_site, lang).stat().st_mtime
        for lang, pdf in pdfs.items()
    )
    if fresh:
        return pdfs
    out = tmp_path_factory.mktemp("pdf")
    status = printer.main(["--site", str(built_site), "--out", str(out)])
    assert status == 0, "the printer failed: see its error above"
    return {lang: out / Path(pdf_path(lang)).name for lang in EDITIONS}


@pytest.fixture(scope="session", params=EDITIONS)
def edition(request, guide_pdfs, built_site):
    """One language edition: its language, PDF, print page, whole text and chapter text."""
    lang = request.param
    pdf = guide_pdfs[lang]
    contents = LABELS["toc"][lang]
    contents_pages = [page for title, page in outline(pdf) if title.strip() == contents]
    assert contents_pages, f"no '{contents}' bookmark in {pdf.name}"
    return {
        "lang": lang,
        "pdf": pdf,
        "print_page": print_page_of(built_site, lang),
        "text": flat(poppler("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-")),
        # The chapters, after the cover, the link review table and the table of contents.
        "chapters": flat(poppler("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(contents_pages[0] + 1), str(pdf), "-")),
    }
