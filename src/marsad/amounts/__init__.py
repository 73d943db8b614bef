"""The ``amounts`` stage: sums of money, percents and counts of people or things.

A number (digits in any script or words, with scales: :mod:`marsad.amounts._parse`) becomes
an :class:`~marsad.record.Amount` when a unit follows it: a currency (ISO 4217, from CLDR
names via babel and ``data/amounts.toml``), a percent sign or word, or a counted noun
(:mod:`marsad.amounts._units`: «عنصر», «قتيلا» -> ``person``, «(23) ميدالية» -> ``medal``,
an unlisted noun -> ``unit``). A qualifier before it («أكثر من», «نحو») says how exact it
is; a range («بين 10 و20 قتيلا») gives its two ends, ``more_than`` and ``less_than``. A
scaled number with no unit («نحو 63.52 مليار») is the currency named earlier in its
sentence. Duals («يومين») count two, «يوما واحدا» one. Bare numbers (years, dates, article
and phone numbers, scores) are not amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal, cast

from ..record import TEXT_FIELDS, Amount, Article, TextField
from ..registry import stage
from ..text import Token, normalize_word
from ..wordforms import field_tokens, form_positions, forms, match_phrase
from ._parse import ParsedNumber, digits_value, parse_number
from ._units import GENERIC, counted_at, dual_at, labelled, noun_unit
from ._words import AmountWords, amount_words, currency_at
from .context import country_mentions, resolve_currencies

__all__ = ["digits_value", "find_amounts"]


Qualifier = Literal["exact", "more_than", "less_than", "about"]


def find_amounts(text: str, field: TextField = "body") -> list[Amount]:
    """The amounts in one text field, in order; spans point into ``text``."""
    words = amount_words()
    tokens = field_tokens(text)
    found: list[Amount] = []
    # where an amount may start: a number, a symbol (a currency sign), a starting word
    candidates = [i for i, t in enumerate(tokens) if t.kind in _NON_WORD_STARTS]
    candidates += form_positions(tokens, _starters(words), "word")
    candidates.sort()
    after = 0  # the token after the last amount found
    # the last currency named and where: «نحو 63.52 مليار» after «1.2 مليار دولار» in the same
    # sentence is that currency too
    currency: tuple[str, int] | None = None
    for i in candidates:
        if i < after:
            continue
        hit = _amount_at(words, tokens, i, after)
        if hit is None:
            continue
        parts, after = hit
        for start, end, value, unit, qualifier in parts:
            if unit == _SCALED:
                same = currency is not None and _one_sentence(text, tokens, currency[1], i)
                unit = currency[0] if currency is not None and same else GENERIC
            elif _is_currency(unit):
                currency = (unit, after)
            found.append(Amount(text[start:end], value, unit, qualifier, field, start, end))
    return found


_SENTENCE_ENDS = frozenset({".", "...", "!", "؟", "?", "؛"})


def _one_sentence(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether no sentence ends between ``tokens[a]`` and ``tokens[b]``."""
    if b <= a:
        return True
    if "\n" in text[tokens[a - 1].end : tokens[b].start]:
        return False
    return not any(t.text in _SENTENCE_ENDS for t in tokens[a:b])


_NON_WORD_STARTS = frozenset({"number", "symbol"})
_SCALED = ""  # a number with a scale and no unit («63.52 مليار»): the last currency, if any


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


@cache
def _starters(words: AmountWords) -> frozenset[str]:
    """Words an amount can start with: numbers, scales, qualifiers, range openers, duals."""
    found = set(words.numbers) | set(words.scales) | set(words.dual_scales) | words.eleven
    found.update(k[0] for k in words.qualifiers)
    found.update(k[0] for k in words.range_openers)
    found.update(words.duals)
    return frozenset(found)


_Part = tuple[int, int, float, str, Qualifier]
_Hit = tuple[list[_Part], int]


