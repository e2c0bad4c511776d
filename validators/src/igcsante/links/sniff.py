"""What a response really is, from its headers and first bytes (servers often lie in Content-Type)."""

import re

import httpx

PDF_MAGIC = b"%PDF-"
HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)

# Pages that WAFs and anti-bot services serve instead of the site (Cloudflare, Akamai, Imperva,
# DataDome, generic captchas): the link may be fine for a person with a browser.
CHALLENGE_MARKERS = (
    b"cf-chl",
    b"challenge-platform",
    b"just a moment...",
    b"attention required! | cloudflare",
    b"_incapsula_resource",
    b"datadome",
    b"captcha",
    b"access denied</title>",
    b"checking your browser",
)
CHALLENGE_HEADERS = ("cf-mitigated", "x-datadome", "x-amzn-waf-action")

# Titles of "not found" pages served with a 200 (ANS and many CMSs do this).
NOT_FOUND_TITLE = re.compile(
    r"\b404\b|page (?:not found|introuvable|non trouv[ée]e)|n'existe (?:pas|plus)|not found|introuvable",
    re.IGNORECASE,
)


def media_type(headers: httpx.Headers) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def is_pdf(body: bytes) -> bool:
    # The PDF specification lets the header sit anywhere in the first 1024 bytes.
    return PDF_MAGIC in body[:1024]


def is_html(headers: httpx.Headers, body: bytes) -> bool:
    if is_pdf(body):
        return False
    return media_type(headers) in ("text/html", "application/xhtml+xml") or bool(HTML_START.match(body[:2048]))


def is_challenge(status: int, headers: httpx.Headers, body: bytes) -> bool:
    if any(name in headers for name in CHALLENGE_HEADERS):
        return True
    if status not in (403, 429, 503) and status < 400:
        return False
    head = body[:20_000].lower()
    return any(marker in head for marker in CHALLENGE_MARKERS)
