"""Person-name tokens in Arabic script: given names, surnames, foreign names, Latin spellings.

The lexicon is ``marsad/models/names/names.tsv.gz`` (about 51 k tokens), built by
``scripts/build_name_lexicons.py`` from Wikidata person labels (CC0) and Google's
transliteration data (Apache-2.0); see ``NOTICE.md`` beside it. It is read once, on first
use (:func:`name_lexicon`, cached), in well under a tenth of a second; every question after
that is one dictionary lookup of the token's normalized form (:func:`marsad.text.normalize`).

Usage::

    from marsad.ner.names import name_lexicon

    names = name_lexicon()
    names.is_name("كارلوس")      # True: a known name token, not a common word
    names.is_given("مايك")       # True
    names.is_surname("بومبيو")   # True
    names.is_surname("القحطاني") # True: «ال» nisbas are surnames
    names.is_foreign("كارلوس")   # True: not of Arabic origin
    names.latin("بومبيو")        # "Pompeo" (capitalized; None for unknown tokens)
    names.kind("محمد")           # "given"; "surname", "name" (either) or None
    names.entry("علي")           # every field, common words included

Tokens are looked up as written, after normalization only: strip proclitics first
(«وكارلوس» is not in the lexicon, «كارلوس» is), but do it *after* asking whether the whole
token is a name, since foreign names often start with letters that look like proclitics
(ك, ف, ب, ل, و). The article is part of the key: «القحطاني» is an entry, «قحطاني» another.

Classes come from evidence, not from a curated list, so they are tendencies: a token that
opens runs of name tokens in the news is a given name, one that closes them a surname, one
that does both (most foreign names, which appear alone too) is both. Some tokens are also
common words of the language (لا، سلام، أمل; علي, which normalizes like the preposition
على): their entries carry ``common=True`` and the predicates :meth:`NameLexicon.is_name`,
:meth:`~NameLexicon.is_given`, :meth:`~NameLexicon.is_surname`,
:meth:`~NameLexicon.is_foreign` and :meth:`~NameLexicon.kind` answer False/None for them;
:meth:`~NameLexicon.entry` and :meth:`~NameLexicon.latin` still give them.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from ..text import normalize

__all__ = ["NAMES_FILE", "NameEntry", "NameKind", "NameLexicon", "capitalize", "name_lexicon"]

NAMES_FILE = "models/names/names.tsv.gz"
NameKind = Literal["given", "surname", "name"]

_GIVEN, _SURNAME, _FOREIGN, _COMMON = 1, 2, 4, 8
_FLAGS = {"G": _GIVEN, "S": _SURNAME, "F": _FOREIGN, "C": _COMMON}
#: How many tokens' answers a lexicon remembers (as written, before normalization).
_MEMO_SIZE = 100_000


def _flags_of(classes: str) -> int:
    flags = 0
    for ch in classes:
        flags |= _FLAGS.get(ch, 0)
    return flags


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What the lexicon knows of one token."""

    key: str  #: the normalized Arabic token
    latin: str  #: its most frequent Latin spelling, lower case as in the sources
    given: bool
    surname: bool
    foreign: bool  #: not of Arabic origin (a transliteration into Arabic)
    common: bool  #: also a common word of the language
    count: int  #: how many name labels of the sources carry it

    @property
    def display(self) -> str:
        """The Latin spelling capitalized for display (``o'brien`` -> ``O'Brien``)."""
        return capitalize(self.latin)


def capitalize(word: str) -> str:
    """Capitalize each part of a Latin word split at hyphens and apostrophes."""
    out: list[str] = []
    upper = True
    for ch in word:
        out.append(ch.upper() if upper else ch)
        upper = ch in "-'’"
    return "".join(out)


class NameLexicon:
    """Name tokens by normalized form; see the module docstring."""

    __slots__ = ("_memo", "_parsed", "_rows")

    def __init__(self, rows: dict[str, str]) -> None:
        #: key -> "latin TAB classes TAB count", parsed on first lookup into _parsed
        self._rows = rows
        self._parsed: dict[str, tuple[str, int, int] | None] = {}
        self._memo: dict[str, int] = {}  # token as written -> its flags

    @classmethod
    def from_lines(cls, lines: list[str]) -> NameLexicon:
        """Read ``key TAB latin TAB classes TAB count`` lines (the packaged file's format,
        ends of lines already stripped); malformed lines are skipped when looked up."""
        return cls(dict(line.split("\t", 1) for line in lines if "\t" in line))

    def _row(self, key: str) -> tuple[str, int, int] | None:
        try:
            return self._parsed[key]
        except KeyError:
            pass
        raw = self._rows.get(key)
        row: tuple[str, int, int] | None = None
        if raw is not None:
            parts = raw.split("\t")
            if len(parts) == 3 and parts[2].isdigit():
                row = (parts[0], _flags_of(parts[1]), int(parts[2]))
        self._parsed[key] = row
        return row

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self._row(normalize(token)) is not None

    def _flags(self, token: str) -> int:
        flags = self._memo.get(token)
        if flags is None:
            row = self._row(normalize(token))
            flags = 0 if row is None or row[1] & _COMMON else row[1]
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[token] = flags
        return flags

    def entry(self, token: str) -> NameEntry | None:
        """Everything known of ``token`` (common words included), or None."""
        key = normalize(token)
        row = self._row(key)
        if row is None:
            return None
        latin, flags, count = row
        return NameEntry(
            key=key,
            latin=latin,
            given=bool(flags & _GIVEN),
            surname=bool(flags & _SURNAME),
            foreign=bool(flags & _FOREIGN),
            common=bool(flags & _COMMON),
            count=count,
        )

    def is_name(self, token: str) -> bool:
        """A known name token that is not also a common word."""
        return self._flags(token) != 0

    def is_given(self, token: str) -> bool:
        return bool(self._flags(token) & _GIVEN)

    def is_surname(self, token: str) -> bool:
        return bool(self._flags(token) & _SURNAME)

    def is_foreign(self, token: str) -> bool:
        return bool(self._flags(token) & _FOREIGN)

    def is_common(self, token: str) -> bool:
        """Known as a name token but also a common word («لا», «أمل»)."""
        row = self._row(normalize(token))
        return row is not None and bool(row[1] & _COMMON)

    def kind(self, token: str) -> NameKind | None:
        """``given``, ``surname``, ``name`` (seen as either) or None (unknown or common)."""
        flags = self._flags(token) & (_GIVEN | _SURNAME)
        if flags == _GIVEN:
            return "given"
        if flags == _SURNAME:
            return "surname"
        return "name" if flags else None

    def latin(self, token: str) -> str | None:
        """The usual Latin spelling, capitalized («بومبيو» -> «Pompeo»), or None."""
        row = self._row(normalize(token))
        return capitalize(row[0]) if row else None


@cache
def name_lexicon() -> NameLexicon:
    """The packaged name lexicon, read on first use."""
    raw = resources.files("marsad").joinpath(NAMES_FILE).read_bytes()
    return NameLexicon.from_lines(gzip.decompress(raw).decode("utf-8").splitlines())
