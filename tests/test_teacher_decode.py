"""The teacher's decoding and chunking (scripts/teacher_bio.py, which needs no torch)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import teacher_bio as bt


def _logprobs(rows: list[dict[str, float]]) -> object:
    out = np.full((len(rows), len(bt.LABELS)), -10.0)
    for i, row in enumerate(rows):
        for label, value in row.items():
            out[i, bt.LABEL_ID[label]] = value
    return out


def test_decoding_never_opens_an_entity_with_i() -> None:
    # the best label of each word alone would be O, I-PERS, I-PERS: an I after O
    tags = bt.decode(_logprobs([{"O": -0.1}, {"I-PERS": -0.2, "B-PERS": -0.9}, {"I-PERS": -0.1}]))
    assert tags == ["O", "B-PERS", "I-PERS"]


def test_decoding_does_not_continue_another_type() -> None:
    tags = bt.decode(_logprobs([{"B-LOC": -0.1}, {"I-ORG": -0.2, "I-LOC": -0.5, "O": -3.0}]))
    assert tags == ["B-LOC", "I-LOC"]


class _Pieces:
    bos, eos, unk = 0, 2, 3

    def encode_word(self, word: str) -> tuple[int, ...]:
        return tuple(range(10, 10 + len(word)))  # one piece per letter


def test_long_sentences_are_cut_between_words_under_the_limit() -> None:
    words = ["قال", "رئيس", "الوزراء", "في", "المؤتمر"]
    chunks = bt.pieces_of(words, _Pieces(), 10)  # type: ignore[arg-type]
    assert all(len(ids) <= 10 for ids, *_ in chunks)
    assert sum(count for *_, count in chunks) == len(words)
    assert [start for _, _, start, _ in chunks] == [0, 2, 3, 4]
    ids, firsts, _, _ = chunks[0]
    assert ids[0] == 0 and ids[-1] == 2 and firsts == [1, 4]
