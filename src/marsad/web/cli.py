"""``marsad serve``: the web app over an archive (thin: options in, uvicorn runs the app)."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

import click

from ..archive.cli import _db_option
from ..errors import MarsadError

__all__ = ["COMMANDS"]

#: The orders :mod:`marsad.web.order` knows (a test checks they agree); that module imports
#: asyncio and Starlette, which ``marsad serve --help`` has no need of.
ORDERS = ("arrival", "cached-first")


@click.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="MARSAD_TOKEN",
    help="Write token for ingest and watchlists [default: $MARSAD_TOKEN; unset: read-only].",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (on Linux each listens on a socket of its own and the"
                   " kernel spreads connections evenly among them).")  # fmt: skip
@click.option(
    "--max-upload-mb", type=float, default=2.0, show_default=True, help="Largest request body."
)
@click.option(
    "--cache-seconds",
    type=float,
    default=300.0,
    show_default=True,
    help="Keep views and whole pages this long at most (0: never); any change to the archive"
    " empties the caches at once.",
)
@click.option(
    "--page-cache-mb",
    type=click.FloatRange(min=0),
    default=64.0,
    show_default=True,
    help="Memory for whole pages, per server process (0: no page cache); with several"
    " processes they also share up to twice this in a temporary file.",
)
@click.option(
    "--threads",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Threads making pages in each process (pages already kept need none; article pages"
    " and ingest have threads of their own). Python shares a core among a process's threads:"
    " more rarely helps; use --workers for cores.",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="arrival",
    show_default=True,
    help="arrival: each process answers reads one at a time as they came, so under heavy load"
    " everyone waits alike; cached-first: pages already kept are answered at once (lower"
    " median, longer tail under heavy load).",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    workers: int,
    max_upload_mb: float,
    cache_seconds: float,
    page_cache_mb: float,
    threads: int,
    order: str,
) -> None:
    """Serve the archive on the web: Arabic pages and a JSON API (/api/openapi.json).

    Listens on 127.0.0.1 unless told otherwise. Reading is open; ingest and watchlist
    changes need the token (Authorization: Bearer TOKEN).
    """
    import uvicorn

    from ..gctune import tune_process
    from .app import WebConfig, create_app
    from .workers import run_workers, spread_by_kernel

    tune_process()  # a server process only answers requests: collect cyclic garbage less often
    config = WebConfig(
        db, token, int(max_upload_mb * 2**20), cache_seconds, page_cache_mb, warm=True,
        threads=threads, order=order,
    )  # fmt: skip
    try:
        app = create_app(config)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc

    def announce(port: int) -> None:
        click.echo(f"Marsad: http://{host}:{port}/  (API: http://{host}:{port}/api/openapi.json)")

    if workers == 1 or not spread_by_kernel():
        announce(port)
    if workers == 1:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            backlog=BACKLOG,
            access_log=False,
        )
        return
    os.environ["MARSAD_WEB_DB"] = db or ""
    os.environ["MARSAD_WEB_MAX_UPLOAD"] = str(config.max_upload_bytes)
    os.environ["MARSAD_WEB_CACHE_SECONDS"] = str(cache_seconds)
    os.environ["MARSAD_WEB_PAGE_CACHE_MB"] = str(page_cache_mb)
    os.environ["MARSAD_WEB_THREADS"] = str(threads)
    os.environ["MARSAD_WEB_ORDER"] = order
    if token:
        os.environ["MARSAD_TOKEN"] = token
    # the pages made by one process serve the others: a cache file of this server's own
    shared = tempfile.mkdtemp(prefix="marsad-pages-")
    os.environ["MARSAD_WEB_SHARED_PAGES"] = os.path.join(shared, "pages.sqlite")
    options: dict[str, Any] = {"log_level": "warning", "access_log": False,
                               "timeout_keep_alive": KEEP_ALIVE_SECONDS}  # fmt: skip
    try:
        if spread_by_kernel():  # a socket per process: connections spread evenly (workers.py)
            try:
                run_workers(host, port, workers, backlog=BACKLOG, options=options, ready=announce)
            except (OSError, RuntimeError) as exc:
                raise click.ClickException(f"cannot serve on {host}:{port}: {exc}") from exc
        else:
            uvicorn.run("marsad.web.cli:app_from_env", factory=True, host=host, port=port,
                        workers=workers, backlog=BACKLOG, **options)  # fmt: skip
    finally:
        shutil.rmtree(shared, ignore_errors=True)


#: uvicorn picks its fastest parts when installed (httptools for HTTP/1.1, uvloop for the event
#: loop; both are dependencies): a page served from the cache costs the server 0.08 ms of CPU
#: instead of 0.17 ms with pure-Python h11 and asyncio.
#: Keep idle connections longer than uvicorn's 5 s, so that a client reusing one under load
#: does not race the server closing it (seen as read errors in the load benchmark).
KEEP_ALIVE_SECONDS = 30
BACKLOG = 1024


def app_from_env() -> object:
    """The app for each worker process of ``serve --workers N`` (settings passed by env)."""
    from ..gctune import tune_process
    from .app import WebConfig, create_app

    tune_process()

    db = os.environ.get("MARSAD_WEB_DB") or None
    upload = int(os.environ.get("MARSAD_WEB_MAX_UPLOAD", "0")) or None
    cache = float(os.environ.get("MARSAD_WEB_CACHE_SECONDS", "300"))
    pages = float(os.environ.get("MARSAD_WEB_PAGE_CACHE_MB", "64"))
    threads = int(os.environ.get("MARSAD_WEB_THREADS", "1"))
    shared = os.environ.get("MARSAD_WEB_SHARED_PAGES") or None
    order = os.environ.get("MARSAD_WEB_ORDER") or "arrival"
    return create_app(
        WebConfig(db=db, max_upload_bytes=upload or 2 * 2**20, cache_seconds=cache,
                  page_cache_mb=pages, warm=True, threads=threads, shared_pages=shared,
                  order=order)
    )  # fmt: skip


COMMANDS = [serve]
