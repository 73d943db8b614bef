"""Whole pages shared by the processes of one server (``marsad serve --workers N``).

Each process keeps the pages it made in memory (:class:`~marsad.web.cache.PageCache`); without
this file every page was made once per process, since the kernel hands a request to any of
them. :class:`SharedPages` keeps them once more in a small SQLite file that every process of
the server reads (a primary-key lookup, tens of microseconds, only when the process's own
memory misses). The file is a cache: it lives in a temporary folder of the server, is written
without syncing, and is thrown away when the server stops.

The archive can change under any process (an ingest through one worker, ``marsad ingest``
elsewhere); each process learns it from its own connection (SQLite's ``data_version``) and
then empties the file and moves its ``epoch`` on. A page is written only if the epoch is still
the one read before the page was made, so a page made from the archive as it was before a
change never lands after it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

__all__ = ["SharedPage", "SharedPages"]

#: headers (``name NUL value`` joined by CR LF) and body of a page, and the epoch seen
SharedPage = tuple[list[tuple[bytes, bytes]], bytes]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (one INTEGER PRIMARY KEY CHECK (one = 1), epoch INTEGER NOT NULL,
                                 bytes INTEGER NOT NULL);
INSERT OR IGNORE INTO meta VALUES (1, 0, 0);
CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, made REAL NOT NULL, headers BLOB NOT NULL,
                                  body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS pages_made ON pages (made);
"""


class SharedPages:
    """Pages kept in the SQLite file ``path`` for every process opening it; ``seconds`` the
    longest a page is served, ``max_bytes`` the most kept (oldest dropped first)."""

    def __init__(self, path: str | Path, *, seconds: float, max_bytes: int) -> None:
        self.path = str(path)
        self.seconds = seconds
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        # a short wait: a page not kept because another process is writing costs nothing
        self._db = sqlite3.connect(
            self.path, timeout=0.05, isolation_level=None, check_same_thread=False
        )
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.executescript(_SCHEMA)
        except sqlite3.OperationalError:  # another process is creating it: wait for it once
            time.sleep(0.2)
            self._db.executescript(_SCHEMA)

    def get(self, key: str) -> tuple[int, SharedPage | None, float]:
        """The current epoch (-1: the file could not be read), the page kept under ``key``
        (None: none, or too old) and its age in seconds."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT m.epoch, p.made, p.headers, p.body FROM meta m"
                    " LEFT JOIN pages p ON p.key = ?",
                    (key,),
                ).fetchone()
            except sqlite3.Error:
                return -1, None, 0.0
        epoch, made, headers, body = row
        age = 0.0 if made is None else max(0.0, time.time() - made)
        if made is None or age > self.seconds:
            return int(epoch), None, 0.0
        return int(epoch), (_headers(headers), bytes(body)), age

    def put(self, key: str, page: SharedPage, epoch: int) -> bool:
        """Keep ``page`` unless the epoch moved on since ``epoch`` was read (the archive
        changed meanwhile) or the file is busy; True when it was kept."""
        headers, body = page
        packed = b"\r\n".join(name + b"\0" + value for name, value in headers)
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error:  # another process is writing: not kept, no harm
                return False
            try:
                (now_epoch, size) = self._db.execute("SELECT epoch, bytes FROM meta").fetchone()
                if now_epoch != epoch:
                    self._db.execute("ROLLBACK")
                    return False
                old = self._db.execute(
                    "SELECT length(body) FROM pages WHERE key = ?", (key,)
                ).fetchone()
                self._db.execute(
                    "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                    (key, time.time(), packed, body),
                )
                size += len(body) - (old[0] if old else 0)
                if size > self.max_bytes:
                    size -= self._drop_oldest(size - self.max_bytes // 5 * 4)
                self._db.execute("UPDATE meta SET bytes = ?", (size,))
                self._db.execute("COMMIT")
            except sqlite3.Error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                return False
        return True

    def _drop_oldest(self, at_least: int) -> int:
        dropped, keys = 0, []
        for key, size in self._db.execute("SELECT key, length(body) FROM pages ORDER BY made"):
            if dropped >= at_least:
                break
            keys.append(key)
            dropped += size
        self._db.executemany("DELETE FROM pages WHERE key = ?", [(k,) for k in keys])
        return dropped

    def clear(self) -> None:
        """Drop every page and move the epoch on (the archive changed)."""
        with self._lock:
            for _ in range(50):  # another process writing a page: a few short waits
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("DELETE FROM pages")
                    self._db.execute("UPDATE meta SET epoch = epoch + 1, bytes = 0")
                    self._db.execute("COMMIT")
                    return
                except sqlite3.OperationalError:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
            raise sqlite3.OperationalError(f"{self.path}: could not empty the shared pages")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _headers(packed: bytes) -> list[tuple[bytes, bytes]]:
    out = []
    for line in bytes(packed).split(b"\r\n") if packed else ():
        name, _, value = line.partition(b"\0")
        out.append((name, value))
    return out
