"""Tests for marsad.text.normalize: the matching form and its offset map."""

from __future__ import annotations

import importlib
import random

import pytest

from marsad.text import normalize, normalize_with_offsets
from marsad.text.data import HAMZA_SEATS_KEPT


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إيطاليا", "ايطاليا"),
        ("آخر", "اخر"),
        ("ٱلرحمن", "الرحمن"),
        ("مستشفى", "مستشفي"),
        ("الكويتية", "الكويتيه"),
        ("کویت", "كويت"),  # Persian keheh and yeh
        ("الكـــويت", "الكويت"),  # tatweel
        ("وَزِيرُ الخَارِجِيَّةِ", "وزير الخارجيه"),
        ("دوراً نشطاً", "دورا نشطا"),  # tanween
        ("هٰذا", "هذا"),  # superscript alef
        ("الرَّحِيمِ ۝", "الرحيم"),  # Quranic end-of-ayah sign
        ("ذٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَۛ", "ذلك الكتب لا ريب"),  # dagger alef is a mark: dropped
    ],
)
def test_arabic_letters_and_marks_are_folded(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ﻻ", "لا"),  # lam-alef ligature becomes two letters
        ("ﻷ", "لا"),  # lam-alef with hamza: ligature, then hamza folding
        ("ﺍﻟﻜﻮﻳﺖ", "الكويت"),  # contextual forms
        ("ﺃﺣﻤﺪ", "احمد"),
        ("ﷲ", "الله"),
        ("ﷺ", "صلي الله عليه وسلم"),
        ("ﺑﹰ", "ب"),  # isolated tanween form leaves nothing, not a space
        ("ﻣﺪﻳﻨﺔ", "مدينه"),
    ],
)
def test_presentation_forms_are_decomposed_then_folded(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("٢٠٢٠", "2020"),
        ("۱۳۹۹", "1399"),
        ("٣٫٥", "3.5"),
        ("١٬٠٠٠", "1,000"),
        ("٥٠٪", "50%"),
        ("عام ٢٠٢٠م", "عام 2020م"),
    ],
)
def test_eastern_digits_become_ascii(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_unicode_spaces_collapse_and_strip() -> None:
    raw = "\u00a0 وزير\u2009\u2009الخارجية\u202fالكويتي \t\n  الشيخ\u3000"
    assert normalize(raw) == "وزير الخارجيه الكويتي الشيخ"


def test_bidi_and_invisible_marks_vanish_without_splitting_words() -> None:
    raw = "\ufeff\u200fالكو\u200bيت\u200f \u202bKUNA\u202c \u2067وزير\u2069\u061c"
    assert normalize(raw) == "الكويت kuna وزير"


def test_mark_between_spaces_does_not_leave_a_double_space() -> None:
    assert normalize("قال \u200f \u064e وزير") == "قال وزير"


def test_latin_is_casefolded() -> None:
    assert normalize("KUNA Reuters Straße") == "kuna reuters strasse"


def test_hamza_on_waw_and_yaa_is_kept() -> None:
    assert frozenset("ؤئء") == HAMZA_SEATS_KEPT
    assert normalize("مسؤول هيئة شؤون أعضاء") == "مسؤول هيئه شؤون اعضاء"
    assert normalize("مسؤول") != normalize("مسوول")


def test_decomposed_hamza_matches_precomposed() -> None:
    assert normalize("مسو\u0654ول") == normalize("مسؤول") == "مسؤول"
    assert normalize("هيي\u0654ة") == normalize("هيئة") == "هيئه"
    assert normalize("ا\u0654حمد") == normalize("أحمد")


def test_spelling_variants_of_one_name_match() -> None:
    variants = ["الكويتيّة", "الكويتيه", "الكُوَيْتِيَّة", "الكويتيـــة", "\u200fالكويتية"]
    assert len({normalize(v) for v in variants}) == 1


def test_empty_and_blank() -> None:
    assert normalize("") == ""
    assert normalize(" \u00a0\u200f\n") == ""


def test_idempotent_on_sample_text() -> None:
    raw = "وتابع: «لغاية اليوم، فقد قدّمت الكويت إجماليّ ١٠٠ مليون دولار»."
    once = normalize(raw)
    assert normalize(once) == once
    assert once == "وتابع: «لغايه اليوم، فقد قدمت الكويت اجمالي 100 مليون دولار»."


# --- offsets ---------------------------------------------------------------------------------


def test_offsets_shape_and_simple_mapping() -> None:
    raw = "  وَزِيرُ\u00a0\u00a0الخارجيّة "
    result, offsets = normalize_with_offsets(raw)
    assert result == normalize(raw) == "وزير الخارجيه"
    assert len(offsets) == len(result) + 1
    assert offsets[0] == 2  # first letter, leading spaces skipped
    assert raw[offsets[4]] == "\u00a0"  # the collapsed space points at the first NBSP
    assert offsets[-1] == len(raw) - 1  # trailing space is not covered


def test_match_maps_back_with_its_diacritics() -> None:
    raw = "ترأس وَزِيرُ الخارجيّة الشيخ"
    result, offsets = normalize_with_offsets(raw)
    i = result.index("وزير")
    j = i + len("وزير")
    assert raw[offsets[i] : offsets[j]] == "وَزِيرُ"
    k = result.index("الخارجيه")
    assert raw[offsets[k] : offsets[k + len("الخارجيه")]] == "الخارجيّة"


def test_match_at_end_includes_trailing_marks() -> None:
    raw = "كتبَ"
    result, offsets = normalize_with_offsets(raw)
    assert result == "كتب"
    assert raw[offsets[0] : offsets[-1]] == raw


def test_ligature_maps_both_letters_to_one_character() -> None:
    result, offsets = normalize_with_offsets("ﻻ بد")
    assert result == "لا بد"
    assert offsets == [0, 0, 1, 2, 3, 4]


def test_digits_and_casefold_expansion_keep_offsets() -> None:
    raw = "Straße ٢٠٢٠"
    result, offsets = normalize_with_offsets(raw)
    assert result == "strasse 2020"
    assert offsets[4] == offsets[5] == raw.index("ß")
    assert raw[offsets[8] : offsets[12]] == "٢٠٢٠"


def test_bidi_marks_inside_match_are_covered() -> None:
    raw = "قال \u200fالكويت\u200f اليوم"
    result, offsets = normalize_with_offsets(raw)
    i = result.index("الكويت")
    assert raw[offsets[i] : offsets[i + 6]] == "الكويت\u200f"
    assert result == "قال الكويت اليوم"


def test_decomposed_hamza_offsets() -> None:
    raw = "مسو\u0654ول"
    result, offsets = normalize_with_offsets(raw)
    assert result == "مسؤول"
    assert offsets == [0, 1, 2, 4, 5, 6]


@pytest.mark.parametrize("raw", ["", "   ", "\u200f\u064e", "\n\u00a0\t"])
def test_offsets_of_empty_result(raw: str) -> None:
    assert normalize_with_offsets(raw) == ("", [0])


_ALPHABET = [
    *"abcABCßİΣ وزيرأإآٱىةؤئءـًٌَُِّْٰ٠١٩۰۹٫ﻻﷲﷺﺃﺑﻟﻠﺘﹰﹱ.,«»",
    *"\u00a0\u200f\u200b\u202b\u202c\u2066\ufeff\u061c\t\n\u2009\u202f\u0654\u06d6",
]


def _boundary(offsets: list[int], k: int, size: int) -> bool:
    """Whether position k of the result starts a new source character."""
    return k in (0, size) or offsets[k] != offsets[k - 1]


def test_random_texts_round_trip_through_offsets() -> None:
    rng = random.Random(20240601)
    for _ in range(3000):
        raw = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
        result, offsets = normalize_with_offsets(raw)
        assert result == normalize(raw)
        assert len(offsets) == len(result) + 1
        assert offsets == sorted(offsets)
        assert normalize(result) == result
        for i in range(len(result)):
            for j in range(i + 1, len(result) + 1):
                if " " in (result[i], result[j - 1]):
                    continue
                if not (_boundary(offsets, i, len(result)) and _boundary(offsets, j, len(result))):
                    continue
                assert normalize(raw[offsets[i] : offsets[j]]) == result[i:j], (raw, i, j)


def test_name_words_written_apart_or_joined_are_joined_alike() -> None:
    from marsad.text import join_name_words, normalize_word

    assert join_name_words(["عبد", "الناصر", "علام"]) == ("عبدالناصر", "علام")
    assert join_name_words(["عبدالناصر", "علام"]) == ("عبدالناصر", "علام")
    assert join_name_words(["محمد", "عبد"]) == ("محمد", "عبد"), "nothing after it to join"
    assert normalize_word("إبراهيم") == normalize("إبراهيم")


def test_remembered_short_texts_fold_as_when_first_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """normalize remembers short texts: asked again, or after its memory starts afresh, it
    gives what it gave the first time, for words with marks, a decomposed hamza, ligatures."""
    module = importlib.import_module("marsad.text.normalize")  # the package's name is the function

    words = ["وَزِيرُ", "ﻻ", "سؤ\u0654ال", "يو\u0654من", "الخارجيّة", "٢٠٢٠", "AbC", " مسافة  بين "]
    monkeypatch.setattr(module, "_REMEMBERED", {})
    first = [normalize(w) for w in words]
    assert first[:2] == ["وزير", "لا"] and first[4:7] == ["الخارجيه", "2020", "abc"]
    assert first[7] == "مسافه بين"
    assert [normalize(w) for w in words] == first
    monkeypatch.setattr(module, "_REMEMBERED", {})
    monkeypatch.setattr(module, "_REMEMBER_AT_MOST", 3)
    for _ in range(3):  # the memory fills and is emptied along the way
        assert [normalize(w) for w in words] == first
        assert len(module._REMEMBERED) <= 3
    long = "وَزِيرُ  الخارجيّة " * 4  # longer texts are folded each time
    assert normalize(long) == ("وزير الخارجيه " * 4).strip()
    assert long not in module._REMEMBERED
