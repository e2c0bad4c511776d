"""The checking options shared by every rule: purpose, environment, date, language, anchors."""

from dataclasses import dataclass
from datetime import date, datetime, timezone

USES = ("auto", "insi", "dmp-auth", "dmp-sign")
ENVIRONMENTS = ("prod", "test")
LANGS = ("en", "fr")


class InvalidOption(ValueError):
    """An option value the checker does not know (the message lists the valid ones)."""


@dataclass(frozen=True)
class Options:
    use: str
    env: str
    at: datetime
    lang: str
    trust: object  # TrustStore


def parse_at(at) -> datetime:
    """A timezone-aware UTC datetime from None (now), a datetime, a date or 'YYYY-MM-DD'."""
    if at is None:
        return datetime.now(timezone.utc)
    if isinstance(at, datetime):
        return at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    if isinstance(at, date):
        return datetime(at.year, at.month, at.day, tzinfo=timezone.utc)
    if isinstance(at, str):
        try:
            return datetime.strptime(at, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    raise InvalidOption(f"date '{at}' is not in the form YYYY-MM-DD (for example 2026-12-03)")


def build(use, env, at, lang, trust) -> Options:
    if use not in USES:
        raise InvalidOption(f"use '{use}' is not one of {', '.join(USES)}")
    if env not in ENVIRONMENTS:
        raise InvalidOption(f"environment '{env}' is not one of {', '.join(ENVIRONMENTS)}")
    if lang not in LANGS:
        raise InvalidOption(f"language '{lang}' is not one of {', '.join(LANGS)}")
    return Options(use, env, parse_at(at), lang, trust)
