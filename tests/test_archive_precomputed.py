"""What the archive precomputes for the web pages (migration 4), on both backends: facet rows
give the counts of grouping the fact tables, «read also» lists stay right as articles arrive,
and entity profiles read from them equal the plain scans they replace."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from marsad import Article, Entity, Event, Mention, Quote
from marsad.archive import Archive, browse, stories
from marsad.archive.analyzer import Term, analyze
from marsad.archive.facetrows import FacetRows
from marsad.archive.prepare import fill_spans
from marsad.archive.snippets import hit_text, pack_spans, unpack_spans
from marsad.archive.sqlbase import name_key
from marsad.archive.store import Store
from marsad.archive.views import entity_names, entity_profile, merge_variants

from .builders import art


def _named(body: str, names: list[tuple[str, str, str]]) -> list[Entity]:
    """Entities ``(id, name, type)`` with one mention each where the name is in ``body``."""
    out = []
    for eid, name, type_ in names:
        at = body.find(name)
        mentions = [Mention("body", at, at + len(name), name)] if at >= 0 else []
        out.append(Entity(id=eid, type=type_, name=name, mentions=mentions))
    return out


PEOPLE = [("أحمد ناصر المحمد الصباح", "PER"), ("أحمد الناصر", "PER"), ("فؤاد حسين", "PER"),
          ("الكويت", "GPE"), ("بغداد", "GPE"), ("الكويت", "ORG"), ("الأمم المتحدة", "ORG")]  # fmt: skip


def _corpus(archive: Archive) -> list[Article]:
    """Articles naming people, places and organisations (variants, one name in two types),
    with quotes and events, from several sources and months; one seen from a second source."""
    out = []
    for i in range(14):
        chosen = [PEOPLE[j] for j in range(len(PEOPLE)) if (i + j) % 3 != 1]
        body = f"خبر رقم {i} عن " + " و".join(n for n, _ in chosen) + " في اجتماع موسع اليوم."
        ents = _named(body, [(f"e{j}", n, t) for j, (n, t) in enumerate(chosen)])
        parties = [e.id for e in ents if e.type == "PER"]
        events = [Event("meeting", Mention("body", 0, 3, body[:3]), agent=parties[0],
                        participants=parties[1:], date=f"2024-0{1 + i % 3}-0{1 + i % 7}")]  # fmt: skip
        if i % 4 == 0:
            events.append(Event("statement", Mention("body", 0, 3, body[:3]), agent=parties[-1]))
        quotes = [Quote(parties[0], ents[0].name, "قال", "direct", False, f"نرحب بالتعاون {i}",
                        "body", 0, 3)]  # fmt: skip
        a = art(f"اجتماع {i} في العاصمة", body, source=("wire", "KUNA", "AFP")[i % 3],
                published=None if i == 13 else f"2024-0{1 + i % 3}-1{i % 10}",
                entities=ents, events=events, quotes=quotes)  # fmt: skip
        out.append(a)
    assert archive.add(out) == ["new"] * len(out)
    again = art(out[2].title, out[2].body, source="elsewhere", published=out[2].published)
    assert archive.add([again]) == ["duplicate"]
    return out


def _reference_facets(store: Store, ids: list[str]) -> browse.Facets:
    """The facets by grouping the rows of every match (the computation the facet rows replace)."""
    chosen = set(ids)
    sources, types, events = defaultdict(set), defaultdict(set), defaultdict(set)
    names: dict[tuple[str, str], str] = {}
    per_entity: dict[tuple[str, str], set[str]] = defaultdict(set)
    for aid, source in store.select("SELECT article_id, source FROM article_sources"):
        if aid in chosen:
            sources[str(source)].add(str(aid))
    for aid, key, name, type_ in store.select("SELECT article_id, key, name, type FROM entities"):
        if aid in chosen:
            types[str(type_)].add(str(aid))
            per_entity[(str(key), str(type_))].add(str(aid))
            names[(str(key), str(type_))] = max(names.get((str(key), str(type_)), ""), str(name))
    for aid, type_ in store.select("SELECT article_id, type FROM events"):
        if aid in chosen:
            events[str(type_)].add(str(aid))
    months = Counter(
        str(p)[:7]
        for aid, p in store.select("SELECT id, published FROM articles")
        if aid in chosen and p is not None
    )

    def top(found: dict[str, set[str]]) -> list[tuple[str, int]]:
        return sorted(((v, len(a)) for v, a in found.items()), key=lambda r: (-r[1], r[0]))[:12]

    ranked = sorted(per_entity.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:12]
    return browse.Facets(
        sources=top(sources),
        entities=[(names[k], k[1], len(a)) for k, a in ranked],
        entity_types=top(types),
        event_types=top(events),
        months=sorted(months.items(), reverse=True)[:12],
    )


def test_facets_equal_grouping_every_match(archive: Archive) -> None:
    articles = _corpus(archive)
    every = [a.id for a in articles]
    kept = FacetRows()
    for ids in (every, every[::2], every[1:5], every[-1:], []):
        expected = _reference_facets(archive.store, ids)
        assert browse.facets(archive.store, ids) == expected
        assert browse.facets(archive.store, ids, kept) == expected  # the rows kept, and again
        assert browse.facets(archive.store, [*ids, "no-such-id"], kept) == expected
    facets = browse.facets(archive.store, every)
    assert ("elsewhere", 1) in facets.sources
    assert ("KUNA", 5) in facets.sources
    page = browse.search_page(archive.store, "اجتماع", archive.filters())
    assert page.total == len(articles)
    assert page.facets == _reference_facets(archive.store, every)


def test_kept_facet_rows_follow_the_archive_once_emptied(archive: Archive) -> None:
    articles = _corpus(archive)
    kept = FacetRows()
    first = articles[0]
    assert browse.facets(archive.store, [first.id], kept).sources == [("wire", 1)]
    archive.add([art(first.title, first.body, source="another", published=first.published)])
    kept.clear()  # what a server does when the archive changes
    assert browse.facets(archive.store, [first.id], kept).sources == [("another", 1), ("wire", 1)]
    assert kept.get(archive.store, ["no-such-id"]) == []


def test_preloaded_facet_rows_are_the_newest_and_count_alike(archive: Archive) -> None:
    articles = _corpus(archive)
    every = [a.id for a in articles]
    kept = FacetRows(size=5)
    assert kept.preload(archive.store) == 5 and len(kept) == 5
    newest = {str(r[0]) for r in archive.store.select(
        "SELECT article_id FROM article_facets ORDER BY published DESC LIMIT 5")}  # fmt: skip
    assert set(kept._rows) == newest
    whole = FacetRows()
    whole.preload(archive.store)
    assert browse.facets(archive.store, every, whole) == _reference_facets(archive.store, every)


def test_rows_read_before_an_emptying_are_not_kept_after_it(archive: Archive) -> None:
    _corpus(archive)
    kept = FacetRows()
    store = archive.store

    class Emptied:
        """A store that empties the rows while they are being read (the archive changing)."""

        def select(self, sql: str, params: list[object]) -> list[tuple[object, ...]]:
            rows = store.select(sql, params)
            kept.clear()
            return rows

    assert kept.preload(Emptied()) > 0  # type: ignore[arg-type]
    assert len(kept) == 0
    first = archive.store.select("SELECT article_id FROM article_facets LIMIT 1")[0][0]
    assert kept.get(Emptied(), [str(first)])  # type: ignore[arg-type]
    assert len(kept) == 0


#: What migration 7 changed, undone.
_BEFORE_7 = [
    ("DROP INDEX entities_key_article", ()),
    ("CREATE INDEX entities_key ON entities (key)", ()),
]


def test_the_migration_fills_facet_rows_of_an_older_archive(archive: Archive) -> None:
    """An archive made before migration 4 gets its facet rows from the fact tables."""
    articles = _corpus(archive)
    store = archive.store
    expected = browse.facets(store, [a.id for a in articles])
    query = (
        "SELECT article_id, published, sources, entity_types, event_types, entities"
        " FROM article_facets ORDER BY article_id"
    )
    rows = store.select(query)
    store.write(
        [
            ("DROP TABLE article_facets", ()),
            ("DROP TABLE related_lists", ()),
            # and the migrations after it
            ("DROP INDEX articles_no_spans", ()),
            ("ALTER TABLE articles DROP COLUMN spans", ()),
            ("DROP TABLE event_parties", ()),
            *_BEFORE_7,
            ("DELETE FROM schema_version WHERE version >= ?", (4,)),
        ]
    )
    store._migrate()  # type: ignore[attr-defined]  # as opening the archive again does
    again = store.select(query)
    assert len(again) == len(rows)
    # the same values (each list's order may differ): the same facets
    for new, old in zip(again, rows, strict=True):
        assert new[:2] == old[:2]
        for x, y in zip(new[2:], old[2:], strict=True):
            assert sorted(str(x).split("\x1e")) == sorted(str(y).split("\x1e"))
    assert browse.facets(store, [a.id for a in articles]) == expected


def test_the_migration_fills_event_parties_as_ingest_writes_them(archive: Archive) -> None:
    """Migration 6 splits the parties of the events already archived into the rows ingest
    writes for new ones: every agent, target and participant key, once per event."""
    _corpus(archive)
    store = archive.store
    query = "SELECT key, article_id, idx FROM event_parties ORDER BY key, article_id, idx"
    written = store.select(query)
    expected = set()
    for aid, idx, agent, target, participants in store.select(
        "SELECT article_id, idx, agent_key, target_key, participant_keys FROM events"
    ):
        for key in {agent, target, *str(participants).split("|")} - {None, ""}:
            expected.add((key, aid, idx))
    assert len(written) == len(expected) > 14 and set(written) == expected
    store.write(
        [
            ("DROP TABLE event_parties", ()),
            *_BEFORE_7,
            ("DELETE FROM schema_version WHERE version >= ?", (6,)),
        ]
    )
    store._migrate()  # type: ignore[attr-defined]  # as opening the archive again does
    assert store.select(query) == written


QUAKE = "ضرب زلزال بقوة ست درجات مدينة حلب شمال سوريا وأدى إلى انهيار مبان وسقوط ضحايا"
OTHERS = [
    art("أسعار النفط ترتفع", "ارتفعت أسعار النفط في الأسواق العالمية بسبب المخاوف من نقص."),
    art("البرلمان يختار رئيسه", "انتخب البرلمان رئيسا جديدا له بعد جلسة طويلة في العاصمة."),
    art("مباراة الكرة", "فاز الفريق في مباراة الكرة أمس على ملعب العاصمة بهدفين."),
]


def _live(store: Store, article_id: str, limit: int = 10) -> list[stories.Related]:
    """«Read also» computed now, from the index (what a stored list must equal when fresh)."""
    doc = stories._load(store, [article_id])[0]
    pairs = [(o.id, s) for s, o in stories._scored(store, doc, stories.IdfWeights(store))]
    return stories._entries(store, pairs[:limit], doc.story)


def _stored(store: Store, article_id: str) -> list[str]:
    rows = store.select("SELECT items FROM related_lists WHERE article_id = ?", [article_id])
    import json

    return [str(i) for i, _ in json.loads(str(rows[0][0]))] if rows else []


def test_related_lists_are_stored_and_equal_the_live_computation(archive: Archive) -> None:
    a = art("زلزال يضرب حلب", QUAKE + " بحسب الدفاع المدني.", published="2024-02-06")
    b = art("ارتفاع ضحايا زلزال حلب", "ارتفع عدد ضحايا الزلزال الذي ضرب حلب شمال سوريا وأدى"
            " إلى انهيار مبان في المدينة.", published="2024-02-07")  # fmt: skip
    archive.add([a, b, *OTHERS])
    archive.build_stories()
    count = archive.store.select("SELECT count(*) FROM related_lists")[0][0]
    assert count == 2 + len(OTHERS)
    for x in (a, b, *OTHERS):
        assert archive.related(x.id) == _live(archive.store, x.id)
    assert archive.related(a.id)[0].id == b.id


def test_a_later_article_joins_the_stored_lists_of_older_ones(archive: Archive) -> None:
    a = art("زلزال يضرب حلب", QUAKE + " بحسب الدفاع المدني.", published="2024-02-06")
    archive.add([a, *OTHERS])
    archive.build_stories()
    assert b_not_yet(archive, a.id)
    later = art("ارتفاع ضحايا زلزال حلب", "ارتفع عدد ضحايا الزلزال الذي ضرب حلب شمال سوريا"
                " وأدى إلى انهيار مبان في المدينة.", published="2024-02-08")  # fmt: skip
    archive.add([later])
    archive.build_stories()
    found = archive.related(a.id)
    assert found[0].id == later.id and found[0].same_story
    assert found == _live(archive.store, a.id)  # the same as computing it now
    assert archive.related(later.id)[0].id == a.id
    # an unrelated old article's list does not change
    assert _stored(archive.store, OTHERS[0].id) == [
        r.id for r in _live(archive.store, OTHERS[0].id)
    ]


def b_not_yet(archive: Archive, article_id: str) -> bool:
    return all(r.title != "ارتفاع ضحايا زلزال حلب" for r in archive.related(article_id))


def test_lists_missing_are_made_and_unknown_ids_have_none(archive: Archive) -> None:
    """Articles archived before the lists existed get theirs on the next story assignment;
    until then (or without stories) the list is computed when asked."""
    archive.add(OTHERS)
    archive.build_stories()
    archive.store.write([("DELETE FROM related_lists", ())])
    assert archive.related(OTHERS[0].id) == _live(archive.store, OTHERS[0].id)
    assert stories.build_related(archive.store) == len(OTHERS)
    assert archive.related(OTHERS[0].id) == _live(archive.store, OTHERS[0].id)
    assert stories.build_related(archive.store) == 0
    assert archive.related("no-such-id") == []


def test_warmed_profiles_equal_cold_ones(archive: Archive) -> None:
    """Merging every kept article's entities ahead (a server starting) changes no profile."""
    from marsad.archive.views import _index, warm_profiles

    _corpus(archive)
    store = archive.store
    names = entity_names(store)
    merged = merge_variants(names)
    cold = [entity_profile(store, n, type=t, variants=(names, merged)) for n, t in PEOPLE]
    rows = FacetRows()
    rows.preload(store)
    fresh_names = entity_names(store)  # a new name index, as after the archive changed
    fresh = merge_variants(fresh_names)
    assert warm_profiles((fresh_names, fresh), rows) == len(rows) == 14
    assert len(_index(fresh_names, fresh).articles) == len({r for r in rows.entity_items()})
    warm = [entity_profile(store, n, type=t, variants=(fresh_names, fresh), rows=rows)
            for n, t in PEOPLE]  # fmt: skip
    assert warm == cold


