"""Stories and «read also»: related articles on the same event, found through the index.

An article's characteristic terms are its words weighted by tf-idf (document frequencies from the
archive's own index, news stopwords of :data:`~marsad.archive.data.TOPIC_STOPWORDS` left out).
Candidates are the best bm25 matches of those terms published within :data:`WINDOW_DAYS` days;
each is scored by the cosine of the two tf-idf vectors, plus :data:`ENTITY_WEIGHT` times the
Jaccard overlap of their entities when both have some. Near-duplicates (same group) are the same
text, not related reading, and are left out.

A story is a set of articles whose score reaches :data:`STORY_SIMILARITY`: :func:`assign_stories`
puts each article not yet in a story into the story of its best such candidate, or starts one.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from . import data
from .model import Filters, Query
from .sqlbase import chunks, placeholders
from .store import Store

__all__ = [
    "ENTITY_WEIGHT",
    "STORY_SIMILARITY",
    "WINDOW_DAYS",
    "Related",
    "assign_stories",
    "build_related",
    "related",
]

WINDOW_DAYS = 3
STORY_SIMILARITY = 0.3
ENTITY_WEIGHT = 0.2
_QUERY_TERMS = 12
_CANDIDATES = 30


@dataclass(frozen=True, slots=True)
class Related:
    """One «read also» entry."""

    id: str
    title: str
    source: str
    published: str | None
    score: float
    same_story: bool


@dataclass(slots=True)
class _Doc:
    id: str
    title: str
    source: str
    published: str | None
    terms: Counter[str]
    group: str
    story: str | None
    entities: frozenset[str]


class IdfWeights:
    """idf of terms, from the store's index, cached while the object lives.

    Document frequencies move slowly, so one object may serve many «read also» lists
    (the archive keeps one for a few minutes); a run of story assignment uses its own.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.total = max(1, int(str(store.select("SELECT count(*) FROM articles")[0][0])))
        self.cache: dict[str, float] = {}
        #: article id -> the sum of its vector's squared weights (a norm, squared)
        self.squares: dict[str, float] = {}

    def idf(self, terms: Sequence[str]) -> dict[str, float]:
        missing = [t for t in terms if t not in self.cache]
        if missing:
            found = self.store.doc_freq(missing)
            for term in missing:
                self.cache[term] = math.log((self.total + 1) / (found.get(term, 0) + 1)) + 1
        return {t: self.cache[t] for t in terms}

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        stop, cache = data.TOPIC_STOPWORDS, self.cache
        missing = [t for t in counts if t not in cache and t not in stop]
        if missing:
            self.idf(missing)
        tf = _TF
        return {t: (tf[n] if n < _TF_SIZE else 1 + math.log(n)) * cache[t]
                for t, n in counts.items() if t not in stop}  # fmt: skip

    def weight(self, term: str, n: int) -> float:
        """The weight of a term seen ``n`` times (its idf already known), as in :meth:`vector`."""
        return (_TF[n] if n < _TF_SIZE else 1 + math.log(n)) * self.cache[term]

    def squares_of(self, doc: _Doc) -> float:
        """``sum(w * w for w in vector(doc.terms).values())``, kept per article."""
        found = self.squares.get(doc.id)
        if found is None:
            found = self.squares[doc.id] = sum(w * w for w in self.vector(doc.terms).values())
        return found


#: ``1 + log(n)`` for the term counts most articles have.
_TF_SIZE = 256
_TF = [0.0] + [1 + math.log(n) for n in range(1, _TF_SIZE)]


def _load(store: Store, ids: Sequence[str]) -> list[_Doc]:
    if not ids:
        return []
    marks = placeholders(ids)
    rows = store.select(
        "SELECT id, title, source, published, terms, dup_group, story FROM articles"
        f" WHERE id IN ({marks})",
        list(ids),
    )
    entities: dict[str, set[str]] = {}
    for aid, key in store.select(
        f"SELECT article_id, key FROM entities WHERE article_id IN ({marks})", list(ids)
    ):
        entities.setdefault(str(aid), set()).add(str(key))
    docs = {
        str(r[0]): _Doc(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            None if r[3] is None else str(r[3]),
            Counter(str(r[4]).split()),
            str(r[5]),
            None if r[6] is None else str(r[6]),
            frozenset(entities.get(str(r[0]), ())),
        )
        for r in rows
    }
    return [docs[i] for i in ids if i in docs]


