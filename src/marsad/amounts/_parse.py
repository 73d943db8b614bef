"""Reading a number at a token: digits in any script, number words, scales, fractions.

``«3.5 مليون»``, ``«ثلاثة آلاف وخمسمئة»``, ``«مليار و200 مليون»``, ``«نصف مليون»``,
``«مليوني»`` and ``«١٬٠٠٠»`` are all one number each. The value is built the usual way: a
running group below the current scale, multiplied when a scale word comes, summed at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import Token, normalize
from ..wordforms import forms
from ._words import AmountWords

__all__ = ["ParsedNumber", "digits_value", "parse_number"]

_MAX_DIGITS = 16
_THOUSANDS = re.compile(r"^\d{1,3}([,.'])\d{3}(?:\1\d{3})*$")


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    value: float
    end: int  # index of the first token after the number
    scale: float = 0.0  # the last scale word in it («مليار»), 0 for none
    words: bool = False  # written in words only («ثلاثة آلاف»), no digits
    start: int = 0  # index of its first token


def digits_value(text: str, *, scale_follows: bool = False) -> float | None:
    """The value of a digit token (``1,000``, ``١٬٠٠٠``, ``3.5``, ``٣٫٥``, ``1.000``), or None.

    A comma or Arabic thousands sign before groups of three digits separates thousands; a
    full stop does too when no scale word follows (``1.000 دولار``, but ``1.500 مليار`` is
    1.5 billion); the Arabic decimal sign and any other full stop or comma are decimal points.
    """
    s = normalize(text).replace("٫", ".").replace("٬", ",")
    if sum(ch.isdigit() for ch in s) > _MAX_DIGITS:
        return None
    match = _THOUSANDS.match(s)
    if match and (match.group(1) != "." or not scale_follows):
        return float(s.replace(match.group(1), ""))
    if "," in s and "." in s:
        s = s.replace(",", "")
    s = s.replace(",", ".").replace("'", "")
    if s.count(".") > 1:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def _lookup(table: dict[str, float], token: Token) -> float | None:
    if token.kind != "word":
        return None
    for form in forms(token):
        if form in table:
            return table[form]
    return None


class _Reader:
    """One pass over the tokens of a number phrase."""

    def __init__(self, words: AmountWords, tokens: Sequence[Token]) -> None:
        self.words = words
        self.tokens = tokens

    def scale(self, j: int) -> float | None:
        return _lookup(self.words.scales, self.tokens[j]) if j < len(self.tokens) else None

    def atom(self, j: int) -> tuple[float, int] | None:
        """A number below the scales at ``j``: digits, or words (``ثلاثة عشر``, ``ثلاث مئة``)."""
        tokens = self.tokens
        tok = tokens[j]
        if tok.kind == "number":
            value = digits_value(tok.text, scale_follows=self.scale(j + 1) is not None)
            return None if value is None else (value, j + 1)
        if tok.kind != "word":
            return None
        keys = forms(tok)
        if any(k in self.words.eleven for k in keys) and self._teen(j + 1):
            return 11.0, j + 2
        value = _lookup(self.words.numbers, tok)
        if value is None:
            return None
        if 1 <= value <= 9 and value.is_integer():
            if self._teen(j + 1):
                return value + 10, j + 2
            if j + 1 < len(tokens) and _lookup(self.words.numbers, tokens[j + 1]) == 100:
                return value * 100, j + 2
        return value, j + 1

    def _teen(self, j: int) -> bool:
        return j < len(self.tokens) and any(
            normalize(self.tokens[j].text) == t for t in self.words.teens
        )

    def joined(self, j: int) -> int | None:
        """Index of the next number part after «و» at ``j`` (standalone or prefixed), or None."""
        tokens = self.tokens
        if j >= len(tokens):
            return None
        tok = tokens[j]
        if tok.text == "و" and j + 1 < len(tokens):
            return j + 1
        if tok.kind == "word" and tok.text.startswith("و") and len(tok.text) > 2:
            return j
        return None


def parse_number(words: AmountWords, tokens: Sequence[Token], i: int) -> ParsedNumber | None:
    """The number that starts at ``tokens[i]``, or None."""
    reader = _Reader(words, tokens)
    total = 0.0
    group = 0.0
    last_scale = 0.0
    j = i
    parts = 0
    words_only = True
    while j < len(tokens):
        ended_scale = False
        dual = _lookup(words.dual_scales, tokens[j]) if tokens[j].kind == "word" else None
        atom = None if dual is not None else reader.atom(j)
        scale = None if atom or dual else reader.scale(j)
        if dual is not None:
            total += 2 * dual
            last_scale, j, ended_scale = dual, j + 1, True
        elif atom is not None:
            words_only = words_only and tokens[j].kind == "word"
            value, j = atom
            if value < 1 and last_scale and not group:
                total += value * last_scale  # «مليون ونصف»
            else:
                group += value
            next_scale = reader.scale(j)
            if next_scale is not None:
                total += group * next_scale
                group, last_scale, j, ended_scale = 0.0, next_scale, j + 1, True
        elif scale is not None and parts == 0 and not _plural_scale(words, tokens[j]):
            total += scale
            last_scale, j, ended_scale = scale, j + 1, True
        else:
            break
        parts += 1
        nxt = reader.joined(j)
        if nxt is None or not _starts_number(
            reader, nxt, digits=ended_scale, words=ended_scale or words_only
        ):
            break
        j = nxt
    if parts == 0:
        return None
    value = total + group
    return ParsedNumber(value, j, last_scale, words_only, i) if value > 0 else None


def _plural_scale(words: AmountWords, token: Token) -> bool:
    """«آلاف», «ملايين»: a scale that counts only after a number."""
    return any(f in words.scale_plurals for f in forms(token))


def _starts_number(reader: _Reader, j: int, *, digits: bool, words: bool) -> bool:
    """Whether a number part starts at ``j``; digits only after a scale («مليار و200 مليون»)."""
    tok = reader.tokens[j]
    if tok.kind == "number":
        return digits
    return words and (
        _lookup(reader.words.numbers, tok) is not None
        or _lookup(reader.words.dual_scales, tok) is not None
    )
