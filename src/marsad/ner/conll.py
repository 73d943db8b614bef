"""CoNLL files (``token TAG`` a line, blank line between sentences) and conlleval scoring."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Sentence", "TypeScore", "entity_spans", "read_conll", "score"]

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file; the first tag of a line is used (nested tags are dropped)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read CoNLL file: {exc}") from exc
    for lineno, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        if len(parts) < 2:
            raise InputError(f"{path}:{lineno}", f"expected 'token TAG', got {line!r}")
        words.append(parts[0])
        tags.append(parts[1])
    if words:
        sentences.append((words, tags))
    return sentences


def entity_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of every entity in a BIO sequence (an I- after O starts one)."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if not continues and start >= 0:
            spans.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return spans


@dataclass(frozen=True, slots=True)
class TypeScore:
    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> list[TypeScore]:
    """Exact-match entity scores per type, then the micro average (label ``ALL``)."""
    counts: dict[str, Counter[str]] = {"gold": Counter(), "pred": Counter(), "ok": Counter()}
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = entity_spans(g), entity_spans(p)
        counts["gold"].update(k for *_, k in gs)
        counts["pred"].update(k for *_, k in ps)
        counts["ok"].update(k for *_, k in gs & ps)
    labels = sorted(set(counts["gold"]) | set(counts["pred"]))
    rows = [
        TypeScore(lab, counts["gold"][lab], counts["pred"][lab], counts["ok"][lab])
        for lab in labels
    ]
    total = TypeScore(
        "ALL",
        sum(r.gold for r in rows),
        sum(r.predicted for r in rows),
        sum(r.correct for r in rows),
    )
    return [*rows, total]
