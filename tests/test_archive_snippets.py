"""Snippets: the best window of the article's own words, found without analyzing paragraphs that
cannot match (every term is a substring of its paragraph's normalized form)."""

from __future__ import annotations

import pytest

from marsad.archive.analyzer import analyze
from marsad.archive.query import parse_query
from marsad.archive.snippets import ELLIPSIS, WINDOW, make_snippet
from marsad.text import normalize, tokenize
from marsad.text.tokenize import word_spans

from .builders import PARAGRAPHS

PARAGRAPH = " ".join(PARAGRAPHS) + " https://example.org/a?b=1 info@example.org ... ، ١٢٫٥ %"
TRICKY = [
    "وَزِيرُ الخارجيّة للدولة وبالانتخابات والإنتخابات ﻻ ٢٠٢٠ مـــصر",
    "أُسامة ومؤتمر وسُئِل فإنّه كالأمم لِلْمَرأة «المستشفى» 3.5% COVID-19 iPhone",
    "وال وبالـ الـ فـ ال٢٠ ab\u200ccd مرحبًا بِكُم و\u0627\u0654حمد",  # combining hamza, ZWNJ
]


@pytest.mark.parametrize("text", [*TRICKY, PARAGRAPH])
def test_word_spans_are_the_tokens_the_analyzer_reads(text: str) -> None:
    """The analyzer reads spans without building tokens: the same words, bases and offsets."""
    expected = [(t.kind, t.base, t.start, t.end) for t in tokenize(text)
                if t.kind in ("word", "latin", "number")]  # fmt: skip
    assert word_spans(text) == expected


@pytest.mark.parametrize("text", TRICKY)
def test_every_term_is_a_substring_of_the_normalized_paragraph(text: str) -> None:
    folded = normalize(text)
    for term in analyze(text):
        assert term.term in folded, (term, text)


FILLER = " ".join(["تواصلت الاجتماعات في العاصمة بين الوفود المشاركة"] * 6)


def test_the_window_keeps_the_words_before_a_match_in_earlier_paragraphs() -> None:
    text = f"{FILLER}\n\nقال:\n\nإن الزلزال ضرب المدينة فجرا وأوقع أضرارا كبيرة."
    snippet = make_snippet(text, parse_query("الزلزال"))
    assert snippet.text.startswith(ELLIPSIS)
    # three terms before the match: the last two of the opening paragraph, «قال», «إن»
    assert "المشاركة ¶ قال: ¶ إن الزلزال" in snippet.text
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["الزلزال"]


def test_a_match_in_the_first_paragraph_starts_at_the_opening() -> None:
    text = f"الزلزال ضرب المدينة.\n\n{FILLER}"
    snippet = make_snippet(text, parse_query("زلزال"))
    assert snippet.text.startswith("الزلزال") and snippet.highlights[0] == (0, 7)


def test_a_word_held_inside_another_gives_the_opening() -> None:
    """«نار» is inside «منارة» but is not one of its terms: nothing matches, so the opening."""
    text = f"{FILLER}\n\nأضاءت المنارة الساحل."
    snippet = make_snippet(text, parse_query("نار"))
    assert not snippet.highlights and not snippet.text.startswith(ELLIPSIS)
    assert len(snippet.text.split()) == WINDOW
