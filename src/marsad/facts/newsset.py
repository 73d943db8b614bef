"""Scoring a news set: a folder of ``articles.jsonl`` and ``gold.jsonl`` (one line each per
article, joined by ``id``), the format of ``shared/data/news/saudinewsnet-dev``.

The rules are the set's own (its README), so that every scorer agrees:

- texts are compared after :func:`gold_norm` (NFKC; diacritics and tatweel removed; أ إ آ ٱ
  → ا; ى → ي; ة → ه; the listed punctuation turned into spaces; spaces collapsed);
- persons: the set of gold names against the set of the record's ``PER`` names, exact;
- organizations / places: gold names against ``ORG`` / ``GPE`` + ``LOC`` names, equal or
  differing only by one leading و ب ل ف;
- quotes: a record quote matches a gold quote when the gold snippet is inside its text and
  the speaker's name (the entity's name, else ``speaker_text``) contains, or is contained in,
  the gold speaker; every record quote that matches no gold quote is a false positive;
- amounts: same value (relative 1e-6), and the same unit where gold gives a currency code or
  ``percent``; each record amount is used once;
- dates: gold dates with a value against the record's values (their first ten characters),
  each record date used once; a record date with a full-day value that matches nothing is a
  false positive;
- events: types other than ``other`` and ``statement``; same type, and where gold names an
  agent, the agent's name contains or is contained in it.

:func:`evaluate_news_set` runs the pipeline on each article, fed as JSON lines are, with
``published`` = ``date_extracted``, and returns the counts with what each side lacks.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..document import Document
from ..errors import MarsadError
from ..record import Article, Entity
from . import CategoryScore, FactsError

if TYPE_CHECKING:  # imported when scoring starts: ``marsad eval facts --help`` answers at once
    from ..pipeline import Pipeline

__all__ = [
    "NEWS_CATEGORIES",
    "NewsItem",
    "NewsReport",
    "Scored",
    "evaluate_news_set",
    "gold_norm",
    "is_news_set",
    "load_news_set",
    "news_document",
    "score_news_article",
]

NEWS_CATEGORIES = (
    "persons",
    "organizations",
    "places",
    "quotes",
    "amounts",
    "dates",
    "events",
)
_FILES = ("articles.jsonl", "gold.jsonl")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_UNSCORED_EVENTS = frozenset({"other", "statement"})
_CLITICS = frozenset("وبلف")

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile("[«»\"“”'‘’()\\[\\]،,.:؛;!؟?\\-–—_/\\\\•·…]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

G = TypeVar("G")
P = TypeVar("P")


def gold_norm(text: str | None) -> str:
    """The set's normalization: what two texts are compared as."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    return " ".join(_PUNCT.sub(" ", text).split())


def is_news_set(folder: Path) -> bool:
    """Whether FOLDER holds a news set (articles.jsonl and gold.jsonl)."""
    return folder.is_dir() and all((folder / name).is_file() for name in _FILES)


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One article of a news set with its gold facts."""

    id: str
    row: dict[str, Any]
    gold: dict[str, Any]


def _read_lines(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsError(f"{path}: {exc}") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FactsError(f"{path}:{lineno}: {exc}") from exc
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise FactsError(f"{path}:{lineno}: a line is an object with a string 'id'")
        rows.append(row)
    return rows


def load_news_set(folder: Path) -> list[NewsItem]:
    """The set's articles with their gold, in the order of gold.jsonl."""
    articles = {row["id"]: row for row in _read_lines(folder / "articles.jsonl")}
    items: list[NewsItem] = []
    for gold in _read_lines(folder / "gold.jsonl"):
        row = articles.get(gold["id"])
        if row is None:
            raise FactsError(f"{folder / 'gold.jsonl'}: id {gold['id']!r} not in articles.jsonl")
        items.append(NewsItem(gold["id"], row, gold))
    return items


def news_document(row: Mapping[str, Any], origin: str) -> Document:
    """The article as the JSON lines reader gives it, published on its ``date_extracted``."""

    def text(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value is not None and str(value).strip() else None

    return Document(
        origin=origin,
        kind="fields",
        content=text("content") or text("body") or "",
        url=text("url"),
        title=text("title"),
        lead=text("lead"),
        published=text("published") or text("date_extracted"),
        author=text("author"),
        source=text("source") or origin,
    )


@dataclass(slots=True)
class Scored:
    """One category of one article: the counts and what each side lacks."""

    score: CategoryScore
    missing: list[str] = field(default_factory=list)  # gold facts the record lacks
    extra: list[str] = field(default_factory=list)  # record facts gold lacks


def _match(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    one_to_one: bool,
) -> tuple[list[int], list[int]]:
    """Indices of the gold facts not found and of the predicted facts matching no gold fact."""
    used: set[int] = set()
    missing: list[int] = []
    for gi, g in enumerate(gold):
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if (not one_to_one or i not in used) and matches(g, p)
            ),
            None,
        )
        if hit is None:
            missing.append(gi)
        else:
            used.add(hit)
    if one_to_one:
        extra = [i for i in range(len(predicted)) if i not in used]
    else:
        extra = [i for i, p in enumerate(predicted) if not any(matches(g, p) for g in gold)]
    return missing, extra


def _scored(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    show_gold: Callable[[G], str],
    show_predicted: Callable[[P], str],
    one_to_one: bool = True,
) -> Scored:
    missing, extra = _match(gold, predicted, matches, one_to_one)
    score = CategoryScore(
        gold=len(gold),
        found=len(gold) - len(missing),
        predicted=len(predicted),
        correct=len(predicted) - len(extra),
    )
    return Scored(
        score,
        [show_gold(gold[i]) for i in missing],
        [show_predicted(predicted[i]) for i in extra],
    )


