"""What a number counts: the noun or measure after it.

A listed noun (``data/amounts.toml`` [counted], read through its endings: «ميداليات»,
«صحفيا», «متدربا») gives its unit; a phrase («متر مربع») is tried first. «8 من المخالفات»
counts the listed noun after «من». Any other noun after a number still counts (unit
``unit``) when it looks like one: an Arabic word with no proclitic (so no article: counted
nouns after a cardinal are indefinite), not a particle, a date or time word, a number or a
scale; and when the number looks like a count: not a year («2015 م»), not a long code or
phone number, not a fraction or «واحد» written in words, not right after a label («رقم 15»).
A dual of a listed noun («يومين», «لشخصين») is a count of two by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from ..text import Token, normalize, normalize_word
from ..wordforms import forms
from ._parse import ParsedNumber, digits_value
from ._words import AmountWords

__all__ = [
    "GENERIC",
    "base_unit",
    "counted_at",
    "definite",
    "dual_at",
    "labelled",
    "may_count",
    "noun_unit",
]


#: The unit of a counted noun that is not listed.
GENERIC = "unit"
#: The fewest letters left when an ending is taken off («كما» is not «كم»), and the fewest an
#: unlisted noun has.
_MIN_STEM = 3


@lru_cache(maxsize=1 << 14)
def _unit_of(words: AmountWords, word: str) -> str | None:
    unit = words.counted.get(word)
    if unit is not None:
        return unit
    for ending, replacement in words.counted_endings:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            unit = words.counted.get(word[: -len(ending)] + replacement)
            if unit is not None:
                return unit
    return None


def noun_unit(words: AmountWords, token: Token) -> str | None:
    """The unit a listed noun counts, the token read as written (no proclitic cut off)."""
    return _unit_of(words, normalize_word(token.text)) if token.kind == "word" else None


def base_unit(words: AmountWords, token: Token) -> str | None:
    """The unit a listed noun counts, read without its proclitic («الأيام»)."""
    return _unit_of(words, normalize_word(token.base)) if token.kind == "word" else None


def definite(token: Token) -> bool:
    """Whether the word carries the article («الأيام», «للأيام»)."""
    return token.prefix.endswith(("ال", "لل"))


def counted_at(
    words: AmountWords, tokens: Sequence[Token], j: int, number: ParsedNumber
) -> tuple[str, int] | None:
    """The unit counted by ``number`` from ``tokens[j]`` on, and how many tokens it takes."""
    phrase = _phrase_at(words, tokens, j)
    if phrase is not None:
        return phrase
    tok = tokens[j]
    unit = noun_unit(words, tok)
    if unit is not None:
        return unit, 1
    partitive = _partitive_at(words, tokens, j)
    if partitive is not None:
        return partitive
    if _nounlike(words, tok) and may_count(words, tokens, number):
        return GENERIC, 1
    return None


def _phrase_at(words: AmountWords, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    for n in (3, 2):
        part = tokens[j : j + n]
        if len(part) == n and all(t.kind == "word" for t in part):
            unit = words.counted_phrases.get(tuple(normalize_word(t.text) for t in part))
            if unit is not None:
                return unit, n
    return None


def _partitive_at(words: AmountWords, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """«8 من المخالفات», «اثنين من الركاب»: a listed definite noun after «من»."""
    if j + 1 >= len(tokens) or normalize_word(tokens[j].text) != "من":
        return None
    noun = tokens[j + 1]
    if noun.kind != "word":
        return None
    unit = base_unit(words, noun) if definite(noun) else _owned(words, noun)
    return None if unit is None or unit in words.dated_units else (unit, 2)


def _owned(words: AmountWords, noun: Token) -> str | None:
    """The unit of a listed noun with a possessive pronoun («مسؤوليه», «عناصرها»)."""
    if noun.text.endswith("ة"):
        return None  # a feminine singular, its ة is no pronoun
    word = normalize(noun.text)
    for suffix in words.pronoun_suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= _MIN_STEM:
            unit = _unit_of(words, stem)
            if unit is None and stem.endswith(words.construct_endings):
                unit = _unit_of(words, stem[:-1])  # «مسؤولي» of «مسؤولين»
            return unit
    return None


def _nounlike(words: AmountWords, tok: Token) -> bool:
    if tok.kind != "word":
        return False
    word = normalize_word(tok.text)
    if tok.prefix and not word.startswith(words.unit_starts):
        return False
    if word.startswith(words.verb_starts):
        return False
    if word.endswith(words.adverb_endings) and not word.endswith(words.plural_endings):
        return False
    return (
        len(word) >= _MIN_STEM and word not in words.not_counted and word not in _not_nouns(words)
    )


@cache
def _not_nouns(words: AmountWords) -> frozenset[str]:
    """Number words, scales, and the date stage's month, weekday and day-part words."""
    from ..dates._words import date_words  # the dates stage reads our numbers: import late

    dates = date_words()
    found = set(words.numbers) | set(words.scales) | set(words.dual_scales)
    found.update(key[0] for key in dates.months)
    found.update(key[0] for key in dates.day_parts)
    found.update(dates.weekdays)
    found.update(dates.hijri_markers | dates.gregorian_markers)
    return frozenset(found)


def may_count(words: AmountWords, tokens: Sequence[Token], number: ParsedNumber) -> bool:
    """Whether ``number`` can count a noun that is not listed (not a year, a code, «واحد»)."""
    if number.scale:
        return True
    if number.words:  # «خمس قاعات»; but «مجموعة السبع كندا», «واحد من»
        return number.value >= 2 and not definite(tokens[number.start])
    last = tokens[number.end - 1]
    digits = normalize(last.text)
    if last.kind != "number" or not digits.isdigit():
        return True
    value = digits_value(digits) or 0
    if any(low <= value <= high for low, high in words.year_ranges):
        return False
    return len(digits) <= words.max_unlisted_digits


def labelled(words: AmountWords, tokens: Sequence[Token], j: int, end: int) -> bool:
    """Whether the number ``tokens[j:end]`` follows a label («رقم», «عام», «الـ») or is part
    of a date or a clock time («7/6/2015», «04:30»)."""
    if j > 0 and any(f in words.label_words for f in forms(tokens[j - 1])):
        return True
    before = j > 1 and tokens[j - 1].text in words.date_marks and tokens[j - 2].kind == "number"
    after = (
        end + 1 < len(tokens)
        and tokens[end].text in words.date_marks
        and tokens[end + 1].kind == "number"
    )
    return before or after


def dual_at(words: AmountWords, tokens: Sequence[Token], j: int) -> str | None:
    """The unit of an indefinite dual of a listed noun at ``tokens[j]`` («يومين», «لشخصين»)."""
    tok = tokens[j]
    if tok.kind != "word" or definite(tok):
        return None
    for form in forms(tok):
        unit = words.duals.get(form)
        if unit is not None:
            return unit
    return None
