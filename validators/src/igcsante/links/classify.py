"""Turn what a link gave back into problems, judged against what the registry says it must be.

Order matters: once the target is gone (not found, soft 404, wrong type) its text and anchors are
not judged, so an issue says one thing per broken link instead of four.
"""

import datetime as dt
import io
import logging
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from pypdf import PdfReader

from igcsante.links import pins as chain_pins
from igcsante.links import sniff
from igcsante.links.fetch import Fetched, Page, retry_after_seconds
from igcsante.links.problems import Code, Problem
from igcsante.links.registry import LinkEntry

# Paths that are a site's home page: where CMSs (ANS's among them) send the addresses they dropped.
HOME_PATHS = {"", "/index.html", "/index.php", "/accueil", "/home", "/fr", "/en"}
PDF_PAGES_READ = 30  # enough for any form; bounds the time spent on a huge PDF

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable PDFs are common


@dataclass
class Document:
    """The readable content of a target: its title, its text and (HTML only) its element ids."""

    title: str
    heading: str  # the first <h1>: some CMSs keep the site's name in <title> and say "not found" here
    text: str
    ids: frozenset[str]


def classify(entry: LinkEntry, fetched: Fetched, pins: Collection[str] | None = None) -> list[Problem]:
    if fetched.failure is not None:
        return [fetched.failure]  # its final_url says where the redirects, if any, led
    chain = _redirect_chain(entry, fetched)
    page = fetched.page
    gone = _status_problem(page) or _home_page_problem(entry, fetched) or _type_problem(entry, page)
    if gone is not None:
        return [gone, *chain]
    document = read_document(entry.expect.type, page.body)
    if entry.expect.type == "html" and (not_found := _not_found_title(document, page.url)) is not None:
        return [not_found, *chain]
    return [*_content_problems(entry, fetched, document, pins), *chain]


def review_problem(entry: LinkEntry, period_days: int, today: dt.date) -> Problem | None:
    age = (today - entry.reviewed).days
    if age <= period_days:
        return None
    return Problem(
        Code.STALE_REVIEW,
        f"last reviewed by a person on {entry.reviewed.isoformat()}, {age} days ago (the period is {period_days} days): "
        "open the target, check it still says what the guide relies on, then update `reviewed` in data/links.yml",
    )


def is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.query and parts.path.rstrip("/") in HOME_PATHS


def _landed_where_expected(entry: LinkEntry, url: str) -> bool:
    return entry.expect.final_url is not None and url.startswith(entry.expect.final_url)


def _redirect_chain(entry: LinkEntry, fetched: Fetched) -> list[Problem]:
    if len(fetched.redirects) < 2 or _landed_where_expected(entry, fetched.final_url):
        return []
    hops = " -> ".join(f"{hop.url} ({hop.status})" for hop in fetched.redirects)
    return [
        Problem(
            Code.REDIRECT_CHAIN,
            f"{len(fetched.redirects)} redirects before the target ({hops} -> {fetched.final_url}): "
            "point the link straight at the final address",
            final_url=fetched.final_url,
        )
    ]


def _status_problem(page: Page) -> Problem | None:
    status, url = page.status, page.url
    challenged = sniff.is_challenge(status, page.headers, page.body)
    if 200 <= status < 300 and not challenged:
        return None
    if challenged or status in (401, 403):
        return Problem(
            Code.BOT_CHALLENGE,
            f"the server answered {status} with an anti-robot page or refusal: not proof that the link is broken; "
            "open it in a browser, and check again later",
            final_url=url,
        )
    if status in (404, 410):
        meaning = "gone for good" if status == 410 else "not found"
        return Problem(Code.NOT_FOUND, f"the server answered {status} ({meaning})", final_url=url)
    if status == 429:
        wait = retry_after_seconds(page.headers.get("retry-after"))
        asked = f" and asked to wait {wait:.0f} s" if wait is not None else ""
        return Problem(
            Code.RATE_LIMITED,
            f"the server kept answering 429 (too many requests){asked}: not broken, check again later",
            final_url=url,
        )
    if 400 <= status < 500:
        return Problem(Code.NOT_FOUND, f"the server refused the address with {status}", final_url=url)
    if status >= 500:
        return Problem(Code.SERVER_ERROR, f"the server failed with {status}, even after retries", final_url=url)
    return Problem(Code.SERVER_ERROR, f"the server answered {status} without a usable redirect", final_url=url)


