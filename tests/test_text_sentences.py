"""Tests for marsad.text.sentences: boundaries, quotations, abbreviations, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.text import Sentence, split_sentences

SAMPLE = Path("/work/shared/samples/kuwait-coalition-meeting.txt")

QUOTED = (
    "وتابع: «لغاية اليوم، فقد قدمت الكويت إجمالي 100 مليون دولار لمواجهة هذا المرض "
    "وللتقليل من آثاره، وتأتي هذه الجهود ضمن التزامنا بتوفير الدعم للاجئين والأقل حظاً "
    "في العديد من الدول»."
)


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    return [sentence.text for sentence in sentences]


def test_quoted_statement_ending_with_guillemet_period_is_one_sentence() -> None:
    before = "وقال الناصر إن هذا الاجتماع يأتي في مرحلة حيوية."
    after = "وأكد تقدير الكويت جهود أعضاء التحالف."
    assert texts(f"{before} {QUOTED} {after}") == [before, QUOTED, after]


def test_period_inside_a_continuing_quotation_is_not_a_boundary() -> None:
    text = "وأردف: «حالياً نواجه التحدي الصعب. ويجب أن نبقى متيقظين». ثم غادر القاعة."
    assert texts(text) == [
        "وأردف: «حالياً نواجه التحدي الصعب. ويجب أن نبقى متيقظين».",
        "ثم غادر القاعة.",
    ]


def test_sentence_ending_with_period_guillemet_ends_after_it() -> None:
    text = "قال الوزير: «انتهى الاجتماع.» وغادر الوفد. ثم عاد؟"
    assert texts(text) == ["قال الوزير: «انتهى الاجتماع.»", "وغادر الوفد.", "ثم عاد؟"]


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"'), ("‹", "›")])
def test_all_quote_styles_protect_their_content(opening: str, closing: str) -> None:
    text = f"قال: {opening}نعم. سنحضر{closing} وانتهى اللقاء. ثم {opening}أ. ب{closing}."
    assert texts(text) == [
        f"قال: {opening}نعم. سنحضر{closing} وانتهى اللقاء.",
        f"ثم {opening}أ. ب{closing}.",
    ]


def test_nested_quotations() -> None:
    text = 'قال: «نقل عنه "لن نتراجع. أبداً" ثم صمت.» وخرج. انتهى.'
    assert texts(text) == ['قال: «نقل عنه "لن نتراجع. أبداً" ثم صمت.»', "وخرج.", "انتهى."]


def test_unmatched_quotation_mark_does_not_swallow_the_paragraph() -> None:
    text = "قال: «نعم. ثم غادر. وانتهى."
    assert texts(text) == ["قال: «نعم.", "ثم غادر.", "وانتهى."]


def test_stray_closing_mark_is_ignored() -> None:
    assert texts("انتهى» الأمر. وبدأ غيره.") == ["انتهى» الأمر.", "وبدأ غيره."]


@pytest.mark.parametrize("mark", ["!", "?", "؟", "…", "...", "؟!", "!!"])
def test_terminators(mark: str) -> None:
    assert texts(f"هل وصل الوفد{mark} نعم وصل.") == [f"هل وصل الوفد{mark}", "نعم وصل."]


def test_newline_always_ends_a_sentence() -> None:
    text = "عنوان بلا نقطة\nالفقرة الأولى. الجملة الثانية\r\n\r\nفقرة أخرى"
    assert texts(text) == ["عنوان بلا نقطة", "الفقرة الأولى.", "الجملة الثانية", "فقرة أخرى"]


def test_quotation_does_not_span_lines() -> None:
    assert texts("قال: «أولاً\nثانياً». انتهى.") == ["قال: «أولاً", "ثانياً».", "انتهى."]


@pytest.mark.parametrize(
    "text",
    [
        "التقى د. أحمد الناصر بالوفد.",
        "صرح م. خالد العلي للصحفيين.",
        "كرّم أ. محمد الطلاب.",
        "حكم بين 500 ق.م. و300 م. تقريباً.",
        "ويمكن المراسلة على ص.ب. 1234 في الكويت.",
        "Mr. Smith met Dr. Jones today.",
        "The novel by J. K. Rowling sold well.",
        "The U.S. envoy arrived.",
        "Use a tool, e.g. a hammer.",
        "في عام 1441 هـ. بدأ المشروع.",
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text: str) -> None:
    assert texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "بلغ النمو 3.5 في المئة هذا العام.",
        "بلغ عدد السكان 1.000.000 نسمة.",
        "تابعوا https://www.kuna.net.kw/ArticleDetails.aspx?id=2890101&lang=ar للمزيد.",
        "راسلونا على info@kuna.net.kw أو kuna.net.kw للمزيد.",
        "وصل العدد إلى ٣٫٥ مليون.",
    ],
)
def test_numbers_and_links_are_not_cut(text: str) -> None:
    assert texts(text) == [text]


def test_year_at_end_of_sentence_is_a_boundary() -> None:
    assert texts("وقع ذلك في عام 2020م. ثم تغير الوضع.") == [
        "وقع ذلك في عام 2020م.",
        "ثم تغير الوضع.",
    ]


def test_link_at_end_of_sentence() -> None:
    text = "المصدر www.kuna.net.kw. وتابع الوزير."
    assert texts(text) == ["المصدر www.kuna.net.kw.", "وتابع الوزير."]


def test_missing_space_after_arabic_full_stop() -> None:
    assert texts("انتهى الاجتماع.وقال الوزير كلمته.") == ["انتهى الاجتماع.", "وقال الوزير كلمته."]


def test_list_number_at_start_is_not_a_sentence() -> None:
    assert texts("1. البند الأول. 2. البند الثاني.") == ["1. البند الأول.", "2. البند الثاني."]
    assert texts("\u200f١. البند") == ["١. البند"]


def test_closing_parenthesis_after_full_stop() -> None:
    text = "(وقد أكد ذلك.) ثم أضاف الوزير."
    assert texts(text) == ["(وقد أكد ذلك.)", "ثم أضاف الوزير."]


def test_offsets_and_stripping_of_whitespace_and_bidi_marks() -> None:
    text = "  \u200fالجملة الأولى.\u200f\u00a0 الجملة الثانية!  "
    sentences = split_sentences(text)
    assert sentences == [
        Sentence("الجملة الأولى.", 3, 17),
        Sentence("الجملة الثانية!", 20, 35),
    ]


def test_punctuation_only_pieces_are_dropped() -> None:
    assert texts("... !!! ؟\n\u200f\n«» —\nنص حقيقي.") == ["نص حقيقي."]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\u200f ") == []


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample article not available")
def test_sample_article() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = texts(text)
    assert QUOTED in sentences
    assert any(s.startswith("وأردف: «حالياً") and s.endswith("الغامضة».") for s in sentences)
    assert sentences[0] == (
        "الناصر يترأس وفد الكويت في اجتماع المجموعة الوزارية المصغرة للتحالف الدولي ضد «داعش»"
    )
    assert all(s.count("«") == s.count("»") for s in sentences)
