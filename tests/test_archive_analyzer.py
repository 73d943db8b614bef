"""The search analyzer and the query reader."""

from __future__ import annotations

import pytest

from marsad.archive import analyze, parse_query, terms


@pytest.mark.parametrize(
    ("word", "term"),
    [("الانتخابات", "انتخاب"), ("وبالانتخابات", "انتخاب"), ("انتخابات", "انتخاب"),
     ("انتخب", "انتخب"), ("الكويتية", "كويت"), ("الكويتيه", "كويت"), ("اللبنانيون", "لبنان"),
     ("لبنان", "لبنان"), ("وزير", "وزير"), ("إيران", "ايران"), ("الوَزِيرُ", "وزير"),
     ("COVID-19", "covid")],
)  # fmt: skip
def test_one_term_per_spelling(word: str, term: str) -> None:
    assert terms(word)[0] == term


def test_terms_keep_the_offsets_of_the_original_words() -> None:
    text = "قالَ: وبالانتخابات، «الإنتخابات»"
    assert [text[t.start : t.end] for t in analyze(text)] == ["قالَ", "وبالانتخابات", "الإنتخابات"]


def test_query_syntax() -> None:
    q = parse_query('"مجلس الأمة" انتخ* الكويت')
    assert q.phrases == (("مجلس", "امه"),)
    assert q.prefixes == ("انتخ",) and q.terms == ("كويت",) and not q.any_term
    assert parse_query("النفط OR الذهب").any_term
    assert parse_query('" * ( ) NEAR AND -').terms == ("near", "and")
    assert parse_query("،؛ ًٌٍ").is_empty()
    assert len(parse_query("كلمة " * 5000).terms) <= 32
