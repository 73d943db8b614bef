"""The word lists of the amounts stage (``data/amounts.toml`` and CLDR currency names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from ..text import normalize
from ..wordforms import PhraseTable, load_data, phrase_key, phrase_table

__all__ = ["AmountWords", "amount_words", "currency_at", "reduce_word"]


@dataclass(frozen=True, slots=True, eq=False)
class AmountWords:
    numbers: dict[str, float]
    teens: frozenset[str]
    eleven: frozenset[str]
    scales: dict[str, float]
    dual_scales: dict[str, float]
    qualifiers: PhraseTable[str]
    range_openers: PhraseTable[bool]
    range_joiners: frozenset[str]
    percent_signs: frozenset[str]
    percent_words: PhraseTable[str]
    currencies: dict[tuple[str, ...], str]  # reduced words -> ISO 4217
    currency_plurals: dict[str, str]
    currency_signs: dict[str, str]
    counted: dict[str, str]  # one normalized word -> unit
    counted_phrases: dict[tuple[str, ...], str]  # «متر مربع» -> m2
    counted_endings: tuple[tuple[str, str], ...]
    duals: dict[str, str]  # «يومين», «سنتان» -> unit
    scale_plurals: frozenset[str]
    label_words: frozenset[str]
    year_ranges: tuple[tuple[int, int], ...]
    max_unlisted_digits: int
    unit_starts: tuple[str, ...]
    not_counted: frozenset[str]
    date_marks: frozenset[str]
    verb_starts: tuple[str, ...]
    dated_units: frozenset[str]
    adverb_endings: tuple[str, ...]
    plural_endings: tuple[str, ...]
    pronoun_suffixes: tuple[str, ...]
    weekday_numbers: frozenset[str]
    singular_periods: frozenset[str]
    construct_endings: tuple[str, ...]
    max_value: float


def reduce_word(word: str) -> str:
    """A normalized noun or adjective without its case/gender ending, for currency look-up:
    «دولارا» -> «دولار», «كويتيه» / «كويتيا» -> «كويتي», «مصريه» -> «مصري»."""
    for ending in ("يه", "يا"):
        if word.endswith(ending) and len(word) > 4:
            return word[: -len(ending)] + "ي"
    if word.endswith("ا") and len(word) > 3:
        return word[:-1]
    return word


def _currency_key(name: str, plurals: dict[str, str]) -> tuple[str, ...]:
    words = [reduce_word(normalize(w)) for w in name.split()]
    if words:
        words[0] = plurals.get(words[0], words[0])
    return tuple(words)


def _currencies(data: dict[str, object]) -> dict[tuple[str, ...], str]:
    plurals = {normalize(k): normalize(v) for k, v in _table(data, "currency_plurals").items()}
    table: dict[tuple[str, ...], str] = {}
    for code, name in Locale("ar").currencies.items():
        if name and len(name.split()) >= 2 and code.isalpha() and len(code) == 3:
            table.setdefault(_currency_key(name, plurals), code)
    for name, code in _table(data, "currency_names").items():
        table[_currency_key(name, plurals)] = code
    for name, code in _table(data, "currency_words").items():
        table[_currency_key(name, plurals)] = code
    return table


def _table(data: dict[str, object], name: str) -> dict[str, str]:
    value = data.get(name, {})
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


@cache
def amount_words() -> AmountWords:
    """The packaged word lists, CLDR currency names (via babel) included."""
    data = load_data("amounts.toml")
    counting = data["counting"]
    return AmountWords(
        numbers={normalize(k): float(v) for k, v in data["numbers"].items()},
        teens=frozenset(normalize(w) for w in data["teen_words"]),
        eleven=frozenset(normalize(w) for w in data["eleven"]),
        scales={normalize(k): float(v) for k, v in data["scales"].items()},
        dual_scales={normalize(k): float(v) for k, v in data["dual_scales"].items()},
        qualifiers=phrase_table(data["qualifiers"]),
        range_openers=phrase_table(data["range_openers"], True),
        range_joiners=frozenset(normalize(w) for w in data["range_joiners"]),
        percent_signs=frozenset(data["percent_signs"]),
        percent_words=phrase_table(data["percent_words"], "percent"),
        currencies=_currencies(data),
        currency_plurals={
            normalize(k): normalize(v) for k, v in _table(data, "currency_plurals").items()
        },
        currency_signs=dict(data["currency_signs"]),
        counted={normalize(k): str(v) for k, v in data["counted"].items() if " " not in k},
        counted_phrases={
            phrase_key(k): str(v) for k, v in data["counted"].items() if " " in k.strip()
        },
        counted_endings=tuple((normalize(a), normalize(b)) for a, b in counting["counted_endings"]),
        duals=_duals(data["counted"], counting),
        scale_plurals=_set(counting["scale_plurals"]),
        label_words=_set(counting["label_words"]),
        year_ranges=tuple((int(a), int(b)) for a, b in counting["year_ranges"]),
        max_unlisted_digits=int(counting["max_unlisted_digits"]),
        unit_starts=tuple(normalize(w) for w in counting["unit_starts"]),
        not_counted=_set(counting["not_counted"]),
        date_marks=frozenset(counting["date_marks"]),
        verb_starts=tuple(normalize(w) for w in counting["verb_starts"]),
        dated_units=frozenset(counting["dated_units"]),
        adverb_endings=tuple(normalize(w) for w in counting["adverb_endings"]),
        plural_endings=tuple(normalize(w) for w in counting["plural_endings"]),
        pronoun_suffixes=tuple(normalize(w) for w in counting["pronoun_suffixes"]),
        weekday_numbers=_set(counting["weekday_numbers"]),
        singular_periods=_set(counting["singular_periods"]),
        construct_endings=tuple(normalize(w) for w in counting["construct_endings"]),
        max_value=float(data["max_value"]),
    )


def _set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def _duals(counted: dict[str, str], counting: dict[str, list[str]]) -> dict[str, str]:
    """Each dual form of the nouns of ``dual_nouns`` -> the unit it counts."""
    found: dict[str, str] = {}
    for noun in counting["dual_nouns"]:
        unit = str(counted[noun])
        word = normalize(noun)
        if word.endswith("ه"):
            found.update(
                (word[:-1] + normalize(e), unit) for e in counting["dual_feminine_endings"]
            )
        else:
            found.update((word + normalize(e), unit) for e in counting["dual_endings"])
    return found


def currency_at(words: AmountWords, keys: list[tuple[str, ...]]) -> tuple[str, int] | None:
    """The currency named by the first one or two words (each given by its forms)."""
    if not keys:
        return None
    heads = [reduce_word(f) for f in keys[0]]
    if len(keys) > 1:
        for head in heads:
            for adjective in keys[1]:
                code = words.currencies.get((_plural(words, head), reduce_word(adjective)))
                if code:
                    return code, 2
    for head in heads:
        code = words.currencies.get((_plural(words, head),))
        if code:
            return code, 1
    return None


def _plural(words: AmountWords, head: str) -> str:
    return words.currency_plurals.get(head, head)
