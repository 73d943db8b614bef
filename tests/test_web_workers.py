"""Server processes on one port: each listens on a socket of its own and the kernel spreads the
connections over them (``uvicorn --workers`` shares one socket, and under a burst of new
connections one process took most of them)."""

from __future__ import annotations

import socket

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
