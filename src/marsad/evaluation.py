"""Measures shared by the benchmarks and the quality gate."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .text import normalize

__all__ = ["Score", "token_f1"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


def token_f1(predicted: str, expected: str) -> Score:
    """Bag-of-words overlap of two texts after Arabic normalization (as in extraction benchmarks)."""
    pred = Counter(_WORD.findall(normalize(predicted)))
    gold = Counter(_WORD.findall(normalize(expected)))
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    return Score(precision, recall)