def _reference_cooccurring(
    store: Store, keys: tuple[str, ...], merged: dict[tuple[str, str], str], limit: int
) -> list[tuple[str, int]]:
    rows = store.select(
        "SELECT o.key, o.type, o.article_id FROM entities o WHERE o.article_id IN"
        f" (SELECT article_id FROM entities WHERE key IN ({', '.join('?' * len(keys))}))",
        keys,
    )
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, type_, aid in rows:
        if key not in keys:
            seen[(merged.get((str(key), str(type_)), str(key)), str(type_))].add(str(aid))
    ranked = sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
    return [(k[1], len(v)) for k, v in ranked]


def test_entity_profiles_equal_the_plain_scans(archive: Archive) -> None:
    _corpus(archive)
    store = archive.store
    names = entity_names(store)
    merged = merge_variants(names)
    for name, type_ in PEOPLE:
        profile = entity_profile(store, name, type=type_, variants=(names, merged))
        assert profile is not None
        kept = entity_profile(store, name, type=type_, variants=(names, merged), rows=FacetRows())
        assert kept == profile
        keys = tuple(sorted({n.key for n in names if merged[(n.key, n.type)] == profile.key
                             and n.type == profile.type}))  # fmt: skip
        assert [(t, c) for _, t, c in profile.cooccurring] == _reference_cooccurring(
            store, keys, merged, 20
        )
        months = Counter(
            str(p)[:7]
            for aid, p in store.select("SELECT id, published FROM articles")
            if p is not None
            and store.select(
                f"SELECT 1 FROM entities WHERE article_id = ? AND key IN"
                f" ({', '.join('?' * len(keys))})",
                [aid, *keys],
            )
        )
        assert profile.timeline == sorted(months.items())
        parties = Counter[str]()
        for agent, target, participants in store.select(
            "SELECT agent_key, target_key, participant_keys FROM events"
        ):
            found = {str(agent or ""), str(target or ""), *str(participants or "").split("|")}
            if found & set(keys):
                parties.update(found - set(keys) - {""})
        assert sorted(c for _, c in profile.met) == sorted(parties.values())
    # the variants merge: one profile, counted once per article
    merged_profile = entity_profile(store, "أحمد الناصر", variants=(names, merged))
    assert merged_profile is not None and merged_profile.name == "أحمد ناصر المحمد الصباح"
    assert name_key("أحمد الناصر") in {name_key(v) for v in merged_profile.variants}