def _amount_at(words: AmountWords, tokens: Sequence[Token], i: int, floor: int) -> _Hit | None:
    """The amount (or the two ends of a range) starting at ``tokens[i]``, and the next index.

    ``floor`` is the first token no earlier amount took: «يوما واحدا» may start before ``i``.
    """
    qualifier: Qualifier = "exact"
    j = i
    qual = match_phrase(words.qualifiers, tokens, i, 4)
    if qual is not None:
        qualifier, j = cast(Qualifier, qual[0]), i + qual[1]
    is_range = qual is None and match_phrase(words.range_openers, tokens, i, 2)
    if is_range:
        j = i + is_range[1]
    if j < len(tokens) and j > i and tokens[j].text == "(":
        j += 1  # «أكثر من (100) ضيف»
    if j >= len(tokens) or _next_to_caret(tokens, j):
        return None
    sign = _sign_before(words, tokens, j, floor)
    if _weekday(words, tokens[j]):
        return None
    number = parse_number(words, tokens, j)
    if number is None:
        return _wordless(words, tokens, i, j, qualifier if qual else None)
    value, after = number.value, number.end
    opened = j > 0 and tokens[j - 1].text == "("
    if is_range:
        high = _range_end(words, tokens, after)
        if high is None:
            return _amount_at(words, tokens, j, floor) if j > i else None
        return _range(words, tokens, (i, number), high)
    closed = opened and after < len(tokens) and tokens[after].text == ")"
    if closed:
        after += 1  # «(700) لاعب»
    countable = qual is not None or not labelled(words, tokens, j - 1 if opened else j, after)
    unit = (sign, 0) if sign else _unit_at(words, tokens, after, number, countable=countable)
    if unit is None and not (qual or sign):
        return _noun_before(words, tokens, i, floor, number)
    if unit is None or value > words.max_value:
        return None
    first = tokens[i] if qual else tokens[j - 1] if (closed or sign) else tokens[j]
    start = _start(first)
    end = tokens[after + unit[1] - 1].end if unit[1] else tokens[number.end - 1].end
    return [(start, end, _clean(value), unit[0], qualifier)], after + unit[1]


def _start(token: Token) -> int:
    """Where an amount starting with ``token`` starts: after its conjunction or preposition,
    the article kept («الأربع سنوات», «وبنحو» -> «نحو»)."""
    if token.kind != "word" or not token.prefix:
        return token.start
    keep = 2 if token.prefix.endswith("ال") else 0
    return token.start + len(token.prefix) - keep


def _weekday(words: AmountWords, token: Token) -> bool:
    """«الاثنين», «والإثنين» (the article before the number word) is Monday."""
    return (
        token.kind == "word"
        and token.prefix.endswith("ال")
        and "ال" + normalize_word(token.base) in words.weekday_numbers
    )


