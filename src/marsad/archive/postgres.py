"""The server store: PostgreSQL through psycopg 3, full text as a tsvector under a GIN index.

PostgreSQL's ``arabic`` configuration stems inconsistently (انتخابات and الانتخابات get different
lexemes), so, as in SQLite, the index is given the terms of :mod:`marsad.archive.analyzer` under
the ``simple`` configuration, which only lower-cases. Title terms carry weight A. Ranking is
bm25 (k1 = 1.2, b = 0.75, title terms counting twice) computed in SQL from the tsvector's term
frequencies and a table of document frequencies kept up to date on insert.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg

from ..errors import ArchiveLockedError, StoreError
from . import migrations
from .model import Filters, Prepared, Query
from .sqlbase import Row, SqlStore, filter_sql

__all__ = ["PostgresStore", "tsquery"]

_MIGRATION_LOCK = 7_215_032  # pg_advisory_xact_lock key: one migrating process at a time

_BM25 = """
WITH cand AS (
    SELECT a.id, a.tsv, a.doclen FROM articles a
    WHERE a.tsv @@ to_tsquery('simple', ?) AND {where}
),
stats AS (
    SELECT count(*)::float8 AS n, greatest(avg(doclen), 1)::float8 AS avgdl FROM articles
),
tf AS (
    SELECT c.id, u.lexeme, sum(CASE WHEN w = 'A' THEN 2 ELSE 1 END)::float8 AS tf
    FROM cand c CROSS JOIN LATERAL unnest(c.tsv) u CROSS JOIN LATERAL unnest(u.weights) w
    WHERE u.lexeme = ANY(?::text[])
       OR EXISTS (SELECT 1 FROM unnest(?::text[]) p WHERE starts_with(u.lexeme, p))
    GROUP BY c.id, u.lexeme
)
SELECT c.id, coalesce(sum(
    ln(1 + (s.n - d.df + 0.5) / (d.df + 0.5))
    * t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * c.doclen / s.avgdl))
), 0) AS score
FROM cand c CROSS JOIN stats s
LEFT JOIN tf t ON t.id = c.id LEFT JOIN term_df d ON d.term = t.lexeme
GROUP BY c.id ORDER BY score DESC, c.id LIMIT ? OFFSET ?
"""


def _safe(url: str) -> str:
    """The URL without its password, to name the archive in messages."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


class PostgresStore(SqlStore):
    """An archive in a PostgreSQL database (tables created on first use)."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self.location = _safe(url)
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
        except psycopg.Error as exc:
            raise StoreError(self.location, f"cannot connect: {_first_line(exc)}") from exc
        with self._errors():
            self._db.execute(f"SET lock_timeout = '{int(timeout * 1000)}ms'")
        self._migrate()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.errors.LockNotAvailable as exc:
            raise ArchiveLockedError(self.location, "the archive is locked; try again") from exc
        except psycopg.Error as exc:
            raise StoreError(self.location, _first_line(exc)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._errors(), self._db.transaction():
            yield

    def _execute(self, sql: str, params: Sequence[object] = ()) -> int:
        with self._errors():
            return self._db.execute(_pg(sql), params).rowcount

    def _many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        if rows:
            with self._errors(), self._db.cursor() as cur:
                cur.executemany(_pg(sql), rows)

    def select(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._errors():
            return self._db.execute(_pg(sql), params).fetchall()

    def json_field(self, column: str, key: str) -> str:
        return f"(CAST({column} AS json) ->> '{key}')"

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        with self._transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            self._apply_migrations(migrations.POSTGRES)

    def _index(self, prepared: Prepared) -> None:
        self._execute(
            "UPDATE articles SET tsv = setweight(to_tsvector('simple', ?), 'A')"
            " || to_tsvector('simple', ?) WHERE id = ?",
            (" ".join(prepared.title_terms), " ".join(prepared.body_terms), prepared.article.id),
        )
        self._execute(
            "INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest(?::text[]) t"
            " ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
            (sorted(set(prepared.title_terms) | set(prepared.body_terms)),),
        )

    def search(
        self, query: Query, filters: Filters, limit: int, offset: int
    ) -> list[tuple[str, float]]:
        if query.is_empty():
            return []
        where, params = filter_sql(filters)
        rows = self.select(
            _BM25.format(where=where),
            [tsquery(query), *params, sorted(query.words()), list(query.prefixes), limit, offset],
        )
        return [(str(i), float(str(s))) for i, s in rows]

    def doc_freq(self, terms: Sequence[str]) -> dict[str, int]:
        rows = self.select(
            "SELECT term, df FROM term_df WHERE term = ANY(?::text[])", [list(terms)]
        )
        return {str(t): int(str(n)) for t, n in rows}


def _pg(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (no ``?`` or ``%`` appears otherwise in our SQL)."""
    return sql.replace("?", "%s")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def tsquery(query: Query) -> str:
    """The ``to_tsquery('simple', ...)`` text of a parsed query: every lexeme quoted."""
    parts = [f"'{t}'" for t in query.terms]
    parts += ["(" + " <-> ".join(f"'{t}'" for t in p) + ")" for p in query.phrases]
    parts += [f"'{p}':*" for p in query.prefixes]
    return (" | " if query.any_term else " & ").join(parts)
