"""The web app: the JSON API, the pages, static files, one error shape, security headers.

>>> from marsad.web import WebConfig, create_app
>>> app = create_app(WebConfig(db="news.db", token="s3cret"))   # doctest: +SKIP
>>> import uvicorn; uvicorn.run(app, host="127.0.0.1", port=8000)  # doctest: +SKIP
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from importlib.resources import files

import anyio
import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, pages
from .cache import PageCache
from .errors import install_error_handlers
from .order import ORDERS, ArrivalOrder
from .security import SecurityMiddleware
from .sharedpages import SharedPages
from .views import Site

__all__ = ["DEFAULT_MAX_UPLOAD", "TOKEN_ENV", "WebConfig", "create_app"]

#: Largest request body accepted (an uploaded page, a JSON document), in bytes.
DEFAULT_MAX_UPLOAD = 2 * 2**20
#: Where the write token is read from when the configuration does not give one.
TOKEN_ENV = "MARSAD_TOKEN"


@dataclass(frozen=True, slots=True)
class WebConfig:
    """``db``: archive location (None: ``$MARSAD_DB`` handling of the CLI, else marsad.db);
    ``token``: the write token (None: ``$MARSAD_TOKEN``; unset: no writing at all)."""

    db: str | None = None
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    #: How long views and whole pages are kept (0: nothing is cached); every change to the
    #: archive empties both caches at once.
    cache_seconds: float = 300.0
    #: Memory for whole pages (:class:`~marsad.web.cache.PageCache`) in MiB; 0: no page cache.
    page_cache_mb: float = 64.0
    #: Merge entity name variants in a thread as the server starts (``marsad serve`` does).
    warm: bool = False
    #: Threads making pages in each process (but for the quick routes and ingest, which have
    #: threads of their own). Handlers are mostly Python (ranking, snippets, facets,
    #: rendering), so threads of one process share one core through the GIL: with several, a
    #: page being made is stretched by the others made at once. One makes them in turn, each at
    #: full speed (measured with ``order="cached-first"``, ``benchmarks/bench_web.py``, 2
    #: processes: search page p99 611 ms with 1 thread, 614-874 with 2, 874 with 4 under the
    #: closed loop; 129 ms with 1, 239 with 4 at 150 requests/s).
    threads: int = 1
    #: Threads for the quick routes (article page, article and «read also» API), apart from
    #: the others: an article costs a few milliseconds, and waiting behind searches not yet
    #: kept made it take hundreds under load (see :func:`~marsad.web.state.run_quick`).
    quick_threads: int = 2
    #: In which order reads are answered (:data:`~marsad.web.order.ORDERS`): ``arrival``, one
    #: at a time as they came (the same wait for everyone under load, see
    #: :mod:`marsad.web.order`), or ``cached-first``, pages already kept at once.
    order: str = "arrival"
    #: A SQLite file for the pages shared by the server's processes
    #: (:class:`~marsad.web.sharedpages.SharedPages`; ``serve --workers N`` makes one).
    shared_pages: str | None = None


def _warm(site: Site, templates: pages.Pages) -> None:
    """Read what the first pages need (:meth:`Site.warm`) and compile the templates, then
    leave everything read so far out of Python's full garbage collections: each walked the
    millions of objects kept (facet rows, name index), ~80 ms during which the process
    answered nothing (measured on the ANT archive); kept objects hold no reference cycles, so
    they are still freed when dropped."""
    templates.compile_all()
    site.warm()
    gc.freeze()


#: The shared pages' file may hold this many times the memory of one process's page cache.
_SHARED_TIMES = 2


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    if config.order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {config.order!r}")
    if config.token is None and os.environ.get(TOKEN_ENV):
        config = replace(config, token=os.environ[TOKEN_ENV])
    site = Site(config.db, config.cache_seconds)
    site.archive  # noqa: B018 - open (and migrate) the archive now, so a bad one fails at start
    site.generation()  # and the connection that watches it for changes (not in a request)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Handlers run in this many threads (each with its own connection): on a few cores more
        # threads only contend for the GIL and for SQLite's open-time schema check.
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.threads
        app.state.quick = anyio.CapacityLimiter(config.quick_threads)
        app.state.writes = anyio.CapacityLimiter(1)  # one writer at a time anyway
        if config.warm:
            threading.Thread(
                target=_warm, args=(site, app.state.pages), name="marsad-warm", daemon=True
            ).start()
        yield
        site.close()

    app = FastAPI(
        title="Marsad",
        version=__version__,
        summary="Arabic news observatory: search, articles, entities, quotes, events, stories.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.site = site
    app.state.pages = pages.Pages()
    install_error_handlers(app, app.state.pages.error)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = files("marsad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(SecurityMiddleware, max_body=config.max_upload_bytes)
    # Outermost, so that kept pages carry the security headers added inside.
    page_bytes = int(config.page_cache_mb * 2**20)
    shared = None
    if config.shared_pages and config.cache_seconds > 0 and page_bytes > 0:
        shared = SharedPages(
            config.shared_pages, seconds=config.cache_seconds, max_bytes=_SHARED_TIMES * page_bytes
        )
    app.add_middleware(
        PageCache,
        generation=site.generation,
        seconds=config.cache_seconds,
        max_bytes=page_bytes,
        shared=shared,
    )
    if config.order == "arrival":  # outermost: pages answered from the cache wait their turn too
        app.add_middleware(ArrivalOrder)
    return app
