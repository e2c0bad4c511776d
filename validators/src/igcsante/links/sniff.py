"""What a response really is, from its headers and first bytes (servers often lie in Content-Type)."""

import re

import httpx

PDF_MAGIC = b"%PDF-"
HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)

# Pages that WAFs and anti-bot services serve instead of the site (Cloudflare, Akamai, Imperva,
# DataDome, generic captchas): the link may be fine for a person with a browser. The first markers
# are specific enough to trust on any status; the others only on an error status (a real page may
# well mention a captcha).
CHALLENGE_MARKERS = (
    b"cf-chl",
    b"<title>just a moment...</title>",
    b"attention required! | cloudflare",
    b"_incapsula_resource",
    b"checking your browser before accessing",
)
ERROR_PAGE_CHALLENGE_MARKERS = (
    b"challenge-platform",  # Cloudflare also injects this script into ordinary pages
    b"just a moment",
    b"checking your browser",
    b"datadome",
    b"captcha",
    b"access denied</title>",
)
CHALLENGE_HEADERS = ("cf-mitigated", "x-datadome", "x-amzn-waf-action")

# Titles of "not found" pages served with a 200 (ANS and many CMSs do this), and the paths that
# sites redirect dropped addresses to.
NOT_FOUND_TITLE = re.compile(
    r"\b404\b|page (?:not found|introuvable|non trouv[ée]e)|n'existe (?:pas|plus)|not found|introuvable",
    re.IGNORECASE,
)
NOT_FOUND_PATH = re.compile(
    r"/(?:404|not[-_]?found|page[-_]?(?:introuvable|non[-_]?trouvee)|erreur[-_]?404)(?:\.\w+)?/?$", re.IGNORECASE
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
    head = body[:20_000].lower()
    markers = CHALLENGE_MARKERS + (ERROR_PAGE_CHALLENGE_MARKERS if status >= 400 else ())
    return any(marker in head for marker in markers)
