"""Ingest on real files and through the real command: idempotent, crash-safe, clear errors."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.archive import Archive
from marsad.cli import main
from marsad.errors import ArchiveLockedError, CorruptArchiveError

from .conftest import EXAMPLES

WORDS = [
    "الحكومة",
    "البرلمان",
    "الوزير",
    "الاقتصاد",
    "النفط",
    "الكويت",
    "مصر",
    "الأردن",
    "السعودية",
    "الانتخابات",
    "المجلس",
    "الاتفاق",
    "الرئيس",
    "الشركة",
    "السوق",
    "الأسعار",
    "المدينة",
    "المواطنين",
    "المشروع",
    "التنمية",
    "الصحة",
    "التعليم",
]


def _jsonl(path: Path, count: int) -> Path:
    """``count`` distinct synthetic articles as gzipped JSON lines."""
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(count):
            words = [WORDS[(i * 7 + k * (i % 5 + 1)) % len(WORDS)] for k in range(60)]
            body = f"الخبر رقم {i}. " + " ".join(words) + "."
            row = {"title": f"عنوان الخبر {i}", "text": body, "src": "synthetic"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _count(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    return int(rows[0]), int(rows[1])


def test_ingest_is_idempotent_and_records_rejections(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "image.bin").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        first = archive.ingest([EXAMPLES, tmp_path / "in"], workers=2)
        assert first.new > 10 and first.unchanged == 0
        assert first.rejection_counts()["empty"] >= 1 and first.rejection_counts()["binary"] >= 1
        before = archive.store.select("SELECT count(*), count(story) FROM articles")
        again = archive.ingest([EXAMPLES, tmp_path / "in"], workers=1)
        assert (again.new, again.duplicate, again.unchanged) == (0, 0, first.new + first.duplicate)
        assert archive.store.select("SELECT count(*), count(story) FROM articles") == before
        rejected = archive.store.select("SELECT count(*) FROM rejections")[0][0]
        assert rejected == len(first.rejections)


def test_kill_9_mid_ingest_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "news.jsonl.gz", 3000)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(source), "--db", str(db),
           "--workers", "2", "--no-stories"]  # fmt: skip
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _count(db)[0] >= 200:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)[0]
    assert 0 < partial < 3000
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert _count(db) == (3000, 3000)
    assert f"{3000 - partial} new" in done.stderr
    assert f"{partial} already archived" in done.stderr


def test_corrupted_archive_gives_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(CorruptArchiveError):
        Archive(bad)
    result = CliRunner().invoke(main, ["search", "الكويت", "--db", str(bad)])
    assert result.exit_code == 1
    assert "not a Marsad archive" in result.output and "Traceback" not in result.output
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(CorruptArchiveError, match="not a Marsad archive"):
        Archive(other)


def test_locked_archive_gives_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    Archive(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ArchiveLockedError, match="locked"), Archive(db, timeout=0.2) as archive:
            archive.ingest([EXAMPLES / "text"], workers=1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_cli_ingest_search_related_entity_export(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    done = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db, "--workers", "1"])
    assert done.exit_code == 0, done.output
    assert "new" in done.output and "rejected" in done.output
    found = runner.invoke(main, ["search", "الكويت", "--db", db, "--format", "json"])
    hits = json.loads(found.output)
    assert hits and all("الكويت" in h["title"] + h["snippet"] for h in hits)
    text = runner.invoke(main, ["search", "الكويت", "--db", db, "--source", "wire"])
    assert text.exit_code == 0
    for query in ['" * ( ) NEAR AND -', "ًٌٍ", "؟؟؟", "x" * 5000]:
        odd = runner.invoke(main, ["search", query, "--db", db])
        assert odd.exit_code == 0 and "Traceback" not in odd.output
    also = runner.invoke(main, ["related", hits[0]["id"], "--db", db, "--format", "json"])
    assert also.exit_code == 0 and isinstance(json.loads(also.output), list)
    missing = runner.invoke(main, ["related", "nope", "--db", db])
    assert missing.exit_code == 1 and "no article" in missing.output
    assert runner.invoke(main, ["entity", "أحد", "--db", db]).exit_code == 1
    out = tmp_path / "all.jsonl"
    exported = runner.invoke(main, ["export", "--db", db, "-o", str(out)])
    assert exported.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(hits) or out.stat().st_size
    tables = runner.invoke(
        main, ["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "t")]
    )
    assert tables.exit_code == 0 and (tmp_path / "t" / "articles.csv").exists()
