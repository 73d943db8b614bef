"""Word lists the tagger and the entity stage read: titles, roles, heads, gazetteers.

Everything is keyed by :func:`key`, the normalized form of a word without its
proclitics or article, so «والكويت», «للكويت» and «الكويت» share one key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from babel import Locale

from ..text import normalize, normalize_word, split_proclitics

__all__ = ["Lexicon", "key", "lexicon", "name_key", "phrase_key"]


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """A word's lookup key: normalized, proclitics and article stripped."""
    _, base = split_proclitics(word)
    return normalize(base or word)


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """A word as part of a name: normalized, proclitics stripped but the article kept.

    «للكويت» and «والكويت» give «الكويت»; «الهند» (India) stays apart from «هند» (Hind).
    """
    prefix, base = split_proclitics(word)
    if not base:
        return normalize(word)
    definite = prefix.endswith(("ال", "لل"))
    return normalize(("ال" if definite else "") + base)


def phrase_key(words: Iterable[str]) -> tuple[str, ...]:
    """A gazetteer entry's key: its words normalized as written."""
    return tuple(normalize(w) for w in words)


@dataclass(frozen=True, slots=True)
class Lexicon:
    honorifics: frozenset[tuple[str, ...]]
    role_heads: frozenset[str]
    org_heads: frozenset[str]
    loc_heads: frozenset[str]
    speech_verbs: frozenset[str]
    nationalities: dict[str, str]
    city_countries: dict[str, str]  # normalized city name -> its country
    places: dict[tuple[str, ...], tuple[str, str]]  # phrase key -> (name, GPE or LOC)
    longest_place: int
    organizations: dict[tuple[str, ...], str]
    org_connectors: frozenset[str]
    ministries: frozenset[str]
    ministry_word: str
    misc_heads: frozenset[str]
    not_names: frozenset[str]
    name_stops: frozenset[str]
    place_starts: frozenset[str]  # first words of places and organizations: most words
    organization_starts: frozenset[str]  # start neither, and are rejected at once

    def nationality(self, word: str) -> str | None:
        """The country of a nationality adjective («الكويتية» -> «الكويت»), or None (the
        answer is remembered per word: every stage asks it of many tokens)."""
        entry = _NATIONALITY_MEMO.get(id(self))
        if entry is None or entry[0] is not self:
            entry = _NATIONALITY_MEMO[id(self)] = (self, {})
        memo = entry[1]
        if word in memo:
            return memo[word]
        k = key(word)
        found = None
        for form in (k, k[:-1] if k.endswith("ه") else k):
            if form in self.nationalities:
                found = self.nationalities[form]
                break
        if len(memo) >= 200_000:
            memo.clear()
        memo[word] = found
        return found

    def may_start_place(self, word: str) -> bool:
        """Whether a gazetteer place can start at ``word`` (most words: no, at once)."""
        return name_key(word) in self.place_starts or normalize_word(word) in self.place_starts

    def place_at(self, words: Sequence[str], i: int) -> int:
        """Length in tokens of the longest gazetteer place starting at ``words[i]`` (0: none)."""
        return _longest(self.places, self.place_starts, self.longest_place, words, i)

    def organization_at(self, words: Sequence[str], i: int) -> int:
        """Length in tokens of the longest known organization starting at ``words[i]``."""
        return _longest(self.organizations, self.organization_starts, 4, words, i)


#: Per lexicon (by identity): word -> its nationality's country, for Lexicon.nationality.
_NATIONALITY_MEMO: dict[int, tuple[Lexicon, dict[str, str | None]]] = {}


def _longest(
    table: Mapping[tuple[str, ...], object],
    starts: frozenset[str],
    most: int,
    words: Sequence[str],
    i: int,
) -> int:
    """Longest entry of ``table`` at ``words[i]``: words as names (:func:`name_key`), the first
    also tried whole, since names such as بليز start with clitic-like letters."""
    firsts = [f for f in (name_key(words[i]), normalize_word(words[i])) if f in starts]
    if not firsts:
        return 0
    for n in range(min(most, len(words) - i), 0, -1):
        rest = tuple(name_key(w) for w in words[i + 1 : i + n])
        if any((first, *rest) in table for first in firsts):
            return n
    return 0


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(key(w) for w in items)


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, with country and region names from CLDR (babel)."""
    raw = resources.files("marsad").joinpath("data/entities.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    places = _places(data)
    organizations = {phrase_key(o.split()): o for o in data["organizations"]}
    return Lexicon(
        honorifics=frozenset(tuple(key(w) for w in h.split()) for h in data["honorifics"]),
        role_heads=_words(h.split()[0] for h in data["role_heads"]),
        org_heads=_words(h.split()[0] for h in data["org_heads"]),
        loc_heads=_words(h.split()[0] for h in data["loc_heads"]),
        speech_verbs=_words(data["speech_verbs"]),
        nationalities={key(k): v for k, v in data["nationalities"].items()},
        city_countries={normalize(k): v for k, v in data["city_countries"].items()},
        places=places,
        longest_place=max(len(k) for k in places),
        organizations=organizations,
        org_connectors=_words(data["org_connectors"]),
        ministries=_words(data["ministries"]),
        ministry_word=data["ministry_word"],
        misc_heads=_words(data["misc_heads"]),
        not_names=_words(data["not_names"]),
        name_stops=frozenset(normalize(w) for w in data["name_stops"]),
        place_starts=frozenset(k[0] for k in places),
        organization_starts=frozenset(k[0] for k in organizations),
    )


def _places(data: dict[str, Any]) -> dict[tuple[str, ...], tuple[str, str]]:
    ambiguous = {normalize(p) for p in data["ambiguous_places"]}
    places: dict[tuple[str, ...], tuple[str, str]] = {}
    for code, name in Locale("ar").territories.items():
        if name and normalize(name) not in ambiguous and len(normalize(name)) > 3:
            places[phrase_key(name.split())] = (name, "GPE" if code.isalpha() else "LOC")
    for country in data["nationalities"].values():
        if country:
            places.setdefault(phrase_key(country.split()), (country, "GPE"))
    for name in data["regions"]:
        places[phrase_key(name.split())] = (name, "LOC")
    for name in data["cities"]:
        places[phrase_key(name.split())] = (name, "GPE")
    return places
