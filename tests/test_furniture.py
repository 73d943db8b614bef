"""Page furniture: phrases and line features as data, applied to lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import extract_text
from marsad.furniture import FurnitureRules, classify_lines

PARA = "وقال الوزير في مؤتمر صحفي إن الحكومة ستواصل دعم القطاع الزراعي خلال العام المقبل."
PARA2 = "وأوضح أن الخطة تشمل قروضا ميسرة للمزارعين بقيمة 20 مليون دينار."


@pytest.mark.parametrize(
    "line",
    [
        "شارك", "• شارك", "اقرأ أيضا", "اقرأ أيضاً:", "مستندات لها علاقة", "طباعة", "أرسل لصديق",
        "الرياض - واس", "عمان ـ بترا", "بيروت - (أ ف ب)", "فرانس24/ أ ف ب", "-----------",
        "*نقلاً عن الرؤية الإماراتية", "(صورة أرشيفية) الوزير خلال المؤتمر", "الصورة: الوزير",
        "تابعونا على فيسبوك وتويتر", "جميع الحقوق محفوظة © 2024",
        "الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.",
    ],
)  # fmt: skip
def test_furniture_lines(line: str) -> None:
    assert classify_lines([PARA, line, PARA2]) == [None, classify_lines([line])[0], None]
    assert classify_lines([line])[0] is not None


@pytest.mark.parametrize(
    "line",
    [
        PARA,
        "خطة للتوسع",  # a crosshead: short, but alone
        "وزارة الخارجية تعلن موقفها",  # one headline-like line alone is not a list
        "قال وزير الإعلام: «شارك الجميع في إنجاح الحدث».",  # contains a widget word, is text
        "الرياض - واس أكدت المملكة دعمها للجهود الدولية في مكافحة الإرهاب.",  # dateline opening a paragraph
    ],
)
def test_text_lines_are_kept(line: str) -> None:
    assert classify_lines([PARA, line, PARA2]) == [None, None, None]


def test_related_block_after_a_marker() -> None:
    lines = [PARA, "اقرأ أيضا:", "ارتفاع أسعار النفط في الأسواق العالمية", PARA2]
    assert classify_lines(lines) == [None, "related", "related", None]


def test_a_run_of_headline_lines_is_a_list_of_links() -> None:
    lines = [
        PARA,
        "السجن للممثل الهندي سلمان خان لصيد ظبي نادر",
        "نجم السينما الهندية يحاكم بتهمة القتل",
        PARA2,
    ]
    assert classify_lines(lines) == [None, "related", "related", None]


def test_rules_are_data_a_user_can_replace(tmp_path: Path) -> None:
    packaged = (Path(__file__).parent.parent / "src/marsad/data/furniture.toml").read_text("utf-8")
    custom = tmp_path / "rules.toml"
    custom.write_text(packaged.replace("exact = [", 'exact = [\n  "إعلان مدفوع",'), "utf-8")
    rules = FurnitureRules.load(custom)
    assert classify_lines([PARA, "إعلان مدفوع", PARA2], rules)[1] == "widget"
    assert classify_lines([PARA, "إعلان مدفوع", PARA2])[1] is None


def test_text_dump_segments_with_furniture_around() -> None:
    dump = "\n".join(
        [
            "الرئيسية",
            "الحكومة تطلق خطة لدعم المزارعين",
            "",
            "الخطة تشمل قروضا ميسرة وتدريبا",
            "",
            "عمان - بترا",
            PARA,
            "(صورة أرشيفية) حقول القمح في إربد",
            PARA2,
            "اقرأ أيضا:",
            "ارتفاع أسعار النفط في الأسواق العالمية",
            "انطلاق معرض الكتاب في عمان",
            "",
            "• شارك",
            "طباعة",
        ]
    )
    article = extract_text(dump)
    assert article.title == "الحكومة تطلق خطة لدعم المزارعين"
    assert article.lead == "الخطة تشمل قروضا ميسرة وتدريبا"
    assert article.body == f"{PARA}\n\n{PARA2}"
    assert article.boilerplate == [
        "الرئيسية", "عمان - بترا", "(صورة أرشيفية) حقول القمح في إربد", "اقرأ أيضا:",
        "ارتفاع أسعار النفط في الأسواق العالمية", "انطلاق معرض الكتاب في عمان", "• شارك", "طباعة",
    ]  # fmt: skip


def test_bad_rules_file_is_a_clear_error(tmp_path: Path) -> None:
    from marsad import MarsadError

    bad = tmp_path / "bad.toml"
    bad.write_text("exact = [", "utf-8")
    with pytest.raises(MarsadError, match=r"bad\.toml"):
        FurnitureRules.load(bad)


def test_date_and_author_lines_around_the_text_but_not_timelines_inside_it() -> None:
    dump = "\n".join(
        [
            "الحكومة تطلق خطة لدعم المزارعين",
            "الأحد 10 مارس 2024 - 10:30 ص",
            "",
            "الخطة تشمل قروضا ميسرة وتدريبا",
            "",
            "بقلم: ريم الشابي",
            PARA,
            "2 أكتوبر",
            PARA2,
            "الرئيسية > أخبار > اقتصاد",
        ]
    )
    article = extract_text(dump)
    assert article.lead == "الخطة تشمل قروضا ميسرة وتدريبا"
    assert article.body == f"{PARA}\n\n2 أكتوبر\n\n{PARA2}"
    assert article.author == "ريم الشابي"
    assert article.boilerplate == [
        "الأحد 10 مارس 2024 - 10:30 ص", "بقلم: ريم الشابي", "الرئيسية > أخبار > اقتصاد",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "ومن المقرر أن يبدأ في أيار/مايو المقبل",
        "قال «نعم» للاتفاق",
        "بقلم الرصاص رسم الفنان لوحته.",
    ],
)
def test_lines_that_only_look_like_breadcrumbs_or_bylines(line: str) -> None:
    assert classify_lines([PARA, line, PARA2]) == [None, None, None]


def test_a_date_line_gives_the_publication_day_and_keyword_lines_are_furniture() -> None:
    dump = "\n".join(
        [
            "زلزال بقوة 6 درجات يضرب جنوب تركيا",
            "",
            "آخر تحديث: 12/03/2024 10:30",
            "",
            PARA,
            PARA2,
            "كلمات مفتاحية: تركيا، زلزال",
        ]
    )
    article = extract_text(dump)
    assert article.published == "2024-03-12"
    assert article.body == f"{PARA}\n\n{PARA2}"
    assert article.boilerplate == ["آخر تحديث: 12/03/2024 10:30", "كلمات مفتاحية: تركيا، زلزال"]
    assert extract_text(f"عنوان\n\n{PARA}").published is None


def test_the_articles_own_list_is_not_a_list_of_links() -> None:
    winners = [
        "اللاعب سعد الحربي (سباحة) ذهبية وفضية",
        "اللاعب ماجد العتيبي (رماية) ذهبية",
        "اللاعب نواف الشهري (ألعاب قوى) فضية",
        "اللاعب خالد الدوسري (جودو) برونزية",
    ]
    assert classify_lines(winners) == [None] * 4
    links = [
        "اكتشاف مقبرة أثرية جديدة قرب مدينة الأقصر جنوب مصر",
        "اكتشاف تمثال نادر يعود إلى عهد الأسرة الثامنة عشرة",
        "اكتشاف نقوش قديمة على جدران معبد في صعيد مصر",
        "اكتشاف أدوات حجرية في كهف بجبال الأطلس المغربية",
    ]
    assert classify_lines(links) == ["related"] * 4, "headlines opening alike are still links"


def test_a_reporters_line_or_prefix_opening_the_article_is_furniture() -> None:
    from marsad.furniture import split_furniture

    kept, removed = split_furniture(["سامي العتيبي – الدمام", "افتتح المعرض أمس بحضور كبير."])
    assert (kept, removed) == (["افتتح المعرض أمس بحضور كبير."], ["سامي العتيبي – الدمام"])
    kept, removed = split_furniture(["نورة الشهري - سبق - أبها: أعلنت الجامعة نتائج القبول."])
    assert kept == ["أعلنت الجامعة نتائج القبول."]
    assert removed == ["نورة الشهري - سبق - أبها:"]
    text = ["بدأ الموسم.", "الهلال – النصر", "وانتهت المباراة بالتعادل."]
    assert split_furniture(text)[0] == text, "after the first line such a line is text"


@pytest.mark.parametrize(
    ("first", "byline", "text"),
    [
        (
            "سامي فهد - الوطن - جدة: افتتح المحافظ المعرض.",
            "سامي فهد - الوطن - جدة:",
            "افتتح المحافظ المعرض.",
        ),
        ("سامي فهد -الوطن:افتتح المحافظ المعرض.", "سامي فهد -الوطن:", "افتتح المحافظ المعرض."),
        (
            "سامي فهد الوطن-جدة: افتتح المحافظ المعرض.",
            "سامي فهد الوطن-جدة:",
            "افتتح المحافظ المعرض.",
        ),
        ("قال وزير المالية سامي فهد: إن الميزانية متوازنة.", None, None),
    ],
)
def test_the_reporter_and_source_before_the_first_sentence_are_furniture(
    first: str, byline: str | None, text: str | None
) -> None:
    from marsad.furniture import split_furniture

    kept, removed = split_furniture([first, PARA])
    if byline is None:
        assert kept == [first, PARA] and removed == []
    else:
        assert kept == [text, PARA] and removed == [byline]


def test_a_link_back_to_the_source_is_furniture() -> None:
    from marsad.furniture import split_furniture

    kept, removed = split_furniture([PARA, "رابط الخبر بصحيفة الوطن: الوزير يفتتح المعرض"])
    assert kept == [PARA]
    assert removed == ["رابط الخبر بصحيفة الوطن: الوزير يفتتح المعرض"]


def test_the_source_and_place_before_the_first_sentence_are_furniture() -> None:
    from marsad.furniture import split_furniture

    kept, removed = split_furniture(["الوطن- جدة: افتتح المحافظ المعرض.", PARA])
    assert kept == ["افتتح المحافظ المعرض.", PARA] and removed == ["الوطن- جدة:"]
    sentence = "القاهرة - أعلنت الحكومة اليوم أن العمل: مستمر"
    assert split_furniture([sentence, PARA]) == ([sentence, PARA], [])


def test_a_credit_closing_the_last_paragraph_is_furniture() -> None:
    from marsad.furniture import split_furniture

    last = "وتواجه الهيئة العديد من المشاكل. رابط الخبر بصحيفة الوطن: الهيئة تواجه المشاكل"
    kept, removed = split_furniture([PARA, last])
    assert kept == [PARA, "وتواجه الهيئة العديد من المشاكل."]
    assert removed == ["رابط الخبر بصحيفة الوطن: الهيئة تواجه المشاكل"]
    inside = "وقال إن رابط الخبر لم يكن صحيحا."
    assert split_furniture([PARA, inside]) == ([PARA, inside], [])
