"""Reading what a user types into a :class:`~marsad.archive.model.Query`, never failing.

Supported: words (all must match), ``"quoted phrases"``, a trailing ``*`` for prefix search
(``انتخ*``), and ``OR`` between words to accept any of them. Everything else — FTS or SQL syntax
(``NEAR``, ``AND``, ``-``, parentheses), punctuation, diacritics alone — is just text that the
analyzer keeps or drops, so no input can reach the database as syntax.
"""

from __future__ import annotations

import re

from ..text import normalize, tokenize
from .analyzer import terms
from .model import Query

__all__ = ["MAX_QUERY_CHARS", "MAX_QUERY_TERMS", "parse_query"]

#: Longest query read (characters) and most terms kept; the rest is ignored.
MAX_QUERY_CHARS = 2000
MAX_QUERY_TERMS = 32

_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')
_PREFIX = re.compile(r"(\w+)\*")


def parse_query(text: str) -> Query:
    """The query ``text`` means; an empty :class:`Query` when nothing searchable is left."""
    text = text[:MAX_QUERY_CHARS]
    phrases: list[tuple[str, ...]] = []
    for match in _PHRASE.finditer(text):
        words = tuple(terms(next(g for g in match.groups() if g is not None)))
        if len(words) > 1:
            phrases.append(words[:MAX_QUERY_TERMS])
        elif words:
            text += " " + words[0]
    rest = _PHRASE.sub(" ", text)
    prefixes = [_prefix(m.group(1)) for m in _PREFIX.finditer(rest)]
    rest = _PREFIX.sub(" ", rest)
    any_term = bool(re.search(r"(?:^|\s)OR(?:\s|$)", rest))
    found = terms(re.sub(r"(?:^|\s)OR(?=\s|$)", " ", rest))
    return Query(
        terms=tuple(dict.fromkeys(found))[:MAX_QUERY_TERMS],
        phrases=tuple(phrases),
        prefixes=tuple(p for p in dict.fromkeys(prefixes) if p)[:8],
        any_term=any_term,
    )


def _prefix(word: str) -> str:
    """A prefix is folded and loses its proclitics, but is not stemmed (``انتخ*``)."""
    tokens = tokenize(word)
    if not tokens:
        return ""
    token = tokens[0]
    base = token.base if token.kind == "word" else token.text
    return "".join(ch for ch in normalize(base) if ch.isalnum())
