"""Sentence splitting for Arabic news text, with exact offsets.

Rules, in order:

* every line break ends a sentence (news text puts one paragraph per line);
* within a line, a sentence ends after a run of terminators (``.`` ``!`` ``?`` ``؟`` ``…``)
  together with the closing quotes and brackets right after it (``.»`` ends after ``»``);
* that end counts only when the next character is whitespace, an Arabic letter (a missing
  space, ``انتهى.وقال``, is a common typo), an opening quote, or the end of the line, so
  ``3.5``, ``1.000``, ``e.g`` and domain names are never cut;
* it never falls inside a *matched* pair of quotation marks (« », “ ”, ‹ ›, "…"), nor inside
  a URL or e-mail address; unmatched quotation marks are ignored;
* a single full stop after an abbreviation (د. م. أ. ق.م Mr. Dr. ...), a single letter
  (an initial) or a dotted run of single letters (U.S.) is not an end, and neither is the full
  stop of a list number at the start of a sentence (``1. البند الأول``).

Sentences are stripped of surrounding whitespace and invisible marks; those with no letter or
digit are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.text import data
from marsad.text.normalize import normalize
from marsad.text.tokenize import ARABIC_LETTERS, LINK_RE

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]``, without surrounding whitespace."""

    text: str
    start: int
    end: int


_LINE_RE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_END_RE = re.compile(
    "[" + re.escape("".join(sorted(data.SENTENCE_TERMINATORS))) + "]+"
    "[" + re.escape("".join(sorted(data.CLOSING_PUNCTUATION))) + "]*"
)
_QUOTE_CHARS = "".join(sorted({ch for pair in data.QUOTE_PAIRS for ch in pair}))
_QUOTE_RE = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")
_OPENERS = {opening: closing for opening, closing in data.QUOTE_PAIRS}
_CLOSERS = {closing: opening for opening, closing in data.QUOTE_PAIRS}
_INVISIBLES = frozenset(chr(cp) for a, b in data.INVISIBLE_RANGES for cp in range(a, b + 1))
_INVISIBLE_CLASS = "".join(
    f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in data.INVISIBLE_RANGES
)
#: Digits alone (a list number «1.»), with spaces around and invisible marks anywhere: what
#: ``text.translate(<invisibles removed>).strip().isdecimal()`` says, without copying the text.
_DECIMAL_ONLY = re.compile(
    rf"[\s{_INVISIBLE_CLASS}]*(?:\d[{_INVISIBLE_CLASS}]*)+[\s{_INVISIBLE_CLASS}]*"
)
#: Every link of ``LINK_RE`` has an ASCII letter (scheme, «www», top-level domain): a text
#: without one has no link, and most Arabic sentences have none.
_ASCII_LETTER = re.compile("[A-Za-z]")
_ARABIC_ABBREVIATIONS = frozenset(normalize(word) for word in data.ARABIC_ABBREVIATIONS)


def _open_depth(stack: list[tuple[str, int]], opening: str | None) -> int:
    """Index of the innermost open quotation mark ``opening`` in ``stack``, or -1."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opening:
            return depth
    return -1


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Index pairs (opening, closing) of the matched quotation marks in ``text[start:end]``.

    A closing mark closes the innermost open mark of its kind (marks opened inside it and
    never closed are dropped); a closing mark with nothing to close is ignored. The straight
    double quote closes an open one if there is one and opens otherwise.
    """
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for match in _QUOTE_RE.finditer(text, start, end):
        ch, index = match.group(), match.start()
        depth = _open_depth(stack, _CLOSERS.get(ch))
        if depth >= 0:
            spans.append((stack[depth][1], index))
            del stack[depth:]
        elif ch in _OPENERS:
            stack.append((ch, index))
    return spans


def _link_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the URLs and e-mail addresses in ``text[start:end]``."""
    if _ASCII_LETTER.search(text, start, end) is None:
        return []
    return [m.span() for m in LINK_RE.finditer(text, start, end)]


def _word_before(text: str, index: int, floor: int) -> str:
    """The run of non-space characters that ends at ``index``, opening punctuation dropped."""
    begin = index
    while begin > floor and not text[begin - 1].isspace():
        if text[begin - 1] in data.OPENING_PUNCTUATION:
            break
        begin -= 1
    return text[begin:index]


def _is_initials(word: str) -> bool:
    """A single letter or dotted single letters (``د``, ``U.S``, ``ق.م``)."""
    folded = normalize(word)
    if "." not in folded:  # the usual case: one word
        return len(folded) == 1 and folded.isalpha()
    return all(len(part) == 1 and part.isalpha() for part in folded.split("."))


def _is_abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` marks an abbreviation rather than a sentence end."""
    if not word:
        return False
    if word in data.LATIN_ABBREVIATIONS or normalize(word) in _ARABIC_ABBREVIATIONS:
        return True
    return _is_initials(word)


def _next_allows_end(text: str, index: int, end: int) -> bool:
    """Whether the character at ``index`` may follow a sentence end."""
    if index >= end:
        return True
    ch = text[index]
    return ch.isspace() or ch in ARABIC_LETTERS or ch in _OPENERS or ch in _INVISIBLES


def _is_boundary(text: str, match: re.Match[str], sentence_start: int, line_end: int) -> bool:
    """Whether the terminator run ``match`` ends a sentence (quotes and links checked apart)."""
    if not _next_allows_end(text, match.end(), line_end):
        return False
    if text[match.start() : match.end()].rstrip("".join(data.CLOSING_PUNCTUATION)) != ".":
        return True
    if _DECIMAL_ONLY.fullmatch(text, sentence_start, match.start()):
        return False
    return not _is_abbreviation(_word_before(text, match.start(), sentence_start))


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a cut at ``position`` falls strictly inside a quoted span (opening, closing)."""
    return any(opening < position <= closing for opening, closing in spans)


def _line_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Positions in ``text[start:end]`` after which a sentence ends."""
    quotes = _quoted_spans(text, start, end)
    links = _link_spans(text, start, end)
    sentence_start = start
    for match in _END_RE.finditer(text, start, end):
        if _inside(match.end(), quotes):
            continue
        if any(a <= match.start() < b for a, b in links):
            continue
        if _is_boundary(text, match, sentence_start, end):
            yield match.end()
            sentence_start = match.end()


def _make_sentence(text: str, start: int, end: int) -> Sentence | None:
    """The stripped sentence ``text[start:end]``, or None if it has no letter or digit."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLES):
        end -= 1
    chunk = text[start:end]
    if not any(ch.isalnum() for ch in chunk):
        return None
    return Sentence(chunk, start, end)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with exact offsets (``text[s.start:s.end] == s.text``)."""
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        for cut in [*_line_cuts(text, line.start(), line.end()), line.end()]:
            sentence = _make_sentence(text, start, cut)
            if sentence is not None:
                sentences.append(sentence)
            start = cut
    return sentences


@lru_cache(maxsize=16)
def split_sentences_cached(text: str) -> tuple[Sentence, ...]:
    """:func:`split_sentences`, remembered for the last few texts (the stages of one
    article split the same fields)."""
    return tuple(split_sentences(text))
