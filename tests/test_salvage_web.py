"""A salvaged article says so on its page and in the API, in Arabic and English; records
archived before warnings existed read as having none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from marsad import extract
from marsad.archive import Archive
from marsad.web import WebConfig, create_app

from .builders import PARAGRAPHS, TITLE, write
from .web_support import TOKEN

CUT = "نص منقوص: انقطع الملف في آخره"


def test_a_salvaged_article_says_so_on_its_page_and_in_the_api(tmp_path: Path) -> None:
    text = (f"{TITLE}\n\n" + "\n".join(PARAGRAPHS)).rstrip(".").encode()
    (cut,) = extract(write(tmp_path / "cut.txt", text[:-1])).articles
    (sound,) = extract(
        write(tmp_path / "sound.txt", f"{PARAGRAPHS[1]}\n\n{PARAGRAPHS[0]}")
    ).articles
    db = tmp_path / "archive.db"
    with Archive(str(db)) as archive:
        archive.add([cut, sound])
    with sqlite3.connect(db) as old:  # as an archive written before warnings existed
        old.execute(
            "UPDATE articles SET record = json_remove(record, '$.warnings') WHERE id = ?",
            [sound.id],
        )
    with TestClient(create_app(WebConfig(db=str(db), token=TOKEN))) as client:
        page = client.get(f"/article/{cut.id}").text
        assert 'id="salvaged"' in page and CUT in page
        english = client.get(f"/article/{cut.id}?lang=en").text
        assert "Truncated text: the file was cut at its end" in english
        record = client.get(f"/api/articles/{cut.id}").json()
        (warning,) = record["warnings"]
        assert warning["code"] == "truncated-character" and warning["offset"] == len(text) - 2
        assert warning["notice"]["ar"].startswith(CUT)
        assert warning["notice"]["en"].startswith("Truncated text")
        assert client.get(f"/api/articles/{sound.id}").json()["warnings"] == []
        old_page = client.get(f"/article/{sound.id}")
        assert old_page.status_code == 200 and 'id="salvaged"' not in old_page.text
