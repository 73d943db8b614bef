"""Where a relative date word is not a date: names, bylines and vocalized scripture.

«اليوم» and the weekdays are also parts of names: newspapers and columns quoted in the
text («لـ”عين اليوم”», «حديث الأربعاء»), the outlet in a byline («أميرة المولد- عين
اليوم», «الدمام – اليوم»); and «الْيَوْمَ» in a fully vocalized verse is not the
publication day. Only relative expressions are checked: an explicit date is a date anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import Token

__all__ = ["not_a_date"]

_QUOTES = frozenset("«»\"“”„‘’'")
_DASHES = frozenset("-–—")
_HARAKAT = frozenset(chr(c) for c in range(0x064B, 0x0653))
_NAME_WORDS = 3  # a quoted name: at most this many words
_BYLINE_WORDS = 6  # a byline line: at most this many words, with a dash and no digit


def not_a_date(text: str, tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the relative expression ``tokens[start:end]`` is a name or scripture."""
    return (
        _vocalized(tokens[start:end])
        or _quoted_name(tokens, start, end)
        or _byline(text, tokens[start].start, tokens[end - 1].end)
    )


def _vocalized(tokens: Sequence[Token]) -> bool:
    """News text is not vocalized; a word with two short vowels or more is quoted scripture."""
    return any(sum(ch in _HARAKAT for ch in t.text) >= 2 for t in tokens)


def _quoted_name(tokens: Sequence[Token], start: int, end: int) -> bool:
    """The expression ends a short quotation: «”عين اليوم”», «"حديث الأربعاء"», «اليوم»."""
    if end >= len(tokens) or tokens[end].text not in _QUOTES:
        return False
    for k in range(start - 1, max(start - 1 - _NAME_WORDS, -1), -1):
        if tokens[k].text in _QUOTES:
            return True
        if tokens[k].kind != "word":
            return False
    return False


def _byline(text: str, start: int, end: int) -> bool:
    """The expression is in a short line with a dash and no digit: «رغد عشميل – عين اليوم»."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if len(line) > 80 or len(line.split()) > _BYLINE_WORDS:
        return False
    return any(ch in _DASHES for ch in line) and not any(ch.isdigit() for ch in line)
