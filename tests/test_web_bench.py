"""The load benchmark runs (tiny) against a real ``marsad serve`` and reports no errors,
with the caches and without."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT
from .web_support import build_archive


def test_bench_web_runs_tiny(tmp_path: Path) -> None:
    """Two server processes, so the pages they share go through their file, which the server
    removes when it stops."""
    db = tmp_path / "archive.db"
    build_archive(str(db))
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_web.py"), "--db", str(db),
         "--requests", "40", "--clients", "4", "--workers", "2", "--settle", "0.5"],
        capture_output=True, text=True, timeout=180, check=False,
        env={**os.environ, "TMPDIR": str(temp)},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "p99 ms" in done.stdout and "40 requests" in done.stdout
    # the figures with the caches, with their hit rate, then with every cache off
    assert "page cache hits" in done.stdout and ", no cache," in done.stdout
    assert not list(temp.glob("marsad-pages-*"))


def test_bench_web_open_loop_runs_tiny(tmp_path: Path) -> None:
    """``--rate``: requests arrive on a schedule, timed from when each was due."""
    db = tmp_path / "archive.db"
    build_archive(str(db))
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_web.py"), "--db", str(db),
         "--requests", "30", "--clients", "3", "--workers", "1", "--settle", "0.5",
         "--rate", "60", "--no-uncached"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "arriving at 60/s (open loop)" in done.stdout and "30 requests" in done.stdout
    assert ", no cache," not in done.stdout