def _home_page_problem(entry: LinkEntry, fetched: Fetched) -> Problem | None:
    """A redirect to the home page or to an error page: the CMS's way of saying "gone"."""
    final = fetched.final_url
    if not fetched.redirects or _landed_where_expected(entry, final):
        return None
    if is_home_page(final) and not is_home_page(entry.url):
        where = "the site's home page"
    elif sniff.NOT_FOUND_PATH.search(urlsplit(final).path):
        where = "an error page"
    else:
        return None
    return Problem(
        Code.SOFT_404,
        f"redirected to {where} ({final}) with {fetched.page.status}: the target was removed or moved",
        final_url=final,
    )


def _type_problem(entry: LinkEntry, page: Page) -> Problem | None:
    expected = entry.expect.type
    received = sniff.media_type(page.headers) or "no Content-Type"
    if expected == "pdf" and not sniff.is_pdf(page.body):
        what = "an HTML page" if sniff.is_html(page.headers, page.body) else f"{received} content without the %PDF header"
        return Problem(Code.WRONG_TYPE, f"a PDF was expected but the server sent {what}", final_url=page.url)
    if expected == "html" and not sniff.is_html(page.headers, page.body):
        what = "a PDF" if sniff.is_pdf(page.body) else received
        return Problem(Code.WRONG_TYPE, f"an HTML page was expected but the server sent {what}", final_url=page.url)
    if expected == "binary" and sniff.is_html(page.headers, page.body):
        return Problem(Code.WRONG_TYPE, "a file was expected but the server sent an HTML page", final_url=page.url)
    return None


def _not_found_title(document: Document, url: str) -> Problem | None:
    said = next((line for line in (document.title, document.heading) if sniff.NOT_FOUND_TITLE.search(line)), None)
    if said is None:
        return None
    return Problem(
        Code.SOFT_404,
        f"the page answers 200 but says \u201c{said}\u201d: a \u201cnot found\u201d page",
        final_url=url,
    )


def _content_problems(
    entry: LinkEntry, fetched: Fetched, document: Document | None, pins: Collection[str] | None
) -> list[Problem]:
    problems = []
    url = fetched.final_url
    text = entry.expect.text
    if text is not None and (document is None or not contains(document.title + "\n" + document.text, text)):
        redirected = bool(fetched.redirects) and not _landed_where_expected(entry, url)
        if redirected:
            problems.append(
                Problem(
                    Code.SOFT_404,
                    f"redirected to {url}, a page without the expected text \u201c{text}\u201d: the target was removed or moved",
                    final_url=url,
                )
            )
            return problems
        problems.append(Problem(Code.MISSING_TEXT, f"the expected text \u201c{text}\u201d is not in the target", final_url=url))
    if document is not None:
        missing = [anchor for anchor in entry.expect.anchors if anchor not in document.ids]
        if missing:
            problems.append(
                Problem(Code.MISSING_ANCHOR, f"no element with id {', '.join(missing)} on the page", final_url=url)
            )
    if entry.expect.pins:
        problems.extend(_pin_problems(fetched.page, pins))
    return problems


def _pin_problems(page: Page, pins: Collection[str]) -> list[Problem]:
    try:
        certificates = chain_pins.chain_certificates(page.body)
    except chain_pins.NotAChain as error:
        return [Problem(Code.WRONG_TYPE, f"a certificate chain (.p7b) was expected but the file is {error}", final_url=page.url)]
    return [
        Problem(
            Code.PIN_MISMATCH,
            f"the chain holds a certificate the checker does not pin: {certificate.subject} "
            f"(SHA-256 {certificate.sha256}): a new ANS CA to verify and pin, or not the ANS's file",
            final_url=page.url,
        )
        for certificate in chain_pins.unpinned(certificates, pins)
    ]


def read_document(expected_type: str, body: bytes) -> Document | None:
    if expected_type == "html":
        return _read_html(body)
    if expected_type == "pdf":
        return _read_pdf(body)
    return None


def _read_html(body: bytes) -> Document:
    soup = BeautifulSoup(body, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    heading = soup.find("h1")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    ids = {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return Document(
        title=title,
        heading=heading.get_text(" ", strip=True) if heading is not None else "",
        text=soup.get_text(" ", strip=True),
        ids=frozenset(ids),
    )


def _read_pdf(body: bytes) -> Document | None:
    try:
        reader = PdfReader(io.BytesIO(body))
        title = (reader.metadata.title if reader.metadata else None) or ""
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:PDF_PAGES_READ])
    except Exception:  # pypdf raises many types on malformed input
        return None  # an unreadable PDF has no text to find: missing_text says so
    return Document(title=str(title), heading="", text=text, ids=frozenset())


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " ".join(text.split())


def contains(haystack: str, needle: str) -> bool:
    """Case-, accent-form- and spacing-tolerant search (PDF text extraction often splits words)."""
    hay, pin = _normalize(haystack), _normalize(needle)
    return pin in hay or pin.replace(" ", "") in hay.replace(" ", "")
