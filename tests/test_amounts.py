"""Amounts: money with ISO 4217 codes, counts, percents, qualifiers, and bad input."""

from __future__ import annotations

import pytest

from marsad import extract
from marsad.amounts import digits_value, find_amounts

from .conftest import SAMPLE


def one(text: str) -> tuple[str, float, str, str]:
    (amount,) = find_amounts(text)
    assert text[amount.start : amount.end] == amount.text
    return amount.text, amount.value, amount.unit, amount.qualifier


def test_the_sample_has_its_two_gold_amounts() -> None:
    (article,) = extract(SAMPLE).articles
    got = [(a.text, a.value, a.unit, a.qualifier) for a in article.amounts]
    assert got == [
        ("100 مليون دولار", 100_000_000, "USD", "exact"),
        ("أكثر من 100 عنصر", 100, "person", "more_than"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بلغت نحو ثلاثة آلاف وخمسمئة دينار كويتي",
            ("نحو ثلاثة آلاف وخمسمئة دينار كويتي", 3500, "KWD", "about"),
        ),
        ("نزح نصف مليون شخص", ("نصف مليون شخص", 500_000, "person", "exact")),
        ("تبرع بمليوني دولار", ("مليوني دولار", 2_000_000, "USD", "exact")),
        ("قتل مئتي شخص", ("مئتي شخص", 200, "person", "exact")),
        ("مليار و200 مليون يورو", ("مليار و200 مليون يورو", 1_200_000_000, "EUR", "exact")),
        ("أقل من 5 ملايين جنيه مصري", ("أقل من 5 ملايين جنيه مصري", 5_000_000, "EGP", "less_than")),
        ("حوالي مليون ونصف لاجئ", ("حوالي مليون ونصف لاجئ", 1_500_000, "person", "about")),
        ("ارتفع ٣٫٥ في المئة", ("٣٫٥ في المئة", 3.5, "percent", "exact")),
        ("قيمتها 1.5 مليار دولار", ("1.5 مليار دولار", 1_500_000_000, "USD", "exact")),
        ("سقط سبعة عشر جنديا", ("سبعة عشر جنديا", 17, "person", "exact")),
        ("بمبلغ ١٬٠٠٠ ريال سعودي", ("١٬٠٠٠ ريال سعودي", 1000, "SAR", "exact")),
        ("دفع $100", ("$100", 100, "USD", "exact")),
    ],
)
def test_amounts(text: str, expected: tuple[str, float, str, str]) -> None:
    assert one(text) == expected


def test_bare_numbers_and_years_are_not_amounts() -> None:
    assert find_amounts("في عام 2018 صدر القانون رقم 15 وفاز الفريق 3-1") == []


@pytest.mark.parametrize(
    "text",
    ["10^30 دولار", "1" + "0" * 40 + " دولار", "1" * 500, "،،، ,,, ...", "", "«مليون", "و و و"],
)
def test_bad_input_gives_sane_output_or_nothing(text: str) -> None:
    for amount in find_amounts(text):
        assert amount.value < 1e15


def test_thousands_separators_in_both_styles() -> None:
    assert digits_value("1,000") == digits_value("١٬٠٠٠") == digits_value("1.000") == 1000
    assert digits_value("3.5") == digits_value("٣٫٥") == 3.5
    assert digits_value("1.500", scale_follows=True) == 1.5
    assert digits_value("9" * 40) is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("افتتح الوزير في الزرقاء مستشفى بكلفة 48 مليون دينار بتمويل من الحكومة الأردنية.", "JOD"),
        ("قدمت الكويت منحة قيمتها 5 ملايين دينار للمشروع.", "KWD"),
        ("بلغت الصادرات العمانية 320 مليون ريال في مسقط.", "OMR"),
        ("سجلت الشركة أرباحا بقيمة 12 مليون درهم في الدار البيضاء المغربية.", "MAD"),
        ("بلغت الكلفة 7 ملايين دينار.", "KWD"),
    ],
)
def test_a_bare_shared_currency_word_follows_the_article_country(text: str, unit: str) -> None:
    from marsad import extract_text

    article = extract_text(f"عنوان الخبر\n\n{text}")
    assert [a.unit for a in article.amounts] == [unit]
