"""Normalization of Arabic text for matching: search, deduplication, comparing names.

The result is a *matching form*, not something to display: presentation forms become base
letters, hamza/madda/wasla alefs become a bare alef, alef maqsura becomes yaa, taa marbuta
becomes haa, diacritics, tatweel and invisible/bidi marks disappear, Eastern digits become ASCII,
Latin letters are case-folded and all runs of whitespace become one space. The tables come from
:mod:`marsad.text.data`.

Every input character is folded independently (apart from recomposing a decomposed hamza on
waw/yaa), which is what lets :func:`normalize_with_offsets` map each output character back to the
input character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from marsad.text import data

__all__ = ["join_name_words", "normalize", "normalize_with_offsets", "normalize_word"]


def _code_points(ranges: Iterable[tuple[int, int]]) -> Iterable[int]:
    """Every code point of a sequence of inclusive ``(first, last)`` ranges."""
    for first, last in ranges:
        yield from range(first, last + 1)


def _base_table() -> dict[int, str]:
    """The per-character folding for ordinary (non-presentation-form) characters."""
    table: dict[int, str] = {ord(k): v for k, v in data.LETTER_FOLDING.items()}
    table.update({ord(k): v for k, v in data.NUMERIC_PUNCTUATION.items()})
    for digits in (data.ARABIC_INDIC_DIGITS, data.PERSIAN_DIGITS):
        table.update({ord(ch): str(value) for value, ch in enumerate(digits)})
    removed = [*_code_points(data.DIACRITIC_RANGES), ord(data.TATWEEL)]
    removed += _code_points(data.INVISIBLE_RANGES)
    table.update(dict.fromkeys(removed, ""))
    table.update(dict.fromkeys(_code_points(data.SPACE_RANGES), " "))
    return table


def _build_table() -> dict[int, str]:
    """The full translate table: presentation forms decomposed and folded, then the base table."""
    base = _base_table()
    table: dict[int, str] = {}
    for cp in _code_points(data.PRESENTATION_FORM_RANGES):
        decomposed = unicodedata.normalize("NFKC", chr(cp))
        if decomposed != chr(cp):
            # Isolated harakat forms decompose to "space + mark": nothing is left of them.
            table[cp] = decomposed.translate(base).strip()
    table.update(base)
    return table


_TABLE = _build_table()
_FOLDS = {chr(cp): folded for cp, folded in _TABLE.items()}
#: Any character :data:`_TABLE` changes. No folded form contains such a character again, so
#: replacing each one present (a few in a text) gives what ``translate`` gives, and
#: ``translate``, which looks up every character of a long text, costs several times more.
_FOLDABLE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_FOLDS)) + "]")
#: Whitespace that ``" ".join(text.split())`` would change, with a double space: any but a
#: plain space.
_ODD_SPACE = re.compile(r"[^\S ]")
#: From this length on (sentences, paragraphs) :func:`normalize` folds by the characters
#: present and spares the split and join; a word is quicker done the plain way. (Should the
#: tables ever fold a character into one that folds again, or fold an ASCII character, every
#: text takes the plain way.)
_FOLDS_ARE_FINAL = not any(ch in _FOLDS for folded in _FOLDS.values() for ch in folded)
_LONG = 48 if _FOLDS_ARE_FINAL and all(ord(ch) >= 128 for ch in _FOLDS) else 1 << 62
_HAMZA_SEQUENCE = re.compile(
    "([" + "".join(data.HAMZA_ABOVE_COMPOSITION) + "])" + re.escape(data.COMBINING_HAMZA_ABOVE)
)
_char_cache: dict[str, str] = {}


def _recompose_hamza(match: re.Match[str]) -> str:
    return data.HAMZA_ABOVE_COMPOSITION[match.group(1)]


#: Words and short phrases :func:`normalize` remembers (the stages and the tagger normalize the
#: same words over and over), and how many before it starts afresh.
_SHORT = 32
_REMEMBERED: dict[str, str] = {}
_REMEMBER_AT_MOST = 1 << 16


def normalize(text: str) -> str:
    """Return the matching form of ``text``.

    >>> normalize("وَزِيرُ  الخارجيّة\u00a0ﻻ ٢٠٢٠")
    'وزير الخارجيه لا 2020'
    """
    if len(text) >= _SHORT:
        return _normalize(text)
    known = _REMEMBERED.get(text)
    if known is None:
        if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
            _REMEMBERED.clear()
        known = _REMEMBERED[text] = _normalize(text)
    return known


def _normalize(text: str) -> str:
    if data.COMBINING_HAMZA_ABOVE in text:
        text = _HAMZA_SEQUENCE.sub(_recompose_hamza, text)
    if len(text) < _LONG:
        return " ".join(text.translate(_TABLE).casefold().split())
    if not text.isascii():  # no ASCII character is folded
        for ch in set(_FOLDABLE.findall(text)):
            text = text.replace(ch, _FOLDS[ch])
    text = text.casefold()
    if "  " not in text and _ODD_SPACE.search(text) is None:  # single plain spaces only
        return text.strip(" ")
    return " ".join(text.split())


def _fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty or several characters)."""
    folded = _char_cache.get(ch)
    if folded is None:
        mapped = _TABLE.get(ord(ch))
        folded = ch.casefold() if mapped is None else mapped
        if len(_char_cache) < 65536:
            _char_cache[ch] = folded
    return folded


def _hamza_carriers(text: str) -> dict[int, str]:
    """Positions of waw/yaa carriers followed by a combining hamza, with their recomposed letter."""
    if data.COMBINING_HAMZA_ABOVE not in text:
        return {}
    return {m.start(): _recompose_hamza(m) for m in _HAMZA_SEQUENCE.finditer(text)}


@lru_cache(maxsize=1 << 17)
def normalize_word(word: str) -> str:
    """:func:`normalize` of one word, remembered: the stages' rules ask it of the same
    words over and over (never use it for whole texts)."""
    return normalize(word)


def join_name_words(words: Iterable[str]) -> tuple[str, ...]:
    """Normalized name words with a word that is written apart from the next or joined to
    it taken together («عبد» + «الناصر» -> «عبدالناصر», as «عبدالناصر» is written)."""
    out: list[str] = []
    for word in words:
        if out and out[-1] in data.JOINED_NAME_FIRSTS:
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and map every output character back to the input.

    Returns ``(result, offsets)`` where ``result == normalize(text)``,
    ``len(offsets) == len(result) + 1`` and ``offsets[i]`` is the index in ``text`` of the
    character that produced ``result[i]`` (for a collapsed space: the first whitespace character
    of the run). ``offsets[-1]`` is the end of the last character that produced output, extended
    over marks directly attached to it (0 when the result is empty). A match at ``[i, j)`` in
    ``result`` therefore covers ``text[offsets[i]:offsets[j]]``, diacritics included.
    """
    carriers = _hamza_carriers(text)
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    end = 0
    for index, ch in enumerate(text):
        folded = carriers.get(index) or _fold_char(ch)
        for out in folded:
            if out.isspace():
                if chars and pending_space < 0:
                    pending_space = index
                continue
            if pending_space >= 0:
                chars.append(" ")
                offsets.append(pending_space)
                pending_space = -1
            chars.append(out)
            offsets.append(index)
        if chars and pending_space < 0:
            end = index + 1
    offsets.append(end)
    return "".join(chars), offsets