@pytest.mark.parametrize(
    ("title", "body", "query", "scan"),
    [
        ("انتخابات البرلمان", "نص لا يذكر شيئا عن الموضوع. " * 20, "انتخابات", 4000),
        ("عنوان", "كلمات عادية " * 30 + "والانتخابات في آخر النص", "انتخابات", 4000),
        ("عنوان", "كلمات " * 10 + "الانتخابات", "انتخ*", 63),  # the scan cuts the last word
        ("عنوان", "كلمات " * 10 + "الانتخابات", "انتخا", 63),
        ("عنوان", "كلمات عادية\n\nفقرة ثانية عن الانتخابات\n\nثالثة", "انتخابات OR فقرة", 4000),
        ("عنوان", "", "عنوان", 4000),
        ("عنوان", "فقرة أولى بلا شيء\n\nوالانتخابات هنا " + "كلمة " * 40, "انتخابات", 4000),
        ("عنوان", "Reuters: iPhone-15 " * 5 + "الانتخابات", "iphone", 50),  # cut in Latin
        ("عنوان", "كلمات " * 10 + "الانتخابات", "انتخابات", 66),  # the cut at a word's end
        ("عنوان", "(بيروت) – «الانتخابات» بدأت " + "كلمة " * 40, "انتخابات", 4000),
        ("عنوان", "(بيروت) – " + "كلمة " * 40, "انتخابات", 4000),
    ],
)
def test_snippets_from_stored_terms_equal_analyzing_everything(
    title: str, body: str, query: str, scan: int
) -> None:
    """A snippet found with the stored terms (only the opening analyzed when nothing in the
    text can match) is the one found by analyzing every paragraph."""
    from marsad.archive.analyzer import terms
    from marsad.archive.query import parse_query
    from marsad.archive.snippets import hit_of, make_snippet

    parsed = parse_query(query)
    stored = terms(title) + terms(f"\n{body}")
    fast = hit_of("x", title, "s", None, None, None, body, 1, 1.0, parsed, scan=scan,
                  terms=stored)  # fmt: skip
    plain = hit_of("x", title, "s", None, None, None, body, 1, 1.0, parsed, scan=scan)
    assert fast == plain
    whole = make_snippet(body[:scan] or title, parsed)
    assert (fast.snippet, fast.highlights) == (whole.text, whole.highlights)
    # and with the spans stored at ingest: nothing analyzed (but a word the scan cuts)
    spans = pack_spans(analyze(hit_text(None, body)))
    assert hit_of("x", title, "s", None, None, None, body, 1, 1.0, parsed, scan=scan,
                  terms=stored, spans=spans) == plain  # fmt: skip


