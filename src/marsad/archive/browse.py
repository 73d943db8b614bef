"""Browsing the archive: paged search with facets, quotes, events, stories, latest articles.

What the web API and pages ask besides :class:`~marsad.archive.Archive`'s own methods, in the
SQL both backends speak (:meth:`Store.select`), so SQLite and PostgreSQL answer alike.

* :func:`search_page` ranks up to :data:`FACET_DEPTH` matches once: the page's hits get snippets,
  and the whole ranked set gives the total and the facets (sources, entities, entity and event
  types, months).
* :func:`search_quotes` finds quotes by speaker (name variants merged) and by words of the quote,
  matched with the archive's analyzer (hamza, proclitics and suffixes folded).
* :func:`search_events` lists events by type, agent (variants merged) and date.
* :func:`latest_stories` lists stories (or single articles not yet placed) newest first.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from .analyzer import terms
from .facetrows import FacetRow, FacetRows, facet_rows, spellings
from .model import Filters, Hit, Query
from .query import parse_query
from .snippets import hit_of
from .sqlbase import UNIT, chunks, placeholders
from .store import Store
from .views import resolve_name

__all__ = [
    "FACET_DEPTH",
    "SNIPPET_SCAN",
    "EventRow",
    "FacetRow",
    "FacetRows",
    "Facets",
    "QuoteHit",
    "SearchPage",
    "StoryRow",
    "facet_rows",
    "hits_for",
    "latest_stories",
    "search_events",
    "search_page",
    "search_quotes",
    "story_articles",
]

#: How many ranked matches the total and the facets are counted over.
FACET_DEPTH = 1000
#: How much of an article's text is searched for the snippet (the analyzer runs over it).
SNIPPET_SCAN = 4000
_FACET_VALUES = 12


@dataclass(slots=True)
class Facets:
    """Counts of articles per value among a search's matches, most frequent first."""

    sources: list[tuple[str, int]] = field(default_factory=list)
    entities: list[tuple[str, str, int]] = field(default_factory=list)
    entity_types: list[tuple[str, int]] = field(default_factory=list)
    event_types: list[tuple[str, int]] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)


@dataclass(slots=True)
class SearchPage:
    hits: list[Hit]
    total: int
    capped: bool
    facets: Facets