def _same_name(gold: str, predicted: str) -> bool:
    if gold == predicted:
        return True
    longer, shorter = (gold, predicted) if len(gold) > len(predicted) else (predicted, gold)
    return len(longer) == len(shorter) + 1 and longer[0] in _CLITICS and longer[1:] == shorter


def _names(entities: Sequence[Entity], types: tuple[str, ...]) -> list[str]:
    seen: dict[str, None] = {}
    for entity in entities:
        if entity.type in types:
            name = gold_norm(entity.name)
            if name:
                seen.setdefault(name, None)
    return list(seen)


def _gold_names(values: Sequence[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        name = gold_norm(value["name"] if isinstance(value, dict) else str(value))
        if name:
            seen.setdefault(name, None)
    return list(seen)


def _speaker(article: Article, speaker: str | None, speaker_text: str) -> str:
    entity = next((e for e in article.entities if e.id == speaker), None) if speaker else None
    return gold_norm(entity.name if entity is not None else speaker_text)


def _contained(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def score_news_article(gold: Mapping[str, Any], article: Article) -> dict[str, Scored]:
    """Each category of one article scored by the set's rules."""
    out: dict[str, Scored] = {}
    persons = _names(article.entities, ("PER",))
    out["persons"] = _scored(
        _gold_names(gold.get("persons") or []), persons, lambda g, p: g == p, str, str
    )
    for category, types in (("organizations", ("ORG",)), ("places", ("GPE", "LOC"))):
        out[category] = _scored(
            _gold_names(gold.get(category) or []),
            _names(article.entities, types),
            _same_name,
            str,
            str,
        )

    quotes = [
        (gold_norm(q.text), _speaker(article, q.speaker, q.speaker_text), q) for q in article.quotes
    ]
    gold_quotes = [
        (gold_norm(q.get("snippet")), gold_norm(q.get("speaker"))) for q in gold.get("quotes") or []
    ]
    out["quotes"] = _scored(
        gold_quotes,
        quotes,
        lambda g, p: bool(g[0]) and g[0] in p[0] and _contained(p[1], g[1]),
        lambda g: f"{g[1]}: «{g[0]}»",
        lambda p: f"{p[1] or '?'}: «{p[2].text[:80]}»",
        one_to_one=False,
    )

    def amount_ok(g: Mapping[str, Any], a: Any) -> bool:
        try:
            value = float(g["value"])
        except (TypeError, ValueError, KeyError):
            return False
        if not math.isclose(value, float(a.value), rel_tol=1e-6):
            return False
        unit = str(g.get("unit") or "")
        return a.unit == unit if (unit == "percent" or _CURRENCY.match(unit)) else True

    gold_amounts = [a for a in gold.get("amounts") or [] if a.get("value") is not None]
    out["amounts"] = _scored(
        gold_amounts,
        article.amounts,
        amount_ok,
        lambda g: f"{g.get('text')} = {g.get('value')} {g.get('unit') or ''}".strip(),
        lambda a: f"{a.text} = {a.value:g} {a.unit}",
    )

    gold_dates = [d for d in gold.get("dates") or [] if d.get("value")]
    golden_days = {str(d["value"])[:10] for d in gold_dates}
    record_dates = [
        d
        for d in article.dates
        if d.value and (_FULL_DAY.match(d.value) or d.value[:10] in golden_days)
    ]
    out["dates"] = _scored(
        gold_dates,
        record_dates,
        lambda g, d: str(g["value"])[:10] == (d.value or "")[:10],
        lambda g: f"{g.get('text')} = {g['value']}",
        lambda d: f"{d.text} = {d.value}",
    )
    by_id = {e.id: e for e in article.entities}
    events = [
        (e.type, gold_norm(by_id[e.agent].name) if e.agent in by_id else "", e)
        for e in article.events
        if e.type not in _UNSCORED_EVENTS
    ]
    gold_events = [
        (str(e.get("type")), gold_norm(e.get("agent")), e.get("trigger") or "")
        for e in gold.get("events") or []
        if e.get("type") not in _UNSCORED_EVENTS
    ]
    out["events"] = _scored(
        gold_events,
        events,
        lambda g, p: g[0] == p[0] and (not g[1] or _contained(g[1], p[1])),
        lambda g: f"{g[0]} «{g[2]}» agent={g[1] or '-'}",
        lambda p: f"{p[0]} «{p[2].trigger.text}» agent={p[1] or '-'}",
    )
    return out


@dataclass(slots=True)
class NewsReport:
    """Per-article scores of a news set, and the articles that could not be scored."""

    articles: list[tuple[NewsItem, dict[str, Scored]]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def totals(self) -> dict[str, CategoryScore]:
        total = {c: CategoryScore() for c in NEWS_CATEGORIES}
        for _, scores in self.articles:
            for category in NEWS_CATEGORIES:
                total[category].add(scores[category].score)
        return total


def evaluate_news_set(folder: Path, pipeline: Pipeline | None = None) -> NewsReport:
    """Run the pipeline on every article of the set and score it."""
    from ..pipeline import Pipeline

    items = load_news_set(folder)
    pipe = pipeline or Pipeline()
    report = NewsReport()
    for item in items:
        try:
            article = pipe(news_document(item.row, f"{folder / 'articles.jsonl'}#{item.id}"))
        except MarsadError as exc:
            report.failures.append((item.id, str(exc)))
            continue
        report.articles.append((item, score_news_article(item.gold, article)))
    return report
