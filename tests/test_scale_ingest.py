"""The dask engine: same records as the process pool, exactly once through kills and restarts.

Clusters here are LocalClusters on 127.0.0.1 (no dashboard), started and closed by the tests.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.archive import Archive
from marsad.cli import main
from marsad.inputs import Rejection, read_sources
from marsad.scale import ScaleReport, ingest_dask, local_cluster, partitions
from marsad.scale.partitions import read

from .conftest import EXAMPLES
from .test_archive_ingest import WORDS

distributed = pytest.importorskip("distributed")

TABLES = {
    "articles": "id, title, source, url, published, record, terms, doclen, signature",
    "article_sources": "article_id, source, url, published",
    "entities": "article_id, idx, entity_id, key, name, type, latin, mentions",
    "quotes": "article_id, idx, speaker_key, speaker_text, verb, kind, text",
    "events": "article_id, idx, type, trigger, agent_key, participant_keys, place_key, date",
    "rejections": "source, reason, message",
}


def _rows(count: int, start: int = 0) -> list[str]:
    rows = []
    for i in range(start, start + count):
        words = [WORDS[(i * 7 + k * (i % 5 + 1)) % len(WORDS)] for k in range(40)]
        body = f"قال الوزير إن الخبر رقم {i} مهم. " + " ".join(words) + "."
        row = {"title": f"عنوان الخبر {i}", "text": body, "src": f"wire{i % 3}"}
        rows.append(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plain and gzipped JSON lines (cut into several partitions), a broken line, a folder."""
    folder = tmp_path_factory.mktemp("corpus")
    plain = _rows(120)
    plain.insert(50, "{broken json\n")
    (folder / "plain.jsonl").write_text("".join(plain), encoding="utf-8")
    with gzip.open(folder / "packed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(_rows(120, start=1000))
    return folder


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with local_cluster(2) as running:
        yield running


def _table(location: str, table: str) -> list[tuple[object, ...]]:
    with Archive(location) as archive:
        rows = archive.store.select(f"SELECT {TABLES[table]} FROM {table}")
    return sorted((tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows),
                  key=repr)  # fmt: skip


def _local(sources: list[Path], location: str) -> None:
    with Archive(location) as archive:
        archive.ingest(sources, workers=2, stories=False)


def _count(location: str) -> tuple[int, int]:
    with Archive(location) as archive:
        n, distinct = archive.store.select("SELECT count(*), count(DISTINCT id) FROM articles")[0]
    return int(str(n)), int(str(distinct))


def test_partitions_read_back_what_the_local_reader_reads(corpus: Path) -> None:
    sources = [EXAMPLES, corpus / "plain.jsonl", corpus / "*.gz", corpus / "none-*.jsonl"]
    cut = list(partitions(sources, size=2048))
    unmatched = [p for p in cut if isinstance(p, Rejection)]
    assert [r.source for r in unmatched] == [str(corpus / "none-*.jsonl")]
    parts = [p for p in cut if not isinstance(p, Rejection)]
    assert len({p.key for p in parts}) == len(parts) > 10
    assert any(p.pieces[0].lines is not None for p in parts)  # gzip: lines shipped
    assert any(p.pieces[0].end is not None for p in parts)  # plain: byte ranges

    def origins(items: Any) -> list[tuple[str, str]]:
        return sorted((getattr(i, "origin", None) or i.source, repr(i)) for i in items)

    from marsad.inputs import ReadOptions

    ours = [d for p in parts for d in read(p, ReadOptions())]
    theirs = list(read_sources([EXAMPLES, corpus / "plain.jsonl", corpus / "packed.jsonl.gz"]))
    assert origins(ours) == origins(theirs)
    assert [p.key for p in parts] == [
        p.key for p in partitions(sources, size=2048) if not isinstance(p, Rejection)
    ]


def test_dask_records_are_the_local_engines_and_the_pipeline_is_built_once(
    corpus: Path, cluster: Any, tmp_path: Path
) -> None:
    sources = [EXAMPLES, corpus]
    local, dask = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    _local(sources, local)
    seen: list[int] = []
    report = ingest_dask(
        dask, sources, scheduler=cluster.scheduler_address, partition_bytes=4096,
        progress=lambda r: seen.append(r.partitions_done),
    )  # fmt: skip
    assert report.partitions_done == report.partitions > 5 and not report.failed
    assert seen == list(range(1, report.partitions + 1))
    assert report.rejection_counts()["malformed"] == 1
    for table in TABLES:
        assert _table(local, table) == _table(dask, table), table
    with distributed.Client(cluster) as client:
        from marsad.scale.worker import pipeline_builds

        assert set(report.worker_rss) == set(client.scheduler_info()["workers"])
        assert set(client.run(pipeline_builds).values()) == {1}
    again = ingest_dask(dask, sources, scheduler=cluster.scheduler_address, partition_bytes=4096)
    assert again.partitions_skipped == report.partitions and again.processed == 0


class _Stop(Exception):
    pass


def test_a_stopped_run_started_again_stores_every_article_once(
    corpus: Path, cluster: Any, tmp_path: Path
) -> None:
    db = str(tmp_path / "resume.db")

    def stop(report: ScaleReport) -> None:
        if report.partitions_done == 3:
            raise _Stop

    with pytest.raises(_Stop):
        ingest_dask(db, [corpus], scheduler=cluster.scheduler_address, partition_bytes=2048,
                    progress=stop)  # fmt: skip
    first = _count(db)[0]
    assert 0 < first < 240
    rest = ingest_dask(db, [corpus], scheduler=cluster.scheduler_address, partition_bytes=2048)
    assert rest.partitions_skipped == 3 and not rest.failed
    assert _count(db) == (240, 240)
    assert (rest.new, rest.unchanged) == (240 - first, 0)


def test_a_killed_worker_is_replaced_and_every_article_is_stored_once(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(_rows(300)), encoding="utf-8")
    db = str(tmp_path / "killed.db")
    killed: list[int] = []
    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())

        def kill(report: ScaleReport) -> None:
            if not killed:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        report = ingest_dask(db, [source], scheduler=cluster.scheduler_address,
                             partition_bytes=1500, progress=kill)  # fmt: skip
        assert killed and pids[0] not in client.run(os.getpid).values()
    assert not report.failed and report.partitions_done == report.partitions > 20
    assert (report.new, report.unchanged) == (300, 0)
    assert _count(db) == (300, 300)
    with sqlite3.connect(db) as con:
        assert (
            con.execute("SELECT count(*) FROM partitions_done").fetchone()[0] == report.partitions
        )


