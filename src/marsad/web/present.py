"""What the pages show, computed from records and views: marked-up text, panels, charts, links.

Everything from an article goes through :mod:`marsad.web.highlight` or Jinja's autoescape; links
are built here from our own paths (entity names percent-encoded) or, for an article's original
address, kept only when it is ``http(s)``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..document import split_url
from ..record import Article, Entity, TextField
from ..text.sentences import split_sentences
from .highlight import Mark, render_paragraphs, render_spans
from .i18n import Lang, entity_type_name, event_type_name
from .views import entity_href

__all__ = [
    "ArticleView",
    "article_view",
    "network",
    "safe_url",
    "share_links",
    "snippet_html",
    "timeline",
    "type_class",
]

_TYPE_CLASSES = {"PER": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc", "MISC": "misc"}


def type_class(type: str) -> str:
    """A CSS class for an entity type (one of a fixed few)."""
    return _TYPE_CLASSES.get(type, "other")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None (no javascript:, data:, ...)."""
    if not url:
        return None
    parts = split_url(url)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def snippet_html(snippet: str, highlights: Sequence[Sequence[int]]) -> Markup:
    return render_spans(snippet, [Mark(int(s), int(e), "mark", "hl") for s, e in highlights])


@dataclass(slots=True)
class ArticleView:
    title: Markup
    lead: list[Markup]
    body: list[Markup]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    amounts: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    events: list[dict[str, Any]]
    original: str | None


def _entity_link(entity: Entity | None, lang: Lang) -> dict[str, Any] | None:
    if entity is None:
        return None
    return {
        "name": entity.name,
        "latin": entity.latin,
        "type": entity.type,
        "type_name": entity_type_name(entity.type, lang),
        "class": type_class(entity.type),
        "href": entity_href(entity.name, entity.type),
    }


def _marks(article: Article, lang: Lang) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {"title": [], "lead": [], "body": []}
    entities = {e.id: e for e in article.entities}
    for e in article.entities:
        hint = entity_type_name(e.type, lang) + (f" · {e.latin}" if e.latin else "")
        attrs = (("href", entity_href(e.name, e.type)), ("title", hint))
        for m in e.mentions:
            marks[m.field].append(
                Mark(m.start, m.end, "a", f"ent ent-{type_class(e.type)}", attrs, 2)
            )
    for i, q in enumerate(article.quotes):
        speaker = entities.get(q.speaker or "")
        who = speaker.name if speaker else q.speaker_text
        marks[q.field].append(
            Mark(q.start, q.end, "q", f"quote quote-{q.kind}",
                 (("id", f"q{i}"), ("title", who), ("data-speaker", who)), 1)
        )  # fmt: skip
    for a in article.amounts:
        marks[a.field].append(
            Mark(a.start, a.end, "span", "amount", (("title", f"{_number(a.value)} {a.unit}"),), 3)
        )
    for d in article.dates:
        marks[d.field].append(Mark(d.start, d.end, "span", "date", (("title", d.value or ""),), 3))
    for i, ev in enumerate(article.events):
        t = ev.trigger
        title = event_type_name(ev.type, lang)
        marks[t.field].append(
            Mark(t.start, t.end, "mark", "trigger", (("id", f"ev{i}"), ("title", title)), 4)
        )
    return marks


def _evidence(article: Article, field: TextField, start: int, end: int) -> Markup | None:
    """The sentence holding ``[start, end)`` of ``field``, with that span marked."""
    text = article.field_text(field)
    if not 0 <= start < end <= len(text):
        return None
    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            span = Mark(start - sentence.start, min(end, sentence.end) - sentence.start,
                        "mark", "trigger")  # fmt: skip
            return render_spans(sentence.text, [span])
    return None


