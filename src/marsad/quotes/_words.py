"""The word lists of the quotes stage: ``data/quotes.toml`` plus the lexicon's speech verbs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..ner.lexicon import key, lexicon
from ..text import Token, normalize, normalize_word, split_proclitics
from ..wordforms import PhraseTable, forms, load_data, phrase_table

__all__ = ["ACCORDING", "QuoteWords", "quote_words"]


@dataclass(frozen=True, slots=True)
class QuoteWords:
    verbs: frozenset[str]
    need_marker: frozenset[str]
    complementizers: frozenset[str]
    subject_complementizers: frozenset[str]
    verb_prepositions: frozenset[str]
    subject_heads: frozenset[str]  # source nouns, role heads, honorifics, organization heads
    subject_stops: frozenset[str]
    unnamed: frozenset[str]
    manner: frozenset[str]
    content_nouns: frozenset[str]
    max_subject: int
    max_gap: int
    attributions: PhraseTable[bool]
    marks: dict[str, str]
    preposition_verbs: frozenset[str]
    participles: frozenset[str]
    appeal_participles: frozenset[str]
    asides: PhraseTable[bool]
    pronoun_honorifics: dict[str, str]
    not_speakers: frozenset[str]
    back_references: frozenset[str]
    passive_verbs: frozenset[str]
    document_nouns: frozenset[str]
    ba_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    plural_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    min_words: int
    temporal: frozenset[str]

    def may_trigger(self, token: Token) -> bool:
        """Whether a token may open a quote at all (a reporting verb, participle or passive):
        one look-up per distinct word, the stage asks it of every token."""
        if token.kind != "word":
            return False
        known = _SCAN.get(token.text)
        if known is None or known[0] != token.prefix:
            known = _remember(self, token)
        return known[1]

    def scan(self, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
        """The indices of the tokens for which :meth:`may_trigger` holds, and of the words
        «بحسب», «حسب», «وفق», «وفقا» (an attribution after the clause), in order: one pass
        over a field with the look-up inlined, so the sentences visit only these."""
        get = _SCAN.get
        triggers: list[int] = []
        according: list[int] = []
        for i, token in enumerate(tokens):
            if token.kind != "word":
                continue
            known = get(token.text)
            if known is None or known[0] != token.prefix:
                known = _remember(self, token)
            if known[1]:
                triggers.append(i)
            if known[2]:
                according.append(i)
        return triggers, according

    def is_verb(self, token: Token) -> bool:
        """A reporting verb: «لنقل» (let us say) and «بالقول» are not one."""
        return token.kind == "word" and token.prefix in _VERB_PREFIXES and _has(self.verbs, token)

    def is_warning(self, token: Token) -> bool:
        return _has(self.warning_verbs, token)

    def is_temporal(self, token: Token) -> bool:
        return token.kind == "word" and normalize_word(token.text) in self.temporal

    def is_plural(self, token: Token) -> bool:
        return _has(self.plural_verbs, token)

    def is_opinion(self, token: Token) -> bool:
        return _has(self.opinion_verbs, token)

    def is_complementizer(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.complementizers, token)

    def is_preposition(self, token: Token) -> bool:
        return token.kind == "word" and normalize_word(token.text) in self.verb_prepositions

    def is_subject_head(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.subject_heads, token)

    def is_unnamed(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.unnamed, token)

    def is_manner(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.manner, token)

    def is_content_noun(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.content_nouns, token)

    def is_stop(self, token: Token) -> bool:
        return token.kind == "word" and normalize_word(token.text) in self.subject_stops

    def is_subject_complementizer(self, token: Token) -> bool:
        """«أنه», «إنها», «أننا»: a complementizer carrying the subject of the content."""
        return token.kind == "word" and normalize_word(token.text) in self.subject_complementizers

    def is_participle(self, token: Token) -> bool:
        return (
            token.kind == "word"
            and token.prefix in _VERB_PREFIXES
            and _has(self.participles, token)
        )

    def is_appeal(self, token: Token) -> bool:
        return _has(self.appeal_participles, token)

    def is_passive(self, token: Token) -> bool:
        return token.kind == "word" and _has(self.passive_verbs, token)

    def takes_preposition(self, token: Token) -> bool:
        return _has(self.preposition_verbs, token)

    def takes_ba(self, token: Token) -> bool:
        return _has(self.ba_verbs, token)

    def honorific_of(self, token: Token) -> str | None:
        """«سمو» for «سموه»: the honorific a pronoun-suffixed one stands for."""
        return (
            self.pronoun_honorifics.get(normalize_word(token.text))
            if token.kind == "word"
            else None
        )

    def is_not_speaker(self, token: Token) -> bool:
        return normalize_word(token.text) in self.not_speakers

    def is_back_reference(self, token: Token) -> bool:
        return normalize_word(token.text) in self.back_references

    def is_document(self, token: Token) -> bool:
        return token.kind == "word" and normalize_word(token.text) in self.document_nouns


_VERB_PREFIXES = frozenset({"", "و", "ف"})
#: The words that open an attribution after its clause («، بحسب ما أعلنت ...»), normalized.
ACCORDING = frozenset({"بحسب", "حسب", "وفق", "وفقا"})
#: word token text -> (its prefix, whether it may open a quote, whether it is in ACCORDING),
#: for QuoteWords.may_trigger and QuoteWords.scan.
_SCAN: dict[str, tuple[str, bool, bool]] = {}
_SCAN_SIZE = 100_000


#: Per word lists (by identity): the reporting verbs, participles and passives in one set.
_TRIGGER_WORDS: dict[int, tuple[QuoteWords, frozenset[str]]] = {}


def _triggers(words: QuoteWords) -> frozenset[str]:
    entry = _TRIGGER_WORDS.get(id(words))
    if entry is None or entry[0] is not words:
        union = words.verbs | words.participles | words.passive_verbs
        entry = _TRIGGER_WORDS[id(words)] = (words, union)
    return entry[1]


def _remember(words: QuoteWords, token: Token) -> tuple[str, bool, bool]:
    hit = _has(_triggers(words), token)
    if len(_SCAN) > _SCAN_SIZE:
        _SCAN.clear()
    according = normalize_word(token.text) in ACCORDING
    known = _SCAN[token.text] = (token.prefix, hit, according)
    return known


#: Per word list (by identity): token text -> (its prefix, whether it is a word, the answer).
_HAS: dict[int, tuple[frozenset[str], dict[str, tuple[str, bool, bool]]]] = {}
_HAS_SIZE = 100_000


def _has(table: frozenset[str], token: Token) -> bool:
    """Whether a form of the token (:func:`any_form`) or its lexicon key is in ``table``;
    remembered per list and token text, as the stage asks the same words again and again."""
    entry = _HAS.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _HAS[id(table)] = (table, {})
    memo = entry[1]
    known = memo.get(token.text)
    is_word = token.kind == "word"
    if known is None or known[0] != token.prefix or known[1] != is_word:
        if len(memo) >= _HAS_SIZE:
            memo.clear()
        answer = any(f in table for f in forms(token)) or (
            _key_apart(token) and key(token.text) in table
        )
        known = memo[token.text] = (token.prefix, is_word, answer)
    return known[2]


def _key_apart(token: Token) -> bool:
    """Whether the lexicon key of a token can be other than one of its :func:`forms`: only
    for a word whose prefix is not the one the tokenizer gives it (a token built by hand)."""
    return token.kind == "word" and token.prefix != split_proclitics(token.text)[0]


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset({key(w) for w in words} | {normalize(w) for w in words})


@cache
def quote_words() -> QuoteWords:
    data = load_data("quotes.toml")
    lex = lexicon()
    heads = set(_keys(data["source_nouns"]))
    heads |= lex.role_heads | lex.org_heads
    heads |= {h[0] for h in lex.honorifics}
    return QuoteWords(
        verbs=lex.speech_verbs | _keys(data["extra_verbs"]),
        need_marker=_keys(data["need_marker"]),
        complementizers=frozenset(normalize(w) for w in data["complementizers"]),
        subject_complementizers=frozenset(
            normalize(w)
            for w in data["complementizers"]
            if normalize(w).startswith(("ان", "بان")) and normalize(w) not in ("ان", "بان")
        ),
        verb_prepositions=frozenset(normalize(w) for w in data["verb_prepositions"]),
        subject_heads=frozenset(heads),
        subject_stops=frozenset(normalize(w) for w in data["subject_stops"]),
        unnamed=_keys(data["unnamed_sources"]),
        manner=_keys(data["manner_words"]),
        content_nouns=_keys(data["content_nouns"]),
        max_subject=int(data["max_subject"]),
        max_gap=int(data["max_gap"]),
        attributions=phrase_table(data["attributions"], True),
        marks=dict(data["marks"]),
        preposition_verbs=_keys(data["preposition_verbs"]),
        participles=_keys(data["participles"]),
        appeal_participles=_keys(data["appeal_participles"]),
        asides=phrase_table(data["asides"], True),
        pronoun_honorifics={normalize(k): v for k, v in data["pronoun_honorifics"].items()},
        not_speakers=frozenset(normalize(w) for w in data["not_speakers"]),
        back_references=frozenset(normalize(w) for w in data["back_references"]),
        passive_verbs=_keys(data["passive_verbs"]),
        document_nouns=frozenset(normalize(w) for w in data["document_nouns"]),
        ba_verbs=_keys(data["ba_verbs"]),
        warning_verbs=_keys(data["warning_verbs"]),
        plural_verbs=_keys(data["plural_verbs"]),
        opinion_verbs=_keys(data["opinion_verbs"]),
        min_words=int(data["min_words"]),
        temporal=frozenset(normalize(w) for w in data["temporal_starts"]),
    )
