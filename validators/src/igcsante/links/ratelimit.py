"""At most one request per interval to each host, however many entries point at it."""

import asyncio
import contextlib
import time


class HostRateLimiter:
    """`async with limiter.slot(host):` around each request to `host`.

    A host gets one request at a time, and the next one starts `interval` seconds after the
    previous one ended. Counting from the end, not the start, is what guarantees the gap the
    server sees: a request may reach it late (slow connection set-up), but never after its answer
    came back. Different hosts never wait for each other, so a check takes about as long as its
    busiest host.
    """

    def __init__(self, interval: float = 1.0):
        self.interval = interval
        self._locks: dict[str, asyncio.Lock] = {}
        self._next_start: dict[str, float] = {}

    @contextlib.asynccontextmanager
    async def slot(self, host: str):
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            # A loop, because a timer may fire a hair early.
            while (delay := self._next_start.get(host, 0.0) - time.monotonic()) > 0:
                await asyncio.sleep(delay)
            try:
                yield
            finally:
                self._next_start[host] = time.monotonic() + self.interval
