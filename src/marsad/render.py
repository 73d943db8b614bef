"""Plain-text views of records and batches, for people reading a terminal."""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import Protocol

from .inputs import Rejection
from .record import Article

__all__ = ["render_article", "render_summary"]

RULE = "─" * 72


class _BatchLike(Protocol):
    articles: list[Article]
    rejections: list[Rejection]


def render_article(article: Article, *, brief: bool = False) -> str:
    """Title, lead, body (or its first paragraphs), what was removed, and any stage errors."""
    paragraphs = [p for p in article.body.split("\n\n") if p]
    lines = [RULE, f"source:    {article.source}", f"id:        {article.id}"]
    if article.url:
        lines.append(f"url:       {article.url}")
    if article.published:
        lines.append(f"published: {article.published}")
    lines += [f"title:     {article.title}", f"lead:      {article.lead or '—'}"]
    lines.append(f"body:      {len(paragraphs)} paragraphs, {len(article.body.split())} words")
    shown = paragraphs[:2] if brief else paragraphs
    lines += [textwrap.shorten(p, 160, placeholder=" …") if brief else p for p in shown]
    if brief and len(paragraphs) > len(shown):
        lines.append(f"  … {len(paragraphs) - len(shown)} more paragraphs")
    lines += _facts(article)
    if article.boilerplate:
        lines.append(f"removed:   {len(article.boilerplate)} lines of page furniture:")
        lines += [f"  ✂ {textwrap.shorten(b, 100, placeholder=' …')}" for b in article.boilerplate]
    lines += [f"repaired:  {w.notice('en')} ({w.code}: {w.message})" for w in article.warnings]
    lines += [f"error in stage {e.stage}: {e.message}" for e in article.errors]
    return "\n".join(lines) + "\n"


_KINDS = {
    "PER": "people",
    "ORG": "organizations",
    "GPE": "places",
    "LOC": "places",
    "MISC": "other",
}


def _facts(article: Article) -> list[str]:
    """One line per kind of fact found, with a few examples."""
    lines: list[str] = []
    groups: dict[str, list[str]] = {}
    for entity in article.entities:
        groups.setdefault(_KINDS.get(entity.type, entity.type), []).append(entity.name)
    for kind, names in groups.items():
        shown = "، ".join(names[:5]) + (" …" if len(names) > 5 else "")
        lines.append(f"{kind + ':':<14} {len(names)}: {shown}")
    for quote in article.quotes[:3]:
        lines.append(
            f"quote:         {quote.speaker_text} {quote.verb}: «{textwrap.shorten(quote.text, 70, placeholder=' …')}»"
        )
    if len(article.quotes) > 3:
        lines.append(f"               … {len(article.quotes) - 3} more quotes")
    if article.amounts:
        lines.append(
            "amounts:       "
            + "، ".join(f"{a.text} = {a.value:,.0f} {a.unit}" for a in article.amounts[:4])
        )
    if article.dates:
        lines.append(
            "dates:         " + "، ".join(f"{d.text} = {d.value or '?'}" for d in article.dates[:4])
        )
    if article.events:
        lines.append("events:        " + "، ".join(e.type for e in article.events))
    return lines


def render_summary(batch: _BatchLike, *, only_rejections: bool = False) -> str:
    """Counts, and every rejection with its reason."""
    counts = Counter(r.reason for r in batch.rejections)
    reasons = ", ".join(f"{n} {reason}" for reason, n in counts.most_common())
    lines = [] if only_rejections else [RULE, f"{len(batch.articles)} articles extracted"]
    if batch.rejections:
        lines.append(f"{len(batch.rejections)} rejected ({reasons}):")
        lines += [f"  ✗ {r}" for r in batch.rejections]
    return "\n".join(lines)
