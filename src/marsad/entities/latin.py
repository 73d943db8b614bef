"""Latin-script names: English names of places from CLDR, known organizations, and persons'
names from the name lexicon's spellings or a romanization."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from babel import Locale

from ..ner.names import capitalize, name_lexicon
from ..text import normalize

__all__ = ["latin_name", "romanize", "transliterate"]

#: A name-lexicon token that is also a common word gives its Latin spelling to a person's
#: name only when this many name labels carry it (علي Ali yes, من no).
_TRUSTED_COMMON = 5


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    english = Locale("en").territories
    places = {
        normalize(name): english[code]
        for code, name in Locale("ar").territories.items()
        if code in english
    }
    data = _data()
    places.update({normalize(k): v for k, v in data["places"].items()})
    orgs = {normalize(k): v for k, v in data["organizations"].items()}
    names = {normalize(k): v for k, v in data["names"].items()}
    return places, orgs, names


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("marsad").joinpath("data/latin.toml").read_text("utf-8")
    return tomllib.loads(raw)


@dataclass(frozen=True, slots=True)
class _Letters:
    """The romanization tables of ``data/latin.toml`` ([letters] and [romanize])."""

    consonants: dict[str, str]
    vowels: dict[str, str]
    semivowels: dict[str, tuple[str, str]]
    final_waw: str
    short: str
    faail: str
    particles: frozenset[str]
    digraphs: dict[str, str]
    arabic_classes: dict[str, str]  #: [skeleton.arabic]: a consonant's sound class
    latin_classes: list[tuple[str, str]]  #: [skeleton.latin], longest graphemes first


@cache
def _letters() -> _Letters:
    data = _data()
    rom = data["romanize"]
    return _Letters(
        consonants=dict(data["letters"]),
        vowels=dict(rom["vowels"]),
        semivowels={k: (v[0], v[1]) for k, v in rom["semivowels"].items()},
        final_waw=rom["final_waw_after_vowel"],
        short=rom["short_vowel"],
        faail=rom["faail_vowel"],
        particles=frozenset(rom["particles"]),
        digraphs=dict(rom["digraphs"]),
        arabic_classes=dict(data["skeleton"]["arabic"]),
        latin_classes=sorted(data["skeleton"]["latin"].items(), key=lambda kv: -len(kv[0])),
    )


def latin_name(name: str, kind: str) -> str | None:
    """A known English name for places and organizations, a transliteration for persons."""
    places, orgs, _ = _tables()
    norm = normalize(name)
    if kind in ("GPE", "LOC"):
        return places.get(norm) or places.get(norm.removeprefix("ال"))
    if kind == "ORG":
        return orgs.get(norm) or orgs.get(norm.removeprefix("ال"))
    if kind == "PER":
        return transliterate(name)
    return None


@lru_cache(maxsize=20_000)
def transliterate(name: str) -> str:
    """A readable Latin form of a person's name.

    Word by word: the usual spellings of [names] in ``data/latin.toml`` first (also for
    two-word forms such as «عبد الله»), then the name lexicon's most frequent Latin
    spelling (:mod:`marsad.ner.names`: «بومبيو» -> Pompeo), else a romanization
    (:func:`romanize`). «عبد» + «ال...» makes one word (عبد العزيز -> Abdulaziz), «ال» becomes
    «al-» (الأبنودي -> al-Abnudi), «أبو» written joined is split off (أبوداود -> Abu Dawud).
    """
    words = [w for w in (_plain(w) for w in name.split()) if w]
    _, _, names = _tables()
    out: list[str] = []
    i = 0
    while i < len(words):
        norm = normalize(words[i])
        after = normalize(words[i + 1]) if i + 1 < len(words) else ""
        if after and f"{norm} {after}" in names:
            out.append(names[f"{norm} {after}"])
            i += 2
        elif norm == "عبد" and _definite(after):
            out.append(_abdul(words[i + 1][2:]))
            i += 2
        else:
            out.append(_word(words[i], norm))
            i += 1
    return _join(out)


def _join(words: list[str]) -> str:
    particles = _letters().particles
    parts = [w for w in words if w]
    return " ".join(w.lower() if n and w.lower() in particles else w for n, w in enumerate(parts))


def _plain(word: str) -> str:
    """The word's letters: diacritics, tatweel and punctuation dropped, hamza kept."""
    if word.isascii():
        return word.strip(".,;:()\"'")
    tables = _letters()
    out = []
    for ch in word:
        if ch in tables.consonants or ch in tables.vowels or ch in tables.semivowels:
            out.append(ch)
        elif "\u0600" <= ch <= "\u06ff" or ch.isascii():
            continue
        else:  # presentation forms and other foldable letters
            out.extend(c for c in normalize(ch) if c in tables.consonants or c in tables.vowels)
    return "".join(out)


