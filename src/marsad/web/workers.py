"""Several server processes on one port, with the connections spread evenly among them.

When several processes accept from one shared socket (what ``uvicorn --workers`` does), the
process whose event loop wakes first takes most of a burst of new connections: measured with
50 keep-alive clients and 2 processes, one process held 43 connections and the other 7, so one
core did most of the work while the other idled. On Linux each process here listens on a
socket of its own bound with ``SO_REUSEPORT``, and the kernel spreads incoming connections
over them by a hash of their addresses. Elsewhere :func:`spread_by_kernel` is False and the
caller keeps uvicorn's own workers.

The parent process only starts the workers, starts a new one if one dies, and stops them all
on SIGTERM or SIGINT.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

__all__ = ["run_workers", "spread_by_kernel"]

#: A worker that dies this soon after starting is not started again (the app cannot start).
_EARLY_DEATH_SECONDS = 5.0


def spread_by_kernel() -> bool:
    """Whether the kernel spreads connections over sockets sharing a port (Linux)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _serve(host: str, port: int, backlog: int, options: dict[str, Any]) -> None:
    """One worker: its own listening socket on the shared port, and uvicorn serving on it."""
    import uvicorn

    sock = _socket(host, port)
    sock.listen(backlog)
    config = uvicorn.Config("marsad.web.cli:app_from_env", factory=True, backlog=backlog, **options)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(
    host: str,
    port: int,
    workers: int,
    *,
    backlog: int,
    options: dict[str, Any],
    ready: Callable[[int], None] | None = None,
) -> None:
    """Serve on ``host:port`` with ``workers`` processes until SIGTERM or SIGINT.

    ``port`` 0 picks a free one, told to ``ready`` (called once the port is held);
    ``options``: more :class:`uvicorn.Config` settings.
    """
    # bound but never listening: it holds the port (and picks it when 0) while the workers,
    # which listen on sockets of their own, come and go
    holder = _socket(host, port)
    port = int(holder.getsockname()[1])
    if ready is not None:
        ready(port)
    context = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> tuple[multiprocessing.process.BaseProcess, float]:
        process = context.Process(
            target=_serve, args=(host, port, backlog, options), name="marsad-web", daemon=False
        )
        process.start()
        return process, time.monotonic()

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    running = [start() for _ in range(workers)]
    try:
        while not stopping:
            time.sleep(0.2)
            for n, (process, began) in enumerate(running):
                if process.is_alive() or stopping:
                    continue
                if time.monotonic() - began < _EARLY_DEATH_SECONDS:
                    raise RuntimeError(
                        f"a server process stopped as it started ({process.exitcode})"
                    )
                running[n] = start()  # died while serving: another one takes its place
    finally:
        for process, _ in running:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for process, _ in running:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
        holder.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
