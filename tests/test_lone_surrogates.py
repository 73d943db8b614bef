"""Half a character named by an escape (a JSON ``\\udc06`` with no pair) is a damaged
character: the record is kept with U+FFFD in its place and a warning, the archive stores it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from marsad import extract
from marsad.archive import Archive
from marsad.archive.ingest import PREPARE_ERROR
from marsad.archive.model import Prepared
from marsad.document import Document
from marsad.record import Article

from .builders import PARAGRAPHS, TITLE, write


def _line() -> str:
    body = "\\n".join(PARAGRAPHS).replace("\u060c", "\\udc06", 1)  # a lone low surrogate
    return '{"title": "' + TITLE + '", "body": "' + body + '"}\n'


def test_a_lone_surrogate_in_a_json_line_becomes_a_replacement_character(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.jsonl", _line())
    batch = extract(path)
    assert not batch.rejections, batch.rejections
    (article,) = batch.articles
    assert "\udc06" not in article.body and "\ufffd" in article.body
    assert [w.code for w in article.warnings] == ["replaced-bytes"]
    assert "body" in article.warnings[0].message


def test_the_archive_stores_a_record_that_had_a_lone_surrogate(tmp_path: Path) -> None:
    """Before, the ingest batch crashed in the content id (UnicodeEncodeError)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "lines.jsonl", _line())
    archive = Archive(tmp_path / "a.db")
    report = archive.ingest([folder], workers=1)
    assert report.new == 1, report


def test_every_text_field_of_a_document_is_repaired() -> None:
    doc = Document(origin="x", kind="fields", content="نص \ud800 هنا", title="عنوان \udfff")
    assert "\ud800" not in doc.content and "\udfff" not in (doc.title or "")
    assert sorted(w.message.split(" in the ")[1].split(" ")[0] for w in doc.warnings) == [
        "body",
        "title",
    ]


def test_an_article_that_cannot_be_made_ready_for_the_archive_is_named_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_module = importlib.import_module("marsad.archive.ingest")  # the module, not its function
    real = ingest_module.prepare

    def flaky(article: Article) -> Prepared:
        if "ثانية" in article.title:
            raise RuntimeError("a bug in preparing one record")
        return real(article)

    monkeypatch.setattr(ingest_module, "prepare", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    body = "\\n".join(PARAGRAPHS)
    lines = [
        f'{{"title": "{title}", "body": "{body}"}}'
        for title in ("مقالة أولى في الصحة", "مقالة ثانية في التعليم", "مقالة ثالثة في النقل")
    ]
    write(folder / "lines.jsonl", "\n".join(lines) + "\n")
    report = Archive(tmp_path / "a.db").ingest([folder], workers=1)
    assert report.new == 2, report
    assert [r.reason for r in report.rejections] == [PREPARE_ERROR], report.rejections
