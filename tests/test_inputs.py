"""Every input format, detected automatically, and what bad input gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad import JsonFields, ReadOptions, extract
from marsad.inputs import detect_format

from .builders import PARAGRAPHS, TITLE, page, warc_bytes, write


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256", "iso-8859-6"])
@pytest.mark.parametrize("declared", [True, False])
def test_html_in_any_arabic_encoding_is_detected(
    tmp_path: Path, charset: str, declared: bool
) -> None:
    html = page(charset, meta=declared)
    data = html.encode(charset, errors="strict") if charset != "iso-8859-6" else _iso(html)
    path = write(tmp_path / "page.html", data)
    batch = extract(path)
    assert not batch.rejections
    (article,) = batch.articles
    assert article.title.startswith(TITLE)
    assert PARAGRAPHS[0][:40] in article.body
    assert "الأكثر قراءة" not in article.body and "جميع الحقوق" not in article.body


def _iso(html: str) -> bytes:
    # ISO-8859-6 has no « » ©: write them as entities, as real ISO-8859-6 pages do
    for ch, entity in (("«", "&laquo;"), ("»", "&raquo;"), ("©", "&copy;")):
        html = html.replace(ch, entity)
    return html.encode("iso-8859-6")


def test_html_metadata_lead_and_date(tmp_path: Path) -> None:
    article = extract(write(tmp_path / "p.html", page())).articles[0]
    assert article.lead == "المستشفى يضم 300 سرير ويخدم محافظة الزرقاء"
    assert article.published == "2024-03-10T08:00:00+03:00"
    assert [p for p in article.body.split("\n\n")] == PARAGRAPHS


def test_truncated_html_keeps_what_is_there_and_says_so(tmp_path: Path) -> None:
    html = page(closed=False)
    cut = html[: html.index(PARAGRAPHS[2][:20])]
    article = extract(write(tmp_path / "cut.html", cut)).articles[0]
    assert PARAGRAPHS[0][:30] in article.body
    assert [w.code for w in article.warnings] == ["truncated-html"]
    assert not article.errors  # damage in the input is no stage failure


def test_truncated_html_without_text_is_rejected_naming_the_file(tmp_path: Path) -> None:
    batch = extract(write(tmp_path / "stub.html", "<!DOCTYPE html><html><head><title>x</ti"))
    assert not batch.articles
    assert "stub.html" in batch.rejections[0].source


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_pages_in_their_declared_encodings(tmp_path: Path, gzipped: bool) -> None:
    pages = [
        (
            "https://example.org/a",
            "text/html; charset=windows-1256",
            page("windows-1256").encode("cp1256"),
        ),
        ("https://example.org/b", "text/html; charset=utf-8", page().encode()),
        ("https://example.org/c.jpg", "image/jpeg", b"\xff\xd8\xff\xe0fake"),
    ]
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    batch = extract(write(tmp_path / name, warc_bytes(pages, gzipped=gzipped)))
    assert [a.url for a in batch.articles] == ["https://example.org/a", "https://example.org/b"]
    assert {a.source for a in batch.articles} == {"example.org"}
    assert all(a.title.startswith(TITLE) for a in batch.articles)
    assert not batch.rejections


def test_malformed_warc_record_is_rejected_and_earlier_pages_kept(tmp_path: Path) -> None:
    good = warc_bytes([("https://example.org/a", "text/html", page().encode())], gzipped=False)
    broken = good + b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>cut"
    batch = extract(write(tmp_path / "bad.warc", broken))
    assert [a.url for a in batch.articles] == ["https://example.org/a"]
    assert len(batch.rejections) == 1
    assert "bad.warc" in batch.rejections[0].source
    assert batch.rejections[0].reason == "malformed"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>وكالة الأنباء</title><link>https://example.org</link>
<item><title>{title}</title><link>https://example.org/1</link>
<pubDate>Sun, 10 Mar 2024 08:00:00 +0300</pubDate><author>محرر الأخبار</author>
<description>المستشفى يضم 300 سرير</description>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>خبر ثان</title><link>https://example.org/2</link><description>نص قصير للخبر الثاني.</description></item>
</channel></rss>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    batch = extract(write(tmp_path / "feed.xml", RSS.format(title=TITLE, body=body)))
    first, second = batch.articles
    assert (first.title, first.url, first.lead) == (
        TITLE,
        "https://example.org/1",
        "المستشفى يضم 300 سرير",
    )
    assert first.body.split("\n\n") == PARAGRAPHS
    assert first.published == "2024-03-10T08:00:00+03:00"
    assert first.source == "example.org"
    assert second.body == "نص قصير للخبر الثاني." and second.lead is None


def test_atom_feed(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وزارة</title>
<entry><title>{TITLE}</title><link href="https://example.org/x"/>
<published>2024-03-10T08:00:00Z</published><summary>ملخص الخبر</summary>
<content type="html">&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;&lt;p&gt;{PARAGRAPHS[1]}&lt;/p&gt;</content></entry></feed>"""
    (article,) = extract(write(tmp_path / "x.atom", atom)).articles
    assert article.body.split("\n\n") == PARAGRAPHS[:2]
    assert article.lead == "ملخص الخبر" and article.published == "2024-03-10T08:00:00+00:00"


