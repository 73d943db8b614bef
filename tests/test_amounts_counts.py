"""Amounts: counted quantities (any counted noun, number words, duals, parentheses), areas,
the two ends of a range, and the numbers that count nothing (years, dates, codes, labels)."""

from __future__ import annotations

import pytest

from marsad.amounts import find_amounts


def found(text: str) -> list[tuple[str, float, str, str]]:
    amounts = find_amounts(text)
    for a in amounts:
        assert text[a.start : a.end] == a.text
    return [(a.text, a.value, a.unit, a.qualifier) for a in amounts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed nouns in their plural, tanween accusative and nisba forms
        ("حصد المنتخب 12 ميدالية في البطولة", ("12 ميدالية", 12, "medal", "exact")),
        ("نال الفريق 7 ذهبيات و", ("7 ذهبيات", 7, "medal", "exact")),
        ("شارك فيه قرابة 40 متدرباً من المحافظة", ("قرابة 40 متدرباً", 40, "person", "about")),
        ("اعتقلت الشرطة 9 صحفيين في المدينة", ("9 صحفيين", 9, "person", "exact")),
        ("أقام في المدينة عشر سنوات قبل عودته", ("عشر سنوات", 10, "year", "exact")),
        ("نزل في فندق من فئة الخمس نجوم", ("الخمس نجوم", 5, "star", "exact")),
        ("فاز بعد ثلاثة أشواط و", ("ثلاثة أشواط", 3, "unit", "exact")),
        # parentheses around the number
        ("سجلت الدوريات (4512) مخالفة مرورية", ("(4512) مخالفة", 4512, "violation", "exact")),
        ("بمشاركة ( 320 ) لاعبا من الأندية", ("( 320 ) لاعبا", 320, "person", "exact")),
        ("حضره أكثر من (60) ضيفا", ("أكثر من (60) ضيفا", 60, "person", "more_than")),
        # a noun not listed still counts
        ("افتتح الأمير 14 مدرجاً جديداً", ("14 مدرجاً", 14, "unit", "exact")),
        ("وزعت الجمعية 250 ألف وجبة على الأسر", ("250 ألف وجبة", 250_000, "unit", "exact")),
        # the accusative singular of a scale after 11-99; alone it is a dual
        (
            "زار المعرض 11 مليوناً و500 ألف زائر",
            ("11 مليوناً و500 ألف زائر", 11_500_000, "person", "exact"),
        ),
        ("ارتفع العدد إلى نحو 86 ألفا في 1988", ("نحو 86 ألفا", 86_000, "unit", "about")),
        ("حصل على ألفا ريال", ("ألفا ريال", 2000, "SAR", "exact")),
        # a percent sign before the number, as bidi text often has it
        ("ارتفعت المبيعات بنسبة %30 خلال العام", ("%30", 30, "percent", "exact")),
        # areas and measures
        ("على مساحة 45 ألف متر مربع شرق المدينة", ("45 ألف متر مربع", 45_000, "m2", "exact")),
        ("تمتد 30 كيلومترا مربعا", ("30 كيلومترا مربعا", 30, "km2", "exact")),
        ("بجهد 380 كيلو فولت", ("380 كيلو فولت", 380, "kV", "exact")),
        # duals and «واحد» after the noun
        ("استمر الاعتصام يومين متتاليين", ("يومين", 2, "day", "exact")),
        ("غرفة تتسع لشخصين فقط", ("شخصين", 2, "person", "exact")),
        ("بعد نحو أسبوعين من الحادث", ("نحو أسبوعين", 2, "week", "about")),
        ("تأخرت الرحلة ساعة واحدة عن موعدها", ("ساعة واحدة", 1, "hour", "exact")),
        ("لا يتجاوز سعرها دولارا واحدا", ("دولارا واحدا", 1, "USD", "exact")),
        # a bare period after a qualifier counts one; a definite number keeps its article
        ("استمرت الأعمال نحو شهر كامل", ("نحو شهر", 1, "month", "about")),
        ("غاب عن الملاعب أكثر من عام", ("أكثر من عام", 1, "year", "more_than")),
        ("وهو الأفضل في العشرين عاماً الماضية", ("العشرين عاماً", 20, "year", "exact")),
        # a partitive counts the listed noun after «من»
        ("ضبطت الفرق 8 من المخالفين للنظام", ("8 من المخالفين", 8, "person", "exact")),
        ("أوقفت الشركة ثلاثة من موظفيها", ("ثلاثة من موظفيها", 3, "person", "exact")),
    ],
)
def test_counted_quantities(text: str, expected: tuple[str, float, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "صدر القرار في 12 مارس 2016 م بعد الاجتماع",
        "حتى 25 شوال 1436 هـ الموافق",
        "انطلق البرنامج بتاريخ 7/6/2015 واستمر",
        "أرسل رسالة إلى 88123 موبايلي أو 730111 زين",
        "تنص المادة 5 مكرر على ذلك",
        "سجل الهدف في الدقيقة الـ 27 لصالح الفريق",
        "ارتفع مؤشر كاك 40 الفرنسي",
        "يفتتح مهرجان الصيف 36 بالمدينة",
        "يعمل من 8 صباحا حتى 3 مساء",
        "احتل المركز 3 عالميا",
        "حضر آلاف الأشخاص الحفل",
        "أمضى فيها اليومين الماضيين",
        "يصدر في 20 من الشهر نفسه",
        "موديل 2015 فضلا عن الجوائز",
        "بلغت 5 أضعاف الميزانية",
        "وهو واحد من أبرز اللاعبين",
        "تجاوز الألبوم حاجز مليار",
        "انتحر صباح الإثنين داخل زنزانته",
        "قتل شخص وأصيب 3 آخرون",
        "اتصل برقم 197 إثر الحادث",
        "تأجل الاجتماع نحو أيام",
        "تضم مجموعة السبع كندا وفرنسا",
        "قتل 7 يرجح أنهم من التنظيم",
        "وصلت الساعة 04:30 غرينتش",
        "جلس الثلاثة معا",
    ],
)
def test_numbers_that_count_nothing(text: str) -> None:
    assert found(text) == []


def test_a_range_gives_both_ends_sharing_the_unit_and_the_scale() -> None:
    assert found("قتل بين 10 و20 شخصا") == [
        ("بين 10", 10, "person", "more_than"),
        ("20 شخصا", 20, "person", "less_than"),
    ]
    assert found("تقدر ما بين 5 و7 مليارات دولار") == [
        ("ما بين 5", 5_000_000_000, "USD", "more_than"),
        ("7 مليارات دولار", 7_000_000_000, "USD", "less_than"),
    ]
    # a low end far below the scaled high end keeps its own value
    assert [a[1] for a in found("بين 500 و2 مليون زائر")] == [500, 2_000_000]


def test_a_scaled_number_with_no_unit_is_the_last_currency_named() -> None:
    got = found("بلغت الأرباح 2 مليار دولار، والقيمة السوقية نحو 63.5 مليار. وزار المعرض 3 ملايين")
    assert got[1] == ("نحو 63.5 مليار", 63_500_000_000, "USD", "about")
    assert got[2] == ("3 ملايين", 3_000_000, "unit", "exact")  # another sentence
    assert found("شاهد الحفل 3 ملايين يوميا") == [("3 ملايين", 3_000_000, "unit", "exact")]


def test_cut_or_odd_text_does_not_break() -> None:
    for text in ["( 12 )", "(12", "12 )", "بين 10 و", "يومين", "واحدا", "( ) مخالفة", "/ 5 /"]:
        found(text)
