"""Scoring the record against gold facts: ``marsad eval facts``.

A gold-fact file (the format of ``shared/golden/*.facts.json``) says what a reader knows
for certain about one article: its persons, places, organizations, quotes, amounts and
events. It names the article by ``input`` (a path, relative to the gold file's folder or
its parent) or by ``docno`` (a row of an ANT-style JSON lines corpus). :func:`evaluate`
runs the pipeline on each article and counts, per category, the gold facts found (recall)
and the predicted facts that are gold (precision); matching is one to one
(:mod:`marsad.facts._match` says when two facts match).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..document import Document
from ..errors import MarsadError
from ..extract import extract
from ..record import Article
from ._match import amount_matches, entity_matches, event_matches, quote_matches

if TYPE_CHECKING:  # the pipeline and the readers are imported when scoring starts
    from ..pipeline import Pipeline

__all__ = [
    "CATEGORIES",
    "CategoryScore",
    "FactsError",
    "GoldFile",
    "Report",
    "evaluate",
    "load_gold",
    "score_article",
]

CATEGORIES = ("persons", "places", "organizations", "quotes", "amounts", "events")
_ENTITY_TYPES = {"persons": ("PER",), "places": ("GPE", "LOC"), "organizations": ("ORG",)}

G = TypeVar("G")
P = TypeVar("P")


class FactsError(MarsadError):
    """A gold-fact file that cannot be read, or whose article cannot be found."""


@dataclass(slots=True)
class CategoryScore:
    gold: int = 0
    found: int = 0  # gold facts matched
    predicted: int = 0
    correct: int = 0  # predicted facts matched

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: CategoryScore) -> None:
        self.gold += other.gold
        self.found += other.found
        self.predicted += other.predicted
        self.correct += other.correct


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    facts: dict[str, Any]

    @property
    def held_out(self) -> bool:
        return bool(self.facts.get("held_out"))


@dataclass(slots=True)
class Report:
    files: list[tuple[GoldFile, dict[str, CategoryScore]]] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)

    def totals(self, held_out: bool | None = None) -> dict[str, CategoryScore]:
        """Scores summed over the files (only held-out or only tuned ones when asked)."""
        total = {c: CategoryScore() for c in CATEGORIES}
        for gold, scores in self.files:
            if held_out is None or gold.held_out == held_out:
                for c in CATEGORIES:
                    total[c].add(scores[c])
        return total


def load_gold(path: Path) -> GoldFile:
    try:
        facts = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FactsError(f"{path}: {exc}") from exc
    if not isinstance(facts, dict) or not ("input" in facts or "docno" in facts):
        raise FactsError(f"{path}: a gold-fact file names its article by 'input' or 'docno'")
    return GoldFile(path, facts)


def _one_to_one(
    gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool]
) -> CategoryScore:
    used: set[int] = set()
    found = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and matches(g, p):
                used.add(i)
                found += 1
                break
    correct = sum(1 for p in predicted if any(matches(g, p) for g in gold))
    return CategoryScore(len(gold), found, len(predicted), correct)


def score_article(facts: Mapping[str, Any], article: Article) -> dict[str, CategoryScore]:
    """Per-category counts for one article against its gold facts."""
    scores: dict[str, CategoryScore] = {}
    for category, types in _ENTITY_TYPES.items():
        entities = [e for e in article.entities if e.type in types]
        scores[category] = _one_to_one(facts.get(category, []), entities, entity_matches)
    scores["quotes"] = _one_to_one(
        facts.get("quotes", []), article.quotes, lambda g, q: quote_matches(g, q, article)
    )
    scores["amounts"] = _one_to_one(
        facts.get("amounts", []),
        article.amounts,
        lambda g, a: amount_matches(g, a.value, a.unit, a.qualifier),
    )
    scores["events"] = _one_to_one(
        facts.get("events", []), article.events, lambda g, e: event_matches(g, e, article)
    )
    return scores


def _rows(corpus: Path, docnos: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not docnos - found.keys():
                break
            if any(d in line for d in docnos - found.keys()):
                row = json.loads(line)
                if row.get("docno") in docnos:
                    found[row["docno"]] = row
    return found


def _document(row: Mapping[str, Any], origin: str) -> Document:
    from ..inputs.jsonl import JsonFields

    fields = JsonFields()
    record = dict(row)
    return Document(
        origin=origin,
        kind="fields",
        content=fields.pick(record, "body") or "",
        url=fields.pick(record, "url"),
        title=fields.pick(record, "title"),
        lead=fields.pick(record, "lead"),
        published=fields.pick(record, "published"),
        source=fields.pick(record, "source") or origin,
    )


def _article(gold: GoldFile, rows: Mapping[str, dict[str, Any]], pipeline: Pipeline) -> Article:
    if "docno" in gold.facts:
        row = rows.get(gold.facts["docno"])
        if row is None:
            raise FactsError(f"{gold.path}: docno {gold.facts['docno']!r} not in the corpus")
        return pipeline(_document(row, gold.facts["docno"]))
    for folder in (gold.path.parent, gold.path.parent.parent):
        candidate = folder / gold.facts["input"]
        if candidate.exists():
            batch = extract(candidate)
            if batch.articles:
                return batch.articles[0]
    raise FactsError(f"{gold.path}: input {gold.facts['input']!r} not found")


def evaluate(
    paths: Iterable[Path], corpus: Path | None = None, pipeline: Pipeline | None = None
) -> Report:
    """Score every gold-fact file; files that cannot be scored are listed as failures."""
    from ..pipeline import Pipeline

    report = Report()
    golds: list[GoldFile] = []
    for path in sorted(paths):
        try:
            golds.append(load_gold(path))
        except FactsError as exc:
            report.failures.append((path, str(exc)))
    docnos = {g.facts["docno"] for g in golds if "docno" in g.facts}
    rows = _rows(corpus, docnos) if corpus is not None and docnos else {}
    pipe = pipeline or Pipeline()
    for gold in golds:
        try:
            article = _article(gold, rows, pipe)
        except MarsadError as exc:
            report.failures.append((gold.path, str(exc)))
            continue
        report.files.append((gold, score_article(gold.facts, article)))
    return report
