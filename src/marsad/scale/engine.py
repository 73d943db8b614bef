"""The driver of a Dask ingest: partitions out, results in, one writer, a resumable run.

The driver defines partitions lazily (:mod:`marsad.scale.partitions`) and keeps a bounded number
in flight (:data:`IN_FLIGHT_PER_THREAD` per worker thread), so neither it nor the scheduler holds
the input. Each partition is one task, retried on an error or when its worker dies. A SQLite
archive is written by this process alone (workers return their rows); a PostgreSQL archive is
written by the workers, one transaction per partition. Either way a stored partition is recorded
in ``partitions_done`` and skipped when the run is started again, and the article id, the primary
key, keeps every article once whatever was interrupted where.
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..archive.ingest import IngestReport
from ..archive.store import DEFAULT_LOCATION, Store, open_store
from ..errors import MarsadError
from ..inputs import ReadOptions, Rejection
from .partitions import DEFAULT_PARTITION_BYTES, Partition, partitions

__all__ = ["DaskMissingError", "ScaleReport", "ingest_dask", "local_cluster"]

#: Partitions queued per worker thread beyond the one it runs (keeps every worker busy).
IN_FLIGHT_PER_THREAD = 2
#: Tries of a partition after its first (an error in the task, or its worker died).
RETRIES = 3


class DaskMissingError(MarsadError):
    """``--engine dask`` without Dask installed."""


@dataclass(slots=True)
class ScaleReport(IngestReport):
    """An ingest report with the partitions of the run."""

    partitions: int = 0
    partitions_done: int = 0
    partitions_skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    workers: int = 0
    worker_rss: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [IngestReport.summary(self)]
        lines.append(
            f"partitions: {self.partitions_done} stored, {self.partitions_skipped} stored by an"
            f" earlier run, {len(self.failed)} failed, on {self.workers} workers"
        )
        lines += [f"  failed, {label}: {error}" for label, error in self.failed]
        if self.failed:
            lines.append("run the same command again to retry the failed partitions")
        return "\n".join(lines)


def _require_dask() -> Any:
    """The ``distributed`` module (untyped for mypy), or a clear error naming the extra."""
    try:
        return importlib.import_module("distributed")
    except ImportError as exc:
        raise DaskMissingError(
            "the dask engine needs Dask distributed: pip install 'marsad[dask]'"
        ) from exc


def local_cluster(workers: int | None = None, dashboard: str | None = None) -> Any:
    """A LocalCluster on 127.0.0.1: one single-threaded worker process per core by default.

    Scheduler, nannies and workers listen on 127.0.0.1 only; the dashboard is off unless an
    address is given (it needs bokeh).
    """
    return _require_dask().LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=dashboard,
        worker_dashboard_address=None,
        # the scheduler's HTTP routes (health, metrics) listen even without a dashboard: on
        # 127.0.0.1 and a free port, not the shared default 8787
        scheduler_kwargs={"dashboard_address": dashboard or "127.0.0.1:0"},
    )


def ingest_dask(
    location: str | Path | None,
    sources: Iterable[str | os.PathLike[str]],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    options: ReadOptions | None = None,
    stages: Sequence[str] | None = None,
    progress: Callable[[ScaleReport], None] | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    retries: int = RETRIES,
    dashboard: str | None = None,
) -> ScaleReport:
    """Run the pipeline over ``sources`` on a Dask cluster into the archive at ``location``.

    ``scheduler`` is the address of a running cluster (``tcp://host:8786``); without it a
    :func:`local_cluster` of ``workers`` processes runs for the length of the call.
    """
    distributed = _require_dask()
    options = options or ReadOptions()
    where = str(location or DEFAULT_LOCATION)
    remote_writer = where.startswith(("postgresql://", "postgres://"))
    report = ScaleReport()
    began = time.monotonic()
    with ExitStack() as stack:
        store = open_store(where)
        stack.callback(store.close)
        if scheduler:
            client = stack.enter_context(distributed.Client(scheduler, set_as_default=False))
        else:
            cluster = stack.enter_context(local_cluster(workers, dashboard))
            client = stack.enter_context(distributed.Client(cluster, set_as_default=False))
        job = _Job(client, store, report, options, stages, where if remote_writer else None)
        job.run(partitions(sources, options, partition_bytes), retries, progress)
        report.worker_rss = job.worker_rss()
    report.seconds = time.monotonic() - began
    return report


class _Job:
    """One run: submits partitions, absorbs results, keeps the report."""

    def __init__(
        self,
        client: Any,
        store: Store,
        report: ScaleReport,
        options: ReadOptions,
        stages: Sequence[str] | None,
        database: str | None,
    ) -> None:
        from .worker import PipelinePlugin

        self.client, self.store, self.report = client, store, report
        self.options, self.database = options, database
        self.stages = tuple(stages) if stages is not None else None
        client.register_plugin(PipelinePlugin(self.stages))
        threads = client.nthreads()
        report.workers = len(threads)
        self.limit = max(2, sum(threads.values()) * (1 + IN_FLIGHT_PER_THREAD))
        self.done = {str(r[0]) for r in store.select("SELECT key FROM partitions_done")}
        self.pending: dict[Any, Partition] = {}

    def run(
        self,
        items: Iterator[Partition | Rejection],
        retries: int,
        progress: Callable[[ScaleReport], None] | None,
    ) -> None:
        from .worker import run_partition

        finished = _require_dask().as_completed(loop=self.client.loop)
        for item in items:
            if isinstance(item, Rejection):
                self.store.reject([item])
                self.report.rejections.append(item)
                continue
            self.report.partitions += 1
            if item.key in self.done:
                self.report.partitions_skipped += 1
                continue
            future = self.client.submit(
                run_partition, item, self.stages, self.options, self.database,
                retries=retries, pure=False,
            )  # fmt: skip
            self.pending[future] = item
            finished.add(future)
            while len(self.pending) >= self.limit:
                self._absorb(next(finished), progress)
        while self.pending:
            self._absorb(next(finished), progress)

    def _absorb(self, future: Any, progress: Callable[[ScaleReport], None] | None) -> None:
        from .worker import mark_done

        partition = self.pending.pop(future)
        report = self.report
        try:
            result = future.result()
        except Exception as exc:  # the task's own error, or KilledWorker after its retries
            report.failed.append((partition.label, f"{type(exc).__name__}: {exc}"))
            return
        finally:
            future.release()
        if result.outcomes is None:  # SQLite: this process is the writer
            outcomes: dict[str, int] = {}
            for outcome in self.store.add(result.prepared):
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            self.store.reject(result.rejections)
            mark_done(self.store, partition, result.articles, len(result.rejections))
        else:
            outcomes = result.outcomes
        report.new += outcomes.get("new", 0)
        report.duplicate += outcomes.get("duplicate", 0)
        report.unchanged += outcomes.get("unchanged", 0)
        report.rejections.extend(result.rejections)
        report.partitions_done += 1
        if progress is not None:
            progress(report)

    def worker_rss(self) -> dict[str, int]:
        from .worker import peak_rss

        return {str(k): int(v) for k, v in self.client.run(peak_rss).items()}
