"""The data of each resource, one function each, for the JSON API and the pages alike.

A route asks :class:`Site` for a resource's data (plain dicts and lists, JSON-ready) and either
returns it (``/api/...``) or renders it (pages), as datasette serves one view as HTML and JSON.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import asdict
from typing import Any
from urllib.parse import quote, urlencode

from ..archive import Archive, StoredArticle, browse
from ..archive.model import Filters, Query
from ..archive.query import parse_query
from ..archive.sqlbase import name_key, placeholders
from ..archive.store import Store, open_store
from ..archive.views import (
    Name,
    entity_names,
    entity_profile,
    merge_variants,
    resolve_name,
    warm_profiles,
)
from ..document import Document
from ..pipeline import Pipeline
from ..record import Article, Salvage
from ..stages import content_id
from .cache import TTLCache
from .errors import ApiError
from .state import Archives

__all__ = ["FILTER_NAMES", "Site", "entity_href", "record_json", "salvage_notices"]

#: Seconds between checks that the archive has not grown (entity variants are kept meanwhile).
_VARIANTS_RECHECK = 5.0
#: The search filters, as the CLI names them.
FILTER_NAMES = ("entity", "entity_type", "source", "since", "until", "event_type", "speaker")
#: What the server searches for as it starts (any word: the search itself is what is warmed).
_WARM_QUERY = "خبر"


def entity_href(name: str, type: str | None = None) -> str:
    """The page of an entity: ``/entity/NAME?type=TYPE`` (the name percent-encoded)."""
    tail = "?" + urlencode({"type": type}) if type else ""
    return "/entity/" + quote(name, safe="") + tail


def record_json(stored: StoredArticle) -> dict[str, Any]:
    """The full record of RECORD.md plus what the archive knows (as ``marsad export`` writes)."""
    data = stored.article.to_dict()
    data["warnings"] = salvage_notices(data["warnings"])
    data["sources"] = [asdict(s) for s in stored.sources]
    data["duplicate_group"] = stored.group
    data["story"] = stored.story
    return data


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


class Site:
    """The archive as the web app sees it: per-thread connections, caches, the pipeline."""

    def __init__(self, location: str | None, cache_seconds: float = 300.0) -> None:
        self.archives = Archives(location)
        self.cache = TTLCache(cache_seconds, size=8192)
        #: a query's ranking (up to FACET_DEPTH ids) and facets: tens of kB each, so fewer
        self.rankings = TTLCache(cache_seconds, size=512)
        self._watch: Store | None = None
        self._watch_lock = threading.Lock()
        #: the facet rows of articles (what a query's facets count), parsed once; kept until
        #: the archive changes, or for ``cache_seconds`` where changes cannot be seen
        self.facet_rows = (
            browse.FacetRows(cache_seconds if self._blind() else math.inf)
            if cache_seconds > 0
            else None
        )
        self._pipeline: Pipeline | None = None
        self._pipeline_lock = threading.Lock()
        self._variants: tuple[int, list[Name], dict[tuple[str, str], str]] | None = None
        self._variants_checked = 0.0
        self._variants_lock = threading.Lock()
        self._writes = 0
        self._generation: Hashable = None

    def _watched(self) -> Store:
        """The connection kept to watch the archive change (opened on first use; hold
        ``_watch_lock``)."""
        if self._watch is None:
            self._watch = open_store(self.archives.location)
        return self._watch

    def _blind(self) -> bool:
        """Whether commits by other connections go unseen (no ``data_version``: PostgreSQL)."""
        with self._watch_lock:
            return self._watched().data_version() is None

    def generation(self) -> Hashable:
        """What changes whenever the archive does: this app's writes, and SQLite's
        ``data_version`` on a connection kept for this (commits by any other connection:
        another thread, another worker, ``marsad ingest``). The view cache is emptied when it
        changes; the page cache (:class:`~marsad.web.cache.PageCache`) asks on every request."""
        with self._watch_lock:
            current = (self._writes, self._watched().data_version())
            if current != self._generation:
                if self._generation is not None:
                    self.cache.clear()
                    self.rankings.clear()
                    if self.facet_rows is not None:
                        self.facet_rows.clear()
                self._generation = current
            return current

    def variants(self) -> tuple[list[Name], dict[tuple[str, str], str]]:
        """The archive's entity names and their merged variants, kept while no article is added.

        Merging costs seconds on a large archive; the number of articles is checked at most
        every few seconds, and the merge redone only when it changed.
        """
        with self._variants_lock:
            now = time.monotonic()
            kept = self._variants
            if kept is not None and now - self._variants_checked < _VARIANTS_RECHECK:
                return kept[1], kept[2]
            count = int(str(self.store.select("SELECT count(*) FROM articles")[0][0]))
            if kept is None or kept[0] != count:
                names = entity_names(self.store)
                kept = self._variants = (count, names, merge_variants(names))
            self._variants_checked = now
            return kept[1], kept[2]

    def warm(self) -> None:
        """Compute the entity variants, read the newest articles' facet rows and merge their
        entities now (a server does it in a thread as it starts: the first searches and entity
        pages need them)."""
        try:
            variants = self.variants()
            if self.facet_rows is not None:
                self.facet_rows.preload(self.store)
                warm_profiles(variants, self.facet_rows)
            # one search, so that this connection (which the first thread serving requests
            # takes over once this one ends: web.state) has read the index's first pages and
            # the rowid -> id map (30 ms on the ANT archive)
            self.store.search(parse_query(_WARM_QUERY), Filters(), 1, 0)
        except Exception:
            return

    def filters(self, named: Mapping[str, str | None]) -> Filters:
        """Search filters from names as a user gives them (entity and speaker variants merged)."""
        merged = self.variants()[1] if named.get("entity") or named.get("speaker") else None
        entity, speaker, type_ = named.get("entity"), named.get("speaker"), named.get("entity_type")
        return Filters(
            entity_keys=resolve_name(self.store, entity, type_, merged=merged) if entity else (),
            entity_type=type_ or None,
            source=named.get("source") or None,
            since=named.get("since") or None,
            until=named.get("until") or None,
            event_type=named.get("event_type") or None,
            speaker_keys=resolve_name(self.store, speaker, merged=merged) if speaker else (),
        )

    @property
    def archive(self) -> Archive:
        return self.archives.get()

    @property
    def store(self) -> Store:
        return self.archives.get().store

    def close(self) -> None:
        self.archives.close()
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None

    # -- reading ----------------------------------------------------------------------------

    def search(
        self, q: str, filters: Mapping[str, str | None], limit: int, offset: int
    ) -> dict[str, Any]:
        named = {k: (filters.get(k) or None) for k in FILTER_NAMES}
        key = ("search", q, tuple(named.items()), limit, offset)
        return self.cache.get(key, lambda: self._search(q, named, limit, offset))

    def _search(
        self, q: str, named: dict[str, str | None], limit: int, offset: int
    ) -> dict[str, Any]:
        """One page of :func:`~marsad.archive.browse.search_page`, from parts kept apart: the
        ranking with its facets (the same for every page and page size of a query) and each
        article's hit (its snippet), so the page, the API and the next page share them."""
        query = parse_query(q)
        filters = tuple(named.items())
        ranked, total, capped, facets = self.rankings.get(
            ("ranked", q, filters), lambda: self._ranked(query, named)
        )
        page = ranked[max(0, offset) : max(0, offset) + max(0, limit)]
        hits = self.cache.get_many(
            [("hit", q, aid, score) for aid, score in page],
            lambda missing: self._hits(query, [page[i] for i in missing]),
        )
        return {
            "query": q,
            "filters": {k: v for k, v in named.items() if v},
            "total": total,
            "total_is_lower_bound": capped,
            "limit": limit,
            "offset": offset,
            "hits": [h for h in hits if h is not None],
            "facets": facets,
        }

    def _ranked(
        self, query: Query, named: dict[str, str | None]
    ) -> tuple[list[tuple[str, float]], int, bool, dict[str, list[dict[str, Any]]]]:
        ranked = self.store.search(query, self.filters(named), browse.FACET_DEPTH, 0)
        found = browse.facets(self.store, [i for i, _ in ranked], self.facet_rows)
        facets = {
            "sources": [{"value": v, "count": c} for v, c in found.sources],
            "entities": [{"name": n, "type": t, "count": c} for n, t, c in found.entities],
            "entity_types": [{"value": v, "count": c} for v, c in found.entity_types],
            "event_types": [{"value": v, "count": c} for v, c in found.event_types],
            "months": [{"value": v, "count": c} for v, c in found.months],
        }
        return ranked, len(ranked), len(ranked) >= browse.FACET_DEPTH, facets

    def _hits(self, query: Query, ranked: list[tuple[str, float]]) -> list[dict[str, Any] | None]:
        """The hits of ``ranked`` (None for an article gone meanwhile), in that order."""
        made = {h.id: h.to_dict() for h in browse.hits_for(self.store, query, ranked)}
        return [made.get(aid) for aid, _ in ranked]

    def stored(self, article_id: str) -> StoredArticle:
        found = self.archive.get(article_id)
        if found is None:
            raise ApiError(404, f"no article with id {article_id!r}")
        return found

    def article_json(self, article_id: str) -> bytes:
        """:func:`record_json` of an article as JSON text: the stored record is parsed once,
        completed and written back, without building an :class:`Article` or validating a
        response model (which cost most of the API's time for a large record)."""
        store = self.store
        rows = store.select(
            "SELECT record, dup_group, story FROM articles WHERE id = ?", [article_id]
        )
        if not rows:
            raise ApiError(404, f"no article with id {article_id!r}")
        record, group, story = rows[0]
        data: dict[str, Any] = json.loads(str(record))
        data["warnings"] = salvage_notices(data.get("warnings") or [])
        data["sources"] = [
            {"source": str(n), "url": _opt(u), "published": _opt(p)}
            for n, u, p in store.select(
                "SELECT source, url, published FROM article_sources WHERE article_id = ?"
                " ORDER BY source, url",
                [article_id],
            )
        ]
        data["duplicate_group"] = str(group)
        data["story"] = None if story is None else str(story)
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()

    def related(self, article_id: str, limit: int = 8) -> list[dict[str, Any]]:
        def make() -> list[dict[str, Any]]:
            return [asdict(r) for r in self.archive.related(article_id, limit)]

        return self.cache.get(("related", article_id, limit), make)

    def entity(self, name: str, type: str | None, limit: int = 20) -> dict[str, Any]:
        def make() -> dict[str, Any] | None:
            profile = entity_profile(
                self.store, name, type=type or None, limit=limit, variants=self.variants(),
                rows=self.facet_rows,
            )  # fmt: skip
            if profile is None:
                return None
            data: dict[str, Any] = {
                "key": profile.key,
                "name": profile.name,
                "type": profile.type,
                "variants": profile.variants,
                "articles": profile.articles,
                "timeline": [{"period": p, "count": c} for p, c in profile.timeline],
                "quotes": [asdict(q) for q in profile.quotes],
                "cooccurring": [
                    {"name": n, "type": t, "count": c} for n, t, c in profile.cooccurring
                ],
                "meetings": [asdict(m) for m in profile.meetings],
                "met": [{"name": n, "count": c} for n, c in profile.met],
            }
            data.update(self._entity_details(profile.variants, profile.type))
            return data

        found = self.cache.get(("entity", name, type, limit), make)
        if found is None:
            raise ApiError(404, f"no entity named {name!r} in the archive")
        return found

    def _entity_details(self, variants: list[str], type: str) -> dict[str, Any]:
        """Latin form, honorifics, roles and recent articles, read from the latest records."""
        keys = sorted({name_key(v) for v in variants})
        rows = self.store.select(
            "SELECT DISTINCT e.article_id, a.published FROM entities e JOIN article_facets a"
            f" ON a.article_id = e.article_id WHERE e.key IN ({placeholders(keys)}) AND e.type = ?"
            " ORDER BY a.published DESC, e.article_id LIMIT 20",
            [*keys, type],
        )
        latin, honorifics, roles = Counter[str](), Counter[str](), Counter[str]()
        recent = []
        ids = [str(r[0]) for r in rows]
        # only the records' entities, as JSON taken out by the database: building Article
        # objects, or parsing whole records, cost most of the page
        entities = self.store.json_field("record", "entities")
        records = {
            str(r[0]): r[1:]
            for r in self.store.select(
                f"SELECT id, title, source, published, {entities} FROM articles"
                f" WHERE id IN ({placeholders(ids)})",
                ids,
            )
        } if ids else {}  # fmt: skip
        for aid in ids:
            if (found := records.get(aid)) is None:
                continue
            title, source, published, named = found
            recent.append(
                {"id": aid, "title": str(title), "source": str(source),
                 "published": None if published is None else str(published)}
            )  # fmt: skip
            for e in json.loads(str(named)) if named else ():
                if e["type"] != type or name_key(e["name"]) not in keys:
                    continue
                latin.update([e["latin"]] if e.get("latin") else [])
                honorifics.update(e.get("honorifics") or ())
                roles.update(r.get("text") or r["title"] for r in e.get("roles") or ())
        return {
            "latin": latin.most_common(1)[0][0] if latin else None,
            "honorifics": [h for h, _ in honorifics.most_common(10)],
            "roles": [r for r, _ in roles.most_common(10)],
            "recent": recent,
        }

    def quotes(
        self, speaker: str | None, q: str | None, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        found = browse.search_quotes(
            self.store, speaker=speaker, text=q, limit=limit, offset=offset
        )
        return [asdict(h) for h in found]

    def events(
        self,
        type: str | None,
        agent: str | None,
        since: str | None,
        until: str | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        found = browse.search_events(
            self.store, type=type, agent=agent, since=since, until=until, limit=limit,
            offset=offset, merged=self.variants()[1] if agent else None,
        )  # fmt: skip
        return [{**asdict(e), "participants": list(e.participants)} for e in found]

    def stories(self, limit: int, offset: int) -> list[dict[str, Any]]:
        def make() -> list[dict[str, Any]]:
            return [
                asdict(s) for s in browse.latest_stories(self.store, limit=limit, offset=offset)
            ]

        return self.cache.get(("stories", limit, offset), make)

    def story(self, story: str) -> list[dict[str, Any]]:
        found = browse.story_articles(self.store, story)
        if not found:
            raise ApiError(404, f"no story {story!r}")
        return [asdict(s) for s in found]

    # -- writing ----------------------------------------------------------------------------

    def ingest(self, document: Document) -> dict[str, Any]:
        """Run the pipeline over one uploaded document and archive it."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            article: Article = self._pipeline(document)
        article.id = article.id or content_id(article.title, article.body)
        outcome = self.archive.add([article])[0]
        self.archive.build_stories()
        with self._watch_lock:
            self._writes += 1
        self.cache.clear()
        self.rankings.clear()
        if self.facet_rows is not None:
            self.facet_rows.clear()
        return {"outcome": outcome, "id": article.id, "title": article.title}


def salvage_notices(warnings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A record's warnings (none in records archived before they existed), each with what it
    means to a reader in both languages: ``notice: {"ar": ..., "en": ...}``."""
    shown = []
    for item in warnings:
        salvage = Salvage(str(item.get("code", "")), str(item.get("message", "")))
        shown.append({**item, "notice": {"ar": salvage.notice("ar"), "en": salvage.notice("en")}})
    return shown
