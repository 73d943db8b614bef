"""Damaged input: what a reader could read is kept, flagged with a warning; noise is rejected."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad import extract
from marsad.record import Article, Salvage

from .builders import PARAGRAPHS, TITLE, write

ARTICLE = f"{TITLE}\n\n" + "\n".join(PARAGRAPHS)


def _codes(article: Article) -> list[str]:
    return [w.code for w in article.warnings]


def test_a_text_cut_inside_its_last_letter_is_kept_without_the_half_letter(
    tmp_path: Path,
) -> None:
    text = ARTICLE.rstrip(".")
    data = text.encode()
    assert len(text[-1].encode()) == 2
    batch = extract(write(tmp_path / "cut.txt", data[:-1]))
    assert not batch.rejections
    (article,) = batch.articles
    assert _codes(article) == ["truncated-character"]
    assert article.warnings[0].offset == len(data) - 2
    assert article.body.endswith(PARAGRAPHS[-1].rstrip(".")[:-1])
    assert "\ufffd" not in article.body


def test_a_utf16_text_cut_at_an_odd_byte_is_kept(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-16")
    (article,) = extract(write(tmp_path / "cut16.txt", data[:-1])).articles
    assert _codes(article) == ["truncated-character"]
    assert article.title == TITLE


def test_a_few_isolated_bad_bytes_become_replacement_characters(tmp_path: Path) -> None:
    data = bytearray(ARTICLE.encode())
    spots = [300, 600]
    for spot in spots:
        while data[spot] < 0xC0:  # hit the first byte of an Arabic letter
            spot += 1
        data[spot] = 0xFF
    batch = extract(write(tmp_path / "flipped.txt", bytes(data)))
    assert not batch.rejections
    (article,) = batch.articles
    (warning,) = article.warnings
    assert warning.code == "replaced-bytes" and warning.offset is not None
    assert warning.offset >= 300 and "byte" in warning.message
    assert article.body.count("\ufffd") >= 2
    assert article.title == TITLE


def test_a_run_of_bad_bytes_that_could_hide_a_word_is_rejected_with_the_reason(
    tmp_path: Path,
) -> None:
    data = ARTICLE.encode()
    damaged = data[:300] + bytes([0xFF, 0xFE, 0xFD, 0xFC, 0xFB]) + data[300:]
    batch = extract(write(tmp_path / "run.txt", damaged))
    assert not batch.articles
    (rejection,) = batch.rejections
    assert rejection.reason == "encoding" and "byte 300" in rejection.message


def test_more_than_one_percent_bad_bytes_is_rejected(tmp_path: Path) -> None:
    data = bytearray(ARTICLE.encode())
    for spot in range(50, len(data), 60):  # ~1.7 % of the bytes, one at a time
        data[spot] = 0xFF
    batch = extract(write(tmp_path / "many.txt", bytes(data)))
    assert not batch.articles
    assert batch.rejections[0].reason == "encoding"


def test_a_page_nested_thousands_deep_gives_its_text(tmp_path: Path) -> None:
    depth = 5000
    html = (
        f"<html><head><title>{TITLE}</title></head><body>" + "<div>" * depth
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * depth + "</body></html>"
    )  # fmt: skip
    batch = extract(write(tmp_path / "deep.html", html))
    assert not batch.rejections
    (article,) = batch.articles
    assert "deep-html" in _codes(article)
    assert PARAGRAPHS[1][:40] in article.body
    assert article.title == TITLE


def test_a_page_nested_a_few_hundred_deep_is_read_as_usual(tmp_path: Path) -> None:
    html = (
        f"<html><head><title>{TITLE}</title></head><body>" + "<div>" * 300
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 300 + "</body></html>"
    )  # fmt: skip
    (article,) = extract(write(tmp_path / "deep300.html", html)).articles
    assert PARAGRAPHS[1][:40] in article.body


def test_a_cut_gzip_of_json_lines_yields_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": f"{TITLE} {i}", "text": "\n".join(PARAGRAPHS)}, ensure_ascii=False)
        for i in range(40)
    ]
    packed = gzip.compress(("\n".join(lines) + "\n").encode())
    batch = extract(write(tmp_path / "cut.jsonl.gz", packed[: len(packed) * 3 // 4]))
    assert 0 < len(batch.articles) < 40
    (rejection,) = batch.rejections
    assert rejection.reason == "truncated"
    assert f"the {len(batch.articles)} lines before the cut" in rejection.message


def test_a_cut_gzip_text_keeps_the_text_before_the_cut(tmp_path: Path) -> None:
    packed = gzip.compress(ARTICLE.encode())
    batch = extract(write(tmp_path / "cut.txt.gz", packed[:-12]))  # the trailer and a bit
    assert not batch.rejections
    (article,) = batch.articles
    assert "truncated-gzip" in _codes(article)
    assert article.title == TITLE


def test_a_json_line_with_a_bad_byte_is_repaired(tmp_path: Path) -> None:
    line = json.dumps({"title": TITLE, "text": "\n".join(PARAGRAPHS)}, ensure_ascii=False)
    data = bytearray(line.encode())
    spot = data.index("المستشفى".encode())
    data[spot] = 0xFF
    (article,) = extract(write(tmp_path / "bad.jsonl", bytes(data) + b"\n")).articles
    assert _codes(article) == ["replaced-bytes"]


def test_noise_that_decodes_is_not_an_article(tmp_path: Path) -> None:
    batch = extract(
        write(tmp_path / "u.txt", "u\n\n"),
        write(tmp_path / "digits.txt", "12\n\n3 4 5 ... 6\n"),
        write(tmp_path / "title-only.txt", f"{TITLE}\n"),
        write(tmp_path / "one-letter-title.txt", "u\n\n" + "\n".join(PARAGRAPHS)),
    )
    assert not batch.articles
    assert len(batch.rejections) == 4
    assert all(r.reason == "empty" and "no article text" in r.message for r in batch.rejections)


def test_warnings_survive_the_json_record() -> None:
    article = Article(title=TITLE, body="نص", warnings=[Salvage("replaced-bytes", "m", 12)])
    again = Article.from_json(article.to_json())
    assert again.warnings == article.warnings
    old = article.to_dict()
    del old["warnings"]  # a record written before warnings existed
    assert Article.from_dict(old).warnings == []


def test_a_utf16_or_utf32_page_is_read_as_a_page(tmp_path: Path) -> None:
    html = (
        f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    )  # fmt: skip
    for codec in ("utf-16", "utf-32"):
        (article,) = extract(write(tmp_path / f"{codec}.html", html.encode(codec))).articles
        assert article.title == TITLE and "<p>" not in article.body


def test_lines_of_many_long_words_do_not_stall_the_furniture_stage(tmp_path: Path) -> None:
    import time

    # ten long words of HTML source read as text: the «X - Y» list pattern used to try every
    # way of splitting them (0.1 s a line: a minute here)
    words = " ".join(w * 2 for w in PARAGRAPHS[0].split()[:8])
    lines = "\n".join(f'<meta property="og:title" content="{words} {i}"/>' for i in range(400))
    began = time.monotonic()
    batch = extract(write(tmp_path / "source.txt", f"{TITLE}\n\n{lines}\n\n{PARAGRAPHS[1]}"))
    assert batch.articles and time.monotonic() - began < 25


def test_a_warc_page_with_a_bad_byte_is_repaired_and_flagged(tmp_path: Path) -> None:
    from .builders import page, warc_bytes

    payload = bytearray(page().encode())
    spot = payload.index(PARAGRAPHS[1][:10].encode())
    payload[spot] = 0xFF
    data = warc_bytes([("https://news.example/a", "text/html; charset=utf-8", bytes(payload))])
    (article,) = extract(write(tmp_path / "crawl.warc.gz", data)).articles
    assert "replaced-bytes" in _codes(article)


def test_the_entries_of_a_cut_gzip_feed_say_the_file_was_cut(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>{TITLE} {i}</title><description>{PARAGRAPHS[i % 3]}</description></item>"
        for i in range(30)
    )
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}'
    packed = gzip.compress((feed + "</channel></rss>").encode())
    batch = extract(write(tmp_path / "feed.xml.gz", packed[: len(packed) * 2 // 3]))
    assert batch.articles
    assert all("truncated-gzip" in _codes(a) for a in batch.articles)


def test_a_feed_with_a_garbled_encoding_name_is_rejected_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    feed = b'<?xml version="1.0" encoding="\x84\x85"?><rss><channel><item><title>x</title>'
    batch = extract(write(tmp_path / "bad.xml", feed), write(tmp_path / "ok.txt", ARTICLE))
    assert len(batch.articles) == 1
    (rejection,) = batch.rejections
    assert rejection.reason == "malformed" and "bad.xml" in rejection.source
