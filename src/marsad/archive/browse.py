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

from collections.abc import Sequence
from dataclasses import dataclass, field

from .analyzer import terms
from .model import Filters, Hit, Query
from .query import parse_query
from .snippets import make_hit
from .store import Store
from .views import resolve_name

__all__ = [
    "FACET_DEPTH",
    "SNIPPET_SCAN",
    "EventRow",
    "Facets",
    "QuoteHit",
    "SearchPage",
    "StoryRow",
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


def _marks(items: Sequence[object]) -> str:
    return ", ".join("?" * len(items))


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def hits_for(store: Store, query: Query, ranked: Sequence[tuple[str, float]]) -> list[Hit]:
    """Search hits, with snippets of the original text, for ranked ``(id, score)`` pairs."""
    stored = {s.article.id: s for s in store.get([i for i, _ in ranked])}
    hits = []
    for aid, score in ranked:
        if aid in stored:
            hits.append(make_hit(aid, stored[aid], score, query, scan=SNIPPET_SCAN))
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


def facets(store: Store, ids: Sequence[str]) -> Facets:
    """Sources, entities, entity and event types, and months among the articles ``ids``."""
    if not ids:
        return Facets()
    marks, n = _marks(ids), _FACET_VALUES

    def counts(sql: str) -> list[tuple[str, int]]:
        rows = store.select(sql.format(marks=marks), list(ids))
        ranked = sorted(((str(v), int(str(c))) for v, c in rows), key=lambda r: (-r[1], r[0]))
        return ranked[:n]

    out = Facets(
        sources=counts(
            "SELECT source, count(DISTINCT article_id) FROM article_sources"
            " WHERE article_id IN ({marks}) GROUP BY source"
        ),
        entity_types=counts(
            "SELECT type, count(DISTINCT article_id) FROM entities"
            " WHERE article_id IN ({marks}) GROUP BY type"
        ),
        event_types=counts(
            "SELECT type, count(DISTINCT article_id) FROM events"
            " WHERE article_id IN ({marks}) GROUP BY type"
        ),
    )
    months = store.select(
        f"SELECT substr(published, 1, 7), count(*) FROM articles WHERE id IN ({marks})"
        " AND published IS NOT NULL GROUP BY 1 ORDER BY 1 DESC",
        list(ids),
    )
    out.months = [(str(m), int(str(c))) for m, c in months][:n]
    rows = store.select(
        f"SELECT max(name), type, count(DISTINCT article_id) FROM entities"
        f" WHERE article_id IN ({marks}) GROUP BY key, type",
        list(ids),
    )
    ranked = sorted(((str(a), str(t), int(str(c))) for a, t, c in rows), key=lambda r: -r[2])
    out.entities = ranked[:n]
    return out


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
        where.append(f"q.speaker_key IN ({_marks(keys)})")
        params += keys
    if not query.is_empty():
        ranked = store.search(query, Filters(speaker_keys=keys), FACET_DEPTH, 0)
        if not ranked:
            return []
        ids = [i for i, _ in ranked]
        where.append(f"q.article_id IN ({_marks(ids)})")
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
        where.append(f"ev.agent_key IN ({_marks(keys)})")
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
        f" WHERE article_id IN ({_marks(article_ids)}) GROUP BY article_id, key",
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
        f" WHERE coalesce(story, id) IN ({_marks(stories)})"
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
