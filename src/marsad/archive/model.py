"""The archive's small value types: what goes in, what filters ask, what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..record import Article

__all__ = [
    "Filters",
    "Hit",
    "Outcome",
    "Prepared",
    "Query",
    "Source",
    "StoredArticle",
]

#: What storing one article did: a new text, the same text from a new source (a duplicate),
#: or nothing at all (this text from this source was already archived).
Outcome = Literal["new", "duplicate", "unchanged"]


@dataclass(frozen=True, slots=True)
class Source:
    """One place an archived text was found."""

    source: str
    url: str | None
    published: str | None


@dataclass(slots=True)
class Prepared:
    """An article ready to store: its record, its index terms and its MinHash signature.

    Workers of the ingest pool make these; the store writes them in one transaction per batch.
    """

    article: Article
    title_terms: list[str]
    body_terms: list[str]
    signature: bytes
    bands: list[str]
    #: where each of ``body_terms`` comes from in the lead and body (``snippets.pack_spans``)
    spans: bytes | None = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions on which articles a search, a listing or an export returns.

    ``entity_keys`` are matching forms of entity names (a name and its merged variants);
    ``since``/``until`` are ISO dates, inclusive; ``source`` matches part of a source name.
    """

    entity_keys: tuple[str, ...] = ()
    entity_type: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    speaker_keys: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search query: words (all required unless ``any_term``), phrases and prefixes."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    any_term: bool = False

    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefixes)

    def words(self) -> set[str]:
        """Every exact term the query names, phrases included (for highlighting)."""
        return set(self.terms) | {t for p in self.phrases for t in p}


@dataclass(slots=True)
class StoredArticle:
    """An archived article with what the archive knows about it."""

    article: Article
    sources: list[Source] = field(default_factory=list)
    group: str = ""
    story: str | None = None
    terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Hit:
    """One search result: the article, its bm25 score and a highlighted snippet of its text."""

    id: str
    title: str
    source: str
    published: str | None
    url: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    sources: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "sources": self.sources,
        }
