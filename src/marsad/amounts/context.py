"""Which country's currency a bare «دينار», «ريال», «درهم», «جنيه» or «ليرة» is.

The default of ``data/amounts.toml`` ([currency_words]) holds unless the article is
about a country that uses a currency of that name ([currency_by_country]): the country
mentioned most often, by name or nationality adjective, among those candidates wins.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources

from ..ner.lexicon import key, lexicon, name_key
from ..record import Amount
from ..text import normalize, tokenize_cached

__all__ = ["country_mentions", "resolve_currencies"]


@cache
def _table() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    raw = resources.files("marsad").joinpath("data/amounts.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    by_word = {normalize(w): dict(c) for w, c in data["currency_by_country"].items()}
    plurals = {normalize(k): normalize(v) for k, v in data["currency_plurals"].items()}
    return by_word, plurals


def country_mentions(texts: Iterable[str]) -> Counter[str]:
    """How often each country is named or qualified (الأردن، الأردنية) in ``texts``."""
    lex = lexicon()
    counts: Counter[str] = Counter()
    for text in texts:
        for token in tokenize_cached(text):
            if token.kind != "word":
                continue
            place = lex.places.get((name_key(token.text),))
            if place is not None and place[1] == "GPE":
                name = normalize(place[0])
                counts[normalize(lex.city_countries.get(name, place[0]))] += 1
            country = lex.nationality(token.text)
            if country:
                counts[normalize(country)] += 1
    return counts


def resolve_currencies(
    amounts: list[Amount], mentions: Mapping[str, int] | Callable[[], Mapping[str, int]]
) -> None:
    """Re-read bare shared currency words in ``amounts`` against the article's countries.

    ``mentions`` may be given as a function (``lambda: country_mentions(texts)``): it is
    then counted only when an amount ends in such a word, which most articles have none of.
    """
    by_word, plurals = _table()
    for amount in amounts:
        words = amount.text.split()
        if not words:
            continue
        last = key(words[-1])
        if last not in by_word and last not in plurals:
            continue
        if callable(mentions):
            mentions = mentions()
        candidates = by_word.get(plurals.get(last, last), {})
        best = max(candidates, key=lambda c: mentions.get(normalize(c), 0), default=None)
        if best is not None and mentions.get(normalize(best), 0) > 0:
            amount.unit = candidates[best]