@dataclass(frozen=True, slots=True)
class QuoteHit:
    article_id: str
    idx: int
    title: str
    published: str | None
    speaker_text: str
    verb: str
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    idx: int
    title: str
    published: str | None
    type: str
    trigger: str
    agent: str | None
    target: str | None
    participants: tuple[str, ...]
    place: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story: its newest article stands for it."""

    story: str
    articles: int
    id: str
    title: str
    source: str
    published: str | None


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def hits_for(store: Store, query: Query, ranked: Sequence[tuple[str, float]]) -> list[Hit]:
    """Search hits, with snippets of the original text, for ranked ``(id, score)`` pairs.

    Only the fields a hit shows are read (building whole Article objects, or even parsing
    each stored record, would cost more than the snippets).
    """
    ids = list(dict.fromkeys(i for i, _ in ranked))
    rows: dict[str, tuple[object, ...]] = {}
    sources: dict[str, int] = {}
    # the lead and body read out of the stored record by the database
    lead, body = store.json_field("record", "lead"), store.json_field("record", "body")
    for chunk in chunks(ids):
        for row in store.select(
            f"SELECT id, title, source, published, url, {lead}, {body}, terms, spans"
            f" FROM articles WHERE id IN ({placeholders(chunk)})",
            chunk,
        ):
            rows[str(row[0])] = tuple(row)
        for aid, n in store.select(
            "SELECT article_id, count(*) FROM article_sources"
            f" WHERE article_id IN ({placeholders(chunk)}) GROUP BY article_id",
            chunk,
        ):
            sources[str(aid)] = int(str(n))
    hits = []
    for aid, score in ranked:
        if (found := rows.get(aid)) is not None:
            _, title, source, published, url, lead_text, body_text, terms, spans = found
            hits.append(
                hit_of(
                    aid,
                    str(title),
                    str(source),
                    None if published is None else str(published),
                    None if url is None else str(url),
                    None if lead_text is None else str(lead_text),
                    str(body_text or ""),
                    sources.get(aid, 0),
                    score,
                    query,
                    scan=SNIPPET_SCAN,
                    terms=str(terms).split(),
                    spans=bytes(spans) if isinstance(spans, bytes | memoryview) else None,
                )
            )
    return hits


def search_page(
    store: Store, text: str, filters: Filters, *, limit: int = 20, offset: int = 0
) -> SearchPage:
    """One page of hits for ``text`` under ``filters``, with the total and facets of all matches."""
    query = parse_query(text)
    ranked = store.search(query, filters, FACET_DEPTH, 0)
    page = ranked[max(0, offset) : max(0, offset) + max(0, limit)]
    ids = [i for i, _ in ranked]
    return SearchPage(
        hits_for(store, query, page), len(ids), len(ids) >= FACET_DEPTH, facets(store, ids)
    )


def facets(store: Store, ids: Sequence[str], rows: FacetRows | None = None) -> Facets:
    """Sources, entities, entity and event types, and months among the articles ``ids``.

    Counted from each article's row of ``article_facets`` (its distinct values, written at
    ingest), read by primary key (or from ``rows``, kept by the caller): the same counts as
    grouping the rows of ``article_sources``, ``entities`` and ``events`` of every match, for a
    fraction of the cost.
    """
    if not ids:
        return Facets()
    found = rows.get(store, ids) if rows is not None else list(facet_rows(store, ids).values())
    months = Counter(r[0][:7] for r in found if r[0] is not None)
    sources = Counter(chain.from_iterable(r[1] for r in found))
    entity_types = Counter(chain.from_iterable(r[2] for r in found))
    event_types = Counter(chain.from_iterable(r[3] for r in found))
    entities = Counter(chain.from_iterable(r[4] for r in found))
    # an article lists each (key, type) once, with its own spelling: add up over spellings,
    # shown with the longest-sorting one (items of one (key, type) differ only in the name)
    several = rows.several if rows is not None else spellings(entities)
    merged: dict[str, tuple[int, str]] = {}
    for item in entities.keys() & several.keys():
        key_type, count = several[item], entities.pop(item)
        if (kept := merged.get(key_type)) is not None:
            count, item = count + kept[0], max(item, kept[1])
        merged[key_type] = (count, item)
    entities.update(dict((item, count) for count, item in merged.values()))
    n = _FACET_VALUES
    return Facets(
        sources=_top(sources, n),
        entities=_top_entities(entities, n),
        entity_types=_top(entity_types, n),
        event_types=_top(event_types, n),
        months=sorted(months.items(), reverse=True)[:n],
    )


def _top_entities(counts: Counter[str], n: int) -> list[tuple[str, str, int]]:
    """The ``n`` most frequent ``key UNIT type UNIT name`` items as ``(name, type, count)``,
    ties in ``(key, type)`` order (UNIT sorts below every character of a key)."""
    if not counts or n <= 0:
        return []
    cut = heapq.nlargest(n, counts.values())[-1]
    chosen = sorted((-c, item) for item, c in counts.items() if c >= cut)[:n]
    out = []
    for c, item in chosen:
        key_type, _, name = item.rpartition(UNIT)
        out.append((name, key_type.rpartition(UNIT)[2], -c))
    return out


def _top(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda r: (-r[1], r[0]))[:n]


def search_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    text: str | None = None,
    limit: int = 20,
    offset: int = 0,
    merged: dict[tuple[str, str], str] | None = None,
) -> list[QuoteHit]:
    """Quotes by ``speaker`` (variants merged) and/or containing the words of ``text``.

    ``merged``: the archive's name variants (:func:`~marsad.archive.views.merge_variants`), if kept.
    """
    keys = resolve_name(store, speaker, merged=merged) if speaker else ()
    query = parse_query(text or "")
    where, params = ["1 = 1"], list[object]()
    if keys:
        where.append(f"q.speaker_key IN ({placeholders(keys)})")
        params += keys
    if not query.is_empty():
        ranked = store.search(query, Filters(speaker_keys=keys), FACET_DEPTH, 0)
        if not ranked:
            return []
        ids = [i for i, _ in ranked]
        where.append(f"q.article_id IN ({placeholders(ids)})")
        params += ids
    sql = (
        "SELECT q.article_id, q.idx, a.title, a.published, q.speaker_text, q.verb, q.kind, q.text"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {' AND '.join(where)}"
        " ORDER BY a.published DESC, q.article_id, q.idx"
    )
    if query.is_empty():
        rows = store.select(sql + " LIMIT ? OFFSET ?", [*params, max(0, limit), max(0, offset)])
    else:
        rows = [r for r in store.select(sql, params) if _contains(str(r[7]), query)]
        rows = rows[max(0, offset) : max(0, offset) + max(0, limit)]
    return [
        QuoteHit(str(r[0]), int(str(r[1])), str(r[2]), _opt(r[3]), *map(str, r[4:])) for r in rows
    ]


def _contains(text: str, query: Query) -> bool:
    found = set(terms(text))
    if query.any_term:
        return bool(found & query.words()) or any(
            t.startswith(p) for t in found for p in query.prefixes
        )
    return query.words() <= found and all(
        any(t.startswith(p) for t in found) for p in query.prefixes
    )


def search_events(
    store: Store,
    *,
    type: str | None = None,
    agent: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
    merged: dict[tuple[str, str], str] | None = None,
) -> list[EventRow]:
    """Events by type, agent (name variants merged) and date (the event's, else the article's)."""
    where, params = ["1 = 1"], list[object]()
    when = "substr(coalesce(ev.date, a.published), 1, 10)"
    if type:
        where.append("ev.type = ?")
        params.append(type)
    if agent:
        keys = resolve_name(store, agent, merged=merged)
        where.append(f"ev.agent_key IN ({placeholders(keys)})")
        params += keys
    if since:
        where.append(f"{when} >= ?")
        params.append(since[:10])
    if until:
        where.append(f"{when} <= ?")
        params.append(until[:10])
    rows = store.select(
        "SELECT ev.article_id, ev.idx, a.title, a.published, ev.type, ev.trigger, ev.agent_key,"
        " ev.target_key, ev.participant_keys, ev.place_key, ev.date FROM events ev"
        f" JOIN articles a ON a.id = ev.article_id WHERE {' AND '.join(where)}"
        f" ORDER BY {when} DESC, ev.article_id, ev.idx LIMIT ? OFFSET ?",
        [*params, max(0, limit), max(0, offset)],
    )
    names = _names(store, sorted({str(r[0]) for r in rows}))

    def name(aid: object, key: object) -> str | None:
        return None if not key else names.get((str(aid), str(key)), str(key))

    return [
        EventRow(
            str(r[0]),
            int(str(r[1])),
            str(r[2]),
            _opt(r[3]),
            str(r[4]),
            str(r[5]),
            name(r[0], r[6]),
            name(r[0], r[7]),
            tuple(n for k in str(r[8] or "").split("|") if k and (n := name(r[0], k))),
            name(r[0], r[9]),
            _opt(r[10]),
        )
        for r in rows
    ]


def _names(store: Store, article_ids: Sequence[str]) -> dict[tuple[str, str], str]:
    """The written names of entity keys in these articles."""
    if not article_ids:
        return {}
    rows = store.select(
        "SELECT article_id, key, max(name) FROM entities"
        f" WHERE article_id IN ({placeholders(article_ids)}) GROUP BY article_id, key",
        list(article_ids),
    )
    return {(str(a), str(k)): str(n) for a, k, n in rows}


def latest_stories(store: Store, *, limit: int = 20, offset: int = 0) -> list[StoryRow]:
    """Stories newest first (an article not yet in a story counts as its own)."""
    rows = store.select(
        "SELECT coalesce(story, id), count(*), max(coalesce(published, '')) FROM articles"
        " GROUP BY coalesce(story, id) ORDER BY 3 DESC, 1 LIMIT ? OFFSET ?",
        [max(0, limit), max(0, offset)],
    )
    if not rows:
        return []
    stories = [str(r[0]) for r in rows]
    heads: dict[str, tuple[object, ...]] = {}
    for row in store.select(
        "SELECT coalesce(story, id), id, title, source, published FROM articles"
        f" WHERE coalesce(story, id) IN ({placeholders(stories)})"
        " ORDER BY coalesce(published, '') DESC, id",
        stories,
    ):
        heads.setdefault(str(row[0]), row)
    counts = {str(r[0]): int(str(r[1])) for r in rows}
    return [
        StoryRow(s, counts[s], str(h[1]), str(h[2]), str(h[3]), _opt(h[4]))
        for s in stories
        if (h := heads.get(s))
    ]


def story_articles(store: Store, story: str, *, limit: int = 200) -> list[StoryRow]:
    """The articles of one story, newest first."""
    rows = store.select(
        "SELECT id, title, source, published FROM articles WHERE coalesce(story, id) = ?"
        " ORDER BY coalesce(published, '') DESC, id LIMIT ?",
        [story, limit],
    )
    return [StoryRow(story, len(rows), str(i), str(t), str(s), _opt(p)) for i, t, s, p in rows]
