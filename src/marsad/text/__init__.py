"""The Arabic text layer: normalization for matching, tokenization, sentence splitting.

All linguistic heuristics (folding tables, proclitics, the lexicon of unprefixed words,
abbreviations, punctuation) live as data in :mod:`marsad.text.data`.
"""

from __future__ import annotations

from marsad.text.normalize import (
    join_name_words,
    normalize,
    normalize_with_offsets,
    normalize_word,
)
from marsad.text.sentences import Sentence, split_sentences, split_sentences_cached
from marsad.text.tokenize import Token, split_proclitics, tokenize, tokenize_cached

__all__ = [
    "Sentence",
    "Token",
    "join_name_words",
    "normalize",
    "normalize_with_offsets",
    "normalize_word",
    "split_proclitics",
    "split_sentences",
    "split_sentences_cached",
    "tokenize",
    "tokenize_cached",
]
