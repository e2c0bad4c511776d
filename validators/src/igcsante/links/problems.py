"""Problem codes (a stable API: the JSON report, the issue body and the tests use them) and results."""

from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    NOT_FOUND = "not_found"
    SOFT_404 = "soft_404"
    WRONG_TYPE = "wrong_type"
    MISSING_TEXT = "missing_text"
    MISSING_ANCHOR = "missing_anchor"
    REDIRECT_CHAIN = "redirect_chain"
    RATE_LIMITED = "rate_limited"
    BOT_CHALLENGE = "bot_challenge"
    TIMEOUT = "timeout"
    SERVER_ERROR = "server_error"
    TLS_ERROR = "tls_error"
    STALE_REVIEW = "stale_review"
    # Not in the list, which has no code for it: a chain file holds a certificate the checker
    # does not pin (the ANS published a new CA, or the file was tampered with).
    PIN_MISMATCH = "pin_mismatch"


ERROR, WARNING, OK = "error", "warning", "ok"

# Warnings mean "look at it" or "try again later"; errors mean a reader following the link is lost.
SEVERITY = {
    Code.NOT_FOUND: ERROR,
    Code.SOFT_404: ERROR,
    Code.WRONG_TYPE: ERROR,
    Code.MISSING_TEXT: ERROR,
    Code.MISSING_ANCHOR: ERROR,
    Code.REDIRECT_CHAIN: WARNING,
    Code.RATE_LIMITED: WARNING,
    Code.BOT_CHALLENGE: WARNING,
    Code.TIMEOUT: ERROR,
    Code.SERVER_ERROR: ERROR,
    Code.TLS_ERROR: ERROR,
    Code.STALE_REVIEW: WARNING,
    Code.PIN_MISMATCH: ERROR,
}


@dataclass
class Problem:
    code: Code
    message: str
    final_url: str | None = None
    since: str | None = None  # first run (ISO date) that saw this problem without a break; from --cache

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]

    def to_json(self) -> dict:
        return {
            "code": str(self.code),
            "severity": self.severity,
            "message": self.message,
            "final_url": self.final_url,
            "since": self.since,
        }


@dataclass
class Hop:
    url: str
    status: int


@dataclass
class Result:
    id: str
    url: str
    problems: list[Problem] = field(default_factory=list)
    final_url: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    redirects: list[Hop] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None

    @property
    def status(self) -> str:
        severities = {problem.severity for problem in self.problems}
        return ERROR if ERROR in severities else WARNING if WARNING in severities else OK

    @property
    def since(self) -> str | None:
        """Since when this entry has been broken (its oldest current error), when a cache knows."""
        dates = [p.since for p in self.problems if p.severity == ERROR and p.since]
        return min(dates) if dates else None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "status": self.status,
            "since": self.since,
            "final_url": self.final_url,
            "http_status": self.http_status,
            "content_type": self.content_type,
            "redirects": [{"url": hop.url, "status": hop.status} for hop in self.redirects],
            "problems": [problem.to_json() for problem in self.problems],
        }