def _definite(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


def _word(word: str, norm: str) -> str:
    _, _, names = _tables()
    if norm in names:
        return names[norm]
    if word.isascii():
        return word
    if norm.startswith("عبدال") and len(norm) > 6:
        return _abdul(word[5:])
    if norm.startswith("ابو") and len(norm) > 4 and _known(norm) is None:
        return "Abu " + _base(word[3:])
    if _definite(norm):
        known = _known(norm)
        if known is None:
            body = _base(word[2:])
            return "al-" + body if body else ""
        rest = _without_article(known, word[2:])
        return capitalize(known) if rest is None else "al-" + capitalize(rest)
    return _base(word)


def _without_article(latin: str, body: str) -> str | None:
    """The Latin spelling of an «ال» word without its article: the spelling itself when it
    has none (qahtani), what follows the article when it spells one (al-x, elabed, errachid
    with a sun letter, larbi); None when the spelling is whole as it is (alaoui for العلوي,
    ʿAlawi). What follows an article must start with the consonant the Arabic word does."""
    if latin.startswith(("al-", "el-")):
        return latin[3:]
    fallback: str | None = latin
    if latin.startswith(("al", "el")):
        rest, fallback = latin[2:], None
    elif len(latin) > 3 and latin[0] in "ae" and latin[1] == latin[2] and latin[1] not in "aeiou":
        rest = latin[2:]
    elif latin.startswith("l") and latin[1:2] in ("a", "e") and not body.startswith("ل"):
        rest = latin[1:]
    else:
        return latin
    if len(rest) > 2 and rest[0] == rest[1] and rest[0] not in "aeiou":
        rest = rest[1:]
    first = _first_class(body)
    return rest if first and first == _first_latin_class(rest) else fallback


def _first_class(arabic: str) -> str:
    classes = _letters().arabic_classes
    return next((classes[ch] for ch in _plain(arabic) if ch in classes), "")


def _first_latin_class(latin: str) -> str:
    graphemes = _letters().latin_classes
    for i in range(len(latin)):
        for grapheme, cls in graphemes:
            if latin.startswith(grapheme, i):
                return cls
    return ""


def _abdul(body: str) -> str:
    """«عبد» + a word with the article: one word (Abdulaziz, Abdulrahman)."""
    latin = _base(body)
    return "Abdul" + latin.lower() if latin else "Abd"


def _known(norm: str) -> str | None:
    """The lexicon's Latin spelling (lower case) when it is trusted for a person's name."""
    entry = name_lexicon().entry(norm)
    if entry is None or (entry.common and entry.count < _TRUSTED_COMMON):
        return None
    return entry.latin


def _base(word: str) -> str:
    known = _known(normalize(word))
    return capitalize(known) if known else romanize(word)


def romanize(word: str) -> str:
    """A readable romanization of one Arabic word (no article), capitalized.

    Long vowels are the written ones (ا and و/ي between consonants); a short «a» goes
    between two consonants where the first one opens a syllable (سعد -> Sa'd, معتز ->
    Ma'taz), an «i» between the last two after a written alef (خالد -> Khalid);
    ain and hamza are an apostrophe, dropped at the ends (عطيف -> Atif).
    """
    t = _letters()
    units: list[tuple[str, str]] = []  # (latin, kind): _C consonant, _V vowel, _ALEF written ا
    letters = _plain(word)
    skip = False
    for i, ch in enumerate(letters):
        after = letters[i + 1] if i + 1 < len(letters) else ""
        if skip:
            skip = False
        elif ch + after in t.digraphs:
            skip = True
            _consonant(units, t.digraphs[ch + after], i + 2 >= len(letters), t)
        elif ch in t.vowels:
            units.append((t.vowels[ch], _ALEF if ch in "اآ" else _V))
        elif ch in t.semivowels:
            _semivowel(units, ch, after, t)
        elif ch in t.consonants:
            _consonant(units, t.consonants[ch], not after, t)
    latin = "".join(u for u, _ in units).strip("'").replace("''", "'")
    return latin[:1].upper() + latin[1:]


_C, _V, _ALEF = "c", "v", "a"


def _semivowel(units: list[tuple[str, str]], ch: str, after: str, t: _Letters) -> None:
    consonant, vowel = t.semivowels[ch]
    after_vowel = bool(units) and units[-1][1] != _C
    if ch == "ي" and after_vowel and units[-1][0].endswith("i") and after not in t.vowels:
        return  # the long i of a hamza seat (ئي)
    if ch == "و" and not after and after_vowel:
        units.append((t.final_waw, _V))
    elif not units or after_vowel or after in t.vowels:
        _consonant(units, consonant, not after, t)
    else:
        units.append((vowel, _V))


def _consonant(units: list[tuple[str, str]], latin: str, last: bool, t: _Letters) -> None:
    """Append a consonant, with a short vowel before it where the one before needs it."""
    if units and units[-1][1] == _C:
        if len(units) == 1 or units[-2][1] == _C:
            units.append((t.short, _V))
        elif last and units[-2][1] == _ALEF and units[-1][0] not in ("w", "y"):
            units.append((t.faail, _V))
    units.append((latin, _C))
