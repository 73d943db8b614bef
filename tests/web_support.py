"""What the web tests share: archives with rich records, a live server, a real browser.

Records with quotes, amounts, dates and events are built here with offsets computed from their
own text (never hard-coded results), so the pages can be checked against them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from marsad import Amount, Article, DateMention, Entity, Event, Mention, Quote, Role
from marsad.archive import Archive
from marsad.stages import content_id

TOKEN = "test-token-123"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip


def span(article: Article, field: str, text: str, nth: int = 0) -> tuple[str, int, int, str]:
    """Where the ``nth`` occurrence of ``text`` is in ``field`` of ``article``."""
    value = article.field_text(field)
    start = -1
    for _ in range(nth + 1):
        start = value.index(text, start + 1)
    return field, start, start + len(text), text


def mention(article: Article, field: str, text: str, nth: int = 0) -> Mention:
    f, s, e, t = span(article, field, text, nth)
    return Mention(f, s, e, t)  # type: ignore[arg-type]


def finish(article: Article) -> Article:
    article.id = content_id(article.title, article.body)
    return article


def meeting_article() -> Article:
    """A meeting in Baghdad: entities, a direct quote, an amount, a date, two events."""
    a = Article(
        source="kuna.example",
        url="https://kuna.example/news/1",
        published="2024-03-12T10:00:00+03:00",
        title="وزير الخارجية الكويتي يلتقي نظيره العراقي في بغداد",
        lead="بحث الشيخ أحمد ناصر المحمد الصباح مع فؤاد حسين العلاقات الثنائية.",
        body="التقى وزير الخارجية الكويتي الشيخ أحمد ناصر المحمد الصباح نظيره العراقي فؤاد حسين"
        " في بغداد يوم 12 مارس 2024 لبحث العلاقات بين البلدين.\n\n"
        "وقال الصباح: «نرحب بالتعاون مع العراق في كل المجالات».\n\n"
        "وأعلنت الكويت تقديم مساعدات بقيمة 10 ملايين دولار للنازحين في العراق.",
    )
    name = "أحمد ناصر المحمد الصباح"
    a.entities = [
        Entity("e1", "PER", name, "Ahmad Nasser Al-Mohammad Al-Sabah", ["الشيخ"],
               [Role("وزير الخارجية", "e3", "وزير الخارجية الكويتي")],
               [mention(a, "lead", name), mention(a, "body", name),
                mention(a, "body", "الصباح", 1)]),
        Entity("e2", "PER", "فؤاد حسين", "Fuad Hussein", [], [],
               [mention(a, "lead", "فؤاد حسين"), mention(a, "body", "فؤاد حسين")]),
        Entity("e3", "GPE", "الكويت", "Kuwait", [], [], [mention(a, "body", "الكويت", 1)]),
        Entity("e4", "GPE", "بغداد", "Baghdad", [], [],
               [mention(a, "title", "بغداد"), mention(a, "body", "بغداد")]),
        Entity("e5", "GPE", "العراق", "Iraq", [], [], [mention(a, "body", "العراق")]),
    ]  # fmt: skip
    said = "نرحب بالتعاون مع العراق في كل المجالات"
    _, qs, qe, _ = span(a, "body", said)
    a.quotes = [Quote("e1", "الصباح", "قال", "direct", False, said, "body", qs, qe)]
    _, ms, me, mt = span(a, "body", "10 ملايين دولار")
    a.amounts = [Amount(mt, 10_000_000, "USD", "exact", "body", ms, me)]
    _, ds, de, dt = span(a, "body", "12 مارس 2024")
    a.dates = [DateMention(dt, "2024-03-12", "gregorian", False, "body", ds, de)]
    a.events = [
        Event("meeting", mention(a, "body", "التقى"), agent="e1", participants=["e1", "e2"],
              place="e4", date="2024-03-12"),
        Event("aid", mention(a, "body", "تقديم مساعدات"), agent="e3", target="e5", amount=0),
    ]  # fmt: skip
    return finish(a)


def follow_up_article() -> Article:
    """The same story the next day, from another source."""
    a = Article(
        source="ina.example",
        published="2024-03-13",
        title="فؤاد حسين يبحث مع وزير الخارجية الكويتي العلاقات في بغداد",
        body="بحث وزير الخارجية العراقي فؤاد حسين مع وزير الخارجية الكويتي الشيخ أحمد ناصر"
        " المحمد الصباح في بغداد العلاقات بين البلدين والتعاون في كل المجالات.",
    )
    a.entities = [
        Entity("e1", "PER", "فؤاد حسين", "Fuad Hussein", [], [], [mention(a, "title", "فؤاد حسين")]),
        Entity("e2", "PER", "أحمد ناصر المحمد الصباح", None, ["الشيخ"], [],
               [mention(a, "body", "أحمد ناصر")]),
        Entity("e3", "GPE", "بغداد", "Baghdad", [], [], [mention(a, "body", "بغداد")]),
    ]  # fmt: skip
    return finish(a)


def other_articles() -> list[Article]:
    texts = [
        ("2024-02-01", "أسعار النفط ترتفع في الأسواق العالمية",
         "ارتفعت أسعار النفط في الأسواق العالمية بسبب المخاوف من نقص الإمدادات."),
        ("2024-01-15", "البرلمان يختار رئيسه الجديد",
         "انتخب البرلمان رئيسا جديدا له بعد جلسة طويلة في العاصمة بغداد."),
    ]  # fmt: skip
    return [finish(Article(source="wire", published=p, title=t, body=b)) for p, t, b in texts]


def build_archive(location: str) -> dict[str, Any]:
    """An archive of the rich records above; returns them by role."""
    meet, follow = meeting_article(), follow_up_article()
    with Archive(location) as archive:
        archive.add([meet, follow, *other_articles()])
        archive.build_stories()
    return {"meeting": meet, "follow": follow}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 (free port) in a thread; stop it afterwards."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def ensure_chromium() -> Path:
    """Debian's Chromium (installed with apt-get when absent and we may); else skip, saying why."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("needs /usr/bin/chromium (apt-get install chromium fonts-noto-core) as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-noto-core"],
    ):
        done = subprocess.run(cmd, env=env, capture_output=True, timeout=900, check=False)
        if done.returncode != 0:
            pytest.skip(f"could not install Chromium: {done.stderr.decode()[-300:]}")
    if not CHROMIUM.exists():
        pytest.skip("apt-get ran but /usr/bin/chromium is still absent")
    return CHROMIUM
