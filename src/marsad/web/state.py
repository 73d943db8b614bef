"""The app's hold on the archive: one connection per server thread, opened on first use.

A SQLite connection (or a psycopg one) must not serve two threads at once, and FastAPI runs
synchronous handlers in a thread pool: each pool thread gets its own :class:`Archive` the first
time it needs one, and all are closed when the app stops. The pool ends threads idle for 10
seconds and starts new ones as requests come: a new thread takes over the archive of a thread
that has ended (with what its connection had read: SQLite's page cache, the id map) instead of
opening one more, so a server with pauses in its traffic neither piles up connections nor
starts cold after each pause.
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
        #: every archive opened, with the thread it serves
        self._opened: list[tuple[Archive, threading.Thread]] = []
        self._lock = threading.Lock()

    def get(self) -> Archive:
        """This thread's archive (call it inside the handler, not in a dependency)."""
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            me = threading.current_thread()
            with self._lock:
                for n, (found, owner) in enumerate(self._opened):
                    if not owner.is_alive():  # that thread has ended: its archive is free
                        self._opened[n] = (found, me)
                        archive = found
                        break
            if archive is None:
                archive = Archive(self.location)
                with self._lock:
                    self._opened.append((archive, me))
            self._local.archive = archive
        return archive

    def __len__(self) -> int:
        """How many archives are open."""
        return len(self._opened)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for archive, _ in opened:
            with contextlib.suppress(Exception):
                archive.close()
        self._local = threading.local()
