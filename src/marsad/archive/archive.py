"""The archive from Python: one object over a store, every feature a method.

>>> from marsad.archive import Archive
>>> with Archive("news.db") as archive:                       # doctest: +SKIP
...     report = archive.ingest(["crawl.warc.gz", "feeds/"])
...     hits = archive.search("الانتخابات البرلمانية", source="bbc")
...     also = archive.related(hits[0].id)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ..inputs import ReadOptions
from ..record import Article
from . import export as _export
from .ingest import IngestReport, ingest
from .model import Filters, Hit, Outcome, StoredArticle
from .prepare import fill_spans, prepare
from .query import parse_query
from .snippets import make_hit
from .store import Store, open_store
from .stories import IdfWeights, Related, assign_stories, related
from .views import EntityProfile, entity_profile, resolve_name

#: How long the term weights of «read also» lists are reused, in seconds.
WEIGHTS_SECONDS = 300.0

__all__ = ["Archive"]


class Archive:
    """A Marsad archive: SQLite file (default ``marsad.db``) or ``postgresql://`` URL."""

    def __init__(self, location: str | Path | None = None, *, timeout: float = 10.0) -> None:
        self.store: Store = open_store(location, timeout=timeout)
        self._weights: tuple[float, IdfWeights] | None = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing ------------------------------------------------------------------------------

    def ingest(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        workers: int | None = None,
        options: ReadOptions | None = None,
        stages: Sequence[str] | None = None,
        progress: Callable[[IngestReport], None] | None = None,
        stories: bool = True,
    ) -> IngestReport:
        """Run the pipeline over ``sources`` into the archive; then place new articles in stories."""
        report = ingest(
            self.store, sources, workers=workers, options=options, stages=stages, progress=progress
        )
        if stories:
            report.stories = assign_stories(self.store)
        fill_spans(self.store)  # an archive from before migration 5: its snippets get faster
        return report

    def add(self, articles: Iterable[Article]) -> list[Outcome]:
        """Store records built elsewhere (they need an ``id``) in one transaction."""
        return self.store.add([prepare(a) for a in articles])

    def build_stories(self) -> int:
        """Place every article not yet in a story; returns how many were placed."""
        return assign_stories(self.store)

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> StoredArticle | None:
        found = self.store.get([article_id])
        return found[0] if found else None

    def filters(
        self,
        *,
        entity: str | None = None,
        entity_type: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        speaker: str | None = None,
    ) -> Filters:
        """Filters from what a user names; entity and speaker names include merged variants."""
        return Filters(
            entity_keys=resolve_name(self.store, entity, entity_type) if entity else (),
            entity_type=entity_type or None,
            source=source or None,
            since=since or None,
            until=until or None,
            event_type=event_type or None,
            speaker_keys=resolve_name(self.store, speaker) if speaker else (),
        )

    def search(
        self, query: str, *, limit: int = 10, offset: int = 0, **filters: str | None
    ) -> list[Hit]:
        """Articles matching ``query`` (see :mod:`marsad.archive.query`), best bm25 first."""
        parsed = parse_query(query)
        ranked = self.store.search(parsed, self.filters(**filters), max(0, limit), max(0, offset))
        stored = {s.article.id: s for s in self.store.get([i for i, _ in ranked])}
        return [make_hit(aid, stored[aid], score, parsed) for aid, score in ranked]

    def related(self, article_id: str, limit: int = 10) -> list[Related]:
        """The «read also» list of an article (same story first, then related reading)."""
        return related(self.store, article_id, limit, self._idf_weights())

    def _idf_weights(self) -> IdfWeights:
        """Term weights for «read also», reused for :data:`WEIGHTS_SECONDS` (idf moves slowly)."""
        now = time.monotonic()
        if self._weights is None or now - self._weights[0] > WEIGHTS_SECONDS:
            self._weights = (now, IdfWeights(self.store))
        return self._weights[1]

    def copies(self, article_id: str) -> list[StoredArticle]:
        """The near-duplicates of an article (syndicated copies with small edits), itself excluded."""
        rows = self.store.select(
            "SELECT id FROM articles WHERE dup_group ="
            " (SELECT dup_group FROM articles WHERE id = ?) AND id <> ? ORDER BY published, id",
            [article_id, article_id],
        )
        return self.store.get([str(r[0]) for r in rows])

    def entity(
        self, name: str, *, type: str | None = None, limit: int = 20
    ) -> EntityProfile | None:
        """An entity's articles over time, quotes, co-occurring entities and meetings."""
        return entity_profile(self.store, name, type=type, limit=limit)

    # -- exports ------------------------------------------------------------------------------

    def export_jsonl(self, out: TextIO, filters: Filters | None = None) -> int:
        return _export.export_jsonl(self.store, out, filters)

    def export_tables(
        self, folder: Path, fmt: str, filters: Filters | None = None
    ) -> dict[str, Path]:
        return _export.export_tables(self.store, folder, fmt, filters)
