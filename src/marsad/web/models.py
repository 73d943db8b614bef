"""The JSON API's shapes, for validation and the OpenAPI schema (``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ArticleResponse",
    "EntityResponse",
    "EventsResponse",
    "IngestDocument",
    "IngestResponse",
    "QuotesResponse",
    "RelatedResponse",
    "SearchResponse",
    "StoriesResponse",
    "StoryResponse",
    "WatchlistIn",
    "WatchlistResponse",
    "WatchlistsResponse",
]


class _Hit(BaseModel):
    id: str
    title: str
    source: str
    published: str | None
    url: str | None
    score: float
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end] offsets into the snippet")
    sources: int


class _Count(BaseModel):
    value: str
    count: int


class _EntityCount(BaseModel):
    name: str
    type: str
    count: int


class _Facets(BaseModel):
    sources: list[_Count]
    entities: list[_EntityCount]
    entity_types: list[_Count]
    event_types: list[_Count]
    months: list[_Count]


class SearchResponse(BaseModel):
    query: str
    filters: dict[str, str]
    total: int
    total_is_lower_bound: bool = Field(description="true when more matches exist than counted")
    limit: int
    offset: int
    hits: list[_Hit]
    facets: _Facets


class ArticleResponse(BaseModel):
    """The full record of RECORD.md, plus ``sources``, ``duplicate_group`` and ``story``."""

    model_config = ConfigDict(extra="allow")
    id: str
    url: str | None
    source: str
    published: str | None
    language: str
    title: str
    lead: str | None
    body: str
    boilerplate: list[str]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    amounts: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    events: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    #: what was repaired in a damaged input to keep the article (code, message, offset), each
    #: with ``notice``: what it means to a reader, ``{"ar": ..., "en": ...}``
    warnings: list[dict[str, Any]] = []
    sources: list[dict[str, Any]]
    duplicate_group: str
    story: str | None


class _Related(BaseModel):
    id: str
    title: str
    source: str
    published: str | None
    score: float
    same_story: bool


class RelatedResponse(BaseModel):
    id: str
    related: list[_Related]


class _Quote(BaseModel):
    article_id: str
    published: str | None
    speaker_text: str
    verb: str
    kind: str
    text: str


class _Meeting(BaseModel):
    article_id: str
    published: str | None
    type: str
    trigger: str
    others: list[str]
    date: str | None


class _Period(BaseModel):
    period: str
    count: int


class _Met(BaseModel):
    name: str
    count: int


class _Recent(BaseModel):
    id: str
    title: str
    source: str
    published: str | None


class EntityResponse(BaseModel):
    key: str
    name: str
    type: str
    latin: str | None
    honorifics: list[str]
    roles: list[str]
    variants: list[str]
    articles: int
    timeline: list[_Period]
    quotes: list[_Quote]
    cooccurring: list[_EntityCount]
    meetings: list[_Meeting]
    met: list[_Met]
    recent: list[_Recent]


class _QuoteHit(_Quote):
    idx: int
    title: str


class QuotesResponse(BaseModel):
    speaker: str | None
    q: str | None
    limit: int
    offset: int
    quotes: list[_QuoteHit]


class _Event(BaseModel):
    article_id: str
    idx: int
    title: str
    published: str | None
    type: str
    trigger: str
    agent: str | None
    target: str | None
    participants: list[str]
    place: str | None
    date: str | None


class EventsResponse(BaseModel):
    filters: dict[str, str]
    limit: int
    offset: int
    events: list[_Event]


class _Story(BaseModel):
    story: str
    articles: int
    id: str
    title: str
    source: str
    published: str | None


class StoriesResponse(BaseModel):
    limit: int
    offset: int
    stories: list[_Story]


class StoryResponse(BaseModel):
    story: str
    articles: list[_Story]


class IngestDocument(BaseModel):
    """A document to ingest as separate fields (the pipeline runs over it)."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=1000)
    body: str = Field(min_length=1)
    lead: str | None = None
    source: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=40)
    url: str | None = Field(default=None, max_length=2000)


class IngestResponse(BaseModel):
    outcome: str = Field(description="new, duplicate (same text, new source) or unchanged")
    id: str
    title: str
    href: str


class WatchlistIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    query: str = Field(min_length=1, max_length=2000)
    filters: dict[str, str] = Field(default_factory=dict)


class WatchlistResponse(BaseModel):
    id: str
    name: str
    query: str
    filters: dict[str, str]
    created: str
    feed: str


class WatchlistsResponse(BaseModel):
    watchlists: list[WatchlistResponse]
