"""Caches for what changes only with the archive: views (:class:`TTLCache`) and whole pages.

Search results, «read also», latest stories and entity profiles cost tens of milliseconds on a
large archive and change only when articles are added: :class:`TTLCache` keeps them a few
minutes, :class:`PageCache` keeps the finished responses of read-only GET routes. Both are
emptied when the archive changes (a write through the app, or any commit that SQLite's
``data_version`` reports, from another worker or ``marsad ingest``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .sharedpages import SharedPages

__all__ = ["CACHED_PREFIXES", "CACHE_HEADER", "PageCache", "TTLCache"]

T = TypeVar("T")


class TTLCache:
    def __init__(self, seconds: float, size: int = 2048) -> None:
        self.seconds = seconds
        self.size = size
        self._items: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._epoch = 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value of ``key``, made (outside the lock) when absent or stale."""
        now = time.monotonic()
        epoch = self._epoch
        if self.seconds > 0:
            with self._lock:
                found = self._items.get(key)
                if found is not None and now - found[0] < self.seconds:
                    self._items.move_to_end(key)
                    return found[1]  # type: ignore[return-value]
        value = make()
        if self.seconds > 0:
            with self._lock:
                if epoch != self._epoch:  # cleared while it was made: it may be stale
                    return value
                self._items[key] = (now, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def get_many(self, keys: Sequence[Hashable], make: Callable[[list[int]], list[T]]) -> list[T]:
        """The cached values of ``keys``; ``make(positions)`` makes the missing ones at once
        (one value per position given, in that order)."""
        now = time.monotonic()
        epoch = self._epoch
        found: list[T | None] = [None] * len(keys)
        missing = list(range(len(keys)))
        if self.seconds > 0:
            missing = []
            with self._lock:
                for i, key in enumerate(keys):
                    item = self._items.get(key)
                    if item is not None and now - item[0] < self.seconds:
                        self._items.move_to_end(key)
                        found[i] = item[1]  # type: ignore[assignment]
                    else:
                        missing.append(i)
        made = make(missing) if missing else []
        for i, value in zip(missing, made, strict=True):
            found[i] = value
        if self.seconds > 0 and missing:
            with self._lock:
                if epoch == self._epoch:
                    for i in missing:
                        self._items[keys[i]] = (now, found[i])
                    while len(self._items) > self.size:
                        self._items.popitem(last=False)
        return found  # type: ignore[return-value]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._epoch += 1


#: Routes whose GET responses depend only on the URL, the language and the archive's contents
#: (and the home page, ``/``). Watchlists and their feeds are never kept.
CACHED_PREFIXES = (
    "/search", "/article/", "/entity/", "/quotes", "/events", "/stories", "/story/",
    "/api/search", "/api/articles/", "/api/entities/", "/api/quotes", "/api/events",
    "/api/stories",
)  # fmt: skip
#: Response header saying whether the page came from the cache (``hit``) or was made (``miss``).
CACHE_HEADER = b"x-marsad-cache"
_LANG_COOKIE = "marsad_lang="
_SEP = "\x1f"


class PageCache:
    """ASGI middleware: whole GET responses of read-only routes, until the archive changes.

    The key is the path and query string, the ``Host`` (permalinks are absolute) and the
    language cookie. ``generation`` is asked on every request (a few microseconds: SQLite's
    ``PRAGMA data_version`` on a connection of its own); when it differs from the last answer
    everything kept is dropped, so an article ingested by this process, another worker or
    ``marsad ingest`` shows on the next request. Only complete 200 responses without
    ``Set-Cookie`` are kept, at most ``max_bytes`` in all (least recently used dropped first),
    and for ``seconds`` at most. Hits and misses are counted and sent in ``x-marsad-cache``.

    With ``shared`` (the server's other processes, :class:`~marsad.web.sharedpages.SharedPages`)
    a page missing here is looked for there before it is made, and a page made here is kept
    there too; a change of ``generation`` empties both.
    """

    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[], Hashable],
        *,
        seconds: float,
        max_bytes: int,
        max_item: int = 2 * 2**20,
        shared: SharedPages | None = None,
    ) -> None:
        self.app = app
        #: the pages of the server's other processes (``serve --workers N``), if any
        self.shared = shared
        self.generation = generation
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[tuple[str, ...], _Page] = OrderedDict()
        self._bytes = 0
        self._seen: Hashable = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self.max_bytes > 0

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def _key(self, scope: Scope) -> tuple[str, ...] | None:
        path: str = scope["path"]
        if scope["method"] != "GET" or not (path == "/" or path.startswith(CACHED_PREFIXES)):
            return None
        host, lang = "", ""
        for name, value in scope["headers"]:
            if name == b"host":
                host = value.decode("latin-1")
            elif name == b"cookie":
                text = value.decode("latin-1")
                at = text.find(_LANG_COOKIE)
                if at >= 0:
                    lang = text[at + len(_LANG_COOKIE) :].split(";", 1)[0].strip()
        query = scope["query_string"].decode("latin-1")
        return (scope.get("scheme", "http"), host, path, query, lang)

    def _check(self) -> bool:
        """Drop everything if the archive changed; False when that cannot be known now."""
        try:
            generation = self.generation()
        except Exception:
            return False
        if generation != self._seen:
            with self._lock:
                self._items.clear()
                self._bytes = 0
                self._seen = generation
            if self.shared is not None:
                try:
                    self.shared.clear()
                except Exception:  # never serve what may be stale: go on without it
                    self.shared = None
        return True

    def _lookup(self, key: tuple[str, ...], now: float) -> _Page | None:
        with self._lock:
            page = self._items.get(key)
            if page is None:
                return None
            if now - page.made > self.seconds:
                self._drop(key)
                return None
            self._items.move_to_end(key)
            return page

    def _drop(self, key: tuple[str, ...]) -> None:
        page = self._items.pop(key, None)
        if page is not None:
            self._bytes -= len(page.body)

    def _keep(self, key: tuple[str, ...], page: _Page, generation: Hashable) -> None:
        with self._lock:
            if generation != self._seen:  # the archive changed while the page was made
                return
            self._drop(key)
            self._items[key] = page
            self._bytes += len(page.body)
            while self._bytes > self.max_bytes and self._items:
                self._drop(next(iter(self._items)))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        known = self._check()
        key = self._key(scope) if known and self.enabled else None
        if key is None:
            await self.app(scope, receive, send)
            return
        now = time.monotonic()
        page = self._lookup(key, now)
        shared, epoch = self.shared, -1
        if page is None and shared is not None:
            epoch, found, age = shared.get(_SEP.join(key))
            if found is not None:
                page = _Page(now - age, *found)
                self._keep(key, page, self._seen)
        if page is not None:
            self.hits += 1
            await send({"type": "http.response.start", "status": 200,
                        "headers": [*page.headers, (CACHE_HEADER, b"hit")]})  # fmt: skip
            await send({"type": "http.response.body", "body": page.body})
            return
        self.misses += 1
        generation = self._seen
        start: Message | None = None
        parts: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                keep = message["status"] == 200 and not any(
                    name.lower() == b"set-cookie" for name, _ in headers
                )
                start = {**message, "headers": headers}
                message = {**message, "headers": [*headers, (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                keep = size <= self.max_item
                parts.append(body)
                if keep and not message.get("more_body", False) and start is not None:
                    made = _Page(now, start["headers"], b"".join(parts))
                    self._keep(key, made, generation)
                    if shared is not None and epoch >= 0:
                        shared.put(_SEP.join(key), (made.headers, made.body), epoch)
            await send(message)

        await self.app(scope, receive, capture)

    def stats(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "pages": len(self._items),
                "bytes": self._bytes}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Page:
    made: float
    headers: list[tuple[bytes, bytes]]
    body: bytes
