"""Reads answered in the order they arrive: the same wait for everyone when the server is busy.

Without it, a page already kept is answered at once on the event loop while pages still to be
made queue for the process's thread, so under heavy load the few requests that need a page
made wait for all the others: on the ANT benchmark (``benchmarks/bench_web.py``, 50 clients
with no pause, 2 processes, cold caches) a median of ~1 ms but a p99 of 500-600 ms. Answering
every read in its turn spends the same CPU (the same throughput) and spreads the wait: a median
of ~40 ms and a p99 of 131-183 ms over ten runs. When the server is not saturated the queue is
empty and nothing changes (at 150 requests/s the p99 stays well under 100 ms either way).

Only the making of an answer takes a turn: it is held back and sent once the turn is over,
so a client that reads slowly delays nobody. Writes (POST, DELETE) run in threads of their
own and take no turn.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ORDERS", "ArrivalOrder"]

#: ``arrival``: every read waits its turn; ``cached-first``: pages already kept are answered
#: at once, ahead of those being made (lower median, longer tail under heavy load).
ORDERS = ("arrival", "cached-first")

_READS = frozenset({"GET", "HEAD"})


class ArrivalOrder:
    """ASGI middleware: one read at a time per process, in the order they arrived (asyncio's
    lock wakes its waiters first come, first served)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._turn: asyncio.Lock | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in _READS:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        if self._turn is None or self._loop is not loop:  # a lock belongs to one event loop
            self._turn, self._loop = asyncio.Lock(), loop
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        async with self._turn:
            await self.app(scope, receive, hold)
        for message in held:
            await send(message)
