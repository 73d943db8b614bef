"""The ``amounts`` stage: sums of money, percents and counts of people or things.

A number (digits in any script or words, with scales: :mod:`marsad.amounts._parse`) becomes
an :class:`~marsad.record.Amount` when a unit follows it: a currency (ISO 4217, from CLDR
names via babel and ``data/amounts.toml``), a percent sign or word, or a counted noun
(«عنصر», «قتيلا» -> ``person``). A qualifier before it («أكثر من», «نحو») says how exact it
is; a range («بين 10 و20 قتيلا») is reported as its midpoint, qualifier ``about``. Bare
numbers (years, article numbers, scores) are not amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal, cast

from ..pipeline import stage
from ..record import TEXT_FIELDS, Amount, Article, TextField
from ..text import Token
from ..wordforms import field_tokens, form_positions, forms, match_phrase
from ._parse import ParsedNumber, digits_value, parse_number
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
    for i in candidates:
        if i < after:
            continue
        hit = _amount_at(words, tokens, i)
        if hit is None:
            continue
        (start, end, value, unit, qualifier), after = hit
        found.append(Amount(text[start:end], value, unit, qualifier, field, start, end))
    return found


_NON_WORD_STARTS = frozenset({"number", "symbol"})


@cache
def _starters(words: AmountWords) -> frozenset[str]:
    """Words an amount can start with: numbers, scales, qualifiers, range openers."""
    found = set(words.numbers) | set(words.scales) | set(words.dual_scales) | words.eleven
    found.update(k[0] for k in words.qualifiers)
    found.update(k[0] for k in words.range_openers)
    return frozenset(found)


_Hit = tuple[tuple[int, int, float, str, Qualifier], int]


def _amount_at(words: AmountWords, tokens: Sequence[Token], i: int) -> _Hit | None:
    qualifier: Qualifier = "exact"
    j = i
    qual = match_phrase(words.qualifiers, tokens, i, 4)
    if qual is not None:
        qualifier, j = cast(Qualifier, qual[0]), i + qual[1]
    is_range = qual is None and match_phrase(words.range_openers, tokens, i, 2)
    if is_range:
        j = i + is_range[1]
    if j >= len(tokens) or _next_to_caret(tokens, j):
        return None
    sign = _sign_before(words, tokens, j)
    number = parse_number(words, tokens, j)
    if number is None:
        return None
    value, after = number.value, number.end
    if is_range:
        high = _range_end(words, tokens, after)
        if high is None:
            return _amount_at(words, tokens, j) if j > i else None
        value, after, qualifier = (value + high.value) / 2, high.end, "about"
    unit = (sign, 0) if sign else _unit_at(words, tokens, after)
    if unit is None or value > words.max_value:
        return None
    first = tokens[i] if (qual or is_range) else tokens[j]
    start = first.start + len(first.prefix) if first.kind == "word" else first.start
    if sign and not (qual or is_range):
        start = tokens[j - 1].start
    end = tokens[after + unit[1] - 1].end if unit[1] else tokens[after - 1].end
    clean = int(value) if float(value).is_integer() else round(value, 6)
    return (start, end, clean, unit[0], qualifier), after + unit[1]


def _next_to_caret(tokens: Sequence[Token], j: int) -> bool:
    """``10^30`` and the like are not amounts."""
    return (j > 0 and tokens[j - 1].text == "^") or (
        j + 1 < len(tokens) and tokens[j + 1].text in {"^", "e", "E"}
    )


def _sign_before(words: AmountWords, tokens: Sequence[Token], j: int) -> str | None:
    if j > 0 and tokens[j - 1].end == tokens[j].start:
        return words.currency_signs.get(tokens[j - 1].text)
    return None


def _range_end(words: AmountWords, tokens: Sequence[Token], j: int) -> ParsedNumber | None:
    """The second number of «10 و20», «10 إلى 20», «10-20»."""
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.text in words.range_joiners or any(f in words.range_joiners for f in forms(tok)):
        return parse_number(words, tokens, j + 1) if j + 1 < len(tokens) else None
    if tok.kind == "word" and tok.text.startswith("و") and len(tok.text) > 1:
        return parse_number(words, tokens, j)
    return None


def _unit_at(words: AmountWords, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """The unit right after a number and how many tokens it takes."""
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
    currency = currency_at(words, keys)
    if currency is not None:
        return currency
    for form in forms(tok):
        if form in words.counted:
            return words.counted[form], 1
    return None


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
        resolve_currencies(article.amounts, country_mentions(texts))
    return article
