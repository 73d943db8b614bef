"""Tokenization of Arabic news text with exact offsets and proclitic analysis.

:func:`tokenize` cuts text into :class:`Token` objects whose ``text`` is always
``source[start:end]``. Kinds:

``"word"``
    an Arabic word; diacritics, tatweel and zero width (non-)joiners inside it stay in it;
``"latin"``
    a word in any other alphabet (Latin, but also Greek, Cyrillic, Hebrew ...), letters and
    digits mixed (``COVID-19``, ``G20``), and URLs, e-mail addresses and bare domain names;
``"number"``
    digits in any script with inner decimal/thousands separators (``3.5``, ``1,000``, ``٢٠٢٠``,
    ``٣٫٥``);
``"punct"``
    one punctuation character (``،`` ``؛`` ``؟`` ``«`` ``»`` ...), or a run of full stops;
``"symbol"``
    any other visible character (``%``, ``$``, ``+``, emoji, a stray mark).

Whitespace and invisible formatting characters (bidi marks, zero width space, BOM) separate
tokens and belong to none.

Proclitics (:func:`split_proclitics`) are decided with the data in :mod:`marsad.text.data`:

1. a word found in the lexicon of unprefixed words (وزير، بريطانيا، وليد ...), possibly with an
   inflectional or pronoun ending (وزيرة، فرنسية، كانت), is not split;
2. otherwise, among the proclitic sequences the word starts with, the longest one whose
   remaining base is itself a lexicon word (ووزير -> و + وزير, وبريطانيا -> و + بريطانيا) wins;
3. otherwise the longest sequence that leaves a plausible base wins: after a prefix containing
   the article at least two letters, after a conjunction/preposition alone at least three
   letters or a known two-letter word (وهو، بما); the base may not start with ة or ى.

The article is always part of the prefix: ``الكويت`` is ``ال`` + ``كويت`` and ``والكويت`` is
``وال`` + ``كويت``. The article is only recognised with a bare alef (or wasla), never with
hamza (إليه، ألمانيا are not prefixed); hamza-less spellings of such words are in the lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.text import data
from marsad.text.normalize import normalize

__all__ = ["ARABIC_LETTERS", "LINK_RE", "Token", "split_proclitics", "tokenize", "word_spans"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text, with its position and, for Arabic words, its proclitic prefix."""

    text: str
    start: int
    end: int
    kind: str
    prefix: str = ""

    @property
    def base(self) -> str:
        """The token without its prefix (``كويت`` for ``والكويت``)."""
        return self.text[len(self.prefix) :]

    @property
    def base_start(self) -> int:
        """Offset in the source where :attr:`base` starts."""
        return self.start + len(self.prefix)


# ---------------------------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------------------------


def _block_chars(category: str) -> str:
    """All characters of the Arabic blocks whose Unicode category is ``category``."""
    return "".join(
        chr(cp)
        for first, last in data.ARABIC_BLOCKS
        for cp in range(first, last + 1)
        if unicodedata.category(chr(cp)) == category
    )


