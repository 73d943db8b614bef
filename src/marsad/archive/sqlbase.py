"""What both SQL stores share: writing a batch, filters, reading articles back.

Each backend subclass supplies the connection, its transactions and error translation, its
schema migrations, and its full-text index (how terms are indexed and how a query is matched
and ranked). Everything else is the SQL both SQLite and PostgreSQL speak.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterator, Sequence, Sized
from contextlib import AbstractContextManager
from typing import TypeVar

from ..errors import CorruptArchiveError
from ..inputs import Rejection
from ..record import Article
from ..text import normalize
from .dedup import NEAR_DUPLICATE, jaccard
from .model import Filters, Outcome, Prepared, Query, Source, StoredArticle

__all__ = ["RECORD", "UNIT", "SqlStore", "chunks", "filter_sql", "name_key", "placeholders"]

Row = tuple[object, ...]


def name_key(name: str) -> str:
    """The matching form of an entity name: what the archive groups and filters by."""
    return normalize(name)


class SqlStore(ABC):
    """A store over a SQL database with the schema of :mod:`marsad.archive.migrations`."""

    location: str

    # -- what a backend supplies -----------------------------------------------------------

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction; errors inside are translated to StoreError."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement (``?`` placeholders); the number of rows it changed."""

    @abstractmethod
    def _many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for many rows."""

    @abstractmethod
    def select(self, sql: str, params: Sequence[object] = ()) -> list[Row]: ...

    @abstractmethod
    def _index(self, prepared: Prepared) -> None:
        """Add a new article's terms to the full-text index."""

    @abstractmethod
    def search(
        self, query: Query, filters: Filters, limit: int, offset: int
    ) -> list[tuple[str, float]]: ...

    @abstractmethod
    def doc_freq(self, terms: Sequence[str]) -> dict[str, int]: ...

    @abstractmethod
    def close(self) -> None: ...

    def data_version(self) -> int | None:
        """A number that changes when another connection commits; None where not known."""
        return None

    @abstractmethod
    def json_field(self, column: str, key: str) -> str: ...

    # -- writing ------------------------------------------------------------------------------

    def _apply_migrations(self, scripts: Sequence[str]) -> None:
        """Run the numbered migrations this archive has not had yet (inside a transaction)."""
        self._execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        version = int(
            str(self.select("SELECT coalesce(max(version), 0) FROM schema_version")[0][0])
        )
        if version > len(scripts):
            raise CorruptArchiveError(
                self.location, f"schema version {version} is newer than this Marsad knows"
            )
        for number, script in enumerate(scripts[version:], start=version + 1):
            for statement in filter(str.strip, script.split(";")):
                self._execute(statement)
            self._execute("INSERT INTO schema_version (version) VALUES (?)", (number,))

    def add(self, batch: Sequence[Prepared]) -> list[Outcome]:
        with self._transaction():
            return [self._add_one(p) for p in batch]

    def _add_one(self, prepared: Prepared) -> Outcome:
        article = prepared.article
        inserted = self._execute(
            "INSERT INTO articles (id, title, source, url, published, record, terms, doclen,"
            " signature, dup_group, spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            (
                article.id,
                article.title,
                article.source,
                article.url,
                article.published,
                article.to_json(),
                " ".join(prepared.title_terms + prepared.body_terms),
                len(prepared.title_terms) + len(prepared.body_terms),
                prepared.signature,
                article.id,
                prepared.spans,
            ),
        )
        new_source = self._execute(
            "INSERT INTO article_sources (article_id, source, url, published)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (article.id, article.source, article.url or "", article.published),
        )
        if not inserted:
            if new_source:
                self._facet_sources(article.id)
            return "duplicate" if new_source else "unchanged"
        self._index(prepared)
        self._facts(article)
        self._facet_row(article)
        self._group(prepared)
        return "new"

    def _facet_row(self, article: Article) -> None:
        """The article's row of ``article_facets`` (migration 4): what search facets count."""
        names: dict[tuple[str, str], str] = {}
        for e in article.entities:
            found = names.get((key := name_key(e.name), e.type))
            names[(key, e.type)] = e.name if found is None else max(found, e.name)
        entities = [UNIT.join((_clean(k), t, _clean(n))) for (k, t), n in sorted(names.items())]
        self._execute(
            "INSERT INTO article_facets (article_id, published, sources, entity_types,"
            " event_types, entities) VALUES (?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.published,
                _clean(article.source),
                RECORD.join(sorted({e.type for e in article.entities})),
                RECORD.join(sorted({ev.type for ev in article.events})),
                RECORD.join(entities),
            ),
        )

    def _facet_sources(self, article_id: str) -> None:
        """An archived article seen from one more source: its facet row lists that source."""
        rows = self.select(
            "SELECT DISTINCT source FROM article_sources WHERE article_id = ? ORDER BY source",
            (article_id,),
        )
        self._execute(
            "UPDATE article_facets SET sources = ? WHERE article_id = ?",
            (RECORD.join(dict.fromkeys(_clean(str(r[0])) for r in rows)), article_id),
        )

    def _group(self, prepared: Prepared) -> None:
        """Join the near-duplicate group of the most similar archived text, if any."""
        if not prepared.bands:
            return
        rows = self.select(
            "SELECT a.id, a.signature, a.dup_group FROM articles a WHERE a.id IN"
            f" (SELECT article_id FROM lsh_bands WHERE bucket IN ({placeholders(prepared.bands)}))",
            prepared.bands,
        )
        best, group = NEAR_DUPLICATE, None
        for _, sig, dup_group in rows:
            score = jaccard(prepared.signature, _blob(sig))
            if score >= best:
                best, group = score, str(dup_group)
        if group is not None:
            self._execute(
                "UPDATE articles SET dup_group = ? WHERE id = ?", (group, prepared.article.id)
            )
        self._many(
            "INSERT INTO lsh_bands (bucket, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(b, prepared.article.id) for b in prepared.bands],
        )

    def _facts(self, article: Article) -> None:
        """The entities, quotes and events of a new article, as rows of their own tables."""
        keys = {e.id: name_key(e.name) for e in article.entities}
        self._many(
            "INSERT INTO entities (article_id, idx, entity_id, key, name, type, latin, mentions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article.id, i, e.id, keys[e.id], e.name, e.type, e.latin, len(e.mentions))
                for i, e in enumerate(article.entities)
            ],
        )
        self._many(
            "INSERT INTO quotes (article_id, idx, speaker_key, speaker_text, verb, kind, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    i,
                    keys.get(q.speaker or "") or name_key(q.speaker_text) or None,
                    q.speaker_text,
                    q.verb,
                    q.kind,
                    q.text,
                )
                for i, q in enumerate(article.quotes)
            ],
        )
        self._many(
            "INSERT INTO events (article_id, idx, type, trigger, agent_key, target_key,"
            " participant_keys, place_key, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    i,
                    ev.type,
                    ev.trigger.text,
                    keys.get(ev.agent or ""),
                    keys.get(ev.target or ""),
                    "|".join(keys[p] for p in ev.participants if p in keys),
                    keys.get(ev.place or ""),
                    ev.date,
                )
                for i, ev in enumerate(article.events)
            ],
        )
        # each party once per event (two entities of one event may share a key)
        parties = dict.fromkeys(
            (keys[party], article.id, i)
            for i, ev in enumerate(article.events)
            for party in (ev.agent, ev.target, *ev.participants)
            if party in keys
        )
        self._many(
            "INSERT INTO event_parties (key, article_id, idx) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            list(parties),
        )

    def reject(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        with self._transaction():
            self._many(
                "INSERT INTO rejections (source, reason, message) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(r.source, r.reason, r.message) for r in rejections],
            )

    def write(self, statements: Sequence[tuple[str, Sequence[object]]]) -> list[int]:
        with self._transaction():
            return [self._execute(sql, params) for sql, params in statements]

    def set_stories(self, assignments: Sequence[tuple[str, str]]) -> None:
        if not assignments:
            return
        with self._transaction():
            self._many(
                "UPDATE articles SET story = ? WHERE id = ?",
                [(story, aid) for aid, story in assignments],
            )

    # -- reading ------------------------------------------------------------------------------

    def get(self, ids: Sequence[str]) -> list[StoredArticle]:
        found: dict[str, StoredArticle] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            marks = placeholders(chunk)
            for aid, record, group, story, terms in self.select(
                f"SELECT id, record, dup_group, story, terms FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                article = Article.from_dict(json.loads(str(record)))
                found[str(aid)] = StoredArticle(
                    article, [], str(group), _opt(story), str(terms).split()
                )
            for aid, source, url, published in self.select(
                "SELECT article_id, source, url, published FROM article_sources"
                f" WHERE article_id IN ({marks}) ORDER BY article_id, source, url",
                chunk,
            ):
                found[str(aid)].sources.append(Source(str(source), _opt(url), _opt(published)))
        return [found[i] for i in ids if i in found]


#: Separators in ``article_facets``: between the items of a list, between an entity's fields.
RECORD, UNIT = "\x1e", "\x1f"


def _clean(value: str) -> str:
    """A value without the separators (so that splitting gives it back whole)."""
    return value.replace(RECORD, " ").replace(UNIT, " ")


def _blob(value: object) -> bytes:
    return bytes(value) if isinstance(value, bytes | bytearray | memoryview) else b""


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


_T = TypeVar("_T")


def placeholders(items: Sized) -> str:
    """``?, ?, ?`` for an ``IN (...)`` of ``items``."""
    return ", ".join("?" * len(items))


def chunks(items: Sequence[_T], size: int = 500) -> Iterator[list[_T]]:
    """``items`` in lists of ``size`` at most (an ``IN (...)`` each, under parameter limits)."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def filter_sql(filters: Filters, alias: str = "a") -> tuple[str, list[object]]:
    """A SQL condition (``?`` parameters) selecting the articles ``filters`` allows."""
    parts: list[str] = []
    params: list[object] = []

    def within(table: str, condition: str, values: Sequence[object]) -> None:
        parts.append(f"{alias}.id IN (SELECT article_id FROM {table} WHERE {condition})")
        params.extend(values)

    if filters.entity_keys:
        marks = ", ".join("?" * len(filters.entity_keys))
        typed = " AND type = ?" if filters.entity_type else ""
        values: list[object] = [*filters.entity_keys]
        within("entities", f"key IN ({marks}){typed}", values + _some(filters.entity_type))
    elif filters.entity_type:
        within("entities", "type = ?", [filters.entity_type])
    if filters.source:
        pattern = "%" + _escape_like(filters.source.lower()) + "%"
        within("article_sources", "lower(source) LIKE ? ESCAPE '\\'", [pattern])
    if filters.since:
        parts.append(f"substr({alias}.published, 1, 10) >= ?")
        params.append(filters.since[:10])
    if filters.until:
        parts.append(f"substr({alias}.published, 1, 10) <= ?")
        params.append(filters.until[:10])
    if filters.event_type:
        within("events", "type = ?", [filters.event_type])
    if filters.speaker_keys:
        marks = ", ".join("?" * len(filters.speaker_keys))
        within("quotes", f"speaker_key IN ({marks})", list(filters.speaker_keys))
    return (" AND ".join(parts) or "1 = 1"), params


def _some(value: str | None) -> list[object]:
    return [] if value is None else [value]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def term_counts(terms: Sequence[str]) -> Counter[str]:
    """How often each term occurs (for similarity between archived texts)."""
    return Counter(terms)
