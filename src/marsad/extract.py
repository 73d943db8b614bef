"""The library's front door: inputs in, article records out."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .document import Document, DocumentKind
from .errors import InputError
from .gctune import batch_collection
from .record import Article

if (
    TYPE_CHECKING
):  # the readers and the stages are imported on first use: ``import marsad`` stays fast
    from .inputs import ReadOptions, Rejection
    from .pipeline import Pipeline

__all__ = ["Batch", "extract", "extract_text", "iter_extract"]

Source = str | os.PathLike[str]


@dataclass(slots=True)
class Batch:
    """What a batch produced: the articles, and every rejection with its reason."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def rejection_counts(self) -> Counter[str]:
        """How many rejections of each reason (``empty``, ``encoding``, ...)."""
        return Counter(r.reason for r in self.rejections)


def iter_extract(
    sources: Iterable[Source],
    *,
    pipeline: Pipeline | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Article | Rejection]:
    """Stream articles (and rejections) from files, folders, WARC, feeds, JSON lines."""
    from .inputs import Rejection, read_sources
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    with batch_collection():
        for item in read_sources(sources, options):
            if isinstance(item, Rejection):
                yield item
                continue
            try:
                yield pipeline(item)
            except InputError as exc:
                yield Rejection.of(exc)


def extract(
    *sources: Source,
    pipeline: Pipeline | None = None,
    options: ReadOptions | None = None,
) -> Batch:
    """Run the pipeline over every source; bad inputs become rejections, not exceptions.

    >>> batch = extract("article.txt", "feeds/", "crawl.warc.gz")   # doctest: +SKIP
    >>> batch.articles[0].title, batch.rejections                   # doctest: +SKIP
    """
    from .inputs import Rejection

    batch = Batch()
    for item in iter_extract(sources, pipeline=pipeline, options=options):
        if isinstance(item, Rejection):
            batch.rejections.append(item)
        else:
            batch.articles.append(item)
    return batch


def extract_text(
    content: str,
    *,
    kind: DocumentKind = "text",
    source: str = "<string>",
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """One article from a string: a text dump (``kind="text"``) or a page (``"html"``).

    Raises :class:`~marsad.errors.InputError` when it is not an article.
    """
    from .pipeline import Pipeline

    document = Document(origin=source, kind=kind, content=content, url=url)
    return (pipeline or Pipeline())(document)
