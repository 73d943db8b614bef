"""Faults while archiving: a full disk, a read-only archive, two ingests at once.

Each runs the real ``marsad ingest`` command in its own process: the user sees one clear error
naming the archive (never a traceback), and the archive stays readable with what was stored.
The full disk is a small tmpfs the test mounts (root only; skipped with the reason otherwise);
the read-only archive is a read-only bind mount as root, a file without write permission else.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from marsad import extract
from marsad.archive import Archive
from marsad.errors import ReadOnlyArchiveError

from .test_archive_ingest import WORDS


def _articles(path: Path, numbers: range, source: str = "wire") -> Path:
    """Distinct Arabic articles as JSON lines, one per number (the same number, the same one)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in numbers:
            words = [WORDS[(i * 7 + k * (i % 5 + 1)) % len(WORDS)] for k in range(300)]
            body = f"قال المتحدث إن عدد المشاركين بلغ {i} مشاركا. " + " ".join(words) + "."
            row = {"title": f"اجتماع الحكومة رقم {i} في العاصمة", "text": body, "src": source}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _ingest(source: Path, db: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "marsad.cli", "ingest", str(source), "--db", str(db),
               "--workers", "1", "--no-stories"]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _one_clear_error(done: subprocess.CompletedProcess[str], db: Path, words: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, done.stderr
    assert str(db) in errors[0] and words in errors[0], errors[0]


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or done.returncode})")


@contextmanager
def _mounted(target: Path, *args: str) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    target.mkdir()
    _mount(*args, str(target))
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def _readable(db: Path) -> int:
    """The archive's article count, after checking it is whole and opens as an archive."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        sources = int(
            con.execute("SELECT count(DISTINCT article_id) FROM article_sources").fetchone()[0]
        )
    assert sources == count
    with Archive(str(db)) as archive:
        assert len(archive.store.select("SELECT id FROM articles")) == count
    return count


def test_a_full_disk_stops_the_ingest_with_one_clear_error(tmp_path: Path) -> None:
    source = _articles(tmp_path / "news.jsonl", range(1500))
    with _mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=3m", "tmpfs") as disk:
        db = disk / "archive.db"
        done = _ingest(source, db)
        _one_clear_error(done, db, "disk holding the archive is full")
        stored = _readable(db)  # while the disk is still full
        assert 0 < stored < 1500
        assert stored % 100 == 0  # whole batches: the one in flight was rolled back


def test_a_read_only_archive_gives_one_clear_error_and_can_still_be_read(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "archive.db"
    first = _articles(tmp_path / "first.jsonl", range(5))
    assert _ingest(first, db).returncode == 0
    more = _articles(tmp_path / "more.jsonl", range(5, 10))
    if os.geteuid() == 0:  # root writes whatever the permissions say: a read-only mount
        with _mounted(tmp_path / "ro", "--bind", str(folder)) as view:
            _mount("-o", "remount,ro,bind", str(view))
            seen = view / "archive.db"
            _one_clear_error(_ingest(more, seen), seen, "read-only")
            assert _readable_read_only(seen) == 5
    else:
        db.chmod(0o444)
        folder.chmod(0o555)
        try:
            _one_clear_error(_ingest(more, db), db, "read-only")
            assert _readable_read_only(db) == 5
        finally:
            folder.chmod(0o755)
            db.chmod(0o644)


def _readable_read_only(db: Path) -> int:
    with Archive(str(db)) as archive:
        count = len(archive.store.select("SELECT id FROM articles"))
        with pytest.raises(ReadOnlyArchiveError, match="read-only"):
            archive.add(extract(_articles(db.parent.parent / "x.jsonl", range(99, 100))).articles)
    return count


def test_two_ingests_at_once_store_every_article_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    one = _articles(tmp_path / "one.jsonl", range(0, 160))
    two = _articles(tmp_path / "two.jsonl", range(100, 260))  # 60 in both
    command = [sys.executable, "-m", "marsad.cli", "ingest", "--db", str(db), "--workers", "1"]
    runs = [
        subprocess.Popen([*command, str(path)], stderr=subprocess.PIPE, text=True)
        for path in (one, two)
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM articles")]
        sources = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
    expected = {a.id for path in (one, two) for a in extract(path).articles}
    assert len(ids) == len(set(ids)) == len(expected) == 260
    assert set(ids) == expected and sources == 260