def _cosine(
    a: dict[str, float], a_squares: float, b: _Doc, b_squares: float, weights: IdfWeights
) -> float:
    """The cosine of ``a`` and the vector of ``b``: only b's weights of a's terms are needed
    (each term of ``a`` has its idf known), and b's squared norm is kept per article. The sum
    runs over ``a`` in order, as ``sum(w * vector(b).get(t, 0.0) ...)`` would: same result."""
    counts, weight = b.terms, weights.weight
    dot = sum(w * weight(t, n) if (n := counts.get(t)) else 0.0 for t, w in a.items())
    norm = math.sqrt(a_squares * b_squares)
    return dot / norm if norm else 0.0


def _window(published: str | None) -> Filters:
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return Filters()
    span = timedelta(days=WINDOW_DAYS)
    return Filters(since=(day - span).isoformat(), until=(day + span).isoformat())


def _scored(store: Store, doc: _Doc, weights: IdfWeights) -> list[tuple[float, _Doc]]:
    vector = weights.vector(doc.terms)
    top = sorted(vector, key=lambda t: (-vector[t], t))[:_QUERY_TERMS]
    if not top:
        return []
    hits = store.search(
        Query(terms=tuple(top), any_term=True), _window(doc.published), _CANDIDATES, 0
    )
    candidates = _load(store, [i for i, _ in hits if i != doc.id])
    scored = []
    squares = sum(w * w for w in vector.values())
    for other in candidates:
        if other.group == doc.group:
            continue
        score = _cosine(vector, squares, other, weights.squares_of(other), weights)
        if doc.entities and other.entities:
            overlap = len(doc.entities & other.entities) / len(doc.entities | other.entities)
            score += ENTITY_WEIGHT * overlap
        scored.append((score, other))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return scored


def related(
    store: Store, article_id: str, limit: int = 10, weights: IdfWeights | None = None
) -> list[Related]:
    """The «read also» list of an archived article, best first (empty for an unknown id).

    Read from ``related_lists`` when stories have been assigned since the article arrived
    (:func:`assign_stories` keeps those lists), else computed now. Titles and stories are read
    as they are now, so an entry is marked ``same_story`` by the stories of today.
    """
    stored = store.select(
        "SELECT r.items, a.story FROM related_lists r JOIN articles a ON a.id = r.article_id"
        " WHERE r.article_id = ?",
        [article_id],
    )
    if stored:
        items, story = stored[0]
        pairs = [(str(i), float(str(x))) for i, x in json.loads(str(items))[: max(0, limit)]]
        return _entries(store, pairs, None if story is None else str(story))
    found = _load(store, [article_id])
    if not found:
        return []
    doc = found[0]
    pairs = [(o.id, score) for score, o in _scored(store, doc, weights or IdfWeights(store))]
    return _entries(store, pairs[: max(0, limit)], doc.story)


def _entries(store: Store, pairs: Sequence[tuple[str, float]], story: str | None) -> list[Related]:
    """«Read also» entries for ``(id, score)`` pairs, with the others' titles as archived."""
    if not pairs:
        return []
    rows = store.select(
        "SELECT id, title, source, published, story FROM articles"
        f" WHERE id IN ({placeholders(pairs)})",
        [i for i, _ in pairs],
    )
    found = {str(r[0]): r for r in rows}
    out = []
    for aid, score in pairs:
        if (row := found.get(aid)) is None:
            continue
        same = score >= STORY_SIMILARITY or (story is not None and row[4] == story)
        published = None if row[3] is None else str(row[3])
        out.append(Related(aid, str(row[1]), str(row[2]), published, round(score, 4), same))
    return out