def test_dask_into_postgresql_matches_the_local_engine(
    corpus: Path, cluster: Any, pg_base: str, tmp_path: Path
) -> None:
    import psycopg

    with psycopg.connect(pg_base + "/postgres", autocommit=True) as admin:
        admin.execute("CREATE DATABASE scale")
    url = f"{pg_base}/scale"
    local = str(tmp_path / "local.db")
    _local([corpus], local)
    report = ingest_dask(url, [corpus], scheduler=cluster.scheduler_address, partition_bytes=3000)
    assert report.new == 240 and report.partitions_done == report.partitions > 4
    for table in TABLES:
        assert _table(local, table) == _table(url, table), table
    with Archive(url) as archive:
        done = archive.store.select("SELECT sum(articles), sum(rejected) FROM partitions_done")
    assert done == [(240, 1)]


def test_local_cluster_listens_on_loopback_only() -> None:
    import psutil

    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        addresses = [cluster.scheduler_address, *client.scheduler_info()["workers"]]
        assert all(a.startswith("tcp://127.0.0.1:") for a in addresses)
        processes = [psutil.Process(), *map(psutil.Process, client.run(os.getpid).values())]
        listening = {
            c.laddr.ip
            for p in processes
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        }
    assert listening and listening <= {"127.0.0.1"}


def test_cli_engine_dask_and_a_clear_error_without_dask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    args = ["ingest", str(EXAMPLES / "text"), "--db", db, "--no-stories"]
    done = runner.invoke(main, [*args, "--engine", "dask", "--workers", "1"])
    assert done.exit_code == 0, done.output
    assert "partitions: 1 stored" in done.output
    wrong = runner.invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert wrong.exit_code == 2 and "--engine dask" in wrong.output
    monkeypatch.setitem(sys.modules, "distributed", None)
    missing = runner.invoke(main, [*args, "--engine", "dask"])
    assert missing.exit_code == 1 and "pip install 'marsad[dask]'" in missing.output
