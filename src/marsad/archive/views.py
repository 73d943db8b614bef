"""Entity and quote views: an entity across the archive, its name variants merged.

One person is written «أحمد ناصر المحمد الصباح» in one article and «أحمد الناصر» in another.
:func:`merge_variants` merges a shorter name into a longer one of the same type when the
evidence supports it, and only then:

* the shorter name has at least two words, and its words appear, in order, among the longer
  name's words (the article ``ال`` aside: «الناصر» is «ناصر»), starting with the same first name;
* every longer name it could belong to is one and the same person (after merging): a name that
  fits two different people stays on its own.

A first name alone, or a family name alone, is never merged: «أحمد» is a thousand people.
"""

from __future__ import annotations

import heapq
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..text import join_name_words
from .facetrows import FacetRow, FacetRows, facet_rows
from .model import Filters
from .sqlbase import UNIT, name_key, placeholders
from .store import Store

__all__ = [
    "EntityProfile",
    "Meeting",
    "Name",
    "QuoteRow",
    "entity_names",
    "entity_profile",
    "merge_variants",
    "resolve_name",
    "warm_profiles",
]

_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class Name:
    """A distinct entity name in the archive: its matching key, a written form, its type."""

    key: str
    name: str
    type: str
    articles: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    published: str | None
    speaker_text: str
    verb: str
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """An event the entity took part in, with the other parties named."""

    article_id: str
    published: str | None
    type: str
    trigger: str
    others: tuple[str, ...]
    date: str | None


@dataclass(slots=True)
class EntityProfile:
    """Everything the archive knows about one entity (its variants merged)."""

    key: str
    name: str
    type: str
    variants: list[str]
    articles: int
    timeline: list[tuple[str, int]] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    cooccurring: list[tuple[str, str, int]] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    met: list[tuple[str, int]] = field(default_factory=list)


def entity_names(store: Store) -> list[Name]:
    """Every distinct (name, type) in the archive with how many articles name it."""
    rows = store.select(
        "SELECT key, type, max(name), count(DISTINCT article_id) FROM entities GROUP BY key, type"
    )
    return [Name(str(k), str(n), str(t), int(str(c))) for k, t, n, c in rows]


def _words(key: str) -> tuple[str, ...]:
    return tuple(
        w[len(_ARTICLE) :] if w.startswith(_ARTICLE) and len(w) > len(_ARTICLE) + 2 else w
        for w in join_name_words(key.split())
    )


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def merge_variants(names: Sequence[Name]) -> dict[tuple[str, str], str]:
    """``(key, type) -> canonical key`` for every name; a name unmerged maps to itself."""
    by_first: dict[tuple[str, str], list[Name]] = defaultdict(list)
    for n in names:
        words = _words(n.key)
        if words:
            by_first[(n.type, words[0])].append(n)
    spelled: dict[tuple[str, tuple[str, ...]], str] = {}  # one spelling per written-apart form
    canonical: dict[tuple[str, str], str] = {}
    for n in sorted(names, key=lambda n: (-len(_words(n.key)), n.key)):
        same = spelled.setdefault((n.type, _words(n.key)), n.key)
        canonical[(n.key, n.type)] = (
            canonical[(same, n.type)] if same != n.key else _canonical(n, by_first, canonical)
        )
    return canonical


def _canonical(
    n: Name,
    by_first: dict[tuple[str, str], list[Name]],
    canonical: dict[tuple[str, str], str],
) -> str:
    words = _words(n.key)
    if len(words) < 2:
        return n.key
    owners = {
        canonical[(o.key, o.type)]
        for o in by_first[(n.type, words[0])]
        if len(_words(o.key)) > len(words) and _subsequence(words, _words(o.key))
    }
    return owners.pop() if len(owners) == 1 else n.key


def resolve_name(
    store: Store,
    name: str,
    type: str | None = None,
    *,
    merged: dict[tuple[str, str], str] | None = None,
) -> tuple[str, ...]:
    """The keys of ``name`` and of every variant merged with it (just its own key if none).

    ``merged`` is :func:`merge_variants` of :func:`entity_names`, when the caller keeps it.
    """
    key = name_key(name)
    merged = merge_variants(entity_names(store)) if merged is None else merged
    targets = {c for (k, t), c in merged.items() if k == key and (type is None or t == type)}
    keys = {k for (k, t), c in merged.items() if c in targets and (type is None or t == type)}
    return tuple(sorted(keys | {key}))


