"""The JSON API over a real archive: every resource, writes behind the token, the Atom feed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from marsad.web import WebConfig, create_app
from marsad.web.models import ArticleResponse
from marsad.web.security import SECURITY_HEADERS
from marsad.web.views import record_json

from .web_support import TOKEN, build_archive

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("web") / "archive.db")
    return {"db": db, **build_archive(db)}


@pytest.fixture
def client(records: dict[str, Any], tmp_path: Path) -> Iterator[TestClient]:
    # a fresh copy per test, so writes in one test do not show in another
    db = tmp_path / "archive.db"
    db.write_bytes(Path(records["db"]).read_bytes())
    app = create_app(WebConfig(db=str(db), token=TOKEN, max_upload_bytes=64_000))
    with TestClient(app) as c:
        yield c


def test_search_with_filters_facets_and_pages(client: TestClient, records: dict[str, Any]) -> None:
    meet = records["meeting"]
    found = client.get("/api/search", params={"q": "بغداد"}).json()
    assert found["total"] == 3 and len(found["hits"]) == 3
    assert {f["value"] for f in found["facets"]["sources"]} == {
        "kuna.example",
        "ina.example",
        "wire",
    }
    assert {"value": "meeting", "count": 1} in found["facets"]["event_types"]
    only = client.get("/api/search", params={"q": "بغداد", "event_type": "meeting"}).json()
    assert [h["id"] for h in only["hits"]] == [meet.id]
    by_speaker = client.get(
        "/api/search", params={"q": "العراق", "speaker": "أحمد ناصر المحمد الصباح"}
    ).json()
    assert [h["id"] for h in by_speaker["hits"]] == [meet.id]
    entity = client.get("/api/search", params={"q": "العلاقات", "entity": "فؤاد حسين"}).json()
    assert entity["total"] == 2
    dated = client.get("/api/search", params={"q": "بغداد", "since": "2024-03-13"}).json()
    assert [h["id"] for h in dated["hits"]] == [records["follow"].id]
    page1 = client.get("/api/search", params={"q": "بغداد", "limit": 2}).json()
    page2 = client.get("/api/search", params={"q": "بغداد", "limit": 2, "offset": 2}).json()
    assert len(page1["hits"]) == 2 and len(page2["hits"]) == 1
    assert not {h["id"] for h in page1["hits"]} & {h["id"] for h in page2["hits"]}
    hit = page1["hits"][0]
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end]


def test_article_is_the_full_record(client: TestClient, records: dict[str, Any]) -> None:
    meet = records["meeting"]
    data = client.get(f"/api/articles/{meet.id}").json()
    expected = meet.to_dict()
    assert {k: data[k] for k in expected} == expected
    assert data["sources"][0]["source"] == "kuna.example" and data["story"]
    # written as JSON text directly: the same as the record_json the response model describes
    site = client.app.state.site  # type: ignore[attr-defined]
    full = record_json(site.stored(meet.id))
    assert data == json.loads(json.dumps(full)) == ArticleResponse.model_validate(data).model_dump()
    related = client.get(f"/api/articles/{meet.id}/related").json()
    assert related["related"][0]["id"] == records["follow"].id


def test_entity_quotes_events_and_stories(client: TestClient, records: dict[str, Any]) -> None:
    person = client.get("/api/entities/أحمد ناصر المحمد الصباح", params={"type": "PER"}).json()
    assert person["latin"] == "Ahmad Nasser Al-Mohammad Al-Sabah"
    assert person["honorifics"] == ["الشيخ"] and person["roles"] == ["وزير الخارجية الكويتي"]
    assert person["articles"] == 2 and person["timeline"] == [{"period": "2024-03", "count": 2}]
    assert person["met"] == [{"name": "فؤاد حسين", "count": 1}]
    assert [q["text"] for q in person["quotes"]] == [records["meeting"].quotes[0].text]
    assert any(c["name"] == "بغداد" for c in person["cooccurring"])
    quotes = client.get(
        "/api/quotes", params={"speaker": "أحمد ناصر المحمد الصباح", "q": "بالتعاون"}
    ).json()
    assert len(quotes["quotes"]) == 1 and quotes["quotes"][0]["idx"] == 0
    assert client.get("/api/quotes", params={"q": "النفط"}).json()["quotes"] == []
    events = client.get("/api/events", params={"type": "aid"}).json()["events"]
    assert [(e["agent"], e["target"]) for e in events] == [("الكويت", "العراق")]
    met = client.get("/api/events", params={"agent": "أحمد ناصر المحمد الصباح"}).json()
    assert met["events"][0]["participants"] == ["أحمد ناصر المحمد الصباح", "فؤاد حسين"]
    assert client.get("/api/events", params={"until": "2024-03-01"}).json()["events"] == []
    stories = client.get("/api/stories").json()["stories"]
    story = next(s for s in stories if s["articles"] == 2)
    members = client.get(f"/api/stories/{story['story']}").json()["articles"]
    assert {m["id"] for m in members} == {records["meeting"].id, records["follow"].id}


def test_every_answer_is_exactly_its_documented_model(
    client: TestClient, records: dict[str, Any]
) -> None:
    """The routes write their JSON themselves (no second trip through the server's threads
    for FastAPI to check it): each answer must be what its response model makes of it, no
    field missing, added or differently typed."""
    from pydantic import BaseModel

    from marsad.web import models

    meeting = records["meeting"].id
    story = client.get(f"/api/articles/{meeting}").json()["story"]
    made = client.post("/api/watchlists", json={"name": "بغداد", "query": "بغداد"}, headers=AUTH)
    assert made.status_code == 201
    checks: list[tuple[str, type[BaseModel], Any]] = [
        ("/api/search?q=بغداد", models.SearchResponse, None),
        ("/api/search?q=بغداد&event_type=meeting&limit=1&offset=1", models.SearchResponse, None),
        ("/api/entities/فؤاد حسين", models.EntityResponse, None),
        ("/api/quotes?speaker=أحمد ناصر المحمد الصباح", models.QuotesResponse, None),
        ("/api/events?type=meeting", models.EventsResponse, None),
        ("/api/stories", models.StoriesResponse, None),
        (f"/api/stories/{story}", models.StoryResponse, None),
        ("/api/watchlists", models.WatchlistsResponse, None),
        (f"/api/watchlists/{made.json()['id']}", models.WatchlistResponse, None),
        (f"/api/articles/{meeting}/related", models.RelatedResponse, None),
    ]
    checks.append(("", models.WatchlistResponse, made))
    for path, model, answer in checks:
        answer = answer or client.get(path)
        assert answer.status_code in (200, 201), path
        assert answer.headers["content-type"].startswith("application/json")
        data = answer.json()
        assert model.model_validate(data).model_dump(mode="json") == data, path
        assert data, path


def test_ingest_needs_the_token_and_runs_the_pipeline(client: TestClient) -> None:
    doc = {"title": "افتتاح مستشفى جديد في الزرقاء", "body": "افتتح وزير الصحة مستشفى جديدا."}
    assert client.post("/api/ingest", json=doc).status_code == 401
    wrong = client.post("/api/ingest", json=doc, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    done = client.post("/api/ingest", json=doc, headers=AUTH)
    assert done.status_code == 201 and done.json()["outcome"] == "new"
    again = client.post("/api/ingest", json=doc, headers=AUTH).json()
    assert again["outcome"] == "unchanged"
    text = "عنوان الخبر النصي\n\nهذه فقرة أولى من خبر نصي عن مستشفى الزرقاء الجديد."
    plain = client.post(
        "/api/ingest?source=desk",
        content=text.encode(),
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert plain.status_code == 201, plain.text
    page = "<html><head><title>خبر</title></head><body><article><h1>خبر من صفحة</h1><p>" + (
        "نص الخبر عن افتتاح المستشفى في مدينة الزرقاء اليوم. " * 5) + "</p></article></body></html>"  # fmt: skip
    html = client.post(
        "/api/ingest", content=page.encode(), headers={**AUTH, "Content-Type": "text/html"}
    )
    assert html.status_code == 201, html.text
    hits = client.get("/api/search", params={"q": "مستشفى الزرقاء"}).json()
    assert hits["total"] == 3
    assert client.get(f"/api/articles/{done.json()['id']}").status_code == 200


def test_an_ingest_does_not_hold_up_reads(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One serving thread per process is the default: an ingest (the pipeline, seconds) runs
    in a thread of its own, so a search sent meanwhile is answered before it ends."""
    assert client.app.state.config.threads == 1  # type: ignore[attr-defined]
    site = client.app.state.site  # type: ignore[attr-defined]
    started, release = threading.Event(), threading.Event()
    ingest = site.ingest

    def slow_ingest(document: Any) -> dict[str, Any]:
        started.set()
        release.wait(timeout=30)
        return ingest(document)  # type: ignore[no-any-return]

    monkeypatch.setattr(site, "ingest", slow_ingest)
    doc = {"title": "خبر يصل ببطء", "body": "نص الخبر الذي يصل ببطء إلى الأرشيف."}
    with ThreadPoolExecutor(1) as pool:
        posted = pool.submit(client.post, "/api/ingest", json=doc, headers=AUTH)
        assert started.wait(timeout=30)
        try:
            found = client.get("/api/search", params={"q": "بغداد"})
            assert found.status_code == 200 and found.json()["total"] > 0
            assert not posted.done()
        finally:
            release.set()
        assert posted.result(timeout=30).status_code == 201