def _clean(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _wordless(
    words: AmountWords, tokens: Sequence[Token], i: int, j: int, qualifier: Qualifier | None
) -> _Hit | None:
    """A count with no number: a dual of a listed noun («يومين», «لشخصين», «نحو أسبوعين»)
    counts two; a bare period after a qualifier («نحو شهر», «أكثر من عام») counts one.

    ``qualifier`` is None where no qualifier came before (a range opener may have)."""
    if j > i and qualifier is None:
        return None  # «من يومين»: not a range, and not a qualifier
    unit = dual_at(words, tokens, j)
    value = 2
    if unit is None and qualifier is not None:
        unit, value = _one_period(words, tokens[j]), 1
    if unit is None:
        return None
    return [(_start(tokens[i]), tokens[j].end, value, unit, qualifier or "exact")], j + 1


def _one_period(words: AmountWords, token: Token) -> str | None:
    """The unit of a bare singular period word («شهر», «عام»), as written."""
    if token.kind != "word" or token.prefix:
        return None
    word = normalize_word(token.text)
    return words.counted.get(word) if word in words.singular_periods else None


def _noun_before(
    words: AmountWords, tokens: Sequence[Token], i: int, floor: int, number: ParsedNumber
) -> _Hit | None:
    """«يوما واحدا», «دولارا واحدا»: a listed noun or a currency, then «واحد»."""
    if not (number.words and number.value == 1 and number.end == i + 1 and floor < i):
        return None
    noun = tokens[i - 1]
    if noun.kind != "word":
        return None
    unit = noun_unit(words, noun)
    if unit is None:
        currency = currency_at(words, [forms(noun)])
        unit = currency[0] if currency is not None and currency[1] == 1 else None
    if unit is None:
        return None
    return [(_start(noun), tokens[i].end, 1, unit, "exact")], i + 1


def _range(
    words: AmountWords,
    tokens: Sequence[Token],
    low: tuple[int, ParsedNumber],
    high: tuple[int, ParsedNumber],
) -> _Hit | None:
    """«بين 100 و5000 نسمة»: the two ends, each an amount (``more_than``, ``less_than``)."""
    i, first = low
    k, second = high
    unit = _unit_at(words, tokens, second.end, second, countable=True)
    if unit is None or second.value > words.max_value:
        return None
    value = first.value
    if not first.scale and second.scale and value * second.scale <= second.value * 10:
        value *= second.scale  # «ما بين 32 و30 مليار»: the scale is shared
    opener = tokens[i]
    start = _start(opener)
    top = tokens[k]
    top_start = _start(top)
    end = tokens[second.end + unit[1] - 1].end if unit[1] else tokens[second.end - 1].end
    ends: list[_Part] = [
        (start, tokens[first.end - 1].end, _clean(value), unit[0], "more_than"),
        (top_start, end, _clean(second.value), unit[0], "less_than"),
    ]
    return ends, second.end + unit[1]


def _next_to_caret(tokens: Sequence[Token], j: int) -> bool:
    """``10^30`` and the like are not amounts."""
    return (j > 0 and tokens[j - 1].text == "^") or (
        j + 1 < len(tokens) and tokens[j + 1].text in {"^", "e", "E"}
    )


def _sign_before(words: AmountWords, tokens: Sequence[Token], j: int, floor: int) -> str | None:
    """A currency or percent sign right before the number («$100», «%30» as bidi text has
    it), unless an earlier amount took it."""
    if j > floor and tokens[j - 1].end == tokens[j].start:
        sign = tokens[j - 1].text
        return "percent" if sign in words.percent_signs else words.currency_signs.get(sign)
    return None


def _range_end(
    words: AmountWords, tokens: Sequence[Token], j: int
) -> tuple[int, ParsedNumber] | None:
    """Where the second number of «10 و20», «10 إلى 20», «10-20» starts, and the number."""
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.text in words.range_joiners or any(f in words.range_joiners for f in forms(tok)):
        if j + 1 >= len(tokens):
            return None
        number = parse_number(words, tokens, j + 1)
        return None if number is None else (j + 1, number)
    if tok.kind == "word" and tok.text.startswith("و") and len(tok.text) > 1:
        number = parse_number(words, tokens, j)
        return None if number is None else (j, number)
    return None


def _unit_at(
    words: AmountWords, tokens: Sequence[Token], j: int, number: ParsedNumber, *, countable: bool
) -> tuple[str, int] | None:
    """The unit right after a number and how many tokens it takes.

    A currency or a percent always; a counted noun when ``countable`` (the number is not a
    label's: «رقم 15»); a scaled number with neither is ``_SCALED`` and takes no token.
    """
    unit = _measure_at(words, tokens, j)
    if unit is None and countable and j < len(tokens):
        unit = counted_at(words, tokens, j, number)
    if unit is None and number.scale and number.value != number.scale:
        return _SCALED, 0  # «63.52 مليار», «مليونين»; not a bare «مليار»
    return unit


def _measure_at(words: AmountWords, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """A percent or a currency at ``tokens[j]``."""
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.text in words.percent_signs:
        return "percent", 1
    if tok.text in words.currency_signs:
        return words.currency_signs[tok.text], 1
    if tok.kind != "word":
        return None
    percent = match_phrase(words.percent_words, tokens, j, 2)
    if percent is not None:
        return "percent", percent[1]
    keys = [forms(tok)]
    if j + 1 < len(tokens) and tokens[j + 1].kind == "word":
        keys.append(forms(tokens[j + 1]))
    return currency_at(words, keys)


@stage("amounts", requires=("title", "lead", "body"), assigns=("amounts",))
def amounts(article: Article) -> Article:
    """Fill ``amounts`` from the title, lead and body."""
    texts = [article.field_text(name) for name in TEXT_FIELDS]
    article.amounts = [
        amount
        for name, text in zip(TEXT_FIELDS, texts, strict=True)
        if text
        for amount in find_amounts(text, name)
    ]
    if article.amounts:
        resolve_currencies(article.amounts, lambda: country_mentions(texts))
    return article
