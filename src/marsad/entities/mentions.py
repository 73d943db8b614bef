"""Finding entity mentions: the CRF tagger, then rules from the lexicon.

Each sentence of each field is tokenized with offsets and tagged; BIO runs
become mentions with character spans into the field. Rules then add what the
tagger misses and the lexicon knows for certain: gazetteer places, and the name
that follows an honorific («الشيخ الدكتور أحمد الناصر»).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from ..ner.lexicon import Lexicon, key, lexicon, name_key
from ..ner.tagger import Tagger
from ..record import TextField
from ..text import Token, normalize, split_sentences, tokenize_cached

__all__ = ["Found", "SentenceTokens", "find_mentions", "prefix_cut", "sentences_of"]

#: Proclitics that cannot start a name inside an honorific's name run.
CUT_PREFIXES = ("و", "ف", "ب", "ل", "ك")
TYPE_OF_LABEL = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
#: Longer "sentences" (a page without punctuation) are tagged in windows of this many
#: tokens, which keeps every later step linear in the text's length.
MAX_SENTENCE_TOKENS = 120
#: The most name tokens an honorific rule takes after the honorific.
MAX_NAME_TOKENS = 4


@dataclass(slots=True)
class SentenceTokens:
    field: TextField
    tokens: list[Token]  # offsets into the field
    labels: list[str]


@dataclass(slots=True)
class Found:
    """A mention: token range of one sentence, its type and character span."""

    sentence: SentenceTokens
    first: int
    last: int  # exclusive
    type: str
    start: int
    end: int
    text: str


def sentences_of(field: TextField, text: str, tagger: Tagger) -> list[SentenceTokens]:
    """Tokenized, tagged sentences of one field, offsets shifted to the field.

    A single line break is read as a space (same length, so offsets hold): a name
    wrapped across two lines is still one name; a blank line still ends a sentence.
    """
    out: list[SentenceTokens] = []
    field_tokens = tokenize_cached(text)  # shared with the other stages of the article
    k = 0
    for sentence in split_sentences(_LINE_BREAK.sub(" ", text)):
        while k < len(field_tokens) and field_tokens[k].start < sentence.start:
            k += 1
        first = k
        while k < len(field_tokens) and field_tokens[k].end <= sentence.end:
            k += 1
        tokens = list(field_tokens[first:k])
        for i in range(0, len(tokens), MAX_SENTENCE_TOKENS):
            chunk = tokens[i : i + MAX_SENTENCE_TOKENS]
            out.append(SentenceTokens(field, chunk, tagger.tag([t.text for t in chunk])))
    return out


def find_mentions(sentences: list[SentenceTokens], text_of: Mapping[str, str]) -> list[Found]:
    """Every mention in the tagged sentences, after the lexicon rules."""
    lex = lexicon()
    found: list[Found] = []
    for sent in sentences:
        _apply_rules(sent, lex)
        for first, last, label in _runs(sent.labels):
            mention = _mention(sent, first, last, label, text_of[sent.field], lex)
            if mention is not None:
                found.append(mention)
    return found


def _runs(labels: list[str]) -> Iterator[tuple[int, int, str]]:
    start, kind = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if not continues and start >= 0:
            yield start, i, kind
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label


def _apply_rules(sent: SentenceTokens, lex: Lexicon) -> None:
    keys = [key(t.text) for t in sent.tokens]
    words = [t.text for t in sent.tokens]
    _gazetteer(sent, words, lex.place_at, "LOC")
    _gazetteer(sent, words, lex.organization_at, "ORG")
    _organization_phrases(sent, keys, lex)
    _honorific_names(sent, keys, lex)
    for i, k in enumerate(keys):
        if k in lex.not_names and sent.labels[i] != "O":
            _unlabel(sent.labels, i)


def _set(labels: list[str], first: int, last: int, kind: str) -> None:
    labels[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
    if last < len(labels) and labels[last].startswith("I-"):
        labels[last] = "B-" + labels[last][2:]


def _unlabel(labels: list[str], i: int) -> None:
    labels[i] = "O"
    if i + 1 < len(labels) and labels[i + 1].startswith("I-"):
        labels[i + 1] = "B-" + labels[i + 1][2:]


def _free(labels: list[str], first: int, last: int, kind: str) -> bool:
    return all(label == "O" or label.endswith(kind) for label in labels[first:last])


def _gazetteer(
    sent: SentenceTokens, keys: list[str], longest: Callable[[list[str], int], int], kind: str
) -> None:
    i = 0
    while i < len(keys):
        n = longest(keys, i)
        if n and _free(sent.labels, i, i + n, kind):
            _set(sent.labels, i, i + n, kind)
        i += max(n, 1)


def _organization_phrases(sent: SentenceTokens, keys: list[str], lex: Lexicon) -> None:
    """«الحكومة العراقية», «التحالف الدولي ضد داعش», «الخارجية» standing alone."""
    tokens = sent.tokens
    for i, k in enumerate(keys):
        if k in lex.ministries and tokens[i].prefix in ("ال", "") and _alone(tokens, i):
            if _free(sent.labels, i, i + 1, "ORG"):
                _set(sent.labels, i, i + 1, "ORG")
            continue
        if k not in lex.org_heads or not tokens[i].prefix.endswith(("ال", "لل")):
            continue
        end = i + 1
        while end < len(tokens) and end - i <= 4 and tokens[end].prefix == "ال":
            end += 1
            if lex.nationality(tokens[end - 1].text) is not None:
                break
        if end < len(tokens) and keys[end] in lex.org_connectors:
            words = [t.text for t in tokens]
            n = lex.organization_at(words, end + 1) or lex.place_at(words, end + 1)
            end = end + 1 + n if n else end
        described = any(lex.nationality(t.text) for t in tokens[i + 1 : end]) or end - i >= 3
        if end > i + 1 and described and _free(sent.labels, i, end, "ORG"):
            _set(sent.labels, i, end, "ORG")


def _alone(tokens: list[Token], i: int) -> bool:
    """A word set off by quotation marks or brackets: «الخارجية»."""
    before = tokens[i - 1].text if i else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before in ("«", '"', "(") and after in ("»", '"', ")")


def _honorific_names(sent: SentenceTokens, keys: list[str], lex: Lexicon) -> None:
    """Name tokens right after an honorific are a person, whatever the tagger said."""
    for i in range(len(keys)):
        width = _honorific_width(keys, i, lex)
        if not width:
            continue
        j = i + width
        while j < len(keys) and _honorific_width(keys, j, lex):
            j += _honorific_width(keys, j, lex)
        end = j
        while end < len(keys) and end - j < MAX_NAME_TOKENS and _name_like(sent.tokens[end], lex):
            end += 1
        if end > j and not sent.labels[j].endswith("PERS"):
            sent.labels[j:end] = ["B-PERS"] + ["I-PERS"] * (end - j - 1)
        elif end > j:
            k = j + 1
            while k < end and sent.labels[k] in ("O", "I-PERS"):
                sent.labels[k] = "I-PERS"
                k += 1


def _honorific_width(keys: list[str], i: int, lex: Lexicon) -> int:
    for n in (3, 2, 1):
        if tuple(keys[i : i + n]) in lex.honorifics:
            return n
    return 0


def _name_like(token: Token, lex: Lexicon) -> bool:
    if token.kind != "word" or token.prefix in CUT_PREFIXES:
        return False
    k = key(token.text)
    return not (
        k in lex.speech_verbs
        or k in lex.role_heads
        or k in lex.org_heads
        or normalize(token.text) in lex.name_stops
        or len(k) < 2
    )


def prefix_cut(prefix: str) -> int:
    """How many leading characters of a token are clitics, not name: و، ب، ل... but not ال.

    «وال» leaves «الكويت»; «لل» and «ولل» have swallowed the article's alef, so all goes.
    """
    if not prefix:
        return 0
    if prefix.endswith("لل"):
        return len(prefix)
    if prefix.endswith("ال"):
        return len(prefix) - 2
    return len(prefix)


def _mention(
    sent: SentenceTokens, first: int, last: int, label: str, text: str, lex: Lexicon
) -> Found | None:
    kind = TYPE_OF_LABEL.get(label)
    if kind is None:
        return None
    start = sent.tokens[first].start + prefix_cut(sent.tokens[first].prefix)
    end = sent.tokens[last - 1].end
    if start >= end:
        return None
    keys = [key(t.text) for t in sent.tokens[first:last]]
    if kind == "LOC":
        place = lex.places.get(tuple(name_key(t.text) for t in sent.tokens[first:last]))
        kind = place[1] if place else "LOC"
    if keys[0] in lex.misc_heads:
        kind = "MISC"
    return Found(sent, first, last, kind, start, end, text[start:end])
