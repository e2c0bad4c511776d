"""Check registry entries concurrently: every host at its own pace, all hosts at once."""

import asyncio
import datetime as dt
import os
from collections.abc import Collection

import httpx

from igcsante import __version__
from igcsante.links.classify import classify, review_problem
from igcsante.links.fetch import Fetched, Fetcher, FetchOptions
from igcsante.links.problems import Result
from igcsante.links.ratelimit import HostRateLimiter
from igcsante.links.registry import LinkEntry


def user_agent(contact: str | None = None) -> str:
    """Names the project, and where to reach its people when the run knows it (on GitHub Actions)."""
    if contact is None and os.environ.get("GITHUB_REPOSITORY"):
        contact = f"{os.environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{os.environ['GITHUB_REPOSITORY']}"
    where = f"+{contact}; " if contact else ""
    # HTTP headers are ASCII: "Sante", not "Santé".
    return f"igcsante-links/{__version__} ({where}link check of the IGC-Sante certificates guide)"


def check_links(
    entries: Collection[LinkEntry],
    *,
    review_period_days: int,
    options: FetchOptions,
    pins: Collection[str] | None = None,
    interval: float = 1.0,
    today: dt.date | None = None,
) -> list[Result]:
    """The result of every entry, in the order given.

    Chain entries (`expect.pins`) are compared with `pins`, by default the certificate checker's own.
    """
    today = today or dt.date.today()
    if pins is None and any(entry.expect.pins for entry in entries):
        from igcsante.cert.trust import PINS as pins  # imported only when needed: it is another package
    return asyncio.run(_check_all(list(entries), review_period_days, options, pins, interval, today))


async def _check_all(entries, review_period_days, options, pins, interval, today) -> list[Result]:
    limiter = HostRateLimiter(interval)
    headers = {
        "User-Agent": options.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
        "Accept-Language": "fr,en;q=0.8",
    }
    # Redirects are followed by the Fetcher, hop by hop, so each hop waits its host's turn.
    async with httpx.AsyncClient(headers=headers, follow_redirects=False, timeout=options.timeout) as client:
        fetcher = Fetcher(client, limiter, options)

        async def check_one(entry: LinkEntry) -> Result:
            fetched = await fetcher.fetch(entry.url)
            result = _result(entry, fetched)
            # Parsing a big PDF takes a while: off the event loop, so other hosts' requests go on.
            result.problems = await asyncio.to_thread(classify, entry, fetched, pins)
            if (stale := review_problem(entry, review_period_days, today)) is not None:
                result.problems.append(stale)
            return result

        return list(await asyncio.gather(*(check_one(entry) for entry in entries)))


def _result(entry: LinkEntry, fetched: Fetched) -> Result:
    page = fetched.page
    return Result(
        id=entry.id,
        url=entry.url,
        final_url=fetched.final_url,
        http_status=page.status if page else None,
        content_type=page.headers.get("content-type") if page else None,
        redirects=fetched.redirects,
        etag=page.headers.get("etag") if page else None,
        last_modified=page.headers.get("last-modified") if page else None,
    )
