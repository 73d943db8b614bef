"""The JSON API under ``/api``: each route parses, asks :class:`~marsad.web.views.Site`, answers.

Reading is open; writing (``POST``/``DELETE``) needs ``Authorization: Bearer TOKEN``. Errors are
the envelope of :mod:`marsad.web.errors`; the schema is served at ``/api/openapi.json``.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from ..archive import watchlists
from ..document import Document
from ..inputs.decode import decode_bytes
from .atom import ATOM_TYPE, atom_feed
from .errors import ApiError, ErrorResponse
from .models import (
    ArticleResponse,
    EntityResponse,
    EventsResponse,
    IngestDocument,
    IngestResponse,
    QuotesResponse,
    RelatedResponse,
    SearchResponse,
    StoriesResponse,
    StoryResponse,
    WatchlistIn,
    WatchlistResponse,
    WatchlistsResponse,
)
from .security import check_token
from .state import run_quick, run_write
from .views import Site

__all__ = ["router", "site_of"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "Bad request"),
        (401, "Missing or wrong token"),
        (403, "Writing is disabled"),
        (404, "Not found"),
        (413, "Body too large"),
        (415, "Unsupported media type"),
        (422, "Invalid request"),
        (500, "Server error"),
        (503, "Archive unavailable"),
    )
}

router = APIRouter(prefix="/api", responses=_ERRORS)


def _limit() -> Any:
    return Query(20, ge=1, le=100, description="Results per page")


def _offset() -> Any:
    return Query(0, ge=0, le=100_000, description="Results to skip")


def _text() -> Any:
    return Query(None, max_length=2000)


def _json(data: Any, status: int = 200) -> Response:
    """``data`` as JSON, written here. From a synchronous route FastAPI would check the answer
    against the route's response model in the server's threads: a second wait in their queue,
    which doubled the latency of the API's searches under load. The models still document
    each answer in the OpenAPI schema, and tests check every answer against its model."""
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body.encode(), status_code=status, media_type="application/json")


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _authorize(request: Request) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    check_token(
        request.app.state.config.token, token.strip() if scheme.lower() == "bearer" else None
    )


@router.get("/search", response_model=SearchResponse, summary="Search articles")
def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=2000, description='Words, "phrases", prefix*, OR'),
    entity: str | None = _text(),
    entity_type: str | None = _text(),
    source: str | None = _text(),
    since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    until: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    event_type: str | None = _text(),
    speaker: str | None = _text(),
    limit: int = _limit(),
    offset: int = _offset(),
) -> Response:
    """Articles matching ``q`` (bm25), with the filters of ``marsad search``, and facets."""
    filters = {"entity": entity, "entity_type": entity_type, "source": source, "since": since,
               "until": until, "event_type": event_type, "speaker": speaker}  # fmt: skip
    return _json(site_of(request).search(q, filters, limit, offset))


@router.get("/articles/{article_id}", response_model=ArticleResponse, summary="One article")
async def article(request: Request, article_id: str) -> Response:
    """The full record (RECORD.md) with its sources, near-duplicate group and story."""
    # written as JSON text directly: the record is ArticleResponse by construction
    body = await run_quick(request, site_of(request).article_json, article_id)
    return Response(body, media_type="application/json")


@router.get("/articles/{article_id}/related", response_model=RelatedResponse, summary="Read also")
async def related(
    request: Request, article_id: str, limit: int = Query(8, ge=1, le=50)
) -> dict[str, Any]:
    site = site_of(request)

    def read() -> list[dict[str, Any]]:
        site.stored(article_id)
        return site.related(article_id, limit)

    return {"id": article_id, "related": await run_quick(request, read)}


@router.get("/entities/{name:path}", response_model=EntityResponse, summary="An entity")
def entity(
    request: Request,
    name: str,
    type: str | None = Query(None, max_length=20),
    limit: int = Query(20, ge=1, le=100),
) -> Response:
    """Profile, articles over time, quotes, co-occurring entities, meetings (variants merged)."""
    return _json(site_of(request).entity(name, type, limit))


@router.get("/quotes", response_model=QuotesResponse, summary="Search quotes")
def quotes(
    request: Request,
    speaker: str | None = _text(),
    q: str | None = _text(),
    limit: int = _limit(),
    offset: int = _offset(),
) -> Response:
    """Quotes by speaker (name variants merged) and/or containing words of ``q``."""
    found = site_of(request).quotes(speaker, q, limit, offset)
    return _json({"speaker": speaker, "q": q, "limit": limit, "offset": offset, "quotes": found})


@router.get("/events", response_model=EventsResponse, summary="Search events")
def events(
    request: Request,
    type: str | None = Query(None, max_length=40),
    agent: str | None = _text(),
    since: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    until: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    limit: int = _limit(),
    offset: int = _offset(),
) -> Response:
    """Events by type, agent and date (the event's date, else the article's)."""
    found = site_of(request).events(type, agent, since, until, limit, offset)
    named = {"type": type, "agent": agent, "since": since, "until": until}
    return _json(
        {
            "filters": {k: v for k, v in named.items() if v},
            "limit": limit,
            "offset": offset,
            "events": found,
        }
    )


@router.get("/stories", response_model=StoriesResponse, summary="Story clusters")
def stories(request: Request, limit: int = _limit(), offset: int = _offset()) -> Response:
    """Stories newest first, each with its newest article and its size."""
    found = site_of(request).stories(limit, offset)
    return _json({"limit": limit, "offset": offset, "stories": found})


@router.get("/stories/{story}", response_model=StoryResponse, summary="One story")
def story(request: Request, story: str) -> Response:
    return _json({"story": story, "articles": site_of(request).story(story)})


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "description": "A document as fields (JSON), or a whole page (text/html) or text dump"
        " (text/plain: title, lead, paragraphs).",
        "content": {
            "application/json": {"schema": IngestDocument.model_json_schema()},
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/ingest",
    response_model=IngestResponse,
    status_code=201,
    summary="Ingest a document (token)",
    openapi_extra=_INGEST_BODY,
)
async def ingest(
    request: Request, source: str | None = Query(None, max_length=200)
) -> dict[str, Any]:
    """Run the pipeline over one uploaded document and archive it."""
    _authorize(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    data = await request.body()
    origin = source or "upload"
    if kind == "application/json":
        document = _fields_document(data, origin)
    elif kind in ("text/html", "text/plain"):
        text, encoding = decode_bytes(data, origin)
        document = Document(origin=origin, kind="html" if kind == "text/html" else "text",
                            content=text, encoding=encoding)  # fmt: skip
    else:
        raise ApiError(415, "send application/json, text/html or text/plain")
    site = site_of(request)
    done = await run_write(request, site.ingest, document)
    return {**done, "href": f"/article/{done['id']}"}


def _fields_document(data: bytes, origin: str) -> Document:
    try:
        fields = IngestDocument.model_validate(json.loads(data))
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the body is not JSON: {exc.msg}") from exc
    except ValidationError as exc:
        detail = [{"loc": [str(p) for p in e["loc"]], "message": e["msg"]} for e in exc.errors()]
        raise ApiError(422, "invalid document", detail=detail) from exc
    return Document(
        origin=origin, kind="fields", content=fields.body, title=fields.title, lead=fields.lead,
        published=fields.published, url=fields.url, source=fields.source or origin,
    )  # fmt: skip


def _watch_json(request: Request, watch: watchlists.Watchlist) -> dict[str, Any]:
    base = str(request.base_url).rstrip("/")
    return {**watch.to_dict(), "feed": f"{base}/api/watchlists/{watch.id}/feed.atom"}


def _watch(request: Request, watch_id: str) -> watchlists.Watchlist:
    found = watchlists.get(site_of(request).store, watch_id)
    if found is None:
        raise ApiError(404, f"no watchlist {watch_id!r}")
    return found


@router.get("/watchlists", response_model=WatchlistsResponse, summary="Watchlists")
def list_watchlists(request: Request) -> Response:
    found = watchlists.list_all(site_of(request).store)
    return _json({"watchlists": [_watch_json(request, w) for w in found]})


@router.post(
    "/watchlists", response_model=WatchlistResponse, status_code=201, summary="Save (token)"
)
def create_watchlist(request: Request, watch: WatchlistIn) -> Response:
    """Save a query with filters; its feed lists matching articles as the archive sees them."""
    _authorize(request)
    try:
        saved = watchlists.create(site_of(request).archive, watch.name, watch.query, watch.filters)
    except watchlists.WatchlistError as exc:
        raise ApiError(422, str(exc)) from exc
    return _json(_watch_json(request, saved), 201)


@router.get("/watchlists/{watch_id}", response_model=WatchlistResponse, summary="A watchlist")
def get_watchlist(request: Request, watch_id: str) -> Response:
    return _json(_watch_json(request, _watch(request, watch_id)))


@router.delete("/watchlists/{watch_id}", status_code=204, summary="Delete (token)")
def delete_watchlist(request: Request, watch_id: str) -> Response:
    _authorize(request)
    if not watchlists.delete(site_of(request).store, watch_id):
        raise ApiError(404, f"no watchlist {watch_id!r}")
    return Response(status_code=204)


@router.get(
    "/watchlists/{watch_id}/feed.atom",
    response_class=Response,
    summary="Atom feed of a watchlist",
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def watchlist_feed(request: Request, watch_id: str) -> Response:
    """Matching articles, the most recently matched first (refreshed on each read)."""
    watch = _watch(request, watch_id)
    entries = watchlists.feed_entries(site_of(request).archive, watch)
    body = atom_feed(watch, entries, str(request.base_url).rstrip("/"))
    return Response(body, media_type=ATOM_TYPE)
