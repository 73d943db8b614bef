"""Ingest: sources in, archived articles out — on all cores, idempotent and crash-safe.

Reading happens in this process; the pipeline, the analyzer and MinHash run in a process pool;
results are written by this process alone, one transaction per batch of :data:`BATCH` articles.
An article's id is the hash of its normalized text and the primary key of the archive, so:

* running the same input twice changes nothing (every article is ``unchanged`` the second time);
* a process killed at any point loses at most the batch in flight, and the next run stores it.

Rejections are recorded in the archive as they come, and the run goes on.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from multiprocessing.pool import Pool

from ..document import Document
from ..errors import InputError, ReadOnlyArchiveError
from ..gctune import batch_collection, tune_process
from ..inputs import ReadOptions, Rejection, read_sources
from ..pipeline import Pipeline
from ..stages import content_id
from .model import Prepared
from .prepare import prepare
from .store import Store

#: The reason of a rejection when an article the pipeline made could not be made ready for
#: the archive (a bug: please report it; the batch goes on without it).
PREPARE_ERROR = "prepare error"

__all__ = ["BATCH", "PREPARE_ERROR", "IngestReport", "ingest", "process"]

#: Articles written per transaction.
BATCH = 100
#: Documents handed to the pool at a time, per worker (bounds memory on huge inputs).
_CHUNK_PER_WORKER = 64

_pipeline: Pipeline | None = None


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did."""

    new: int = 0
    duplicate: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stories: int = 0
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.new + self.duplicate + self.unchanged + len(self.rejections)

    def rejection_counts(self) -> Counter[str]:
        return Counter(r.reason for r in self.rejections)

    def summary(self) -> str:
        """The counts, as the end of ``marsad ingest`` prints them."""
        lines = [
            f"{self.new} new, {self.duplicate} duplicate (same text, another source), "
            f"{self.unchanged} already archived, {len(self.rejections)} rejected"
            f" in {self.seconds:.1f} s"
        ]
        lines += [
            f"  rejected, {reason}: {n}" for reason, n in self.rejection_counts().most_common()
        ]
        if self.stories:
            lines.append(f"{self.stories} articles placed in stories")
        return "\n".join(lines)


def _init_worker(stages: Sequence[str] | None, pooled: bool = True) -> None:
    global _pipeline
    if pooled:
        tune_process()  # a pool worker does nothing but run articles
    _pipeline = Pipeline(list(stages) if stages is not None else None)


def _work(document: Document) -> Prepared | Rejection:
    """Pipeline, analyzer and signature for one document (in a worker)."""
    assert _pipeline is not None
    return process(_pipeline, document)


def process(pipeline: Pipeline, document: Document) -> Prepared | Rejection:
    """What an ingest worker makes of one document: the rows to store, or why not.

    Every engine (this process pool, :mod:`marsad.scale` on a Dask cluster) calls this, so the
    same input gives the same records whichever ran it.
    """
    try:
        article = pipeline(document)
    except InputError as exc:
        return Rejection.of(exc)
    try:
        article.id = article.id or content_id(article.title, article.body)
        return prepare(article)
    except Exception as exc:  # one record's bug must not end the batch: it is named instead
        return Rejection(
            document.origin,
            PREPARE_ERROR,
            f"could not be made ready for the archive: {type(exc).__name__}: {exc}",
        )


def ingest(
    store: Store,
    sources: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    options: ReadOptions | None = None,
    stages: Sequence[str] | None = None,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Run the pipeline over ``sources`` into ``store``; see the module docstring."""
    if getattr(store, "read_only", False):  # say so before reading anything
        raise ReadOnlyArchiveError(
            store.location, "the archive is read-only: ingest needs write access to it"
        )
    report = IngestReport()
    began = time.monotonic()
    documents = read_sources(sources, options)
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1:
        _init_worker(stages, pooled=False)
        with batch_collection():
            _write(store, map(_any, documents), report, progress)
    else:
        with get_context("fork").Pool(workers, _init_worker, (stages,)) as pool:
            _write(store, _pooled(pool, documents, workers), report, progress)
    report.seconds = time.monotonic() - began
    return report


def _any(item: Document | Rejection) -> Prepared | Rejection:
    return item if isinstance(item, Rejection) else _work(item)


def _pooled(
    pool: Pool, items: Iterator[Document | Rejection], workers: int
) -> Iterator[Prepared | Rejection]:
    while chunk := list(islice(items, workers * _CHUNK_PER_WORKER)):
        yield from pool.imap(_any, chunk, chunksize=4)


def _write(
    store: Store,
    results: Iterable[Prepared | Rejection],
    report: IngestReport,
    progress: Callable[[IngestReport], None] | None,
) -> None:
    batch: list[Prepared] = []
    rejected: list[Rejection] = []
    for item in results:
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            batch.append(item)
        if len(batch) + len(rejected) >= BATCH:
            _flush(store, batch, rejected, report, progress)
    _flush(store, batch, rejected, report, progress)


def _flush(
    store: Store,
    batch: list[Prepared],
    rejected: list[Rejection],
    report: IngestReport,
    progress: Callable[[IngestReport], None] | None,
) -> None:
    outcomes = Counter(store.add(batch))
    store.reject(rejected)
    report.new += outcomes["new"]
    report.duplicate += outcomes["duplicate"]
    report.unchanged += outcomes["unchanged"]
    report.rejections.extend(rejected)
    batch.clear()
    rejected.clear()
    if progress is not None:
        progress(report)
