"""Quotes: the sample's seven, unnamed sources, implicit speakers, and broken quotation marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import Article, extract
from marsad.quotes import find_quotes
from marsad.record import Entity, Mention
from marsad.text import normalize

from .conftest import SAMPLE


def quotes_of(
    body: str, entities: list[Entity] | None = None, lead: str = ""
) -> list[tuple[str, str, str, bool, str]]:
    found = find_quotes({"title": "", "lead": lead, "body": body}, entities or [])
    texts = {"body": body, "lead": lead}
    for q in found:
        assert texts[q.field][q.start : q.end] == q.text
    return [(q.speaker_text, q.verb, q.kind, q.implicit_speaker, q.text) for q in found]


def person(name: str, body: str, eid: str = "e1") -> Entity:
    mentions = []
    start = body.find(name)
    while start >= 0:
        mentions.append(Mention("body", start, start + len(name), name))
        start = body.find(name, start + 1)
    return Entity(eid, "PER", name, mentions=mentions)


def test_the_sample_yields_the_seven_gold_quotes(golden_sample: Path) -> None:
    gold = json.loads(golden_sample.read_text("utf-8"))["quotes"]
    (article,) = extract(SAMPLE).articles
    nasser = next(e for e in article.entities if e.name == "أحمد الناصر")
    assert len(article.quotes) == len(gold) == 7
    for g, q in zip(gold, article.quotes, strict=True):
        assert q.speaker == nasser.id
        assert normalize(q.verb) == normalize(g["verb"])
        assert q.kind == g["kind"]
        if "speaker_is_implicit" in g:
            assert q.implicit_speaker == g["speaker_is_implicit"]
        assert normalize(g["contains"]) in normalize(q.text)
    assert article.quotes[0].field == "lead"


def test_spans_of_the_sample_point_at_their_text() -> None:
    (article,) = extract(SAMPLE).articles
    for where, field, start, end, text in article.spans():
        assert article.field_text(field)[start:end] == text, where


def test_unnamed_source_and_organisation_speakers() -> None:
    body = "وقال مصدر مسؤول إن الحكومة ستعلن القرار قريبا.\nوأضاف المصدر أن المفاوضات مستمرة منذ أسابيع."
    got = quotes_of(body)
    assert got[0][:4] == ("مصدر مسؤول", "قال", "indirect", False)
    assert got[1][:2] == ("مصدر مسؤول", "أضاف")
    body = "وأكدت وزارة الصحة في بيان أن عدد الإصابات تراجع هذا الأسبوع."
    ministry = Entity("e1", "ORG", "وزارة الصحة", mentions=[Mention("body", 6, 17, "وزارة الصحة")])
    (q,) = find_quotes({"body": body}, [ministry])
    assert (q.speaker, q.speaker_text, q.verb) == ("e1", "وزارة الصحة", "أكدت")


def test_continued_quotes_go_to_the_last_speaker() -> None:
    body = "وقال الوزير خالد العلي إن الاتفاق تاريخي.\nوتابع: «سنعمل مع الجميع دون استثناء».\nوأضاف أن الحكومة ملتزمة بتنفيذه."
    ali = person("خالد العلي", body)
    got = quotes_of(body, [ali])
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        ("خالد العلي", "قال", "indirect", False),
        ("خالد العلي", "تابع", "direct", True),
        ("خالد العلي", "أضاف", "indirect", True),
    ]
    assert got[1][4] == "سنعمل مع الجميع دون استثناء"


def test_quote_first_then_attribution() -> None:
    body = "«لن نتراجع عن مواقفنا أبدا»، قال خالد العلي للصحفيين."
    got = quotes_of(body, [person("خالد العلي", body)])
    assert got == [("خالد العلي", "قال", "direct", False, "لن نتراجع عن مواقفنا أبدا")]


def test_verbs_that_are_not_speech_here() -> None:
    assert quotes_of("وبين الطرفين خلافات عميقة حول الحدود.") == []
    assert quotes_of("بين عامي 2010 و2015 تضاعف عدد السكان.") == []


@pytest.mark.parametrize(
    "body",
    [
        "وقال الوزير: «هذا قرار نهائي لا رجعة فيه",  # never closes
        "وقال الوزير: هذا «قرار» نهائي» وانتهى «الأمر",  # unbalanced
        "وقال الوزير: «قال لي «الأمير» إن الأمر انتهى» ثم غادر",  # nested
        "قال: «" * 200,
        "« » « » ::: قال قال قال",
        "",
    ],
)
def test_broken_quotation_marks_give_sane_quotes(body: str) -> None:
    for _, _, _, _, text in quotes_of(body):
        assert text and len(text) <= len(body)


def test_an_article_without_entities_still_gets_its_quotes() -> None:
    article = Article(title="خبر", body="وقال المتحدث باسم الشرطة إن التحقيقات جارية.")
    (q,) = find_quotes({"body": article.body})
    assert q.speaker is None and q.speaker_text.startswith("المتحدث")
