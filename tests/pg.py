"""A throwaway PostgreSQL server for the store tests: initdb in a temp dir, 127.0.0.1, free port.

Run as the ``postgres`` user when the tests run as root (initdb refuses root). When no server
binaries are found and we are root with apt-get, they are installed. Tests skip, saying why,
only when none of this is possible.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["postgres_server"]


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("postgres") else None


def _install() -> str | None:
    """Install the server with apt-get; a reason when that is not possible."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "PostgreSQL server binaries absent, and not root with apt-get to install them"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
        done = subprocess.run(cmd, env=env, capture_output=True, timeout=600, check=False)
        if done.returncode != 0:
            return f"apt-get could not install postgresql: {done.stderr.decode()[-300:]}"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yield the base URL of a fresh server (``None`` with a skip reason set on failure)."""
    bindir = _bindir()
    if bindir is None:
        reason = _install()
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError(reason or "PostgreSQL installed but its binaries are not found")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        raise RuntimeError("running as root without runuser to drop to the postgres user")
    tmp = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    tmp.chmod(0o777)
    data = tmp / "data"
    init = subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        ),
        capture_output=True,
        check=False,
    )
    if init.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.decode()[-300:]}")
    port = _free_port()
    server = subprocess.Popen(
        _as_postgres(
            [
                str(bindir / "postgres"),
                "-D",
                str(data),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-k",
                str(tmp),
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "synchronous_commit=off",
            ]
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql://postgres@127.0.0.1:{port}"
    try:
        _wait(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def _wait(url: str, server: subprocess.Popen[bytes]) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(url + "/postgres", connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the PostgreSQL server did not start") from None
            time.sleep(0.1)
