"""The Arabic (right-to-left) pages: server-rendered from the same data as the JSON API.

``?lang=en`` switches the interface to English (kept in a cookie; ``?lang=ar`` switches back);
article text stays Arabic and right-to-left either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from ..archive import watchlists
from .errors import ApiError
from .highlight import clean_text
from .i18n import LANGS, Lang, entity_type_name, event_type_name, labels
from .present import article_view, network, share_links, snippet_html, timeline, type_class
from .security import check_token
from .state import run_quick
from .views import FILTER_NAMES, Site, entity_href

__all__ = ["Pages", "router"]

router = APIRouter(include_in_schema=False)
_PAGE = 10
_COOKIE = "marsad_lang"


def _finalize(value: object) -> object:
    """Every ``{{ value }}``: None shows as nothing; text loses bidi override controls."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


class Pages:
    """Renders templates with the language, labels and helpers every page uses."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("marsad.web", "templates"),
            autoescape=select_autoescape(["html"]),
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # templates are package data: compiled once, never re-checked
        )

    def compile_all(self) -> int:
        """Compile every template now (a server starting; the first page of each kind
        otherwise paid tens of milliseconds); how many."""
        names = self.env.list_templates(extensions=["html"])
        for name in names:
            self.env.get_template(name)
        return len(names)

    def lang(self, request: Request) -> Lang:
        asked = request.query_params.get("lang") or request.cookies.get(_COOKIE) or "ar"
        return "en" if asked == "en" else "ar"

    def render(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        lang = self.lang(request)
        other: Lang = "ar" if lang == "en" else "en"
        params = {k: v for k, v in request.query_params.items() if k != "lang"}
        context.update(
            lang=lang,
            dir="rtl" if lang == "ar" else "ltr",
            t=labels(lang),
            path=request.url.path,
            toggle=request.url.path + "?" + urlencode({**params, "lang": other}),
            type_name=lambda code: entity_type_name(code, lang),
            event_name=lambda code: event_type_name(code, lang),
            type_class=type_class,
            entity_href=entity_href,
        )
        html = self.env.get_template(template).render(context)
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in LANGS:
            response.set_cookie(_COOKIE, lang, max_age=31_536_000, samesite="lax", httponly=True)
        return response

    def error(self, request: Request, status: int, message: str) -> Response:
        return self.render(
            request, "error.html", status=status, status_code=status, message=message
        )


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _pages(request: Request) -> Pages:
    pages: Pages = request.app.state.pages
    return pages


def _page_number(page: int) -> int:
    return max(1, min(page, 500))


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    stories = _site(request).stories(15, 0)
    return _pages(request).render(request, "home.html", stories=stories)


def _with(params: Mapping[str, str], **changes: str | None) -> str:
    merged = {**params, **changes}
    return "/search?" + urlencode({k: v for k, v in merged.items() if v})


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str = Query("", max_length=2000),
    page: int = Query(1, ge=1),
) -> Response:
    filters = {k: request.query_params.get(k, "")[:200] for k in FILTER_NAMES}
    page = _page_number(page)
    data = None
    if q.strip():
        data = _site(request).search(q, filters, _PAGE, (page - 1) * _PAGE)
        # the hits are shared with the API's answers (kept in the view cache): copied, not changed
        hits = [{**h, "html": snippet_html(h["snippet"], h["highlights"])} for h in data["hits"]]
        data = {**data, "hits": hits}
    params = {"q": q, **{k: v for k, v in filters.items() if v}}
    facets = _facet_links(data, params) if data else {}
    return _pages(request).render(
        request, "search.html", q=q, filters=filters, data=data, facets=facets, page=page,
        previous=_with(params, page=str(page - 1)) if page > 1 else None,
        next=_with(params, page=str(page + 1))
        if data and data["total"] > page * _PAGE else None,
        clear=_with({"q": q}),
    )  # fmt: skip


def _facet_links(data: dict[str, Any], params: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    facets = data["facets"]

    def links(items: list[dict[str, Any]], name: str, value_key: str = "value") -> list[Any]:
        out = []
        for item in items:
            value = str(item[value_key])
            active = params.get(name) == value
            out.append({**item, "href": _with(params, **{name: None if active else value}),
                        "active": active})  # fmt: skip
        return out

    months = [
        {**m, "href": _with(params, since=f"{m['value']}-01", until=f"{m['value']}-31"),
         "active": params.get("since") == f"{m['value']}-01"}
        for m in facets["months"]
    ]  # fmt: skip
    return {
        "sources": links(facets["sources"], "source"),
        "entities": links(facets["entities"], "entity", "name"),
        "entity_types": links(facets["entity_types"], "entity_type"),
        "event_types": links(facets["event_types"], "event_type"),
        "months": months,
    }


@router.get("/article/{article_id}", response_class=HTMLResponse, name="article_page")
async def article(request: Request, article_id: str) -> Response:
    site, pages = _site(request), _pages(request)

    def page() -> Response:
        stored = site.stored(article_id)
        a = stored.article
        permalink = str(request.url_for("article_page", article_id=a.id))
        return pages.render(
            request, "article.html", a=a, stored=stored,
            view=article_view(a, pages.lang(request)), related=site.related(a.id),
            permalink=permalink, share=share_links(permalink, a.title),
        )  # fmt: skip

    return await run_quick(request, page)


@router.get("/entity/{name:path}", response_class=HTMLResponse)
def entity(request: Request, name: str, type: str | None = Query(None, max_length=20)) -> Response:
    data = _site(request).entity(name, type)
    return _pages(request).render(
        request, "entity.html", e=data, chart=timeline(data["timeline"]),
        net=network(data["name"], data["met"]),
    )  # fmt: skip


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    speaker: str = Query("", max_length=200),
    q: str = Query("", max_length=2000),
    page: int = Query(1, ge=1),
) -> Response:
    page = _page_number(page)
    found = _site(request).quotes(speaker or None, q or None, _PAGE + 1, (page - 1) * _PAGE)
    params = {k: v for k, v in {"speaker": speaker, "q": q}.items() if v}

    def at(n: int) -> str:
        return "/quotes?" + urlencode({**params, "page": n})

    return _pages(request).render(
        request, "quotes.html", quotes=found[:_PAGE], speaker=speaker, q=q,
        previous=at(page - 1) if page > 1 else None,
        next=at(page + 1) if len(found) > _PAGE else None,
    )  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    type: str = Query("", max_length=40),
    agent: str = Query("", max_length=200),
    since: str = Query("", pattern=r"^(\d{4}-\d{2}-\d{2})?$"),
    until: str = Query("", pattern=r"^(\d{4}-\d{2}-\d{2})?$"),
    page: int = Query(1, ge=1),
) -> Response:
    page = _page_number(page)
    found = _site(request).events(
        type or None, agent or None, since or None, until or None, _PAGE + 1, (page - 1) * _PAGE
    )
    params = {k: v for k, v in {"type": type, "agent": agent, "since": since,
                                 "until": until}.items() if v}  # fmt: skip

    def at(n: int) -> str:
        return "/events?" + urlencode({**params, "page": n})

    return _pages(request).render(
        request, "events.html", events=found[:_PAGE], type=type, agent=agent, since=since,
        until=until, previous=at(page - 1) if page > 1 else None,
        next=at(page + 1) if len(found) > _PAGE else None,
    )  # fmt: skip


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, page: int = Query(1, ge=1)) -> Response:
    page = _page_number(page)
    found = _site(request).stories(_PAGE + 1, (page - 1) * _PAGE)
    return _pages(request).render(
        request, "stories.html", stories=found[:_PAGE],
        previous=f"/stories?page={page - 1}" if page > 1 else None,
        next=f"/stories?page={page + 1}" if len(found) > _PAGE else None,
    )  # fmt: skip


@router.get("/story/{story}", response_class=HTMLResponse)
def story(request: Request, story: str) -> Response:
    return _pages(request).render(request, "story.html", articles=_site(request).story(story))


@router.get("/watchlists", response_class=HTMLResponse)
def watchlist_index(request: Request) -> Response:
    found = watchlists.list_all(_site(request).store)
    return _pages(request).render(request, "watchlists.html", watchlists=found)


async def _form(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise ApiError(415, "send the form as application/x-www-form-urlencoded")
    data = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in data.items()}


@router.post("/watchlists")
async def watchlist_create(request: Request) -> Response:
    form = await _form(request)
    check_token(request.app.state.config.token, form.get("token"))
    filters = {k: form.get(k, "") for k in watchlists.FILTERS}
    site = _site(request)

    def create() -> watchlists.Watchlist:
        return watchlists.create(site.archive, form.get("name", ""), form.get("query", ""), filters)

    try:
        saved = await run_in_threadpool(create)
    except watchlists.WatchlistError as exc:
        raise ApiError(422, str(exc)) from exc
    return RedirectResponse(f"/watchlists/{saved.id}", status_code=303)


@router.get("/watchlists/{watch_id}", response_class=HTMLResponse)
def watchlist_page(request: Request, watch_id: str) -> Response:
    site = _site(request)
    watch = watchlists.get(site.store, watch_id)
    if watch is None:
        raise ApiError(404, f"no watchlist {watch_id!r}")
    entries = watchlists.feed_entries(site.archive, watch, limit=30)
    return _pages(request).render(request, "watchlist.html", w=watch, entries=entries)


@router.post("/watchlists/{watch_id}/delete")
async def watchlist_delete(request: Request, watch_id: str) -> Response:
    form = await _form(request)
    check_token(request.app.state.config.token, form.get("token"))
    site = _site(request)
    if not await run_in_threadpool(lambda: watchlists.delete(site.store, watch_id)):
        raise ApiError(404, f"no watchlist {watch_id!r}")
    return RedirectResponse("/watchlists", status_code=303)