def test_broken_feed_reports_the_breakage_and_keeps_recovered_entries(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    xml = RSS.format(title=TITLE, body=body)
    broken = xml[: xml.index("<item><title>خبر ثان")] + "<item><title>خبر <b>مكسور</title>"
    batch = extract(write(tmp_path / "broken.rss", broken))
    assert batch.rejections and batch.rejections[0].reason == "malformed"
    assert "broken.rss" in batch.rejections[0].source
    assert "broken feed XML" in batch.rejections[0].message


def test_jsonl_defaults_fit_the_ant_corpus_and_bad_lines_are_rejected(tmp_path: Path) -> None:
    rows = [
        {"src": "skynews", "url": "https://x/1", "title": TITLE, "time": "Sun, 10 Mar 2024 08:00:00 GMT",
         "abstract": PARAGRAPHS[0][:50], "text": "\n".join(PARAGRAPHS), "author": ""},
        {"src": "skynews", "title": "", "text": ""},
    ]  # fmt: skip
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + ['{"title": "broken', "[1]"]
    path = write(tmp_path / "a.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    batch = extract(path)
    (article,) = batch.articles
    assert article.source == "skynews" and article.published == "2024-03-10T08:00:00+00:00"
    assert article.lead is None, "an abstract that repeats the opening is no lead"
    assert article.body.split("\n\n") == PARAGRAPHS
    assert sorted(r.source.rsplit(":", 1)[1] for r in batch.rejections) == ["2", "3", "4"]
    assert {r.reason for r in batch.rejections} == {"empty", "malformed"}


def test_jsonl_field_mapping_is_configurable(tmp_path: Path) -> None:
    row = {"headline": TITLE, "content": "<p>فقرة أولى.</p><p>فقرة ثانية.</p>", "site": "x.org"}
    path = write(tmp_path / "b.jsonl", json.dumps(row, ensure_ascii=False))
    fields = JsonFields(title="headline", body="content", body_is_html=True)
    (article,) = extract(path, options=ReadOptions(json_fields=fields)).articles
    assert (article.title, article.body, article.source) == (
        TITLE,
        "فقرة أولى.\n\nفقرة ثانية.",
        "x.org",
    )
    assert JsonFields.parse("title=headline, body=content") == JsonFields(
        title="headline", body="content"
    )
    with pytest.raises(ValueError, match="bad field mapping"):
        JsonFields.parse("colour=red")


def test_folders_mix_formats_and_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt", f"{TITLE}\n\n" + "\n".join(PARAGRAPHS))
    write(tmp_path / "a" / "two.html", page())
    write(tmp_path / "b" / "empty.txt", b"")
    write(tmp_path / "b" / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path / "b" / "blob.bin", bytes(range(256)) * 4)
    write(tmp_path / ".hidden" / "skip.txt", "ignored")
    batch = extract(tmp_path)
    assert len(batch.articles) == 2
    assert batch.rejection_counts() == {"empty": 1, "binary": 2}
    assert all(str(tmp_path) in r.source for r in batch.rejections)


def test_undecodable_bytes_name_the_source_and_the_offset(tmp_path: Path) -> None:
    text = (f"{TITLE}\n\n" + "\n".join(PARAGRAPHS)).encode()
    damaged = text[:200] + b"\xff\xfe" * 4 + text[200:]  # a run that could hide a word
    (rejection,) = extract(write(tmp_path / "bad.txt", damaged)).rejections
    assert rejection.reason == "encoding"
    assert "bad.txt" in str(rejection) and "byte 200" in rejection.message


def test_windows_1256_text_dump_without_declaration(tmp_path: Path) -> None:
    text = f"{TITLE}\n\n" + "\n".join(PARAGRAPHS)
    (article,) = extract(write(tmp_path / "cp.txt", text.encode("cp1256"))).articles
    assert article.title == TITLE and article.body.split("\n\n") == PARAGRAPHS


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    paragraph = ("\n".join(PARAGRAPHS) + "\n").encode()
    with huge.open("wb") as fh:
        fh.write(paragraph * (200 * 2**20 // len(paragraph) + 1))
    (rejection,) = extract(huge).rejections
    assert rejection.reason == "too large" and "200.0 MB is over" in rejection.message


def test_missing_paths_are_rejections_not_crashes(tmp_path: Path) -> None:
    batch = extract(tmp_path / "nope.txt")
    assert "no such file" in batch.rejections[0].message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"WARC/1.1\r\n", "warc"),
        (b'{"title": 1}\n', "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!doctype html><html>", "html"),
        ("عنوان\n\nنص".encode(), "text"),
    ],
)
def test_format_is_detected_from_content_not_name(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    assert detect_format(write(tmp_path / "file.dat", content)) == expected
