"""Dates: both month traditions, Hijri, weekdays, relative expressions, impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import Article, extract
from marsad.dates import find_dates
from marsad.pipeline import get_stage

from .conftest import SAMPLE

THURSDAY = dt.date(2020, 5, 14)


def values(text: str, base: dt.date | None = THURSDAY) -> list[tuple[str, str | None, str, bool]]:
    found = find_dates(text, "body", base)
    for d in found:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value, d.calendar, d.relative) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 15 مايو 2020", ("15 مايو 2020", "2020-05-15", "gregorian", False)),
        ("في 15 أيار/مايو 2020", ("15 أيار/مايو 2020", "2020-05-15", "gregorian", False)),
        ("في 3 كانون الثاني 2019", ("3 كانون الثاني 2019", "2019-01-03", "gregorian", False)),
        ("في 15 رمضان 1441 هـ", ("15 رمضان 1441 هـ", "2020-05-08", "hijri", False)),
        ("يوم الثلاثاء الماضي", ("يوم الثلاثاء الماضي", "2020-05-12", "gregorian", True)),
        ("الإثنين المقبل", ("الإثنين المقبل", "2020-05-18", "gregorian", True)),
        ("عقد اليوم", ("اليوم", "2020-05-14", "gregorian", True)),
        ("مساء أمس", ("مساء أمس", "2020-05-13", "gregorian", True)),
        ("غداً", ("غداً", "2020-05-15", "gregorian", True)),
        ("قبل ثلاثة أيام", ("قبل ثلاثة أيام", "2020-05-11", "gregorian", True)),
        ("الأسبوع الماضي", ("الأسبوع الماضي", "2020-W19", "gregorian", True)),
        ("منذ عامين", ("منذ عامين", "2018", "gregorian", True)),
        ("العام المقبل", ("العام المقبل", "2021", "gregorian", True)),
        ("مايو الماضي", ("مايو الماضي", "2019-05", "gregorian", True)),
        ("عام 2018", ("عام 2018", "2018", "gregorian", False)),
        ("في ٢٠٢٠/٠٥/١٥", ("٢٠٢٠/٠٥/١٥", "2020-05-15", "gregorian", False)),
    ],
)
def test_dates(text: str, expected: tuple[str, str | None, str, bool]) -> None:
    assert values(text) == [expected]


def test_relative_dates_stay_unresolved_without_a_publication_day() -> None:
    assert values("عقد اليوم وقبل ثلاثة أيام", None) == [
        ("اليوم", None, "gregorian", True),
        ("قبل ثلاثة أيام", None, "gregorian", True),
    ]


def test_the_sample_meeting_is_today_and_today_is_unknown() -> None:
    (article,) = extract(SAMPLE).articles
    assert article.published is None
    first = article.dates[0]
    assert (first.text, first.value, first.relative) == ("اليوم", None, True)


def test_relative_dates_resolve_against_published() -> None:
    article = Article(
        title="خبر",
        body="أعلنت الوزارة أمس أن الاجتماع يعقد غدا.",
        published="2018-03-05T10:00:00+02:00",
    )
    article = get_stage("dates")(article)
    assert [(d.text, d.value) for d in article.dates] == [
        ("أمس", "2018-03-04"),
        ("غدا", "2018-03-06"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "في 31/02/2020",
        "31 فبراير 2020",
        "99/99/9999",
        "في 0/0/0",
        "مايو",
        "مارس الرياضة",
        "أحد الأشخاص",
        "«»«",
        "",
    ],
)
def test_impossible_or_ambiguous_dates_give_nothing(text: str) -> None:
    assert values(text) == []
