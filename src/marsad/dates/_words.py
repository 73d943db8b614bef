"""The word lists of the dates stage: ``data/dates.toml`` plus CLDR month and day names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from ..text import normalize
from ..wordforms import PhraseTable, load_data, phrase_key, phrase_table

__all__ = ["DateWords", "date_words", "starters"]


@dataclass(frozen=True, slots=True, eq=False)
class DateWords:
    months: PhraseTable[tuple[int, str]]  # phrase -> (month, "gregorian" | "hijri")
    weekdays: dict[str, int]  # Monday = 0
    hijri_markers: frozenset[str]
    gregorian_markers: frozenset[str]
    year_cues: frozenset[str]
    day_word: frozenset[str]
    weekday_joiners: frozenset[str]
    this_words: frozenset[str]
    month_cues: frozenset[str]
    day_month_links: frozenset[str]
    ordinal_day_cues: frozenset[str]
    range_marks: frozenset[str]
    and_words: frozenset[str]
    days_of: frozenset[str]
    noun_day_after: frozenset[str]
    noun_day_before: frozenset[str]
    name_heads: frozenset[str]
    weekday_name_heads: frozenset[str]
    future_cues: frozenset[str]
    every: frozenset[str]
    day_parts: PhraseTable[bool]
    relative_days: PhraseTable[int]
    ordinal_days: PhraseTable[int]
    construct_ordinals: dict[str, int]
    occasion_tail: frozenset[str]
    occasions: PhraseTable[tuple[tuple[int, int], ...]]  # phrase -> (Hijri month, day) choices
    units: dict[str, str]  # singular and plural
    plural_units: frozenset[str]
    dual_units: dict[str, str]
    directions: dict[str, int]
    offsets: dict[str, int]

    @property
    def known(self) -> frozenset[str]:
        """Every single word of the lists: such a word is never cut at a proclitic («فبراير»)."""
        return _known(self)


@cache
def _known(words: DateWords) -> frozenset[str]:
    found: set[str] = set()
    for table in (words.months, words.day_parts, words.relative_days, words.occasions):
        found.update(w for key in table for w in key)
    for group in (words.weekdays, words.units, words.dual_units, words.directions, words.offsets):
        found.update(group)
    return frozenset(found)


@cache
def starters(words: DateWords) -> frozenset[str]:
    """Words a date expression can start with (numbers aside)."""
    found = set(words.known) | words.year_cues | words.day_word | words.this_words
    found.update(k[0] for k in words.day_parts)
    found.update(k[0] for k in words.ordinal_days)
    found.update(words.construct_ordinals)
    return frozenset(found)


def _months(data: dict[str, object]) -> PhraseTable[tuple[int, str]]:
    table: PhraseTable[tuple[int, str]] = {}
    locales = data["month_locales"]
    assert isinstance(locales, list)
    for name in locales:
        for number, month in Locale.parse(name).months["format"]["wide"].items():
            table[phrase_key(month)] = (int(number), "gregorian")
    for table_name, calendar in (("extra_months", "gregorian"), ("hijri_months", "hijri")):
        entries = data[table_name]
        assert isinstance(entries, dict)
        for month, number in entries.items():
            table[phrase_key(month)] = (int(number), calendar)
    return table


def _weekdays() -> dict[str, int]:
    days = {normalize(n): i for i, n in Locale("ar").days["format"]["wide"].items()}
    days.update({normalize(n)[2:]: i for n, i in list(days.items()) if n.startswith("ال")})
    return days


def _occasions(data: dict[str, object]) -> PhraseTable[tuple[tuple[int, int], ...]]:
    occasions = data["occasions"]
    eids = data["eids"]
    assert isinstance(occasions, dict) and isinstance(eids, dict)
    table: PhraseTable[tuple[tuple[int, int], ...]] = {
        phrase_key(name): ((int(day[0]), int(day[1])),) for name, day in occasions.items()
    }
    for name, meant in eids.items():
        table[phrase_key(name)] = tuple(table[phrase_key(m)][0] for m in meant)
    return table


def _set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


@cache
def date_words() -> DateWords:
    data = load_data("dates.toml")
    w = data["words"]
    return DateWords(
        months=_months(data),
        weekdays=_weekdays(),
        hijri_markers=_set(w["hijri_markers"]),
        gregorian_markers=_set(w["gregorian_markers"]),
        year_cues=_set(w["year_cues"]),
        day_word=_set(w["day_word"]),
        weekday_joiners=_set(w["weekday_joiners"]),
        this_words=_set(w["this_words"]),
        month_cues=_set(w["month_cues"]),
        day_month_links=_set(w["day_month_links"]),
        ordinal_day_cues=_set(w["ordinal_day_cues"]),
        range_marks=_set(w["range_marks"]),
        and_words=_set(w["and_words"]),
        days_of=_set(w["days_of"]),
        noun_day_after=_set(w["noun_day_after"]),
        noun_day_before=_set(w["noun_day_before"]),
        name_heads=_set(w["name_heads"]),
        weekday_name_heads=_set(w["weekday_name_heads"]),
        future_cues=_set(w["future_cues"]),
        every=_set(w["every"]),
        day_parts=phrase_table(w["day_parts"], True),
        relative_days=phrase_table(data["relative_days"]),
        ordinal_days=phrase_table(data["ordinal_days"]),
        construct_ordinals={normalize(k): v for k, v in data["construct_ordinals"].items()},
        occasions=_occasions(data),
        occasion_tail=_set(w["occasion_tail"]),
        units={normalize(k): v for k, v in {**data["units"], **data["plural_units"]}.items()},
        plural_units=_set(list(data["plural_units"])),
        dual_units={normalize(k): v for k, v in data["dual_units"].items()},
        directions={normalize(k): v for k, v in data["directions"].items()},
        offsets={normalize(k): v for k, v in data["offsets"].items()},
    )
