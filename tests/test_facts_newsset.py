"""The news-set scorer (``marsad eval facts FOLDER`` on articles.jsonl + gold.jsonl), rule by
rule, on records made by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from marsad.cli import main
from marsad.facts.newsset import (
    gold_norm,
    is_news_set,
    load_news_set,
    news_document,
    score_news_article,
)
from marsad.record import Amount, Article, DateMention, Entity, Event, Mention, Quote


def _mention(text: str) -> Mention:
    return Mention(field="body", start=0, end=len(text), text=text)


def _article(**kw: Any) -> Article:
    return Article(title="عنوان", body="نص", **kw)


def test_normalization_is_the_sets() -> None:
    assert gold_norm("إِبْرَاهِيم الـعلي") == "ابراهيم العلي"
    assert gold_norm("«مؤسسة النقد»، (ساما)") == "مؤسسه النقد ساما"
    assert gold_norm("مستشفى الملك") == "مستشفي الملك"
    assert gold_norm(None) == ""


def test_persons_are_sets_of_names_compared_exactly() -> None:
    article = _article(
        entities=[
            Entity("p1", "PER", "أحمد بن علي"),
            Entity("p2", "PER", "احمد بن علي"),  # the same name after normalization: one
            Entity("p3", "PER", "خالد"),
            Entity("o1", "ORG", "أحمد العلي"),  # not a person
        ]
    )
    gold = {"persons": [{"name": "أحمد بن علي"}, {"name": "خالد الفيصل"}]}
    persons = score_news_article(gold, article)["persons"]
    assert (persons.score.gold, persons.score.found) == (2, 1)
    assert (persons.score.predicted, persons.score.correct) == (2, 1)
    assert persons.missing == ["خالد الفيصل"], "a part of the name is not the name"
    assert persons.extra == ["خالد"]


def test_organizations_and_places_may_differ_by_one_leading_clitic() -> None:
    article = _article(
        entities=[
            Entity("o1", "ORG", "وزارة الصحة"),
            Entity("g1", "GPE", "بالرياض"),
            Entity("l1", "LOC", "البحر الأحمر"),
            Entity("g2", "GPE", "وبجدة"),  # two clitics: no
        ]
    )
    gold = {
        "organizations": ["لوزارة الصحة"],
        "places": ["الرياض", "البحر الاحمر", "جدة"],
    }
    scores = score_news_article(gold, article)
    assert scores["organizations"].score.found == 1
    assert scores["places"].score.found == 2
    assert scores["places"].missing == ["جده"]
    assert scores["places"].extra == ["وبجده"]


def test_a_quote_needs_the_snippet_inside_and_a_speaker_that_contains_or_is_contained() -> None:
    entities = [Entity("p1", "PER", "سعد بن ناصر الدوسري")]
    said = "إن المشروع سيكتمل قبل نهاية العام المقبل بإذن الله"

    def quote(text: str, speaker: str | None, speaker_text: str) -> Quote:
        return Quote(speaker, speaker_text, "قال", "indirect", False, text, "body", 0, len(text))

    article = _article(
        entities=entities,
        quotes=[
            quote(said, "p1", "الوزير"),  # the entity's name is the speaker's name
            quote(said, None, "الدوسري"),  # contained in the gold speaker: right
            quote(said, None, "مصدر"),  # wrong speaker: a false positive
            quote("كلام آخر تماما", "p1", ""),  # no gold snippet inside
        ],
    )
    gold = {
        "quotes": [
            {"speaker": "سعد بن ناصر الدوسري", "snippet": "المشروع سيكتمل قبل نهاية العام"},
            {"speaker": "سعد بن ناصر الدوسري", "snippet": "لم يقلها أحد في هذا المقال"},
        ]
    }
    quotes = score_news_article(gold, article)["quotes"]
    assert (quotes.score.gold, quotes.score.found) == (2, 1)
    assert (quotes.score.predicted, quotes.score.correct) == (4, 2)
    assert len(quotes.extra) == 2


def test_amounts_check_the_unit_only_for_currencies_and_percents() -> None:
    def amount(value: float, unit: str) -> Amount:
        return Amount(str(value), value, unit, "exact", "body", 0, 1)

    article = _article(
        amounts=[amount(5e6, "SAR"), amount(12, "percent"), amount(700, "unit"), amount(3, "USD")]
    )
    gold = {
        "amounts": [
            {"text": "5 ملايين ريال", "value": 5000000, "unit": "SAR"},
            {"text": "12%", "value": 12, "unit": "percent"},
            {"text": "700 لاعب", "value": 700, "unit": "person"},  # value alone counts
            {"text": "3 ملايين", "value": 3, "unit": "EUR"},  # currency differs
            {"text": "700 لاعب", "value": 700, "unit": "person"},  # the record amount is used
        ]
    }
    amounts = score_news_article(gold, article)["amounts"]
    assert (amounts.score.found, amounts.score.correct, amounts.score.predicted) == (3, 3, 4)
    assert amounts.extra == ["3 = 3 USD"]


def test_dates_score_full_days_and_gold_with_a_value() -> None:
    def date(text: str, value: str | None) -> DateMention:
        return DateMention(text, value, "gregorian", False, "body", 0, 1)

    article = _article(
        dates=[
            date("أمس", "2015-07-25"),
            date("الأحد", "2015-07-26T00:00"),  # first ten characters compared
            date("يوليو", "2015-07"),  # not a full day and matches nothing: not counted
            date("الاثنين", "2015-07-27"),  # a full day gold lacks: a false positive
            date("أمس", "2015-07-25"),  # each record date used once
        ]
    )
    gold = {
        "dates": [
            {"text": "أمس", "value": "2015-07-25"},
            {"text": "الأحد", "value": "2015-07-26"},
            {"text": "رمضان", "value": None},  # gold without a value is not scored
        ]
    }
    dates = score_news_article(gold, article)["dates"]
    assert (dates.score.gold, dates.score.found) == (2, 2)
    assert (dates.score.predicted, dates.score.correct) == (4, 2)


def test_events_need_the_type_and_an_agent_that_contains_or_is_contained() -> None:
    entities = [Entity("p1", "PER", "فهد العتيبي"), Entity("o1", "ORG", "الهلال")]
    article = _article(
        entities=entities,
        events=[
            Event("meeting", _mention("استقبل"), agent="p1"),
            Event("statement", _mention("بيان"), agent="p1"),  # never scored
            Event("sports_result", _mention("فاز"), agent="o1"),
            Event("aid", _mention("تبرع")),  # no agent where gold names one
        ],
    )
    gold = {
        "events": [
            {"type": "meeting", "trigger": "استقبل", "agent": "الأمير فهد العتيبي"},
            {"type": "other", "trigger": "افتتح", "agent": None},
            {"type": "sports_result", "trigger": "فاز", "agent": None},
            {"type": "aid", "trigger": "تبرع", "agent": "جمعية البر"},
        ]
    }
    events = score_news_article(gold, article)["events"]
    assert (events.score.gold, events.score.found) == (3, 2)
    assert (events.score.predicted, events.score.correct) == (3, 2)


def _write_set(folder: Path) -> None:
    article = {
        "id": "a1",
        "source": "test",
        "url": "http://example.net/1",
        "date_extracted": "2015-07-26 10:00:00",
        "title": "وزير الصحة يزور مستشفى الملك فهد",
        "author": None,
        "content": "زار وزير الصحة الدكتور خالد بن محمد الفالح أمس مستشفى الملك فهد في جدة.\n"
        "وقال الفالح إن الوزارة ستفتتح 3 مستشفيات جديدة في المنطقة.",
    }
    gold = {
        "id": "a1",
        "persons": [{"name": "خالد بن محمد الفالح"}],
        "organizations": ["وزارة الصحة"],
        "places": ["جدة"],
        "quotes": [
            {"speaker": "خالد بن محمد الفالح", "snippet": "الوزارة ستفتتح 3 مستشفيات جديدة"}
        ],
        "amounts": [],
        "dates": [{"text": "أمس", "value": "2015-07-25"}],
        "events": [],
    }
    (folder / "articles.jsonl").write_text(json.dumps(article, ensure_ascii=False) + "\n")
    (folder / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n")


def test_the_set_is_read_and_fed_with_its_crawl_day(tmp_path: Path) -> None:
    assert not is_news_set(tmp_path)
    _write_set(tmp_path)
    assert is_news_set(tmp_path)
    (item,) = load_news_set(tmp_path)
    document = news_document(item.row, "x")
    assert document.published == "2015-07-26 10:00:00"
    assert document.content.startswith("زار وزير الصحة")


def test_the_command_prints_every_fact_type_and_the_misses(tmp_path: Path) -> None:
    _write_set(tmp_path)
    result = CliRunner().invoke(main, ["eval", "facts", str(tmp_path), "--misses"])
    assert result.exit_code == 0, result.output
    for category in ("persons", "organizations", "places", "quotes", "amounts", "dates"):
        assert f"  {category} " in result.output
    assert "all (1 articles)" in result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("a1  "), "the article with misses is named"
    assert all(
        line.startswith(("  - ", "  + ")) for line in lines[1 : lines.index("all (1 articles)")]
    )
    assert "  - " in result.output or "  + " in result.output


def test_a_gold_line_for_a_missing_article_is_a_clear_error(tmp_path: Path) -> None:
    _write_set(tmp_path)
    (tmp_path / "gold.jsonl").write_text('{"id": "nope"}\n')
    result = CliRunner().invoke(main, ["eval", "facts", str(tmp_path)])
    assert result.exit_code != 0
    assert "'nope' not in articles.jsonl" in result.output
