"""Word forms and phrase look-ups shared by the fact stages (amounts, dates, quotes, events).

Those stages read their word lists from TOML files in ``marsad/data`` (:func:`load_data`)
and compare words after :func:`marsad.text.normalize`, with a proclitic prefix (و، ف، ب،
ل، ال، وال ...) removed or kept (:func:`forms`), so a list need not repeat «والكويت»,
«للكويت» and «الكويت». Multi-word entries are tuples of such forms (:func:`phrase_key`),
matched longest first at a token (:func:`match_phrase`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .text import Token, normalize, tokenize_cached

__all__ = [
    "PhraseTable",
    "any_form",
    "field_tokens",
    "first_words",
    "form_positions",
    "forms",
    "load_data",
    "load_path",
    "longest",
    "match_phrase",
    "phrase_key",
    "phrase_table",
    "strip_conjunction",
]

V = TypeVar("V")
PhraseTable = dict[tuple[str, ...], V]

_CONJUNCTIONS = ("و", "ف")
_SIMPLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


@cache
def load_data(name: str) -> dict[str, Any]:
    """A packaged data file (``marsad/data/<name>``) as TOML."""
    raw = resources.files("marsad").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(raw)


def load_path(path: Path) -> dict[str, Any]:
    """A user's TOML file, read the same way as the packaged ones."""
    return tomllib.loads(path.read_text("utf-8"))


@lru_cache(maxsize=1 << 16)
def _word_forms(word: str, prefix: str) -> tuple[str, ...]:
    whole = normalize(word)
    found = [whole]
    if prefix:
        found.append(normalize(word[len(prefix) :]))
    for simple in _SIMPLE_PREFIXES:
        if whole.startswith(simple) and len(whole) - len(simple) >= 3:
            found.append(whole[len(simple) :])
    return tuple(dict.fromkeys(f for f in found if f))


def forms(token: Token) -> tuple[str, ...]:
    """Normalized forms of a token: as written, and without each plausible proclitic prefix.

    ``forms`` of «وبنحو» are («وبنحو», «نحو», «بنحو»); of «100» just («100»).
    """
    if token.kind != "word":
        return _plain_forms(token.text)
    return _word_forms(token.text, token.prefix)


@lru_cache(maxsize=1 << 14)
def _plain_forms(text: str) -> tuple[str, ...]:
    return (normalize(text),)


#: How many distinct tokens :func:`any_form` remembers per word list before starting afresh.
_MEMO_SIZE = 100_000
_MEMO_TABLES = 1024
#: Per word list: token text -> (its prefix, whether it is a word, the answer).
_Memo = dict[str, tuple[str, bool, bool]]
_MEMOS: dict[int, tuple[Collection[str], _Memo]] = {}


def _memo(words: Collection[str]) -> _Memo:
    entry = _MEMOS.get(id(words))
    if entry is None or entry[0] is not words:
        if len(_MEMOS) >= _MEMO_TABLES:
            _MEMOS.clear()
        entry = _MEMOS[id(words)] = (words, {})
    memo = entry[1]
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    return memo


def _answer(memo: _Memo, words: Collection[str], token: Token) -> bool:
    known = memo.get(token.text)
    is_word = token.kind == "word"
    if known is None or known[0] != token.prefix or known[1] != is_word:
        known = memo[token.text] = (token.prefix, is_word, any(f in words for f in forms(token)))
    return known[2]


def any_form(words: Collection[str], token: Token) -> bool:
    """Whether one of the :func:`forms` of ``token`` is in ``words`` (a set or a dict's keys).

    The answer is remembered per word list and token: the stages ask it of every token
    of an article, and most words recur from article to article. ``words`` must be a
    lasting list (one of the loaded tables), not one built for the call.
    """
    return _answer(_memo(words), words, token)


def form_positions(
    tokens: Sequence[Token], words: Collection[str], kind: str | None = None
) -> list[int]:
    """Indices of the tokens (of ``kind``, or all) for which :func:`any_form` holds, in order."""
    memo = _memo(words)
    get = memo.get
    found: list[int] = []
    for i, token in enumerate(tokens):
        if kind is not None and token.kind != kind:
            continue
        known = get(token.text)  # inlined _answer: this runs for every token of a text
        if known is None or known[0] != token.prefix or known[1] != (token.kind == "word"):
            known = (token.prefix, token.kind == "word", any(f in words for f in forms(token)))
            memo[token.text] = known
        if known[2]:
            found.append(i)
    return found


def strip_conjunction(token: Token) -> tuple[int, str]:
    """Offset and text of ``token`` without a leading conjunction و/ف (``وأضاف`` -> ``أضاف``)."""
    text = token.text
    if token.kind == "word" and len(text) > 2 and text[0] in _CONJUNCTIONS:
        rest = normalize(text[1:])
        if token.prefix.startswith(text[0]) or len(rest) >= 3:
            return token.start + 1, text[1:]
    return token.start, text


def phrase_key(text: str) -> tuple[str, ...]:
    """An entry's key: its words, normalized."""
    return tuple(normalize(w) for w in text.split())


def phrase_table(
    entries: Mapping[str, V] | Iterable[str], value: V | None = None
) -> PhraseTable[V]:
    """A look-up table of phrases; from a mapping, or from a list of phrases all given ``value``."""
    if isinstance(entries, Mapping):
        return {phrase_key(k): v for k, v in entries.items()}
    if value is None:
        raise ValueError("a list of phrases needs a value")
    return {phrase_key(k): value for k in entries}


def longest(table: Mapping[tuple[str, ...], object]) -> int:
    return max((len(k) for k in table), default=0)


def match_phrase(
    table: Mapping[tuple[str, ...], V], tokens: Sequence[Token], i: int, most: int = 4
) -> tuple[V, int] | None:
    """The value and length (in tokens) of the longest entry of ``table`` at ``tokens[i]``.

    The first token is tried in all its :func:`forms`; the others as written or without
    their prefix.
    """
    if not any_form(first_words(table), tokens[i]):
        return None
    for n in range(min(most, len(tokens) - i), 0, -1):
        rests = [forms(t) for t in tokens[i + 1 : i + n]]
        for first in forms(tokens[i]):
            for key in _combinations(first, rests):
                if key in table:
                    return table[key], n
    return None


_FIRSTS: dict[int, tuple[Mapping[tuple[str, ...], object], frozenset[str]]] = {}


def first_words(table: Mapping[tuple[str, ...], object]) -> frozenset[str]:
    """The first words of a table's entries (cached per table: a cheap test before a match)."""
    cached = _FIRSTS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, frozenset(k[0] for k in table if k))
        _FIRSTS[id(table)] = cached
    return cached[1]


def _combinations(first: str, rests: list[tuple[str, ...]]) -> Iterable[tuple[str, ...]]:
    if not rests:
        yield (first,)
        return
    # the words after the first: as written, or all without their prefixes
    yield (first, *(r[0] for r in rests))
    if any(len(r) > 1 for r in rests):
        yield (first, *(r[1] if len(r) > 1 else r[0] for r in rests))


def field_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of one text field, cached: several stages read the same field."""
    return tokenize_cached(text)
