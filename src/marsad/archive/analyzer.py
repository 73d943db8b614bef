"""The Arabic search analyzer: one function turns text into index terms, at indexing and query time.

A term is the matching form of a word (:func:`marsad.text.normalize`: hamza forms, alef maqsura,
taa marbuta and diacritics folded), without its proclitics (:func:`marsad.text.split_proclitics`:
و، ب، ال، وبال ...) and without one light suffix (:data:`marsad.archive.data.SUFFIXES`). So
«الانتخابات», «وبالانتخابات» and «انتخابات» all give ``انتخاب``, while «انتخب» stays ``انتخب``.
Latin words are case-folded, numbers kept as written in ASCII digits. Every term keeps the offsets
of the word it came from in the original text, which is what snippets highlight.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text import normalize
from ..text.tokenize import word_spans
from . import data

__all__ = ["Term", "analyze", "stem", "terms"]

_LATIN_PARTS = re.compile(r"[^\W_]+")


class Term(NamedTuple):
    """One index term and the span of the original word it comes from."""

    term: str
    start: int
    end: int


@lru_cache(maxsize=1 << 17)
def stem(base: str) -> str:
    """The light stem of one Arabic word without proclitics (any spelling)."""
    folded = normalize(base)
    if folded in data.STEM_EXCEPTIONS:
        return folded
    for suffix in data.SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= data.MIN_STEM:
            return folded[: -len(suffix)]
    return folded


def analyze(text: str, offset: int = 0) -> list[Term]:
    """Index terms of ``text`` with the offsets of their words (plus ``offset``); punctuation
    and symbols vanish."""
    out: list[Term] = []
    append = out.append
    for kind, base, start, end in word_spans(text):
        if kind == "word":
            term = stem(base)
            if term:
                append(Term(term, start + offset, end + offset))
        else:
            out.extend(_latin_terms(base, start + offset, end + offset))
    return out


def _latin_terms(text: str, start: int, end: int) -> list[Term]:
    parts = _LATIN_PARTS.findall(normalize(text))
    return [Term(part, start, end) for part in parts]


def terms(text: str) -> list[str]:
    """Just the terms of ``text``, in order."""
    return [t.term for t in analyze(text)]
