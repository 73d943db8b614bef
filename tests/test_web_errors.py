"""The contract: every error the JSON API answers has one shape (after datasette's
``tests/test_error_shape.py``), and pages answer the same status with a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.web import WebConfig, create_app
from marsad.web.errors import CODES

from .web_support import TOKEN, build_archive

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("errors") / "archive.db")
    build_archive(db)
    app = create_app(WebConfig(db=db, token=TOKEN, max_upload_bytes=1000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# (method, path, keyword arguments, status)
CASES: list[tuple[str, str, dict[str, Any], int]] = [
    ("GET", "/api/nowhere", {}, 404),
    ("GET", "/api/articles/no-such-id", {}, 404),
    ("GET", "/api/articles/no-such-id/related", {}, 404),
    ("GET", "/api/entities/لا أحد بهذا الاسم", {}, 404),
    ("GET", "/api/stories/nothing", {}, 404),
    ("GET", "/api/watchlists/nothing", {}, 404),
    ("GET", "/api/watchlists/nothing/feed.atom", {}, 404),
    ("GET", "/api/search", {}, 422),
    ("GET", "/api/search?q=x&limit=0", {}, 422),
    ("GET", "/api/search?q=x&limit=abc", {}, 422),
    ("GET", "/api/search?q=x&since=yesterday", {}, 422),
    ("GET", "/api/events?until=3/4/2024", {}, 422),
    ("POST", "/api/search?q=x", {}, 405),
    ("POST", "/api/ingest", {"json": {"title": "t", "body": "b"}}, 401),
    ("POST", "/api/ingest", {"json": {"title": "t"}, "headers": AUTH}, 422),
    ("POST", "/api/ingest", {"content": b"{not json", "headers": {**AUTH, "Content-Type": "application/json"}}, 400),
    ("POST", "/api/ingest", {"content": b"x", "headers": {**AUTH, "Content-Type": "image/png"}}, 415),
    ("POST", "/api/ingest", {"content": b"x" * 5000, "headers": {**AUTH, "Content-Type": "text/plain"}}, 413),
    ("POST", "/api/ingest", {"content": b"   ", "headers": {**AUTH, "Content-Type": "text/plain"}}, 400),
    ("POST", "/api/watchlists", {"json": {"name": "n", "query": "q"}, "headers": {"Authorization": "Bearer wrong"}}, 401),
    ("POST", "/api/watchlists", {"json": {"name": "n"}, "headers": AUTH}, 422),
    ("POST", "/api/watchlists", {"json": {"name": "n", "query": "..."}, "headers": AUTH}, 422),
    ("DELETE", "/api/watchlists/nothing", {"headers": AUTH}, 404),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), CASES)
def test_every_api_error_has_the_one_shape(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "detail"}
    assert error["status"] == status and error["code"] == CODES[status]
    assert isinstance(error["message"], str) and error["message"]
    assert error["detail"] is None or all(set(d) == {"loc", "message"} for d in error["detail"])
    assert "Traceback" not in response.text


def test_unexpected_failures_answer_500_in_the_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = client.app.state.site  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(site, "search", broken)
    response = client.get("/api/search", params={"q": "x"})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret internals" not in response.text
    page = client.get("/search", params={"q": "x"})
    assert page.status_code == 500 and "secret internals" not in page.text


def test_pages_answer_errors_as_pages(client: TestClient) -> None:
    for path, status in (("/article/none", 404), ("/entity/لا أحد", 404), ("/nowhere", 404),
                         ("/search?page=x", 422)):  # fmt: skip
        response = client.get(path)
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html")
        assert f"{status}" in response.text and 'dir="rtl"' in response.text


def test_a_missing_archive_folder_fails_at_start(tmp_path: Path) -> None:
    from marsad.errors import StoreError

    with pytest.raises(StoreError):
        create_app(WebConfig(db=str(tmp_path)))
