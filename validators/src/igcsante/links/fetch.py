"""Download one link politely: redirects followed hop by hop, each request waiting its turn for its
host, transient failures retried with backoff, Retry-After honoured."""

import asyncio
import email.utils
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from igcsante.links import sniff
from igcsante.links.problems import Code, Hop, Problem
from igcsante.links.ratelimit import HostRateLimiter

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str
    timeout: float = 20.0  # seconds for one whole request, body included
    attempts: int = 3  # tries per request before giving up on a transient failure
    backoff: float = 2.0  # first retry waits this long, each next one twice as long
    max_retry_after: float = 120.0  # a server asking to wait longer is reported, not waited for
    max_redirects: int = 10
    max_bytes: int = 50_000_000  # the biggest ANS PDFs are a few MB


@dataclass
class Page:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


@dataclass
class Fetched:
    """What following a link gave: the last response (`page`) or why none came (`failure`)."""

    url: str
    redirects: list[Hop] = field(default_factory=list)
    page: Page | None = None
    failure: Problem | None = None

    @property
    def final_url(self) -> str:
        return self.page.url if self.page else (self.redirects[-1].url if self.redirects else self.url)


class Fetcher:
    def __init__(self, client: httpx.AsyncClient, limiter: HostRateLimiter, options: FetchOptions):
        self.client = client
        self.limiter = limiter
        self.options = options

    async def fetch(self, url: str) -> Fetched:
        fetched = Fetched(url=url)
        current = url
        for _ in range(self.options.max_redirects + 1):
            page, failure = await self._request(current)
            if failure is not None:
                fetched.failure = failure
                return fetched
            location = page.headers.get("location")
            if page.status not in REDIRECT_STATUSES or not location:
                fetched.page = page
                return fetched
            fetched.redirects.append(Hop(url=current, status=page.status))
            try:
                current = urljoin(current, location.strip())
                urlsplit(current).port  # a port beyond 65535 raises here, not deep in the socket layer
            except ValueError:
                fetched.failure = Problem(
                    Code.NOT_FOUND, f"the server redirected to an invalid address: {location!r}", final_url=current
                )
                return fetched
        fetched.failure = Problem(
            Code.SERVER_ERROR,
            f"more than {self.options.max_redirects} redirects (a redirect loop): the link leads nowhere",
            final_url=current,
        )
        return fetched

    async def _request(self, url: str) -> tuple[Page | None, Problem | None]:
        """One request, retried on transient failures; returns the last response or the failure."""
        options = self.options
        host = urlsplit(url).hostname or ""
        page, failure = None, None
        for attempt in range(1, options.attempts + 1):
            async with self.limiter.slot(host):
                page, failure = await self._attempt(url)
            wait = self._retry_delay(page, failure, attempt)
            if wait is None or attempt == options.attempts:
                break
            await asyncio.sleep(wait)
        return page, failure

    def _retry_delay(self, page: Page | None, failure: Problem | None, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when trying again is pointless."""
        backoff = self.options.backoff * 2 ** (attempt - 1)
        if failure is not None:
            return backoff if failure.code in (Code.TIMEOUT, Code.SERVER_ERROR) else None
        if page.status not in RETRY_STATUSES or sniff.is_challenge(page.status, page.headers, page.body):
            return None
        asked = retry_after_seconds(page.headers.get("retry-after"))
        if asked is None:
            return backoff
        return asked if asked <= self.options.max_retry_after else None

    async def _attempt(self, url: str) -> tuple[Page | None, Problem | None]:
        timeout = self.options.timeout
        try:
            async with asyncio.timeout(timeout):
                async with self.client.stream("GET", url) as response:
                    body = await _read_capped(response, self.options.max_bytes)
                    return Page(url=url, status=response.status_code, headers=response.headers, body=body), None
        except (TimeoutError, httpx.TimeoutException):
            return None, Problem(Code.TIMEOUT, f"no complete answer within {timeout:g} s", final_url=url)
        except httpx.TransportError as error:
            tls = _ssl_cause(error)
            if tls is not None:
                return None, Problem(Code.TLS_ERROR, f"the secure connection failed: {tls}", final_url=url)
            if isinstance(error, (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
                what = f"the server dropped the connection before answering ({_describe(error)})"
            else:
                what = f"the connection failed ({_describe(error)})"
            return None, Problem(Code.SERVER_ERROR, what, final_url=url)
        except httpx.DecodingError as error:
            return None, Problem(Code.SERVER_ERROR, f"the answer could not be decoded: {_describe(error)}", final_url=url)
        except httpx.InvalidURL as error:  # from a redirect's Location header
            return None, Problem(Code.NOT_FOUND, f"the server redirected to an invalid address ({error})", final_url=url)


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


def _ssl_cause(error: BaseException) -> ssl.SSLError | None:
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, ssl.SSLError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def _describe(error: Exception) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
