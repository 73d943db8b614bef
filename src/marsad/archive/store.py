"""The storage interface: what the archive needs of a database, and nothing more.

Two implementations speak it: :class:`~marsad.archive.sqlite.SQLiteStore` (one file, FTS5; the
default) and :class:`~marsad.archive.postgres.PostgresStore` (a server, tsvector under GIN).
Both hold the same tables (see :mod:`marsad.archive.migrations`), so read-only questions that
are not search (views, exports) are asked once, in the SQL both speak, through :meth:`Store.select`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..inputs import Rejection
from .model import Filters, Outcome, Prepared, Query, StoredArticle

__all__ = ["DEFAULT_LOCATION", "Store", "open_store"]

#: Where the archive lives when nobody says: one SQLite file in the working directory.
DEFAULT_LOCATION = "marsad.db"


class Store(Protocol):
    """A Marsad archive's storage."""

    location: str

    def add(self, batch: Sequence[Prepared]) -> list[Outcome]:
        """Store a batch in one transaction: all of it, or (on a crash) none of it."""
        ...

    def reject(self, rejections: Sequence[Rejection]) -> None:
        """Record inputs that did not become articles (once per source and reason)."""
        ...

    def get(self, ids: Sequence[str]) -> list[StoredArticle]:
        """The archived articles with these ids, in the order asked (missing ones left out)."""
        ...

    def search(
        self, query: Query, filters: Filters, limit: int, offset: int
    ) -> list[tuple[str, float]]:
        """Ids and bm25 scores of the articles matching ``query`` and ``filters``, best first."""
        ...

    def doc_freq(self, terms: Sequence[str]) -> dict[str, int]:
        """How many articles contain each term (terms absent from the archive are left out)."""
        ...

    def set_stories(self, assignments: Sequence[tuple[str, str]]) -> None:
        """Write ``(article id, story id)`` pairs in one transaction."""
        ...

    def select(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """A read-only query in the SQL both backends share, ``?`` for parameters."""
        ...

    def json_field(self, column: str, key: str) -> str:
        """The SQL, in this backend's words, for the text of the top-level ``key`` of the JSON
        object in ``column`` (NULL when absent or null): for a :meth:`select`."""
        ...

    def write(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[int]:
        """Run statements (shared SQL, ``?`` parameters) in one transaction; rows each changed.

        For small tables kept beside the articles (watchlists); articles go through :meth:`add`.
        """
        ...

    def data_version(self) -> int | None:
        """A number that changes whenever another connection commits (SQLite's
        ``PRAGMA data_version``); None where the backend cannot say cheaply."""
        ...

    def close(self) -> None: ...


def open_store(location: str | Path | None = None, *, timeout: float = 10.0) -> Store:
    """The store at ``location``: a ``postgresql://`` URL, or a SQLite file (created if absent)."""
    where = str(location or DEFAULT_LOCATION)
    if where.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(where, timeout=timeout)
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(where), timeout=timeout)
