"""The teacher's labels and their decoding, without torch (``scripts/build_teacher.py``
uses them; ``tests/test_teacher_decode.py`` checks them where torch is not installed).

- :data:`LABELS`: O and B-/I- of PERS, ORG, LOC, MISC, in the teacher's output order;
- :func:`pieces_of`: a sentence cut into chunks of at most so many sentencepiece ids;
- :func:`decode`: the best BIO-valid label sequence for per-word log-probabilities.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.ner.e5weights import E5Tokenizer

__all__ = ["LABELS", "LABEL_ID", "TYPES", "decode", "pieces_of"]

TYPES = ("PERS", "ORG", "LOC", "MISC")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
LABEL_ID = {label: i for i, label in enumerate(LABELS)}


def pieces_of(
    words: Sequence[str], tok: E5Tokenizer, max_len: int
) -> list[tuple[list[int], list[int], int, int]]:
    """Cut a sentence into chunks of at most ``max_len`` pieces (specials included):
    (ids, the position of each word's first piece, first word, word count)."""
    out: list[tuple[list[int], list[int], int, int]] = []
    ids: list[int] = [tok.bos]
    firsts: list[int] = []
    start = 0
    for i, word in enumerate(words):
        word_ids = list(tok.encode_word(word))[: max_len - 2] or [tok.unk]
        if len(ids) + len(word_ids) + 1 > max_len and firsts:
            out.append(([*ids, tok.eos], firsts, start, i - start))
            ids, firsts, start = [tok.bos], [], i
        firsts.append(len(ids))
        ids.extend(word_ids)
    out.append(([*ids, tok.eos], firsts, start, len(words) - start))
    return out


def _allowed() -> np.ndarray:
    """Transition mask: no I-X after O or after another type's tag."""
    ok = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            for i, prev in enumerate(LABELS):
                ok[i, j] = prev[2:] == label[2:]
    return ok


ALLOWED = _allowed()
START_OK = np.array([not label.startswith("I-") for label in LABELS])


def decode(logprobs: np.ndarray) -> list[str]:
    """Best BIO-valid label sequence (Viterbi over the per-word log-probabilities)."""
    n = len(logprobs)
    if n == 0:
        return []
    penalty = np.where(ALLOWED, 0.0, -1e9)
    best = logprobs[0] + np.where(START_OK, 0.0, -1e9)
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for t in range(1, n):
        total = best[:, None] + penalty
        back[t] = total.argmax(axis=0)
        best = total.max(axis=0) + logprobs[t]
    path = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return [LABELS[i] for i in reversed(path)]
