"""Each article's row of ``article_facets`` (migration 4), parsed, and a cache of them.

Search facets count these rows over a query's matches, and an entity page over the articles
naming the entity; a server keeps the rows it has read in a :class:`FacetRows`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence

from .sqlbase import RECORD, UNIT, chunks, placeholders
from .store import Store

__all__ = ["FacetRow", "FacetRows", "facet_rows", "spellings"]


#: An article's row of ``article_facets``: its date (None without one) and the items of its
#: sources, entity types, event types and entities.
FacetRow = tuple[str | None, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


class FacetRows:
    """The parsed ``article_facets`` rows of the articles asked so far, kept in memory.

    A server keeps one per process, fills it with the newest ``size`` rows as it starts
    (:meth:`preload`), and empties it whenever the archive changes (a new source of an
    archived article changes its row; rows are then read again as queries need them), and
    every ``seconds`` when changes cannot be seen (``inf``: never); equal items are kept once,
    so even every row of a large archive takes little memory (tens of MB for 30,000 articles).
    """

    def __init__(self, seconds: float = 300.0, size: int = 100_000) -> None:
        self.seconds = seconds
        self.size = size
        self._since = time.monotonic()
        self._rows: dict[str, FacetRow] = {}
        self._items: dict[str, str] = {}
        self._first: dict[str, str] = {}
        #: entity items whose ``key, type`` has another spelling among the rows kept
        self.several: dict[str, str] = {}
        self._lock = threading.Lock()
        self._epoch = 0

    def __len__(self) -> int:
        return len(self._rows)

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self._items.clear()
            self._first.clear()
            self.several = {}
            self._since = time.monotonic()
            self._epoch += 1

    def preload(self, store: Store) -> int:
        """Read the newest ``size`` rows at once (a server starting); how many were kept."""
        epoch = self._epoch
        found = _parse(
            store.select(f"{_SELECT} ORDER BY published DESC LIMIT ?", [self.size]), self._items
        )
        self._add(found, epoch)
        return len(found)

    def entity_items(self) -> list[tuple[str, ...]]:
        """The entity items of every row kept (each article's, as :meth:`get` gives them)."""
        with self._lock:
            return [row[4] for row in self._rows.values()]

    def get(self, store: Store, ids: Sequence[str]) -> list[FacetRow]:
        """The rows of the archived articles among ``ids`` (each once; unknown ids left out)."""
        unique = list(dict.fromkeys(ids))
        if time.monotonic() - self._since > self.seconds:
            self.clear()
        epoch = self._epoch
        rows = self._rows
        with self._lock:
            got = {i: r for i in unique if (r := rows.get(i)) is not None}
        missing = [i for i in unique if i not in got]
        if missing:
            found = facet_rows(store, missing, self._items)
            self._add(found, epoch)
            got.update(found)
        return [got[i] for i in unique if i in got]

    def _add(self, found: dict[str, FacetRow], epoch: int) -> None:
        """Keep ``found``, read when the epoch was ``epoch``: not if emptied since (the rows
        may be older than the archive now)."""
        with self._lock:
            if epoch != self._epoch:
                return
            rows = self._rows
            if len(rows) + len(found) > self.size:
                rows.clear()
                self._items.clear()
                self._first.clear()
                self.several = {}
            rows.update(found)
            first, several = self._first, self.several
            for row in found.values():
                for item in row[4]:
                    key_type = item.rpartition(UNIT)[0]
                    kept = first.setdefault(key_type, item)
                    if kept != item:
                        several[item] = several[kept] = key_type


_SELECT = (
    "SELECT article_id, published, sources, entity_types, event_types, entities FROM article_facets"
)


def facet_rows(
    store: Store, ids: Sequence[str], items: dict[str, str] | None = None
) -> dict[str, FacetRow]:
    """Rows of ``article_facets`` by article id; ``items`` keeps one copy of equal items."""
    out: dict[str, FacetRow] = {}
    for chunk in chunks(ids):
        rows = store.select(f"{_SELECT} WHERE article_id IN ({placeholders(chunk)})", chunk)
        out.update(_parse(rows, items))
    return out


def _parse(
    rows: Iterable[Sequence[object]], items: dict[str, str] | None = None
) -> dict[str, FacetRow]:
    def parts(value: object) -> tuple[str, ...]:
        if not value:
            return ()
        if items is None:
            return tuple(str(value).split(RECORD))
        keep = items.setdefault
        return tuple([keep(i, i) for i in str(value).split(RECORD)])

    out: dict[str, FacetRow] = {}
    for aid, published, src, etypes, evtypes, ents in rows:
        when = None if published is None else str(published)
        out[str(aid)] = (when, parts(src), parts(etypes), parts(evtypes), parts(ents))
    return out


def spellings(items: Iterable[str]) -> dict[str, str]:
    """Of the entity items ``key UNIT type UNIT name`` given, those whose ``key, type`` comes
    with another spelling too, each with its ``key UNIT type`` (what
    :attr:`FacetRows.several` keeps for the rows it holds)."""
    by_key_type: dict[str, list[str]] = {}
    for item in items:
        by_key_type.setdefault(item.rpartition(UNIT)[0], []).append(item)
    return {i: kt for kt, found in by_key_type.items() if len(found) > 1 for i in found}