def _char_class(chars: Iterable[str]) -> str:
    """A regex character-class body matching exactly ``chars``, compressed into ranges."""
    points = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = re.escape(chr(points[i])), re.escape(chr(points[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


#: Arabic letters (category Lo of the Arabic blocks).
ARABIC_LETTERS = frozenset(_block_chars("Lo"))
_ARABIC_MARKS = _block_chars("Mn")
_INVISIBLES = "".join(chr(cp) for a, b in data.INVISIBLE_RANGES for cp in range(a, b + 1))

_L = _char_class(ARABIC_LETTERS)
_M = _char_class(_ARABIC_MARKS + data.TATWEEL)
_J = _char_class(data.WORD_INTERNAL_JOINERS)
_ARABIC_WORD = rf"[{_M}]*[{_L}](?:[{_L}{_M}]|[{_J}](?=[{_L}{_M}]))*"

_BLOCKS = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in data.ARABIC_BLOCKS)
_OTHER_LETTER = rf"[^\W\d_{_BLOCKS}]"
_OTHER_ALNUM = rf"[^\W_{_BLOCKS}]"
_LATIN_WORD = rf"{_OTHER_LETTER}(?:{_OTHER_ALNUM}|[\u0300-\u036f]|['’_\-](?={_OTHER_ALNUM}))*"

_URL_CHAR = r"[^\s<>«»\"“”()]"
_URL_END = r"[^\s<>«»\"“”().,;:!?'’\]،؛؟…]"
_URL_PARENS = r"\([^\s()<>]*\)"
_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
_TLDS = "|".join(sorted(data.KNOWN_TLDS, key=len, reverse=True))
_URL_TAIL = rf"(?:{_URL_CHAR}|{_URL_PARENS})*(?:{_URL_END}|{_URL_PARENS})"
_URL = rf"(?:https?://|ftp://|www\.){_URL_TAIL}"
_DOMAIN = (
    rf"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+(?:{_TLDS})\b(?!\.\w)(?:/(?:{_URL_TAIL})?)?"
)

#: URLs, e-mail addresses and bare domain names; shared with the sentence splitter.
LINK_RE = re.compile(rf"{_URL}|{_EMAIL}|{_DOMAIN}")

_NUMBER = r"\d+(?:[.,٫٬]\d+)*"
_TOKEN_RE = re.compile(
    # each of the three opens with an ASCII letter or digit: the look-ahead rejects the
    # alternatives at once at an Arabic letter
    rf"(?P<latin>(?=[A-Za-z0-9])(?:{_URL}|{_EMAIL}|{_DOMAIN}))"
    rf"|(?P<number>{_NUMBER})"
    rf"|(?P<word>{_ARABIC_WORD})"
    rf"|(?P<latin_word>{_LATIN_WORD})"
    rf"|(?P<dots>\.{{2,}})"
    rf"|(?P<other>[^\s{_char_class(_INVISIBLES)}])"
)
_KINDS = {"latin": "latin", "latin_word": "latin", "number": "number", "dots": "punct"}


@lru_cache(maxsize=4096)
def _other_kind(ch: str) -> str:
    """``"punct"`` for Unicode punctuation, ``"symbol"`` for anything else."""
    if ch in data.SYMBOL_LIKE_PUNCTUATION:
        return "symbol"
    return "punct" if unicodedata.category(ch).startswith("P") else "symbol"


# A text makes hundreds of tokens: they are built by filling the slots directly, which is
# what the frozen dataclass's __init__ does too, at half its cost per token.
_new_token = object.__new__
_set_text, _set_start, _set_end, _set_kind, _set_prefix = (
    getattr(Token, name).__set__ for name in ("text", "start", "end", "kind", "prefix")
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with exact offsets (``text[t.start:t.end] == t.text``)."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(text):
        group = match.lastgroup
        value = match.group()
        start, end = match.span()
        token = _new_token(Token)
        _set_text(token, value)
        _set_start(token, start)
        _set_end(token, end)
        if group == "word":
            _set_kind(token, "word")
            _set_prefix(token, _split_cached(value)[0])
        else:
            _set_kind(token, _KINDS.get(group or "") or _other_kind(value))
            _set_prefix(token, "")
        append(token)
    return tokens


def word_spans(text: str) -> list[tuple[str, str, int, int]]:
    """``(kind, base, start, end)`` of the ``word``, ``latin`` and ``number`` tokens of
    :func:`tokenize` (punctuation and symbols left out), without building tokens: what a
    search analyzer needs, at a fraction of the cost."""
    out: list[tuple[str, str, int, int]] = []
    append = out.append
    for match in _TOKEN_RE.finditer(text):
        group = match.lastgroup
        if group == "word":
            value = match.group()
            start, end = match.span()
            prefix = _split_cached(value)[0]
            append(("word", value[len(prefix) :] if prefix else value, start, end))
        elif group is not None and _KINDS.get(group) in ("latin", "number"):
            start, end = match.span()
            append((_KINDS[group], match.group(), start, end))
    return out


# ---------------------------------------------------------------------------------------------
# Proclitics
# ---------------------------------------------------------------------------------------------


def _skeleton_table() -> dict[int, str]:
    """Letters only, hamza kept: marks, tatweel and joiners vanish, presentation forms decompose."""
    table: dict[int, str] = {ord(ch): "" for ch in _ARABIC_MARKS + data.TATWEEL}
    table.update({ord(ch): "" for ch in data.WORD_INTERNAL_JOINERS})
    for first, last in data.PRESENTATION_FORM_RANGES:
        for cp in range(first, last + 1):
            decomposed = unicodedata.normalize("NFKC", chr(cp))
            if decomposed != chr(cp) and chr(cp) in ARABIC_LETTERS:
                table[cp] = decomposed.translate(table).strip()
    table[ord("ٱ")] = "ا"
    return table


_SKELETON = _skeleton_table()
#: Letters that are their own skeleton (no mark, tatweel, joiner or presentation form).
_LETTERS_ONLY = re.compile(
    "[" + _char_class(ch for ch in ARABIC_LETTERS if ord(ch) not in _SKELETON) + "]+"
)
_LEXICON = frozenset(normalize(word) for word in data.UNPREFIXED_LEXICON)


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Stems of the words ending in ا or ة (folded ه) that take STEM_SUFFIXES; names ending
    in يا also lose the ي (بريطانيا -> بريطان، for بريطاني، بريطانية)."""
    stems = {w[:-1] for w in words if len(w) >= 4 and w[-1] in "اه"}
    stems.update(w[:-2] for w in words if len(w) >= 5 and w.endswith("يا"))
    return frozenset(stems)


_STEMS = _stems(_LEXICON)
_SHORT_BASES = frozenset(normalize(word) for word in data.SHORT_BASES)
_MAX_SUFFIX = max(map(len, data.LEXICON_SUFFIXES | data.STEM_SUFFIXES))


@lru_cache(maxsize=1 << 16)
def _in_lexicon(folded: str) -> bool:
    """Whether ``folded`` is a lexicon word, possibly with an ending from the suffix lists."""
    if folded in _LEXICON:
        return True
    for size in range(1, min(_MAX_SUFFIX, len(folded) - 3) + 1):
        stem, suffix = folded[:-size], folded[-size:]
        if stem in _LEXICON and suffix in data.LEXICON_SUFFIXES:
            return True
        if stem in _STEMS and suffix in data.STEM_SUFFIXES:
            return True
    return False


def _known_base(folded: str) -> bool:
    """Whether a base is a lexicon word, with or without the article."""
    if _in_lexicon(folded):
        return True
    return folded.startswith(data.ARTICLE) and len(folded) > 4 and _in_lexicon(folded[2:])


def _plausible_base(prefix: str, base: str, folded: str) -> bool:
    """Whether ``base`` (letters, folded as ``folded``) can follow ``prefix``."""
    if not base or base[0] in data.NON_INITIAL_LETTERS:
        return False
    if prefix in data.ARTICLE_PROCLITICS:
        return len(base) >= data.MIN_BASE_AFTER_ARTICLE
    return len(base) >= data.MIN_BASE_AFTER_PARTICLE or folded in _SHORT_BASES


def _skeleton(word: str) -> tuple[str, list[int]] | None:
    """The letters of ``word`` and, for each, the index of the character it comes from."""
    if _LETTERS_ONLY.fullmatch(word):  # the usual word: its letters are itself
        return word, list(range(len(word)))
    letters: list[str] = []
    sources: list[int] = []
    for index, ch in enumerate(word):
        for letter in ch.translate(_SKELETON):
            if letter not in ARABIC_LETTERS:
                return None
            letters.append(letter)
            sources.append(index)
    return "".join(letters), sources


def _choose_prefix(letters: str) -> int:
    """How many letters of ``letters`` form the proclitic prefix (0 for none)."""
    folded = normalize(letters)
    if len(folded) != len(letters) or _in_lexicon(folded):
        return 0
    candidates = [p for p in _PROCLITICS_BY_LETTER.get(letters[:1], ()) if letters.startswith(p)]
    for prefix in candidates:
        base = folded[len(prefix) :]
        if len(base) >= 2 and _known_base(base):
            return len(prefix)
    for prefix in candidates:
        if _plausible_base(prefix, letters[len(prefix) :], folded[len(prefix) :]):
            return len(prefix)
    return 0


#: ``data.PROCLITICS`` by first letter, in their order (a word is tried with a few, not all).
_PROCLITICS_BY_LETTER: dict[str, tuple[str, ...]] = {
    first: tuple(p for p in data.PROCLITICS if p[0] == first)
    for first in {p[0] for p in data.PROCLITICS}
}


@lru_cache(maxsize=1 << 16)
def _split_cached(word: str) -> tuple[str, str]:
    skeleton = _skeleton(word)
    if skeleton is None:
        return "", word
    letters, sources = skeleton
    size = _choose_prefix(letters)
    if size == 0 or sources[size] == sources[size - 1]:
        return "", word
    cut = sources[size]
    return word[:cut], word[cut:]


def split_proclitics(word: str) -> tuple[str, str]:
    """Split an Arabic word into ``(prefix, base)`` with ``prefix + base == word``.

    The prefix is the proclitic sequence as written (diacritics on it included), e.g.
    ``("وال", "كويت")`` for ``والكويت``, ``("و", "إيطاليا")`` for ``وإيطاليا`` and
    ``("", "وزير")`` for ``وزير``. Words that are not purely Arabic get ``("", word)``.
    """
    return _split_cached(word)


@lru_cache(maxsize=16)
def tokenize_cached(text: str) -> tuple[Token, ...]:
    """:func:`tokenize`, remembered for the last few texts: the stages of one article
    read the same title, lead and body, and each would otherwise tokenize them again."""
    return tuple(tokenize(text))
