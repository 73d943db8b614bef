"""Honorifics and roles around a person mention, read off the tokens beside it.

«وزير الخارجية الشيخ الدكتور أحمد الناصر»: honorifics الشيخ، الدكتور; role وزير الخارجية.
«صالح سالم اللوغاني (مساعد وزير الخارجية …)» and «…، وزير الخارجية الكويتي،»: roles after the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ner.lexicon import Lexicon
from ..text import Token
from .mentions import Found, keys_of, prefix_cut
from .words import entity_words

__all__ = ["PersonContext", "person_context"]

#: How far left of the honorifics a role head may stand, in tokens.
ROLE_REACH = 6
#: The longest role phrase after a name, in tokens.
ROLE_MAX = 14
_STOP = frozenset(["،", ",", ".", "؛", ";", ":", "!", "؟", "?", "«", "»", '"', "(", ")"])


@dataclass(slots=True)
class PersonContext:
    honorifics: list[str]
    roles: list[tuple[str, int, int]]  # (title, first token, last token exclusive)
    name_first: int  # first token of the name proper (honorifics inside the span skipped)


def person_context(found: Found, lex: Lexicon, text: str) -> PersonContext:
    tokens = found.sentence.tokens
    keys = keys_of(found.sentence)
    inner: list[str] = []
    first = found.first
    while (
        first < found.last - 1
        and (width := _honorific_at(keys, first, lex))
        and keys[first + width] not in ("بن", "بنت")  # «رائد بن …» is a name, not «الرائد»
    ):
        inner.append(_surface(tokens, first, first + width, text))
        first += width
    left, cursor = _honorifics_left(tokens, keys, found.first, lex, text)
    roles = [r for r in (_role_left(tokens, keys, cursor, lex, text),) if r]
    roles += [r for r in (_role_right(tokens, keys, found.last, lex, text),) if r]
    return PersonContext(left + inner, roles, first)


def _honorific_at(keys: list[str], i: int, lex: Lexicon) -> int:
    for n in (3, 2, 1):
        if i + n <= len(keys) and tuple(keys[i : i + n]) in lex.honorifics:
            return n
    return 0


def _honorifics_left(
    tokens: list[Token], keys: list[str], first: int, lex: Lexicon, text: str
) -> tuple[list[str], int]:
    found: list[str] = []
    j = first
    while j > 0:
        for n in (3, 2, 1):
            if j - n >= 0 and tuple(keys[j - n : j]) in lex.honorifics:
                found.insert(0, _surface(tokens, j - n, j, text))
                j -= n
                break
        else:
            break
    return found, j


def _surface(tokens: list[Token], first: int, last: int, text: str) -> str:
    start = tokens[first].start + prefix_cut(tokens[first].prefix)
    return text[start : tokens[last - 1].end]


def _role_left(
    tokens: list[Token], keys: list[str], end: int, lex: Lexicon, text: str
) -> tuple[str, int, int] | None:
    for h in range(end - 1, max(end - ROLE_REACH, 0) - 1, -1):
        if tokens[h].text in _STOP or keys[h] in lex.speech_verbs:
            return None
        if keys[h] in lex.role_heads:
            return _surface(tokens, h, end, text), h, end
    return None


def _role_right(
    tokens: list[Token], keys: list[str], after: int, lex: Lexicon, text: str
) -> tuple[str, int, int] | None:
    if after + 1 >= len(tokens) or tokens[after].text not in ("(", "،", ","):
        return None
    start = after + 1
    if keys[start] not in lex.role_heads:
        return None
    closer = ")" if tokens[after].text == "(" else None
    end = start
    stops = entity_words().phrase_stops
    while end < len(tokens) and end - start < ROLE_MAX:
        word = tokens[end].text
        if (closer and word == closer) or (not closer and word in _STOP):
            break
        if end > start + 1 and (keys[end] in stops or keys[end] in lex.speech_verbs):
            break  # «… الصديقة اليوم», «… أكد»: the role ends before them
        end += 1
    return _surface(tokens, start, end, text), start, end