def article_view(article: Article, lang: Lang) -> ArticleView:
    marks = _marks(article, lang)
    entities = {e.id: e for e in article.entities}

    def named(eid: str | None) -> dict[str, Any] | None:
        return _entity_link(entities.get(eid or ""), lang)

    quotes = []
    for i, q in enumerate(article.quotes):
        speaker = named(q.speaker)
        quotes.append({"anchor": f"q{i}", "speaker": speaker, "speaker_text": q.speaker_text,
                       "verb": q.verb, "kind": q.kind, "text": q.text,
                       "implicit": q.implicit_speaker})  # fmt: skip
    events = []
    for i, ev in enumerate(article.events):
        amount = article.amounts[ev.amount] if ev.amount is not None and 0 <= ev.amount < len(
            article.amounts
        ) else None  # fmt: skip
        events.append({
            "anchor": f"ev{i}", "type": ev.type, "type_name": event_type_name(ev.type, lang),
            "trigger": ev.trigger.text, "agent": named(ev.agent), "target": named(ev.target),
            "participants": [p for p in map(named, ev.participants) if p],
            "place": named(ev.place), "date": ev.date, "mode": ev.mode,
            "amount": amount.text if amount else None,
            "evidence": _evidence(article, ev.trigger.field, ev.trigger.start, ev.trigger.end),
        })  # fmt: skip
    people = sorted(article.entities, key=lambda e: (-len(e.mentions), e.name))
    return ArticleView(
        title=render_spans(article.title, marks["title"]),
        lead=render_paragraphs(article.lead or "", marks["lead"]),
        body=render_paragraphs(article.body, marks["body"]),
        entities=[
            {
                **(_entity_link(e, lang) or {}),
                "honorifics": e.honorifics,
                "roles": [r.text or r.title for r in e.roles],
                "mentions": len(e.mentions),
            }
            for e in people
        ],
        quotes=quotes,
        amounts=[
            {
                "text": a.text,
                "value_text": _number(a.value),
                "unit": a.unit,
                "qualifier": a.qualifier,
            }
            for a in article.amounts
        ],
        dates=[{"text": d.text, "value": d.value, "calendar": d.calendar} for d in article.dates],
        events=events,
        original=safe_url(article.url),
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def share_links(permalink: str, title: str) -> list[tuple[str, str]]:
    """Plain share links (no third-party script): (network, address)."""
    url, text = quote(permalink, safe=""), quote(title, safe="")
    return [
        ("E-mail", f"mailto:?{urlencode({'subject': title, 'body': permalink})}"),
        ("X", f"https://twitter.com/intent/tweet?text={text}&url={url}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("WhatsApp", f"https://wa.me/?text={quote(title + ' ' + permalink, safe='')}"),
        ("Telegram", f"https://t.me/share/url?url={url}&text={text}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ]


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    period: str
    count: int


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (y, m) <= end and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline(
    points: Sequence[Mapping[str, Any]], width: float = 640, height: float = 140
) -> dict[str, Any]:
    """Bars of mentions per month (gaps filled with zero), scaled into ``width`` x ``height``."""
    counts = {str(p["period"])[:7]: int(p["count"]) for p in points}
    good = sorted(k for k in counts if len(k) == 7 and k[:4].isdigit() and k[5:7].isdigit())
    if not good:
        return {"bars": [], "width": width, "height": height, "max": 0, "labels": []}
    months = _months(good[0], good[-1])
    top = max(counts.values())
    step = width / len(months)
    bar = min(step * 0.8, 36.0)
    bars = [
        Bar(i * step + (step - bar) / 2, height - (h := height * counts.get(m, 0) / top), bar,
            h, m, counts.get(m, 0))
        for i, m in enumerate(months)
    ]  # fmt: skip
    every = max(1, math.ceil(len(months) / 6))
    labels = [(b.x + b.width / 2, b.period) for i, b in enumerate(bars) if i % every == 0]
    return {"bars": bars, "width": width, "height": height, "max": top, "labels": labels}


def network(center: str, met: Sequence[Mapping[str, Any]], size: float = 360) -> dict[str, Any]:
    """A star of who the entity meets: the entity in the middle, the others on a circle."""
    mid, radius = size / 2, size / 2 - 60
    people = list(met)[:12]
    top = max([int(p["count"]) for p in people], default=1)
    nodes = []
    for i, person in enumerate(people):
        angle = 2 * math.pi * i / max(1, len(people)) - math.pi / 2
        nodes.append({
            "name": str(person["name"]), "count": int(person["count"]),
            "x": round(mid + radius * math.cos(angle), 1),
            "y": round(mid + radius * math.sin(angle), 1),
            "stroke": round(1 + 4 * int(person["count"]) / top, 1),
            "href": entity_href(str(person["name"])),
        })  # fmt: skip
    return {"size": size, "cx": mid, "cy": mid, "center": center, "nodes": nodes}