def entity_profile(
    store: Store,
    name: str,
    *,
    type: str | None = None,
    limit: int = 20,
    by: str = "month",
    variants: tuple[Sequence[Name], dict[tuple[str, str], str]] | None = None,
    rows: FacetRows | None = None,
) -> EntityProfile | None:
    """An entity's articles over time, quotes, co-occurring entities and meetings.

    ``variants`` is ``(entity_names(store), merge_variants(names))`` when the caller keeps it
    (a server does: it costs seconds on a large archive); ``rows``, the articles' facet rows
    it keeps (:class:`~marsad.archive.facetrows.FacetRows`).
    """
    names = entity_names(store) if variants is None else variants[0]
    merged = merge_variants(names) if variants is None else variants[1]
    index = _index(names, merged)
    key = name_key(name)
    mine = [n for n in index.by_key.get(key, ()) if type is None or n.type == type]
    if not mine:
        return None
    head = max(mine, key=lambda n: n.articles)
    target = merged[(head.key, head.type)]
    group = index.groups[(head.type, target)]
    keys = tuple(sorted({n.key for n in group}))
    full = next((n for n in group if n.key == target), head)
    # one row per article naming the entity: its date and its entities (article_facets)
    ids = [
        str(r[0])
        for r in store.select(
            f"SELECT DISTINCT article_id FROM entities WHERE key IN ({placeholders(keys)})", keys
        )
    ]
    found = rows.get(store, ids) if rows is not None else list(facet_rows(store, ids).values())
    profile = EntityProfile(
        target, full.name, head.type, sorted({n.name for n in group}), len(found)
    )
    profile.timeline = _timeline(found, 10 if by == "day" else 7)
    profile.quotes = _quotes(store, keys, limit)
    profile.cooccurring = _cooccurring(found, keys, index, limit, (target, head.type))
    profile.meetings, profile.met = _meetings(store, keys, limit, index.written)
    return profile


def warm_profiles(
    variants: tuple[Sequence[Name], dict[tuple[str, str], str]], rows: FacetRows
) -> int:
    """Merge now the entities of every article whose facet row ``rows`` keeps (what each
    entity page counts its co-occurring entities from); how many articles."""
    index = _index(*variants)
    items = rows.entity_items()
    for found in items:
        index.targets_in(found)
    return len(items)


class _NameIndex:
    """Lookups over the archive's names, so that a profile does not scan them all each time:
    names by key, the names of each merged group (both in the order of ``names``), and the
    written form of each ``(key, type)`` and of each key (the last name listed wins)."""

    def __init__(self, names: Sequence[Name], merged: dict[tuple[str, str], str]) -> None:
        self.names, self.merged = names, merged
        self.by_key: dict[str, list[Name]] = defaultdict(list)
        self.groups: dict[tuple[str, str], list[Name]] = defaultdict(list)
        for n in names:
            self.by_key[n.key].append(n)
            self.groups[(n.type, merged[(n.key, n.type)])].append(n)
        self.written_typed = {(n.key, n.type): n.name for n in names}
        self.written = {n.key: n.name for n in names}
        #: what :meth:`target_of` found, by item
        self.targets: dict[str, tuple[str, str, tuple[str, str]]] = {}
        #: what :meth:`targets_in` found, by an article's items
        self.articles: dict[tuple[str, ...], tuple[int, ...]] = {}
        #: the entities numbered by :meth:`code`, and their numbers
        self.entities: list[tuple[str, str]] = []
        self.codes: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def target_of_key(self, key: str, type_: str) -> tuple[str, str]:
        """The ``(key, type)`` that the variants of ``key`` as a ``type`` merge into."""
        return (self.merged.get((key, type_), key), type_)

    def code(self, entity: tuple[str, str]) -> int:
        """A number standing for an entity ``(key, type)`` (variants merged) in
        :meth:`targets_in` (counting numbers is cheaper than counting pairs)."""
        found = self.codes.get(entity)
        if found is None:
            with self._lock:
                found = self.codes.setdefault(entity, len(self.codes))
                if found == len(self.entities):
                    self.entities.append(entity)
        return found

    def targets_in(self, items: tuple[str, ...]) -> tuple[int, ...]:
        """The distinct entities (variants merged, as :meth:`code` numbers them) of an
        article's ``article_facets`` items; kept, as each article comes again in the profile
        of every entity it names."""
        found = self.articles.get(items)
        if found is None:
            found = tuple(dict.fromkeys(self.code(self.target_of(i)[2]) for i in items))
            if len(self.articles) >= _ARTICLES_KEPT:
                self.articles.clear()
            self.articles[items] = found
        return found

    def target_of(self, item: str) -> tuple[str, str, tuple[str, str]]:
        """An ``article_facets`` entity item's key, its ``key UNIT type``, and the
        ``(key, type)`` its variants merge into; kept, as the same items come again."""
        found = self.targets.get(item)
        if found is None:
            key_type = item.rpartition(UNIT)[0]
            key, _, type_ = key_type.partition(UNIT)
            found = (key, key_type, (self.merged.get((key, type_), key), type_))
            if len(self.targets) >= _ITEMS_KEPT:
                self.targets.clear()
            self.targets[item] = found
        return found


