"""Server processes on one port: each listens on a socket of its own and the kernel spreads the
connections over them (``uvicorn --workers`` shares one socket, and under a burst of new
connections one process took most of them)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from marsad.web.workers import _socket, spread_by_kernel


@pytest.mark.skipif(not spread_by_kernel(), reason="SO_REUSEPORT spreading is Linux's")
def test_connections_are_spread_over_the_sockets_sharing_a_port() -> None:
    holder = _socket("127.0.0.1", 0)  # holds the port, never listens (as the parent does)
    port = holder.getsockname()[1]
    listeners = [_socket("127.0.0.1", port) for _ in range(2)]
    for listener in listeners:
        listener.listen(64)
        listener.setblocking(False)
    clients = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(40)]
    accepted = [0, 0]
    try:
        for n, listener in enumerate(listeners):
            while True:
                try:
                    conn, _ = listener.accept()
                except BlockingIOError:
                    break
                conn.close()
                accepted[n] += 1
        assert sum(accepted) == 40
        assert min(accepted) >= 8, accepted  # by hash: about 20 each, never all on one
    finally:
        for s in (*clients, *listeners, holder):
            s.close()


@pytest.mark.skipif(not spread_by_kernel(), reason="SO_REUSEPORT spreading is Linux's")
def test_serve_says_when_the_port_is_taken(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from marsad.cli import main

    from .web_support import build_archive

    db = str(tmp_path / "archive.db")
    build_archive(db)
    with socket.socket() as taken:  # listening without SO_REUSEPORT: nobody may share it
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        done = CliRunner().invoke(
            main, ["serve", "--db", db, "--port", port, "--workers", "2", "--page-cache-mb", "1"]
        )
    assert done.exit_code != 0
    assert f"cannot serve on 127.0.0.1:{port}" in done.output
