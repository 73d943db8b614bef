"""Reads answered in the order they arrive (marsad.web.order), writes apart, slow readers apart."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from marsad.web import WebConfig, create_app
from marsad.web.order import ArrivalOrder

from .web_support import build_archive


def _scope(path: str, method: str = "GET") -> dict[str, Any]:
    return {"type": "http", "method": method, "path": path, "headers": []}


class _App:
    """A toy ASGI app: ``/slow`` takes ``slow`` seconds (in a thread, as a page being made),
    any other path answers at once (as a page already kept); POST waits for ``release``."""

    def __init__(self, slow: float = 0.2) -> None:
        self.slow = slow
        self.release = asyncio.Event()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["method"] == "POST":
            await self.release.wait()
        elif scope["path"] == "/slow":
            await asyncio.to_thread(__import__("time").sleep, self.slow)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})


async def _get(app: Any, path: str, done: list[str], method: str = "GET") -> None:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(_scope(path, method), receive, send)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    done.append(path)


async def _race(app: Any) -> list[str]:
    """``/slow`` sent first, ``/kept`` just after: the order their answers come in."""
    done: list[str] = []
    first = asyncio.create_task(_get(app, "/slow", done))
    await asyncio.sleep(0.01)
    await asyncio.gather(first, _get(app, "/kept", done))
    return done


def test_reads_are_answered_in_the_order_they_came() -> None:
    assert asyncio.run(_race(ArrivalOrder(_App()))) == ["/slow", "/kept"]
    # without it, the quick answer overtakes the one being made
    assert asyncio.run(_race(_App())) == ["/kept", "/slow"]


def test_writes_take_no_turn() -> None:
    async def scenario() -> list[str]:
        inner = _App()
        app = ArrivalOrder(inner)
        done: list[str] = []
        post = asyncio.create_task(_get(app, "/api/ingest", done, method="POST"))
        await asyncio.sleep(0.01)
        await asyncio.wait_for(_get(app, "/kept", done), timeout=5)  # not behind the write
        inner.release.set()
        await post
        return done

    assert asyncio.run(scenario()) == ["/kept", "/api/ingest"]


def test_a_slow_reader_holds_no_turn() -> None:
    """The answer is sent after the turn is over: a client reading slowly delays nobody."""

    async def scenario() -> list[str]:
        app = ArrivalOrder(_App())
        done: list[str] = []
        reading = asyncio.Event()

        async def slow_client() -> None:
            async def receive() -> dict[str, Any]:
                return {"type": "http.request", "body": b"", "more_body": False}

            async def send(message: dict[str, Any]) -> None:
                await reading.wait()  # a client that does not read yet

            await app(_scope("/first"), receive, send)
            done.append("/first")

        first = asyncio.create_task(slow_client())
        await asyncio.sleep(0.01)
        await asyncio.wait_for(_get(app, "/second", done), timeout=5)
        reading.set()
        await first
        return done

    assert asyncio.run(scenario()) == ["/second", "/first"]


def _outermost(app: Any) -> Any:
    return app.user_middleware[0].cls if app.user_middleware else None


def test_the_app_answers_in_arrival_order_unless_told(tmp_path: Any) -> None:
    db = str(tmp_path / "archive.db")
    build_archive(db)
    assert _outermost(create_app(WebConfig(db=db))) is ArrivalOrder
    assert _outermost(create_app(WebConfig(db=db, order="cached-first"))) is not ArrivalOrder
    with pytest.raises(ValueError, match="order must be one of"):
        create_app(WebConfig(db=db, order="random"))


def test_each_worker_process_takes_the_order_given_to_serve(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve --workers N`` passes ``--order`` to its processes through the environment."""
    from marsad.web.cli import app_from_env

    db = str(tmp_path / "archive.db")
    build_archive(db)
    monkeypatch.setenv("MARSAD_WEB_DB", db)
    monkeypatch.delenv("MARSAD_WEB_ORDER", raising=False)
    assert _outermost(app_from_env()) is ArrivalOrder
    monkeypatch.setenv("MARSAD_WEB_ORDER", "cached-first")
    assert _outermost(app_from_env()) is not ArrivalOrder