#: Parsed entity items a name index keeps (about 150 bytes each).
_ITEMS_KEPT = 400_000
#: Articles whose merged entities a name index keeps (a few hundred bytes each).
_ARTICLES_KEPT = 200_000


_last_index: _NameIndex | None = None


def _index(names: Sequence[Name], merged: dict[tuple[str, str], str]) -> _NameIndex:
    """The index of these very objects: a server passes the same ones until the archive grows."""
    global _last_index
    found = _last_index
    if found is None or found.names is not names or found.merged is not merged:
        found = _last_index = _NameIndex(names, merged)
    return found


def _timeline(rows: list[FacetRow], width: int) -> list[tuple[str, int]]:
    """Articles per period (the first ``width`` characters of their date), oldest first."""
    return sorted(Counter(r[0][:width] for r in rows if r[0] is not None).items())


def _quotes(store: Store, keys: tuple[str, ...], limit: int) -> list[QuoteRow]:
    rows = store.select(
        "SELECT q.article_id, a.published, q.speaker_text, q.verb, q.kind, q.text FROM quotes q"
        f" JOIN article_facets a ON a.article_id = q.article_id"
        f" WHERE q.speaker_key IN ({placeholders(keys)})"
        " ORDER BY a.published DESC, q.article_id, q.idx LIMIT ?",
        [*keys, limit],
    )
    return [
        QuoteRow(str(r[0]), None if r[1] is None else str(r[1]), *map(str, r[2:])) for r in rows
    ]


def _cooccurring(
    rows: list[FacetRow],
    keys: tuple[str, ...],
    index: _NameIndex,
    limit: int,
    own: tuple[str, str],
) -> list[tuple[str, str, int]]:
    """The entities named with these keys (variants merged: ``own``), by the articles naming
    both: an article counts for an entity when it names it under a key other than these."""
    articles = [r[4] for r in rows if r[4]]
    per_article = list(map(index.targets_in, articles))
    counts = Counter(chain.from_iterable(per_article))
    code = index.code
    counts.pop(code(own), 0)  # every key of this entity is one of these
    # any other entity these keys name (as another type): only articles naming it under
    # another key count
    mine = set(keys)
    named = {code(index.target_of_key(k, n.type)) for k in mine for n in index.by_key.get(k, ())}
    for target in named & counts.keys():
        entity = index.entities[target]
        counts[target] = sum(
            1
            for items, found in zip(articles, per_article, strict=True)
            if target in found
            and any(t[2] == entity and t[0] not in mine for t in map(index.target_of, items))
        )
    counts = +counts  # those left at 0 go
    if not counts or limit <= 0:
        return []
    written = index.written_typed
    cut = heapq.nlargest(limit, counts.values())[-1]
    entities = index.entities
    ranked = sorted(((-n, entities[k]) for k, n in counts.items() if n >= cut))[:limit]
    return [(written.get(k, k[0]), k[1], -n) for n, k in ranked]


def _meetings(
    store: Store, keys: tuple[str, ...], limit: int, written: dict[str, str]
) -> tuple[list[Meeting], list[tuple[str, int]]]:
    rows = store.select(
        "SELECT ev.article_id, a.published, ev.type, ev.trigger, ev.agent_key, ev.target_key,"
        " ev.participant_keys, ev.date FROM (SELECT DISTINCT article_id, idx FROM event_parties"
        f" WHERE key IN ({placeholders(keys)})) p"
        " JOIN events ev ON ev.article_id = p.article_id AND ev.idx = p.idx"
        " JOIN article_facets a ON a.article_id = ev.article_id"
        " ORDER BY a.published DESC, ev.article_id, ev.idx",
        keys,
    )
    meetings: list[Meeting] = []
    met = Counter[str]()
    mine = {*keys, ""}
    for aid, published, type_, trigger, agent, target, participants, when in rows:
        parties = {str(agent or ""), str(target or ""), *str(participants or "").split("|")}
        others = tuple(sorted(written.get(p, p) for p in parties - mine))
        met.update(others)
        if len(meetings) < limit:  # every event counts in ``met``; the newest are listed
            meetings.append(
                Meeting(str(aid), _text(published), str(type_), str(trigger), others, _text(when))
            )
    return meetings, met.most_common(limit)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def entity_filters(store: Store, name: str, type: str | None = None) -> Filters:
    """Filters selecting the articles that name ``name`` or a merged variant of it."""
    return Filters(entity_keys=resolve_name(store, name, type), entity_type=type)
