"""The page and view caches: pages are kept, and every change to the archive empties them.

A change may come through the app (ingest via the API), or from elsewhere (another worker,
``marsad ingest``): SQLite's ``data_version`` tells the server either way.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad import Article
from marsad.archive import Archive
from marsad.web import WebConfig, create_app
from marsad.web.cache import TTLCache

from .web_support import TOKEN, build_archive, finish

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CACHE = "x-marsad-cache"


@pytest.fixture(scope="module")
def source_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web-cache") / "archive.db"
    build_archive(str(db))
    return db


@pytest.fixture
def db(source_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "archive.db"
    copy.write_bytes(source_db.read_bytes())
    return copy


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db=str(db), token=TOKEN))) as c:
        yield c


def _get(client: TestClient, url: str, **kw: Any) -> tuple[str, str]:
    answer = client.get(url, **kw)
    assert answer.status_code == 200, answer.text
    return answer.headers[CACHE], answer.text


def test_read_pages_are_kept_and_served_whole(client: TestClient) -> None:
    for url in ("/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF", "/api/search?q=بغداد", "/", "/stories"):
        first = client.get(url)
        again = client.get(url)
        assert (first.headers[CACHE], again.headers[CACHE]) == ("miss", "hit"), url
        assert again.content == first.content
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        assert again.headers["content-type"] == first.headers["content-type"]
    # another query string is another page
    assert _get(client, "/api/search?q=بغداد&limit=1")[0] == "miss"


def test_what_is_never_kept(client: TestClient) -> None:
    for _ in range(2):
        missing = client.get("/article/nope")
        assert (missing.status_code, missing.headers[CACHE]) == (404, "miss")
        assert CACHE not in client.get("/watchlists").headers
        assert CACHE not in client.get("/api/openapi.json").headers
    # the response that sets the language cookie is not kept; the cookie's pages are apart
    client.get("/search?q=بغداد")
    switched = client.get("/search?q=بغداد&lang=en")
    assert switched.headers[CACHE] == "miss" and "set-cookie" in switched.headers
    assert client.get("/search?q=بغداد&lang=en").headers[CACHE] == "miss"
    english = client.get("/search?q=بغداد")  # now with the English cookie
    assert english.headers[CACHE] == "miss" and 'lang="en"' in english.text
    client.cookies.clear()
    arabic = client.get("/search?q=بغداد")
    assert arabic.headers[CACHE] == "hit" and 'lang="ar"' in arabic.text


def test_ingest_through_the_api_shows_at_once(client: TestClient) -> None:
    url = "/search?q=" + "الزلزال"
    assert "لا نتائج" in _get(client, url)[1]
    assert _get(client, url)[0] == "hit"
    home_before = _get(client, "/")[1]
    doc = {"title": "الزلزال يضرب المدينة الساحلية", "body": "ضرب الزلزال المدينة الساحلية فجرا."}
    done = client.post("/api/ingest", json=doc, headers=AUTH)
    assert done.status_code == 201, done.text
    new_id = done.json()["id"]
    state, page = _get(client, url)
    assert state == "miss" and new_id in page
    assert new_id in client.get("/api/search", params={"q": "الزلزال"}).text
    home = _get(client, "/")
    assert home[0] == "miss" and home[1] != home_before


def test_a_write_from_another_connection_empties_the_caches(client: TestClient, db: Path) -> None:
    """As when ``marsad ingest`` or another server process adds an article."""
    api = "/api/search?q=" + "البركان"
    assert client.get(api).json()["total"] == 0
    assert client.get(api).headers[CACHE] == "hit"
    entity = client.get("/api/entities/فؤاد حسين").json()
    site = client.app.state.site  # type: ignore[attr-defined]
    assert site.cache._items  # the entity profile is kept
    article = Article(source="elsewhere", published="2024-03-20",
                      title="البركان يثور قرب القرية", body="ثار البركان قرب القرية مساء أمس.")  # fmt: skip
    finish(article)
    with Archive(str(db)) as other:
        other.add([article])
        other.build_stories()
    answer = client.get(api)
    assert answer.headers[CACHE] == "miss"
    assert [h["id"] for h in answer.json()["hits"]] == [article.id]
    # the view cache (entity profiles, related lists) is emptied too
    assert not any(key[0] == "entity" for key in site.cache._items)
    assert client.get("/api/entities/فؤاد حسين").json() == entity
    assert client.get(f"/api/articles/{article.id}").status_code == 200


def test_no_page_cache_when_turned_off(db: Path) -> None:
    for config in (WebConfig(db=str(db), cache_seconds=0), WebConfig(db=str(db), page_cache_mb=0)):
        with TestClient(create_app(config)) as c:
            c.get("/api/search?q=بغداد")
            assert CACHE not in c.get("/api/search?q=بغداد").headers


def test_view_cache_does_not_keep_what_was_made_across_a_clear() -> None:
    cache = TTLCache(60)
    started, cleared = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        cleared.wait(5)
        return "old"

    worker = threading.Thread(target=lambda: cache.get("k", slow))
    worker.start()
    started.wait(5)
    cache.clear()
    cleared.set()
    worker.join(5)
    assert cache.get("k", lambda: "new") == "new"


@pytest.fixture
def two_workers(db: Path, tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    """Two apps over one archive sharing one pages file, as ``serve --workers 2`` runs them."""
    shared = str(tmp_path / "pages.sqlite")
    configs = [WebConfig(db=str(db), token=TOKEN, shared_pages=shared) for _ in range(2)]
    with TestClient(create_app(configs[0])) as a, TestClient(create_app(configs[1])) as b:
        # a worker's first request empties the shared pages (it cannot know what the others
        # saw of the archive): both start, as a server's workers do, before any page is made
        for client in (a, b):
            client.get("/api/openapi.json")
        yield a, b


def test_a_page_made_by_one_worker_is_served_by_the_other(
    two_workers: tuple[TestClient, TestClient],
) -> None:
    a, b = two_workers
    for url in ("/api/search?q=بغداد", "/stories", "/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF"):
        made = a.get(url)
        assert made.headers[CACHE] == "miss"
        shared = b.get(url)
        assert shared.headers[CACHE] == "hit", url
        assert shared.content == made.content
        assert shared.headers["content-type"] == made.headers["content-type"]
        assert shared.headers["content-security-policy"] == made.headers["content-security-policy"]
        assert b.get(url).headers[CACHE] == "hit"  # now in its own memory too


def test_an_archive_change_seen_by_either_worker_empties_the_shared_pages(
    two_workers: tuple[TestClient, TestClient], db: Path
) -> None:
    a, b = two_workers
    api = "/api/search?q=" + "البركان"
    assert a.get(api).json()["total"] == 0
    article = Article(source="elsewhere", published="2024-03-20",
                      title="البركان يثور قرب القرية", body="ثار البركان قرب القرية مساء أمس.")  # fmt: skip
    finish(article)
    with Archive(str(db)) as other:
        other.add([article])
    # b has never seen the page: it must not get a's stale one from the shared file
    answer = b.get(api)
    assert answer.headers[CACHE] == "miss" and answer.json()["total"] == 1
    answer = a.get(api)
    assert answer.json()["total"] == 1


def test_a_page_made_before_a_change_is_not_shared_after_it(tmp_path: Path) -> None:
    from marsad.web.sharedpages import SharedPages

    one = SharedPages(tmp_path / "p.sqlite", seconds=60, max_bytes=1 << 20)
    other = SharedPages(tmp_path / "p.sqlite", seconds=60, max_bytes=1 << 20)
    epoch, found, _ = one.get("k")
    assert found is None
    other.clear()  # the other process saw the archive change while this page was made
    assert not one.put("k", ([(b"content-type", b"text/html")], b"old"), epoch)
    epoch = one.get("k")[0]
    assert one.put("k", ([(b"content-type", b"text/html")], b"new"), epoch)
    assert other.get("k")[1] == ([(b"content-type", b"text/html")], b"new")


def test_shared_pages_keep_within_their_size(tmp_path: Path) -> None:
    from marsad.web.sharedpages import SharedPages

    pages = SharedPages(tmp_path / "p.sqlite", seconds=60, max_bytes=10_000)
    epoch = pages.get("x")[0]
    for i in range(30):
        assert pages.put(f"page{i}", ([], bytes(1000)), epoch)
    kept = [i for i in range(30) if pages.get(f"page{i}")[1] is not None]
    assert 0 < len(kept) <= 10 and kept[-1] == 29  # the newest stay
    assert sum(1000 for _ in kept) <= 10_000