def assign_stories(
    store: Store, *, batch: int = 200, progress: Callable[[int], None] | None = None
) -> int:
    """Put every article not yet in a story into one, and keep the «read also» lists; returns
    how many articles were placed.

    Each article placed gets its list of related candidates stored (``related_lists``, as
    :func:`related` would compute it now), and is added to the stored list of each of its
    candidates when it scores among their best (the score is symmetric), so that an older
    article's list shows what arrived after it. Articles archived before the lists existed, or
    without stories, get theirs here too.
    """
    weights = IdfWeights(store)
    placed = 0
    fresh: set[str] = set()  # lists made in this run: they know every article placed in it
    while True:
        ids = [
            str(r[0])
            for r in store.select(
                "SELECT id FROM articles WHERE story IS NULL ORDER BY published, id LIMIT ?",
                [batch],
            )
        ]
        if not ids:
            break
        pending: dict[str, str] = {}
        groups: dict[str, str] = {}
        lists: dict[str, list[tuple[float, _Doc]]] = {}
        for doc in _load(store, ids):
            scored = lists[doc.id] = _scored(store, doc, weights)
            story = groups.get(doc.group) or _story_of(store, doc, scored, pending)
            pending[doc.id] = groups[doc.group] = story
        store.set_stories(list(pending.items()))
        fresh.update(lists)
        _keep_related(store, lists, fresh)
        placed += len(pending)
        if progress is not None:
            progress(placed)
    build_related(store, weights)
    return placed


def build_related(store: Store, weights: IdfWeights | None = None, *, batch: int = 200) -> int:
    """Store the «read also» lists of the articles that have none; returns how many."""
    weights = weights or IdfWeights(store)
    done = 0
    while True:
        ids = [
            str(r[0])
            for r in store.select(
                "SELECT a.id FROM articles a LEFT JOIN related_lists r ON r.article_id = a.id"
                " WHERE r.article_id IS NULL ORDER BY a.published, a.id LIMIT ?",
                [batch],
            )
        ]
        if not ids:
            return done
        lists = {doc.id: _scored(store, doc, weights) for doc in _load(store, ids)}
        _keep_related(store, lists, None)
        done += len(ids)


def _keep_related(
    store: Store, lists: dict[str, list[tuple[float, _Doc]]], fresh: set[str] | None
) -> None:
    """Write the lists of these articles; new ones (``fresh``: the lists made since they
    arrived) are also added to the stored lists of their candidates made before them.

    Without ``fresh`` (lists made for articles archived long ago) no other list changes: each
    list made now already knows every article in the archive.
    """
    if not lists:
        return
    rows: dict[str, list[tuple[str, float]]] = {
        aid: [(other.id, score) for score, other in scored] for aid, scored in lists.items()
    }
    if fresh is None:
        fresh = set(lists)
        neighbours: list[str] = []
    else:
        neighbours = sorted({o.id for scored in lists.values() for _, o in scored} - fresh)
    for chunk in chunks(neighbours):
        for aid, items in store.select(
            f"SELECT article_id, items FROM related_lists WHERE article_id IN"
            f" ({placeholders(chunk)})",
            chunk,
        ):
            rows[str(aid)] = [(str(o), float(str(x))) for o, x in json.loads(str(items))]
    changed = set(lists)
    for aid, scored in lists.items():
        for score, other in scored:
            theirs = rows.get(other.id)
            if theirs is None or other.id in fresh:
                continue  # no list yet (it will be made whole), or made knowing ``aid``
            merged = _merge(theirs, aid, score)
            if merged != theirs:
                rows[other.id] = merged
                changed.add(other.id)
    store.write(
        [
            (
                "INSERT INTO related_lists (article_id, items) VALUES (?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET items = excluded.items",
                (aid, json.dumps([[o, x] for o, x in rows[aid]])),
            )
            for aid in sorted(changed)
        ]
    )


def _merge(items: list[tuple[str, float]], aid: str, score: float) -> list[tuple[str, float]]:
    """``items`` with ``aid`` scoring ``score`` in its place (best first, ties by id), at
    most :data:`_CANDIDATES` long."""
    out = [(o, x) for o, x in items if o != aid] + [(aid, score)]
    out.sort(key=lambda pair: (-pair[1], pair[0]))
    return out[:_CANDIDATES]


def _story_of(
    store: Store,
    doc: _Doc,
    scored: list[tuple[float, _Doc]],
    pending: dict[str, str],
) -> str:
    """The story of the best related article at or above the threshold, else a new one."""
    copies = store.select(
        "SELECT story FROM articles WHERE dup_group = ? AND story IS NOT NULL LIMIT 1", [doc.group]
    )
    if copies:
        return str(copies[0][0])
    for score, other in scored:
        if score < STORY_SIMILARITY:
            break
        story = pending.get(other.id) or other.story
        if story:
            return story
    return doc.id
