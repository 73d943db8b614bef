"""The web app's archives: one per live thread; a thread that ended hands its archive on."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from marsad.archive import Archive
from marsad.web.state import Archives

from .web_support import build_archive


def _in_thread(archives: Archives, hold: threading.Event | None = None) -> dict[str, Any]:
    """The archive a new thread gets, and the articles it counts through it (the thread ends,
    or waits for ``hold`` and then ends)."""
    got: dict[str, Any] = {}
    started = threading.Event()

    def run() -> None:
        archive = archives.get()
        got["archive"] = archive
        got["count"] = archive.store.select("SELECT count(*) FROM articles")[0][0]
        started.set()
        if hold is not None:
            hold.wait(timeout=30)

    thread = threading.Thread(target=run)
    thread.start()
    started.wait(timeout=30)
    if hold is None:
        thread.join()
    got["thread"] = thread
    return got


def test_a_thread_that_ended_hands_its_archive_on(tmp_path: Path) -> None:
    db = str(tmp_path / "archive.db")
    build_archive(db)
    archives = Archives(db)
    try:
        first = _in_thread(archives)
        second = _in_thread(archives)  # the first has ended: its archive is taken over
        assert second["archive"] is first["archive"] and len(archives) == 1
        assert second["count"] == first["count"] > 0
        # threads alive at once each have their own
        hold = threading.Event()
        third = _in_thread(archives, hold)
        fourth = _in_thread(archives, hold)
        assert third["archive"] is not fourth["archive"] and len(archives) == 2
        hold.set()
        third["thread"].join()
        fourth["thread"].join()
        for _ in range(5):  # thread after thread, as a pool after pauses: no more opened
            _in_thread(archives)
        assert len(archives) == 2
        assert all(isinstance(a, Archive) for a, _ in archives._opened)
    finally:
        archives.close()
    assert len(archives) == 0
