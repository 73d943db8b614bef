"""The app's hold on the archive: one connection per server thread, opened on first use.

A SQLite connection (or a psycopg one) must not serve two threads at once, and FastAPI runs
synchronous handlers in a thread pool: each pool thread opens its own :class:`Archive` the first
time it needs one, and all are closed when the app stops.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from starlette.requests import Request

from ..archive import Archive

__all__ = ["Archives", "run_quick", "run_write"]

T = TypeVar("T")


async def run_quick(request: Request, func: Callable[..., T], *args: object) -> T:
    """Run ``func(*args)`` in the app's threads for quick answers (an article read by primary
    key: a few milliseconds), so that it does not wait behind slow ones (a search not yet
    kept) in the one queue of the threads serving every other route. The app's lifespan makes
    that pool (:attr:`WebConfig.quick_threads`); without it the shared threads are used."""
    return await _run_in(request, "quick", func, *args)


async def run_write(request: Request, func: Callable[..., T], *args: object) -> T:
    """Run ``func(*args)`` (an ingest: the whole pipeline, up to seconds) in the app's thread
    for writes, so that reads never queue behind it (one serving thread per process is the
    default); without the app's lifespan, in the shared threads."""
    return await _run_in(request, "writes", func, *args)


async def _run_in(request: Request, pool: str, func: Callable[..., T], *args: object) -> T:
    limiter = getattr(request.app.state, pool, None)
    return await anyio.to_thread.run_sync(functools.partial(func, *args), limiter=limiter)


class Archives:
    def __init__(self, location: str | None) -> None:
        self.location = location
        self._local = threading.local()
        self._opened: list[Archive] = []
        self._lock = threading.Lock()

    def get(self) -> Archive:
        """This thread's archive (call it inside the handler, not in a dependency)."""
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive(self.location)
            self._local.archive = archive
            with self._lock:
                self._opened.append(archive)
        return archive

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for archive in opened:
            with contextlib.suppress(Exception):
                archive.close()
        self._local = threading.local()