def test_spans_pack_and_unpack() -> None:
    short = [Term("a", 0, 3), Term("b", 4, 9)]
    assert list(unpack_spans(pack_spans(short)) or []) == [0, 3, 4, 9]
    assert pack_spans(short)[:1] == b"H" and len(pack_spans(short)) == 1 + 4 * 2
    far = [Term("a", 70_000, 70_004)]  # past 65,535: four bytes each
    assert pack_spans(far)[:1] == b"I" and list(unpack_spans(pack_spans(far)) or []) == [
        70_000,
        70_004,
    ]
    empty = unpack_spans(pack_spans([]))
    assert empty is not None and len(empty) == 0
    for junk in (None, b"", b"-", b"X\x00\x01", b"H\x00\x01\x02"):
        assert unpack_spans(junk) is None


def _hits(store: Store, ids: list[str], query: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
    from marsad.archive.query import parse_query

    parsed = parse_query(query)
    found = browse.hits_for(store, parsed, [(i, 1.0) for i in ids])
    return [(h.id, h.snippet, h.highlights) for h in found]


def _plain_hits(
    store: Store, ids: list[str], query: str
) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """The snippets made by analyzing each text again (what the stored spans must give)."""
    from marsad.archive.query import parse_query
    from marsad.archive.snippets import make_hit

    parsed = parse_query(query)
    hits = [
        make_hit(s.article.id, s, 1.0, parsed, scan=browse.SNIPPET_SCAN) for s in store.get(ids)
    ]
    return [(h.id, h.snippet, h.highlights) for h in hits]


QUERIES = ["الرئيس", "زلزال حلب", "انتخ*", "النفط OR البرلمان", '"أسعار النفط"', "لا شيء هنا"]


def test_hits_are_cut_from_the_spans_stored_at_ingest(archive: Archive) -> None:
    articles = _corpus(archive)
    ids = [a.id for a in articles]
    store = archive.store
    spans = dict(store.select("SELECT id, spans FROM articles"))
    assert all(unpack_spans(bytes(spans[i])) is not None for i in ids)  # type: ignore[arg-type]
    for query in QUERIES:
        assert _hits(store, ids, query) == _plain_hits(store, ids, query)


def test_spans_are_filled_for_an_archive_from_before_them(archive: Archive) -> None:
    """Articles archived before migration 5 have none until an ingest fills them; an article
    whose stored terms are not today's analysis gets a mark that keeps the old way for it."""
    articles = _corpus(archive)
    ids = [a.id for a in articles]
    store = archive.store
    expected = {q: _plain_hits(store, ids, q) for q in QUERIES}
    store.write([("UPDATE articles SET spans = NULL", ())])
    odd = ids[0]
    store.write([("UPDATE articles SET terms = ? WHERE id = ?", ("كلمة قديمة", odd))])
    for query in QUERIES:  # without spans: as before
        assert _hits(store, ids, query) == expected[query]
    assert fill_spans(store, batch=2) == len(ids)
    assert fill_spans(store) == 0
    assert store.select("SELECT spans FROM articles WHERE id = ?", [odd])[0][0] in (b"-", "-")
    for query in QUERIES:
        assert _hits(store, ids, query) == expected[query]
    # an ingest fills them too
    store.write([("UPDATE articles SET spans = NULL", ())])
    archive.ingest([])
    assert store.select("SELECT count(*) FROM articles WHERE spans IS NULL")[0][0] == 0
