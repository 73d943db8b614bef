"""Dates as real news writes them: weekdays beside relative days, «اليوم» as a noun, names
with «اليوم» in them, vague plurals, ordinal days, ranges, the Eids, repeated expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import Article
from marsad.dates import find_dates
from marsad.pipeline import get_stage

THURSDAY = dt.date(2020, 5, 14)


def values(text: str, base: dt.date = THURSDAY) -> list[tuple[str, str | None]]:
    found = find_dates(text, "body", base)
    for d in found:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday is part of the relative day, and fixes a publication day off by one
        ("أصدرت الوزارة بيانا أمس الثلاثاء", [("أمس الثلاثاء", "2020-05-12")]),
        ("دخلت القوات المدينة اليوم (الخميس) بعد معارك", [("اليوم (الخميس)", "2020-05-14")]),
        ("تدشن الشركة غداً الخميس صالتها", [("غداً الخميس", "2020-05-14")]),
        ("غادر صباح اليوم الأربعاء", [("صباح اليوم الأربعاء", "2020-05-13")]),
        ("وقعت الحادثة أمس الأول الاثنين", [("أمس الأول الاثنين", "2020-05-11")]),
    ],
)
def test_a_weekday_after_a_relative_day_is_one_date(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert values(text) == expected


def test_an_anchored_weekday_moves_the_publication_day_for_the_other_dates() -> None:
    # published on Thursday, but «أمس الثلاثاء» says the article was written on Wednesday
    text = "أصدرت الوزارة بيانا أمس الثلاثاء، وتعقد اللجنة اجتماعها اليوم"
    assert values(text) == [("أمس الثلاثاء", "2020-05-12"), ("اليوم", "2020-05-13")]
    # weekdays that disagree move nothing
    text = "أصدرت الوزارة بيانا أمس الثلاثاء، وغادر الوفد أمس الأربعاء، ويعود اليوم"
    assert values(text)[-1] == ("اليوم", "2020-05-14")


def test_the_stage_moves_the_title_with_the_body() -> None:
    article = Article(
        title="الافتتاح غدا",
        body="تفتتح الهيئة غدا الخميس معرضها",
        published="2020-05-14T01:00:00+03:00",
    )
    article = get_stage("dates")(article)
    assert [(d.text, d.value) for d in article.dates] == [
        ("غدا", "2020-05-14"),
        ("غدا الخميس", "2020-05-14"),
    ]


def test_today_as_a_noun_has_no_value() -> None:
    text = "وفي اليوم التالي عاد الوفد، وفي ذلك اليوم وقع الاتفاق، وسيأتي اليوم الذي ننتصر فيه"
    assert [v for _, v in values(text)] == [None, None, None]
    assert values("وتلقت الفرقة في اليوم ذاته بلاغا") == [("اليوم", None)]
    assert values("وخصصت هذا اليوم للتهنئة") == [("هذا اليوم", None)]
    assert values("كانت بالأمس القريب قرية صغيرة") == [("الأمس", None)]
    # a demonstrative before an adverb is the verb's object: «تأكدت من هذا أمس»
    assert values("تأكدت من هذا أمس") == [("أمس", "2020-05-13")]
    # «الفيلم» has the article: not the head of a name
    assert values("شاركت في الفيلم واليوم نجني الثمار") == [("اليوم", "2020-05-14")]


def test_vague_plurals_have_no_value_but_counted_ones_do() -> None:
    text = "ارتفعت الأسعار خلال الأيام الماضية، وتشهد المدينة هذه الأيام زحاما، وعاد بعد سنوات"
    assert values(text) == [("الأيام الماضية", None), ("هذه الأيام", None), ("بعد سنوات", None)]
    assert values("وصل قبل ثلاثة أيام") == [("قبل ثلاثة أيام", "2020-05-11")]


def test_a_bare_weekday_after_a_word_of_the_future_is_the_coming_one() -> None:
    # published on Thursday 14 May 2020
    assert values("تقام المباراة المرتقبة بين الفريقين مساء يوم السبت") == [
        ("يوم السبت", "2020-05-16")
    ]
    assert values("لعب الفريقان مباراتهما مساء يوم السبت") == [("يوم السبت", "2020-05-09")]
    # the cue of another sentence does not count
    assert values("المباراة المرتقبة كبيرة. وتدرب الفريق يوم السبت") == [
        ("يوم السبت", "2020-05-09")
    ]


def test_a_weekday_after_a_weekly_custom_is_not_a_date() -> None:
    assert values("وبعد صلاة الجمعة تجمع المصلون") == []
    assert values("ألقى خطبة الجمعة إمام المسجد") == []


def test_a_recurring_weekday_has_no_value() -> None:
    assert values("يقام السوق كل يوم خميس") == [("يوم خميس", None)]
    assert values("يقام السوق يوم الاثنين من كل أسبوع") == [("يوم الاثنين", None)]


def test_a_weekday_named_again_is_the_same_day() -> None:
    text = "يصل الوفد الأحد المقبل إلى الرياض، ويلتقي الأحد وزير الخارجية"
    assert values(text) == [("الأحد المقبل", "2020-05-17"), ("الأحد", "2020-05-17")]


@pytest.mark.parametrize(
    "text",
    [
        'وقال لـ"أخبار اليوم" إن العمل مستمر',
        "صرح مدير المكتب لـ«اليوم» بأن العمل مستمر",
        "خالد العتيبي – صحيفة اليوم\nأعلنت الوزارة عن خطتها",
        "قال تعالى «الْيَوْمَ أَكْمَلْتُ لَكُمْ دِينَكُمْ»",
        "ونقلت صحيفة اليوم عن مصادرها",
        "وذكرت قناة الغد في تقرير لها",
    ],
)
def test_names_bylines_and_verses_are_not_dates(text: str) -> None:
    assert values(text) == []


def test_a_byline_does_not_hide_the_dates_of_the_story() -> None:
    text = "خالد العتيبي – صحيفة اليوم\nأعلنت الوزارة اليوم خطتها"
    assert values(text) == [("اليوم", "2020-05-14")]


def test_ordinal_days_and_days_with_min() -> None:
    text = "جرى الحفل في الخامس من مارس الماضي، وفي الربع الأول من شهر رمضان"
    assert values(text) == [("الخامس من مارس الماضي", "2020-03-05")]
    assert values("وتبدأ في 14 من شهر مايو الجاري") == [("14 من شهر مايو الجاري", "2020-05-14")]


def test_an_ordinal_after_a_noun_is_not_a_day() -> None:
    assert values("أقيم الحفل بمدينة العاشر من رمضان") == []
    assert values("زاد الإنتاج في النصف الثاني من مارس") == []
    assert values("ارتفع بحلول أول يناير 2018") == [("أول يناير 2018", "2018-01-01")]


def test_a_direction_after_a_day_and_month_picks_the_year() -> None:
    text = "في 27 مايو المقبل، وفي 2 مايو المقبل، وفي 20 مايو الماضي"
    assert values(text) == [
        ("27 مايو المقبل", "2020-05-27"),
        ("2 مايو المقبل", "2021-05-02"),
        ("20 مايو الماضي", "2019-05-20"),
    ]


def test_two_days_joined_are_two_dates_and_a_range_is_one_expression() -> None:
    assert values("يتساقط المطر يومي 20 و21 من شهر مايو الجاري") == [
        ("20", "2020-05-20"),
        ("21 من شهر مايو الجاري", "2020-05-21"),
    ]
    assert values("تقام البطولة من 3 - 7 شوال 1441 هـ") == [("3 - 7 شوال 1441 هـ", None)]
    # the weekdays of a range stay dates of their own
    assert values("من يوم الأحد إلى يوم الثلاثاء 3-5 شوال 1441 هـ") == [
        ("يوم الأحد", "2020-05-10"),
        ("يوم الثلاثاء", "2020-05-12"),
        ("3-5 شوال 1441 هـ", None),
    ]


def test_days_of_the_eid() -> None:
    text = "احتفل الأهالي من أول أيام العيد حتى ثاني أيام عيد الفطر المبارك"
    assert values(text, dt.date(2020, 5, 28)) == [
        ("أول أيام العيد", "2020-05-24"),
        ("ثاني أيام عيد الفطر المبارك", "2020-05-25"),
    ]


def test_a_numeric_date_with_a_hijri_year_is_hijri() -> None:
    found = find_dates("صدر القرار بتاريخ 25/10/1436هـ وبتاريخ 1441/09/15", "body", THURSDAY)
    assert [(d.value, d.calendar) for d in found] == [
        ("2015-08-10", "hijri"),
        ("2020-05-08", "hijri"),
    ]
    assert values("يوم غد") == [("يوم غد", "2020-05-15")]
    assert values("مد جسوره للغد") == []


def test_a_month_in_two_traditions_without_a_mark_is_one_name() -> None:
    assert values("يغادر في 26 فبراير شباط") == [("26 فبراير شباط", "2020-02-26")]


def test_the_stage_lists_each_date_expression_once() -> None:
    article = Article(
        title="خبر",
        body="استقبل الأمير أمس الوزير. وعقد أمس اجتماعا. وزار مساء أمس المعرض.",
        published="2020-05-14T10:00:00+03:00",
    )
    article = get_stage("dates")(article)
    assert [(d.text, d.value) for d in article.dates] == [
        ("أمس", "2020-05-13"),
        ("مساء أمس", "2020-05-13"),
    ]


@pytest.mark.parametrize(
    "text", ["اليوم الذي", "أمس (", "غدا (الأحد", "الأول من", "3 -", "أول أيام"]
)
def test_cut_expressions_do_not_raise(text: str) -> None:
    find_dates(text, "body", THURSDAY)
    find_dates(text, "body", None)
