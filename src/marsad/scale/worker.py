"""What runs on a Dask worker: the pipeline, built once per worker process, and the partition task.

:class:`PipelinePlugin` is registered once per run; Dask sends it to every worker (and to a
worker that replaces a dead one), where :meth:`~PipelinePlugin.setup` builds the pipeline and
keeps it in this module for the life of the process. So the pipeline travels once per worker
(as its stage names: stages hold functions and models that are loaded, not shipped), and its
models load once per worker. :func:`run_partition` reads a partition, runs each document through
:func:`marsad.archive.ingest.process` (what the process-pool engine runs), and either returns the
rows for the single SQLite writer, or writes them to PostgreSQL itself, in one transaction per
partition that also records the partition as done.
"""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..archive.ingest import process
from ..archive.model import Outcome, Prepared
from ..archive.sqlbase import SqlStore
from ..archive.store import Store, open_store
from ..document import Document
from ..gctune import tune_process
from ..inputs import ReadOptions, Rejection
from ..pipeline import Pipeline
from .partitions import Partition, read

__all__ = [
    "PartitionResult",
    "PipelinePlugin",
    "mark_done",
    "peak_rss",
    "pipeline_builds",
    "run_partition",
]

#: pg_advisory_xact_lock key: one worker writes to a PostgreSQL archive at a time.
WRITE_LOCK = 7_215_033

_pipelines: dict[tuple[str, ...] | None, Pipeline] = {}
_stores: dict[str, Store] = {}
_builds = 0


@dataclass(slots=True)
class PartitionResult:
    """What a worker did with one partition."""

    key: str
    articles: int
    rejections: list[Rejection]
    prepared: list[Prepared] = field(default_factory=list)
    outcomes: dict[str, int] | None = None
    seconds: float = 0.0
    pid: int = 0


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline when a worker starts; closes the worker's archive when it stops."""

    name = "marsad-pipeline"

    def __init__(self, stages: Sequence[str] | None) -> None:
        self.stages = tuple(stages) if stages is not None else None

    def setup(self, worker: Any) -> None:
        pipeline_for(self.stages)

    def teardown(self, worker: Any) -> None:
        while _stores:
            _stores.popitem()[1].close()


def pipeline_for(stages: tuple[str, ...] | None) -> Pipeline:
    """This process's pipeline for ``stages``, built on first use."""
    global _builds
    if stages not in _pipelines:
        tune_process()  # a Dask worker process here does nothing but run articles
        _pipelines[stages] = Pipeline(list(stages) if stages is not None else None)
        _builds += 1
    return _pipelines[stages]


def pipeline_builds() -> int:
    """How many pipelines this process has built (one, for a whole run)."""
    return _builds


def peak_rss() -> int:
    """The peak resident memory of this process, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_partition(
    partition: Partition,
    stages: tuple[str, ...] | None,
    options: ReadOptions,
    database: str | None,
) -> PartitionResult:
    """Read and run one partition; write it to ``database`` (PostgreSQL) or return its rows."""
    began = time.monotonic()
    pipeline = pipeline_for(stages)
    prepared: list[Prepared] = []
    rejected: list[Rejection] = []
    for item in read(partition, options):
        done = process(pipeline, item) if isinstance(item, Document) else item
        if isinstance(done, Rejection):
            rejected.append(done)
        else:
            prepared.append(done)
    result = PartitionResult(partition.key, len(prepared), rejected, pid=os.getpid())
    if database is None:
        result.prepared = prepared
    else:
        result.outcomes = dict(Counter(_write(_store(database), partition, prepared, rejected)))
    result.seconds = time.monotonic() - began
    return result


def _store(database: str) -> Store:
    if database not in _stores:
        _stores[database] = open_store(database)
    return _stores[database]


def _write(
    store: Store, partition: Partition, prepared: list[Prepared], rejected: list[Rejection]
) -> list[Outcome]:
    """One transaction: the articles, the rejections and the partition's mark, or none of them.

    Workers take turns (an advisory lock held to the commit): concurrent writers of overlapping
    document frequencies and near-duplicate bands would deadlock and see each other's groups
    half-made. The pipeline, which is most of the time, still runs on every worker at once.
    """
    assert isinstance(store, SqlStore)
    with store._transaction():
        store.write(
            [("SET LOCAL lock_timeout = 0", ()), ("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))]
        )
        outcomes = store.add(prepared)
        store.reject(rejected)
        mark_done(store, partition, len(prepared), len(rejected))
    return outcomes


def mark_done(store: Store, partition: Partition, articles: int, rejected: int) -> None:
    """Record that ``partition`` is stored (a later run skips it)."""
    finished = datetime.now(UTC).isoformat(timespec="seconds")
    store.write(
        [
            (
                "INSERT INTO partitions_done (key, label, articles, rejected, finished)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (partition.key, partition.label[:500], articles, rejected, finished),
            )
        ]
    )
