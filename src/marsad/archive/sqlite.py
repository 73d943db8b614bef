"""The embedded store: one SQLite file, full text in FTS5 over the analyzer's terms.

SQLite's own ``unicode61`` tokenizer cuts Arabic words at diacritics and does not fold hamza or
taa marbuta forms, so the index never sees raw text: it is given the terms of
:mod:`marsad.archive.analyzer`, the same ones a query is turned into, and FTS5 ranks with bm25
(title terms weigh twice). The file runs in WAL mode, so readers never wait for the writer, and
each batch is one ``BEGIN IMMEDIATE`` transaction: a crash loses at most the batch in flight.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import cast

from ..errors import (
    ArchiveFullError,
    ArchiveLockedError,
    CorruptArchiveError,
    ReadOnlyArchiveError,
    StoreError,
)
from . import migrations
from .model import Filters, Prepared, Query
from .sqlbase import Row, SqlStore, chunks, filter_sql, placeholders

__all__ = ["SQLiteStore", "fts_expression"]

#: bm25 weights of the indexed columns (title, body).
_WEIGHTS = (2.0, 1.0)
#: Archives up to this many articles keep their rowid -> id map in each connection (~100 bytes
#: an article).
_ID_MAP_MAX = 300_000
#: Rows read past the cut of an unfiltered search, so that scores tied at the cut are ordered
#: by id as the join orders them.
_TIE_ROWS = 32


class SQLiteStore(SqlStore):
    """An archive in one SQLite file (created when absent)."""

    def __init__(self, path: Path, *, timeout: float = 10.0) -> None:
        self.location = str(path)
        self.path = path
        if path.is_dir():
            raise StoreError(self.location, "is a folder, not an archive file")
        #: an archive this process may not write (its file, or its folder, where SQLite keeps
        #: the -wal and -shm files): opened to be read, and every write refused with one error
        self.read_only = path.exists() and not (
            os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        )
        try:
            self._db = self._connect(timeout)
        except sqlite3.Error as exc:
            raise StoreError(self.location, f"cannot open: {exc}") from exc
        with self._errors():
            if self.read_only:
                self._check_version()
            else:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        #: rowid -> id of every article while the archive does not change, and the
        #: ``data_version`` it was read at (see :meth:`_ids_of`)
        self._ids: dict[int, str] | None = None
        self._ids_version: int | None = None

    # -- connection, transactions, errors -------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc

    def _translate(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc)
        if "disk is full" in text or "disk quota" in text:
            return ArchiveFullError(
                self.location,
                f"the disk holding the archive is full ({text}): what was being written is not "
                "stored, everything stored before is kept; free some space and run it again",
            )
        if "readonly" in text or "read-only" in text or self.read_only:
            return ReadOnlyArchiveError(
                self.location,
                f"the archive is read-only ({text}): writing to it needs write access to the "
                "file and to its folder (for its -wal and -shm files)",
            )
        if "unable to open" in text:
            return StoreError(
                self.location,
                f"cannot open or create the archive ({text}): does its folder exist, and may "
                "it be written?",
            )
        if "locked" in text or "busy" in text:
            return ArchiveLockedError(
                self.location, "the archive is locked by another process; try again when it ends"
            )
        if isinstance(exc, sqlite3.DatabaseError) and (
            "not a database" in text or "malformed" in text or "corrupt" in text
        ):
            return CorruptArchiveError(
                self.location, f"not a Marsad archive, or a damaged one ({text})"
            )
        return StoreError(self.location, text)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Undo the transaction, if SQLite has not already (it does on a full disk, and a
        failed ROLLBACK would hide the error that says why)."""
        if self._db.in_transaction:
            with suppress(sqlite3.Error):  # the error being raised says more than this one
                self._db.execute("ROLLBACK")

    def _execute(self, sql: str, params: Sequence[object] = ()) -> int:
        # every write comes here or to _many, and this connection's own writes do not move
        # data_version: the kept rowid -> id map is dropped at each
        self._ids = None
        with self._errors():
            return self._db.execute(sql, params).rowcount

    def _many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self._ids = None
        if rows:
            with self._errors():
                self._db.executemany(sql, rows)

    def select(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._errors():
            return self._db.execute(sql, params).fetchall()

    def json_field(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def data_version(self) -> int | None:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits."""
        with self._errors():
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def _connect(self, timeout: float) -> sqlite3.Connection:
        if not self.read_only:
            return sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        # read-only: a WAL archive whose -shm cannot be made is read as immutable (nothing can
        # write it here, and no one else should while it is read-only)
        uri = self.path.resolve().as_uri()
        for options in ("mode=ro", "mode=ro&immutable=1"):
            db = sqlite3.connect(
                f"{uri}?{options}", uri=True, timeout=timeout, isolation_level=None,
                check_same_thread=False,
            )  # fmt: skip
            try:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return db
            except sqlite3.OperationalError:
                db.close()
                if "immutable" in options:
                    raise
        raise AssertionError("unreachable")

    def _check_version(self) -> None:
        """A read-only archive cannot be migrated: it must already have every migration."""
        tables = {r[0] for r in self.select("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_version" not in tables:
            raise CorruptArchiveError(self.location, "a SQLite file, but not a Marsad archive")
        version = int(str(self.select("SELECT max(version) FROM schema_version")[0][0] or 0))
        if version != len(migrations.SQLITE):
            raise ReadOnlyArchiveError(
                self.location,
                f"the archive is read-only and has schema version {version}, not "
                f"{len(migrations.SQLITE)}: make it writable once so that it can be upgraded",
            )

    def _migrate(self) -> None:
        tables = {r[0] for r in self.select("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "schema_version" not in tables:
            raise CorruptArchiveError(self.location, "a SQLite file, but not a Marsad archive")
        with self._transaction():
            self._apply_migrations(migrations.SQLITE)

    # -- full text ------------------------------------------------------------------------------

    def _index(self, prepared: Prepared) -> None:
        self._execute(
            "INSERT INTO articles_fts (rowid, title, body) SELECT rowid, ?, ? FROM articles"
            " WHERE id = ?",
            (" ".join(prepared.title_terms), " ".join(prepared.body_terms), prepared.article.id),
        )

    def search(
        self, query: Query, filters: Filters, limit: int, offset: int
    ) -> list[tuple[str, float]]:
        if query.is_empty():
            return []
        where, params = filter_sql(filters)
        if not params:
            ranked = self._ranked_by_index(query, limit, offset)
            if ranked is not None:
                return ranked
        rows = self.select(
            f"SELECT a.id, -bm25(articles_fts, {_WEIGHTS[0]}, {_WEIGHTS[1]}) AS score"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND {where} ORDER BY score DESC, a.id LIMIT ? OFFSET ?",
            [fts_expression(query), *params, limit, offset],
        )
        return [(str(i), float(str(s))) for i, s in rows]

    def _ranked_by_index(
        self, query: Query, limit: int, offset: int
    ) -> list[tuple[str, float]] | None:
        """An unfiltered search ranked inside the full-text index alone, the ids of just the
        rows kept looked up after: joining every match to ``articles`` first doubled the cost
        of a common word (thousands of matches). The same answer as the join, ties included
        (equal scores in id order); None when equal scores run past the rows read (then the
        join decides)."""
        wanted = max(0, offset) + max(0, limit)
        if wanted <= 0:
            return []
        # rowids are integers and bm25 scores floats: SQLite gives them so (cast for typing)
        rows = cast(
            list[tuple[int, float]],
            self.select(
                f"SELECT rowid, -bm25(articles_fts, {_WEIGHTS[0]}, {_WEIGHTS[1]}) AS score"
                " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score DESC LIMIT ?",
                [fts_expression(query), wanted + _TIE_ROWS],
            ),
        )
        if len(rows) > wanted and rows[-1][1] == rows[wanted - 1][1]:
            return None  # the scores tied at the cut go on past what was read
        ids = self._ids_of([rowid for rowid, _ in rows])
        # best first, equal scores in id order: sorted as (-score, id) pairs, compared in C
        ranked = [(-score, ids[rowid]) for rowid, score in rows if rowid in ids]
        ranked.sort()
        return [(aid, -negative) for negative, aid in ranked[max(0, offset) : wanted]]

    def _ids_of(self, rowids: list[int]) -> dict[int, str]:
        """The article ids of ``rowids``. Read from the table, each costs a page of its own
        (an article's row is large): ~3 ms for the thousand rows a search ranks. So the
        whole rowid -> id map is read once (through the id index: a few ms) and kept while
        ``data_version`` stays and this connection writes nothing, for archives of up to
        :data:`_ID_MAP_MAX` articles; rowids it lacks are read from the table."""
        version = self.data_version()
        if version != self._ids_version or self._ids is None:
            rows = self.select("SELECT rowid, id FROM articles LIMIT ?", [_ID_MAP_MAX + 1])
            self._ids_version = version
            self._ids = {int(str(r)): str(i) for r, i in rows} if len(rows) <= _ID_MAP_MAX else {}
        kept = self._ids
        found = {r: i for r in rowids if (i := kept.get(r)) is not None}
        if len(found) == len(rowids):
            return found
        missing = [r for r in rowids if r not in found]
        for chunk in chunks(missing):
            found.update(
                (int(str(rowid)), str(aid))
                for rowid, aid in self.select(
                    f"SELECT rowid, id FROM articles WHERE rowid IN ({placeholders(chunk)})",
                    chunk,
                )
            )
        return found

    def doc_freq(self, terms: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        unique = list(dict.fromkeys(terms))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for term, doc in self.select(
                f"SELECT term, doc FROM articles_vocab WHERE term IN ({marks})", chunk
            ):
                found[str(term)] = int(str(doc))
        return found


def fts_expression(query: Query) -> str:
    """The FTS5 MATCH expression of a parsed query: every part quoted, so never syntax."""
    parts = [f'"{t}"' for t in query.terms]
    parts += ['"' + " ".join(p) + '"' for p in query.phrases]
    parts += [f'"{p}" *' for p in query.prefixes]
    return (" OR " if query.any_term else " AND ").join(parts)