def test_a_warmed_server_leaves_what_it_read_out_of_full_collections(
    records: dict[str, Any],
) -> None:
    """After warming (entity variants, facet rows, templates, one search), the objects read
    are frozen: Python's full garbage collections no longer walk them."""
    import gc
    import time

    gc.unfreeze()
    app = create_app(WebConfig(db=records["db"], warm=True))
    try:
        with TestClient(app) as c:
            deadline = time.monotonic() + 60
            while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert gc.get_freeze_count() > 0
            env = app.state.pages.env
            assert len(env.cache) == len(env.list_templates(extensions=["html"])) > 5
            assert c.get("/api/search", params={"q": "بغداد"}).json()["total"] > 0
    finally:
        gc.unfreeze()


def test_writes_are_disabled_without_a_configured_token(records: dict[str, Any]) -> None:
    with TestClient(create_app(WebConfig(db=records["db"], token=""))) as c:
        refused = c.post("/api/watchlists", json={"name": "x", "query": "بغداد"}, headers=AUTH)
        assert refused.status_code == 403
        assert c.get("/api/search", params={"q": "بغداد"}).status_code == 200


def test_upload_size_is_limited(client: TestClient) -> None:
    big = ("خبر " * 40_000).encode()
    sent = client.post("/api/ingest", content=big, headers={**AUTH, "Content-Type": "text/plain"})
    assert sent.status_code == 413 and sent.json()["error"]["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(20):
            yield b"x" * 10_000

    streamed = client.post(
        "/api/ingest", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert streamed.status_code == 413


def test_watchlists_and_their_atom_feed(client: TestClient, records: dict[str, Any]) -> None:
    body = {"name": "العراق والكويت", "query": "العلاقات", "filters": {"source": "kuna"}}
    assert client.post("/api/watchlists", json=body).status_code == 401
    made = client.post("/api/watchlists", json=body, headers=AUTH)
    assert made.status_code == 201
    watch = made.json()
    assert client.get("/api/watchlists").json()["watchlists"][0]["id"] == watch["id"]
    feed = client.get(f"/api/watchlists/{watch['id']}/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [records["meeting"].title]
    # a new matching article shows at the top of the feed
    doc = {"title": "العلاقات الكويتية العراقية تتطور", "body": "تتطور العلاقات بين البلدين.",
           "source": "kuna.example"}  # fmt: skip
    assert client.post("/api/ingest", json=doc, headers=AUTH).status_code == 201
    root = ET.fromstring(client.get(f"/api/watchlists/{watch['id']}/feed.atom").content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles[0] == doc["title"] and len(titles) == 2
    link = root.find(f"{ATOM}entry/{ATOM}link")
    assert link is not None and link.get("href", "").startswith("http://testserver/article/")
    assert client.delete(f"/api/watchlists/{watch['id']}").status_code == 401
    assert client.delete(f"/api/watchlists/{watch['id']}", headers=AUTH).status_code == 204
    assert client.get(f"/api/watchlists/{watch['id']}").status_code == 404
    bad = client.post("/api/watchlists", json={**body, "filters": {"x": "1"}}, headers=AUTH)
    assert bad.status_code == 422


def test_security_headers_everywhere(client: TestClient, records: dict[str, Any]) -> None:
    for path in ("/", f"/article/{records['meeting'].id}", "/api/search?q=x", "/api/nope",
                 "/static/marsad.css"):  # fmt: skip
        response = client.get(path)
        for name, value in SECURITY_HEADERS:
            assert response.headers[name] == value, (path, name)
    csp = dict(SECURITY_HEADERS)["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_openapi_schema_lists_every_resource(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/search", "/api/articles/{article_id}", "/api/articles/{article_id}/related",
                 "/api/entities/{name}", "/api/quotes", "/api/events", "/api/stories",
                 "/api/ingest", "/api/watchlists", "/api/watchlists/{watch_id}/feed.atom"):  # fmt: skip
        assert path in paths, path
    error = schema["paths"]["/api/search"]["get"]["responses"]["422"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert not any(p.startswith(("/search", "/article")) for p in paths)  # pages are not API
    json.dumps(schema)
