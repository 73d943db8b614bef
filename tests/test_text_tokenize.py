"""Tests for marsad.text.tokenize: tokens, offsets and proclitics."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from marsad.text import Token, split_proclitics, tokenize

SAMPLE = Path("/work/shared/samples/kuwait-coalition-meeting.txt")

SENTENCE = (
    "وتابع: «لغاية اليوم، فقد قدمت الكويت إجمالي 100 مليون دولار لمواجهة هذا المرض "
    "وللتقليل من آثاره، وتأتي هذه الجهود ضمن التزامنا بتوفير الدعم للاجئين والأقل حظاً "
    "في العديد من الدول»."
)


def texts(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(token.text, token.kind) for token in tokenize(text)]


# --- offsets and kinds -----------------------------------------------------------------------


def _assert_offsets(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert text[token.base_start : token.end] == token.base
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def test_offsets_on_news_sentence() -> None:
    _assert_offsets(SENTENCE)
    assert texts(SENTENCE)[:4] == ["وتابع", ":", "«", "لغاية"]
    assert texts(SENTENCE)[-3:] == ["الدول", "»", "."]


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample article not available")
def test_offsets_on_sample_article() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    _assert_offsets(text)
    assert {t.kind for t in tokenize(text)} <= {"word", "latin", "number", "punct", "symbol"}


def test_arabic_punctuation_is_its_own_token() -> None:
    assert kinds("قال،وأكد؛ هل؟«نعم»") == [
        ("قال", "word"),
        ("،", "punct"),
        ("وأكد", "word"),
        ("؛", "punct"),
        ("هل", "word"),
        ("؟", "punct"),
        ("«", "punct"),
        ("نعم", "word"),
        ("»", "punct"),
    ]


@pytest.mark.parametrize("number", ["100", "3.5", "1,000", "1.000.000", "٢٠٢٠", "٣٫٥", "۱۳۹۹"])
def test_numbers_stay_one_token(number: str) -> None:
    assert kinds(f"بلغ {number} دولار") == [
        ("بلغ", "word"),
        (number, "number"),
        ("دولار", "word"),
    ]


def test_number_does_not_swallow_sentence_punctuation() -> None:
    assert kinds("عام 2020. و1,5، 50%") == [
        ("عام", "word"),
        ("2020", "number"),
        (".", "punct"),
        ("و", "word"),
        ("1,5", "number"),
        ("،", "punct"),
        ("50", "number"),
        ("%", "symbol"),
    ]


def test_diacritics_and_tatweel_stay_inside_words() -> None:
    assert texts("وَزِيرُ الكـــويت الخارجيّة") == ["وَزِيرُ", "الكـــويت", "الخارجيّة"]


def test_presentation_forms_form_words() -> None:
    assert kinds("ﻻ ﺍﻟﻜﻮﻳﺖ") == [("ﻻ", "word"), ("ﺍﻟﻜﻮﻳﺖ", "word")]


def test_bidi_marks_and_nbsp_are_not_tokens() -> None:
    text = "\u200fوزير\u200f\u00a0الخارجية\u202c \ufeffKUNA"
    _assert_offsets(text)
    assert texts(text) == ["وزير", "الخارجية", "KUNA"]


def test_zero_width_joiner_inside_word_is_kept_but_not_at_edges() -> None:
    assert texts("می\u200cخواهم \u200cكلمة") == ["می\u200cخواهم", "كلمة"]


@pytest.mark.parametrize(
    "link",
    [
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=2890101&language=ar",
        "http://example.com/path_(with)_parens",
        "www.alraimedia.com",
        "info@kuna.net.kw",
        "aljazeera.net",
        "kuna.net.kw/ar/news",
    ],
)
def test_links_stay_one_latin_token(link: str) -> None:
    assert kinds(f"المصدر: {link}.") == [
        ("المصدر", "word"),
        (":", "punct"),
        (link, "latin"),
        (".", "punct"),
    ]


def test_url_inside_parentheses_leaves_the_closing_one() -> None:
    assert texts("(https://kuna.net.kw/a)،") == ["(", "https://kuna.net.kw/a", ")", "،"]


def test_latin_words() -> None:
    assert kinds("فيروس COVID-19 وشركة Apple's iPhone") == [
        ("فيروس", "word"),
        ("COVID-19", "latin"),
        ("وشركة", "word"),
        ("Apple's", "latin"),
        ("iPhone", "latin"),
    ]


def test_handles_and_hashtags() -> None:
    assert kinds("#الكويت @kuna_ar") == [
        ("#", "symbol"),
        ("الكويت", "word"),
        ("@", "symbol"),
        ("kuna_ar", "latin"),
    ]


def test_latin_glued_to_arabic_splits_by_script() -> None:
    assert kinds("iPhoneالجديد G20") == [
        ("iPhone", "latin"),
        ("الجديد", "word"),
        ("G20", "latin"),
    ]


def test_abbreviations_are_not_domains() -> None:
    assert texts("e.g. U.S.") == ["e", ".", "g", ".", "U", ".", "S", "."]


def test_ellipsis_and_symbols() -> None:
    assert kinds("انتظر... ثم… $5 + ☺") == [
        ("انتظر", "word"),
        ("...", "punct"),
        ("ثم", "word"),
        ("…", "punct"),
        ("$", "symbol"),
        ("5", "number"),
        ("+", "symbol"),
        ("☺", "symbol"),
    ]


def test_empty_text() -> None:
    assert tokenize("") == []
    assert tokenize(" \u200f\n\u00a0") == []


# --- Token -----------------------------------------------------------------------------------


def test_token_base_and_base_start() -> None:
    [token] = tokenize("  والكويت")
    assert token == Token("والكويت", 2, 9, "word", "وال")
    assert token.base == "كويت"
    assert token.base_start == 5


def test_token_is_frozen() -> None:
    token = tokenize("وزير")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        token.start = 3  # type: ignore[misc]


def test_only_arabic_words_get_prefixes() -> None:
    tokens = tokenize("والكويت Washington 100 «")
    assert [t.prefix for t in tokens] == ["وال", "", "", ""]


def test_sentence_prefixes() -> None:
    prefixes = {t.text: t.prefix for t in tokenize(SENTENCE)}
    assert prefixes["لغاية"] == "ل"
    assert prefixes["الكويت"] == "ال"
    assert prefixes["وللتقليل"] == "ولل"
    assert prefixes["بتوفير"] == "ب"
    assert prefixes["للاجئين"] == "ل"  # ل + (ال) + لاجئين: the article's lam is not written
    assert prefixes["والأقل"] == "وال"
    assert prefixes["التزامنا"] == ""  # form VIII verbal noun, not the article
    assert prefixes["إجمالي"] == ""
    assert prefixes["فقد"] == "ف"


# --- split_proclitics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وزير", ("", "وزير")),
        ("بريطانيا", ("", "بريطانيا")),
        ("وبريطانيا", ("و", "بريطانيا")),
        ("وإيطاليا", ("و", "إيطاليا")),
        ("للتحالف", ("لل", "تحالف")),
        ("بالانتخابات", ("بال", "انتخابات")),
        ("والكويت", ("وال", "كويت")),
        ("الكويت", ("ال", "كويت")),
        ("ولبنان", ("و", "لبنان")),
        ("فرنسا", ("", "فرنسا")),
        ("وفرنسا", ("و", "فرنسا")),
        ("كندا", ("", "كندا")),
        ("لندن", ("", "لندن")),
        ("وليد", ("", "وليد")),
        ("بشار", ("", "بشار")),
        ("وزارة", ("", "وزارة")),
        ("ووزير", ("و", "وزير")),
        ("بيروت", ("", "بيروت")),
        ("الكاظمي", ("ال", "كاظمي")),
        ("وطني", ("", "وطني")),
        ("ليبيا", ("", "ليبيا")),
        ("فلسطين", ("", "فلسطين")),
        ("كوريا", ("", "كوريا")),
        ("بغداد", ("", "بغداد")),
        ("واشنطن", ("", "واشنطن")),
        ("فيينا", ("", "فيينا")),
        ("لؤي", ("", "لؤي")),
        ("كريم", ("", "كريم")),
        ("فيصل", ("", "فيصل")),
        ("باريس", ("", "باريس")),
    ],
)
def test_split_proclitics_brief_cases(word: str, expected: tuple[str, str]) -> None:
    assert split_proclitics(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # inflected lexicon words are recognised
        ("وزيرة", ("", "وزيرة")),
        ("وزارتها", ("", "وزارتها")),
        ("الوزارات", ("ال", "وزارات")),
        ("بريطانية", ("", "بريطانية")),
        ("وبريطانيون", ("و", "بريطانيون")),
        ("الفلسطينية", ("ال", "فلسطينية")),
        ("لبنانيون", ("", "لبنانيون")),
        ("كانت", ("", "كانت")),
        ("وفقاً", ("", "وفقاً")),
        ("والده", ("", "والده")),
        # the article needs a bare alef; hamza-less spellings of إ/أ words are in the lexicon
        ("إليه", ("", "إليه")),
        ("اليه", ("", "اليه")),
        ("ألمانيا", ("", "ألمانيا")),
        ("المانيا", ("", "المانيا")),
        ("الله", ("", "الله")),
        ("والله", ("و", "الله")),
        ("الذين", ("", "الذين")),
        ("التزام", ("", "التزام")),
        ("الالتزام", ("ال", "التزام")),
        # short bases
        ("وهو", ("و", "هو")),
        ("بما", ("ب", "ما")),
        ("بأن", ("ب", "أن")),
        ("ولد", ("", "ولد")),
        ("كل", ("", "كل")),
        ("كما", ("", "كما")),
        ("لكن", ("", "لكن")),
        ("ولكن", ("و", "لكن")),
        ("بين", ("", "بين")),
        ("وبين", ("و", "بين")),
        ("الى", ("", "الى")),
        # prefix letters without the article
        ("بشكل", ("ب", "شكل")),
        ("لمواجهة", ("ل", "مواجهة")),
        ("وللتقليل", ("ولل", "تقليل")),
        ("وبالتحديد", ("وبال", "تحديد")),
        ("فالكويت", ("فال", "كويت")),
        ("كالعادة", ("كال", "عادة")),
        ("ولذلك", ("ول", "ذلك")),
        ("ولاسيما", ("و", "لاسيما")),
        ("للاجئين", ("ل", "لاجئين")),
        ("وكاليفورنيا", ("و", "كاليفورنيا")),
    ],
)
def test_split_proclitics_more_cases(word: str, expected: tuple[str, str]) -> None:
    assert split_proclitics(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وَالْكُوَيْت", ("وَالْ", "كُوَيْت")),  # diacritics on the prefix stay with it
        ("وَإِيطاليا", ("وَ", "إِيطاليا")),
        ("بـالكويت", ("بـال", "كويت")),  # tatweel after a prefix letter
        ("ٱلكتاب", ("ٱل", "كتاب")),  # alef wasla
        ("ﻭﺍﻟﻜﻮﻳﺖ", ("ﻭﺍﻟ", "ﻜﻮﻳﺖ")),  # presentation forms
        ("ﻻعب", ("", "ﻻعب")),  # ligature: لاعب is a lexicon word
        ("ﻟﻠﺘﺤﺎﻟﻒ", ("ﻟﻠ", "ﺘﺤﺎﻟﻒ")),
    ],
)
def test_split_proclitics_written_forms(word: str, expected: tuple[str, str]) -> None:
    prefix, base = split_proclitics(word)
    assert (prefix, base) == expected
    assert prefix + base == word


@pytest.mark.parametrize("word", ["", "Washington", "100", "و", "ال", "بل", "لا", "الا", "abcوال"])
def test_split_proclitics_leaves_non_candidates_alone(word: str) -> None:
    assert split_proclitics(word) == ("", word)


def test_prefix_is_never_the_whole_word() -> None:
    for token in tokenize(SENTENCE):
        if token.kind == "word":
            assert len(token.base) >= 2
