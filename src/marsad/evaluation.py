"""Measures shared by the benchmarks and the quality gate."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .furniture import classify_lines
from .segment import clean_lines
from .text import normalize

__all__ = ["FurnitureReport", "Score", "furniture_report", "token_f1"]

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


@dataclass(frozen=True, slots=True)
class FurnitureReport:
    """Furniture found in a corpus of (title, body) pairs, and recall on known links."""

    lines: int
    removed: Counter[str]
    links: int
    links_removed: int
    samples: list[tuple[str, str]]

    @property
    def link_recall(self) -> float:
        return self.links_removed / self.links if self.links else 0.0


def furniture_report(articles: Iterable[tuple[str, str]]) -> FurnitureReport:
    """Classify every body line; a line that is another article's title is a known link.

    News sites paste headlines of other stories into bodies; where those stories are in
    the same corpus, their titles are ground truth for related-link detection.
    """
    pairs = [(title, [line for line in clean_lines(body) if line]) for title, body in articles]
    titles = {normalize(title) for title, _ in pairs if title}
    removed: Counter[str] = Counter()
    lines = links = links_removed = 0
    samples: list[tuple[str, str]] = []
    for title, body in pairs:
        own = normalize(title)
        lines += len(body)
        for line, reason in zip(body, classify_lines(body), strict=True):
            key = normalize(line)
            is_link = key in titles and key != own
            links += is_link
            if reason is not None:
                removed[reason] += 1
                links_removed += is_link
                samples.append((reason, line))
    return FurnitureReport(lines, removed, links, links_removed, samples)
