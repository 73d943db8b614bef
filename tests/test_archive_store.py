"""The store suite, run against both backends: SQLite (a temp file) and PostgreSQL (a throwaway
server started here). Search precision, duplicates, filters, views, related, exports."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad import Article, Entity, Event, Mention, Quote
from marsad.archive import Archive
from marsad.archive.model import Filters
from marsad.archive.query import parse_query

from .builders import art


def ent(eid: str, name: str, type_: str = "PER") -> Entity:
    return Entity(id=eid, type=type_, name=name)


CORPUS = [
    art("نتائج الانتخابات البرلمانية", "أعلنت اللجنة نتائج الانتخابات في مجلس الأمة اليوم."),
    art("تصريح حول الاستحقاق", "وبالانتخابات المقبلة يأمل الحزب الفوز بمقاعد أكثر في البرلمان."),
    art("البرلمان يختار رئيسه", "انتخب البرلمان رئيسا جديدا له بعد جلسة طويلة في العاصمة."),
    art(
        "أسعار النفط ترتفع", "ارتفعت أسعار النفط في الأسواق العالمية بسبب المخاوف من نقص الإمدادات."
    ),
    art("مجلس يجتمع", "اجتمع المجلس لبحث ملف الأمة والمجتمع والتنمية.", source="other"),
]


def ids(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.id for h in hits}


@pytest.fixture
def corpus(archive: Archive) -> Archive:
    assert archive.add(CORPUS) == ["new"] * len(CORPUS)
    return archive


def test_search_folds_proclitics_and_suffixes_but_not_other_words(corpus: Archive) -> None:
    a, b, c, oil, _ = (x.id for x in CORPUS)
    assert ids(corpus.search("انتخابات")) == {a, b}
    assert ids(corpus.search("الإنتخابات")) == {a, b}
    assert ids(corpus.search("الانْتِخَابَات")) == {a, b}
    assert ids(corpus.search("انتخب")) == {c}
    assert ids(corpus.search("انتخ*")) == {a, b, c}
    assert ids(corpus.search("النفط الأسعار")) == {oil}
    assert ids(corpus.search("انتخابات OR النفط")) == {a, b, oil}


def test_phrase_query_needs_adjacent_words(corpus: Archive) -> None:
    assert ids(corpus.search('"مجلس الأمة"')) == {CORPUS[0].id}
    assert ids(corpus.search("مجلس الأمة")) == {CORPUS[0].id, CORPUS[4].id}


def test_ranking_puts_title_matches_first(corpus: Archive) -> None:
    hits = corpus.search("البرلمان")
    assert hits[0].id == CORPUS[2].id
    assert hits[0].score > hits[-1].score


def test_equal_scores_are_ordered_by_id_at_every_cut(archive: Archive) -> None:
    """Unfiltered searches rank inside the full-text index and look ids up after; ties (the
    same length, the same counts) must still come in id order, wherever a page cuts them."""
    names = ["سامي", "رامي", "هاني", "وليد", "خالد", "ماجد", "فادي", "نادر", "باسل", "عادل"]
    words = [f"{a} {b}" for a in names for b in names[:5]]  # 50 distinct two-word tails
    twice = [art(f"تقرير {w}", f"النفط النفط يرتفع {w}") for w in words[:3]]
    once = [art(f"تقرير {w}", f"النفط سعر يرتفع {w}") for w in words[3:]]
    archive.add(twice + once)
    query = parse_query("النفط")
    every = archive.store.search(query, Filters(), 1000, 0)
    assert len(every) == 50
    assert every == sorted(every, key=lambda r: (-r[1], r[0]))
    assert {i for i, _ in every[:3]} == {a.id for a in twice}
    assert len({s for _, s in every[3:]}) == 1  # the 47 others tie
    for limit, offset in [(2, 0), (3, 0), (5, 0), (10, 1), (7, 40), (20, 45)]:
        assert (
            archive.store.search(query, Filters(), limit, offset) == every[offset : offset + limit]
        )


def test_snippet_highlights_the_original_words(corpus: Archive) -> None:
    hit = corpus.search("انتخابات", limit=5)
    marked = {h.snippet[s:e] for h in hit for s, e in h.highlights}
    assert {"الانتخابات", "وبالانتخابات"} <= marked


@pytest.mark.parametrize(
    "query",
    ["", "،؛.!؟", "ًٌٍَُِّْ", '" * ( ) NEAR AND -', "NEAR(a b)", "a' OR 1=1; DROP TABLE articles; --",
     "انتخابات " * 2000, "الانتخابات election 2024", "*", '"', "انتخ**", "'انتخابات'", "\x00"],
)  # fmt: skip
def test_bad_queries_return_a_list(corpus: Archive, query: str) -> None:
    assert isinstance(corpus.search(query), list)


def test_exact_duplicates_are_stored_once_with_every_source(archive: Archive) -> None:
    one = art("خبر واحد", "نص الخبر نفسه من وكالة الأنباء.", source="site-a")
    same = art("خبر واحد", "نصُّ الخبر نفسه من وكالة الأنباء.", source="site-b")
    assert archive.add([one]) == ["new"]
    assert archive.add([same, one]) == ["duplicate", "unchanged"]
    stored = archive.get(one.id)
    assert stored is not None
    assert [s.source for s in stored.sources] == ["site-a", "site-b"]


def test_near_duplicates_share_a_group(archive: Archive) -> None:
    words = "قال المتحدث باسم الحكومة إن الوزارة ستطلق برنامجا جديدا لدعم المزارعين في المناطق"
    body = " ".join([words] * 3) + " الريفية خلال العام المقبل بتمويل من البنك الدولي."
    first = art("الحكومة تطلق برنامجا لدعم المزارعين", body, source="a")
    copy = art("الحكومة تطلق برنامجا جديدا لدعم المزارعين", body + " (رويترز)", source="b")
    other = CORPUS[3]
    archive.add([first, copy, other])
    assert [s.article.id for s in archive.copies(first.id)] == [copy.id]
    assert archive.copies(other.id) == []


def _facts_corpus(archive: Archive) -> list[Article]:
    full, short, other = "أحمد ناصر المحمد الصباح", "أحمد الناصر", "أحمد الجار الله"
    m = Mention("body", 0, 4, "أحمد")
    items = [
        art("لقاء وزاري", "التقى الوزير نظيره.", published="2024-01-05",
            entities=[ent("e1", full), ent("e2", "فؤاد حسين"), ent("e3", "الكويت", "GPE")],
            quotes=[Quote("e1", full, "قال", "direct", False, "نرحب بالتعاون", "body", 0, 5)],
            events=[Event("meeting", m, agent="e1", participants=["e2"])]),
        art("تصريح للوزير", "قال الوزير إن العلاقات جيدة.", published="2024-02-07", source="kuna",
            entities=[ent("e1", short), ent("e2", "الكويت", "GPE")],
            quotes=[Quote("e1", short, "أكد", "indirect", False, "العلاقات جيدة", "body", 0, 5)]),
        art("مقال رأي", "كتب الصحفي مقالا.", published="2024-02-20",
            entities=[ent("e1", other), ent("e2", "أحمد")],
            events=[Event("statement", m, agent="e1")]),
    ]  # fmt: skip
    archive.add(items)
    return items


def test_filters(archive: Archive) -> None:
    meet, said, opinion = _facts_corpus(archive)
    search = archive.search
    assert ids(search("الوزير", entity="أحمد الناصر")) == {meet.id, said.id}
    assert ids(search("الوزير", entity_type="GPE")) == {meet.id, said.id}
    assert ids(search("الوزير", source="KUNA")) == {said.id}
    assert ids(search("الوزير", since="2024-02-01", until="2024-02-07")) == {said.id}
    assert ids(search("الوزير", event_type="meeting")) == {meet.id}
    assert ids(search("الوزير", speaker="أحمد ناصر المحمد الصباح")) == {meet.id, said.id}
    assert ids(search("مقالا", entity="أحمد الناصر")) == set()
    assert opinion.id in ids(search("مقالا", entity="أحمد"))


def test_entity_view_merges_variants_but_never_on_a_first_name(archive: Archive) -> None:
    meet, _, _ = _facts_corpus(archive)
    profile = archive.entity("أحمد الناصر")
    assert profile is not None
    assert profile.name == "أحمد ناصر المحمد الصباح"
    assert profile.variants == sorted(["أحمد ناصر المحمد الصباح", "أحمد الناصر"])
    assert profile.articles == 2
    assert profile.timeline == [("2024-01", 1), ("2024-02", 1)]
    assert {q.text for q in profile.quotes} == {"نرحب بالتعاون", "العلاقات جيدة"}
    assert ("الكويت", "GPE", 2) in profile.cooccurring
    assert profile.met == [("فؤاد حسين", 1)]
    assert profile.meetings[0].article_id == meet.id
    other = archive.entity("أحمد الجار الله")
    assert other is not None and other.articles == 1
    alone = archive.entity("أحمد")
    assert alone is not None and alone.variants == ["أحمد"]


def test_related_finds_the_same_story(archive: Archive) -> None:
    story = "ضرب زلزال بقوة ست درجات مدينة حلب شمال سوريا وأدى إلى انهيار مبان وسقوط ضحايا"
    a = art("زلزال يضرب حلب", story + " بحسب الدفاع المدني.", published="2024-02-06")
    b = art("ارتفاع ضحايا زلزال حلب", "ارتفع عدد ضحايا الزلزال الذي ضرب حلب شمال سوريا وأدى"
            " إلى انهيار مبان في المدينة.", published="2024-02-07")  # fmt: skip
    archive.add([a, b, *CORPUS])
    assert archive.build_stories() == len(CORPUS) + 2
    found = archive.related(a.id)
    assert found[0].id == b.id and found[0].same_story
    assert archive.get(a.id).story == archive.get(b.id).story  # type: ignore[union-attr]
    assert archive.related("no-such-id") == []


def test_exports_load_in_pandas(archive: Archive, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    _facts_corpus(archive)
    out = io.StringIO()
    assert archive.export_jsonl(out) == 3
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["entities"] and rows[0]["sources"][0]["source"] == "wire"
    assert len(pd.read_json(io.StringIO(out.getvalue()), lines=True)) == 3
    for fmt, read in (("csv", pd.read_csv), ("parquet", pd.read_parquet)):
        files = archive.export_tables(tmp_path / fmt, fmt)
        assert len(read(files["articles"])) == 3
        entities = read(files["entities"])
        assert set(entities["type"]) == {"PER", "GPE"} and len(entities) == 7
        assert len(read(files["quotes"])) == 2
        assert set(read(files["events"])["type"]) == {"meeting", "statement"}
    only = archive.filters(source="kuna")
    assert archive.export_jsonl(io.StringIO(), only) == 1


def test_sqlite_ids_of_ranked_rows_follow_every_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite connection keeps the rowid -> id map of the articles while nothing changes:
    writes through it, or through any other connection, must show in the next search."""
    path = tmp_path / "a.db"
    query = parse_query("النفط")
    with Archive(path) as one, Archive(path) as other:
        one.add([CORPUS[3]])
        assert [i for i, _ in one.store.search(query, Filters(), 10, 0)] == [CORPUS[3].id]
        later = art("النفط يهبط", "هبطت أسعار النفط اليوم في الأسواق.")
        other.add([later])  # another connection: data_version moves
        assert {i for i, _ in one.store.search(query, Filters(), 10, 0)} == {CORPUS[3].id, later.id}
        third = art("النفط والغاز", "النفط والغاز في تقرير جديد عن الطاقة.")
        one.add([third])  # this connection's own write
        found = {i for i, _ in one.store.search(query, Filters(), 10, 0)}
        assert found == {CORPUS[3].id, later.id, third.id}
        monkeypatch.setattr("marsad.archive.sqlite._ID_MAP_MAX", 1)  # too many to keep
        one.add([art("عن النفط", "كلام عن النفط.")])
        assert len(one.store.search(query, Filters(), 10, 0)) == 4


def test_a_name_written_apart_or_joined_is_one_entity_across_the_archive() -> None:
    from marsad.archive.views import Name, merge_variants

    names = [
        Name("عبد الناصر علام", "عبد الناصر علام", "PER", 2),
        Name("عبدالناصر علام", "عبدالناصر علام", "PER", 1),
        Name("عبدالناصر", "عبدالناصر", "PER", 1),
        Name("عبد الرحمن علام", "عبد الرحمن علام", "PER", 1),
    ]
    merged = merge_variants(names)
    assert merged[("عبدالناصر علام", "PER")] == merged[("عبد الناصر علام", "PER")]
    assert merged[("عبد الرحمن علام", "PER")] == "عبد الرحمن علام", "another person stays apart"
    assert merged[("عبدالناصر", "PER")] == "عبدالناصر", "never on a first name"
