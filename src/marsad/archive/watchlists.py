"""Watchlists: saved searches, and the articles each has matched since it was saved.

A watchlist is a query with the search's filters (named as a user names them: entity, source,
dates...). :func:`refresh` runs it and records every match not yet recorded with the time the
archive first saw it; :func:`feed_entries` lists matches newest first, which is what a
watchlist's Atom feed serves. The matches present when the watchlist is created are recorded at
creation, so later ones stand out by their time.

>>> from marsad.archive import Archive
>>> from marsad.archive.watchlists import create, feed_entries
>>> with Archive("news.db") as archive:                                  # doctest: +SKIP
...     watch = create(archive, "Kuwait and Iraq", "الكويت العراق", {"source": "kuna"})
...     for entry in feed_entries(archive, watch):
...         print(entry.first_seen, entry.article.title)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..errors import MarsadError
from ..record import Article
from .archive import Archive
from .browse import FACET_DEPTH
from .query import parse_query
from .sqlbase import placeholders
from .store import Store

__all__ = [
    "FILTERS",
    "FeedEntry",
    "Watchlist",
    "WatchlistError",
    "create",
    "delete",
    "feed_entries",
    "get",
    "list_all",
    "refresh",
]

#: The filters a watchlist may carry: those of :meth:`Archive.search`.
FILTERS = ("entity", "entity_type", "source", "since", "until", "event_type", "speaker")
_MAX_NAME = 200
_MAX_QUERY = 2000


class WatchlistError(MarsadError):
    """A watchlist that cannot be saved as asked (empty query, unknown filter...)."""


@dataclass(frozen=True, slots=True)
class Watchlist:
    id: str
    name: str
    query: str
    filters: dict[str, str] = field(default_factory=dict)
    created: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "query": self.query,
            "filters": dict(self.filters),
            "created": self.created,
        }


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """An article a watchlist matched, and when the archive first saw the match."""

    article: Article
    first_seen: str


def _now() -> str:
    """Now, to the microsecond (matches seen a moment apart keep their order)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _clean_filters(filters: Mapping[str, str | None]) -> dict[str, str]:
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise WatchlistError(f"unknown filter(s): {', '.join(unknown)}")
    return {k: str(v).strip()[:_MAX_QUERY] for k, v in filters.items() if v and str(v).strip()}


def create(
    archive: Archive, name: str, query: str, filters: Mapping[str, str | None] | None = None
) -> Watchlist:
    """Save a watchlist and record what it matches now."""
    name, query = name.strip(), query.strip()
    if not name or len(name) > _MAX_NAME:
        raise WatchlistError(f"a watchlist needs a name of 1 to {_MAX_NAME} characters")
    if parse_query(query[:_MAX_QUERY]).is_empty() or len(query) > _MAX_QUERY:
        raise WatchlistError(
            f"a watchlist needs a query of words (at most {_MAX_QUERY} characters)"
        )
    watch = Watchlist(uuid.uuid4().hex[:12], name, query, _clean_filters(filters or {}), _now())
    archive.store.write(
        [
            (
                "INSERT INTO watchlists (id, name, query, filters, created) VALUES (?, ?, ?, ?, ?)",
                (watch.id, watch.name, watch.query, json.dumps(watch.filters), watch.created),
            )
        ]
    )
    refresh(archive, watch)
    return watch


def _watchlist(row: tuple[object, ...]) -> Watchlist:
    filters = json.loads(str(row[3]))
    return Watchlist(str(row[0]), str(row[1]), str(row[2]), dict(filters), str(row[4]))


def list_all(store: Store) -> list[Watchlist]:
    rows = store.select(
        "SELECT id, name, query, filters, created FROM watchlists ORDER BY created DESC, id"
    )
    return [_watchlist(r) for r in rows]


def get(store: Store, watch_id: str) -> Watchlist | None:
    rows = store.select(
        "SELECT id, name, query, filters, created FROM watchlists WHERE id = ?", [watch_id]
    )
    return _watchlist(rows[0]) if rows else None


def delete(store: Store, watch_id: str) -> bool:
    """Remove a watchlist and its record of matches; False when there was none."""
    changed = store.write(
        [
            ("DELETE FROM watchlist_hits WHERE watchlist_id = ?", (watch_id,)),
            ("DELETE FROM watchlists WHERE id = ?", (watch_id,)),
        ]
    )
    return changed[-1] > 0


def refresh(archive: Archive, watch: Watchlist) -> int:
    """Record the watchlist's matches not yet recorded; how many were new."""
    filters = archive.filters(**{k: watch.filters.get(k) for k in FILTERS})
    ranked = archive.store.search(parse_query(watch.query), filters, FACET_DEPTH, 0)
    if not ranked:
        return 0
    ids = [i for i, _ in ranked]
    marks = placeholders(ids)
    known = {
        str(r[0])
        for r in archive.store.select(
            f"SELECT article_id FROM watchlist_hits WHERE watchlist_id = ? AND article_id IN"
            f" ({marks})",
            [watch.id, *ids],
        )
    }
    fresh = [i for i in ids if i not in known]
    if fresh:
        seen = _now()
        archive.store.write(
            [
                (
                    "INSERT INTO watchlist_hits (watchlist_id, article_id, first_seen)"
                    " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (watch.id, aid, seen),
                )
                for aid in fresh
            ]
        )
    return len(fresh)


def feed_entries(archive: Archive, watch: Watchlist, *, limit: int = 50) -> list[FeedEntry]:
    """The watchlist's matches, the most recently seen first (refreshed before listing)."""
    refresh(archive, watch)
    rows = archive.store.select(
        "SELECT h.article_id, h.first_seen FROM watchlist_hits h"
        " JOIN articles a ON a.id = h.article_id WHERE h.watchlist_id = ?"
        " ORDER BY h.first_seen DESC, coalesce(a.published, '') DESC, h.article_id LIMIT ?",
        [watch.id, limit],
    )
    seen = {str(a): str(s) for a, s in rows}
    stored = archive.store.get(list(seen))
    return [FeedEntry(s.article, seen[s.article.id]) for s in stored]
