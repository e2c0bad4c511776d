"""At most one request per interval to each host, however many entries point at it."""

import asyncio
import time


class HostRateLimiter:
    """`await limiter.turn(host)` returns when a request to `host` may start.

    Starts to one host are spaced by `interval` seconds (first come, first served); different
    hosts never wait for each other, so a check takes about as long as its busiest host.
    """

    def __init__(self, interval: float = 1.0):
        self.interval = interval
        self._locks: dict[str, asyncio.Lock] = {}
        self._next_start: dict[str, float] = {}

    async def turn(self, host: str) -> None:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            # A loop, because a timer may fire a hair early.
            while (delay := self._next_start.get(host, 0.0) - time.monotonic()) > 0:
                await asyncio.sleep(delay)
            self._next_start[host] = time.monotonic() + self.interval
