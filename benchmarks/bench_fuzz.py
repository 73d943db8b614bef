"""Damaged input, by the thousand: nothing crashes, nothing is lost without a reason.

    python benchmarks/bench_fuzz.py --inputs N --seed S [--batch B] [--big K] [--cli K]

Makes N damaged files from real data (ANT rows of ``../shared/data/news``, the CNN page of
``../shared/data/html``, the sample of ``../shared/samples``): truncation at random bytes, byte
flips and insertions, NUL bytes, mixed and wrong encodings, UTF-16 and byte-order marks, broken
WARC headers and lengths, cut gzip, broken feeds and JSON lines, deep nesting, very long lines,
random bytes, zero-length files, and ``--big`` files of 100 MB (default: one, when N is 10,000
or more; they count once, not once per thousand). Each batch of B files is written to a temporary
folder, run through ``extract`` file by file and ``ingest``-ed into one fresh SQLite archive, in
this process through the library (``--cli K`` also runs ``marsad extract`` on K of the files).

Prints inputs, records, rejections by reason, salvaged records by warning, stage failures,
crashes (any traceback), peak RSS and wall time, and checks that the archive holds exactly the
records the ingest reported, with ``PRAGMA integrity_check`` = ok. The exit code is 1 on any
crash, stage failure, rejection without a reason or archive mismatch.
"""

from __future__ import annotations

import argparse
import codecs
import faulthandler
import gzip
import json
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import DATA, ROOT, need

from marsad.archive import Archive
from marsad.extract import iter_extract
from marsad.inputs import Rejection
from marsad.inputs.reader import READER_ERROR
from marsad.pipeline import Pipeline

SAMPLE = ROOT.parent / "shared" / "samples" / "kuwait-coalition-meeting.txt"
PAGE = DATA / "html" / "cnn-arabic-2013" / "page.html"
#: ANT rows read from each corpus file (the pool the inputs are made from).
ROWS_PER_CORPUS = 1500
BIG = 100 * 2**20
#: Seconds after which an input is reported as slow (with where it is stuck) and kept.
SLOW = 30.0
#: How much of an ANT row's text an input keeps (characters, at a paragraph end).
TEXT_SIZES = (400, 800, 1500, 3000)

Made = tuple[str, bytes]  # (file name, content)


@dataclass(slots=True)
class Seeds:
    """The real data the damaged inputs are made from."""

    rows: list[dict[str, Any]]
    page: bytes
    sample: bytes

    @classmethod
    def load(cls) -> Seeds:
        rows: list[dict[str, Any]] = []
        for name in ("ant-multisource-2018", "ant-jawharafm"):
            with gzip.open(need(DATA / "news" / f"{name}.jsonl.gz"), "rt", encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if i >= ROWS_PER_CORPUS:
                        break
                    rows.append(json.loads(line))
        return cls(rows, need(PAGE).read_bytes(), need(SAMPLE).read_bytes())


class Maker:
    """Damaged inputs, each of a kind drawn at random (``KINDS``), deterministic by seed."""

    def __init__(self, seeds: Seeds, rng: random.Random) -> None:
        self.seeds = seeds
        self.r = rng
        self.kinds: list[tuple[str, Callable[[], Made]]] = [
            (name, getattr(self, "m_" + name.replace("-", "_"))) for name in KINDS
        ]

    # -- sound material --------------------------------------------------------------------

    def row(self) -> dict[str, Any]:
        """An ANT row, its text kept to its first paragraphs (the damage is what is tested;
        the pipeline's cost grows with the text)."""
        row = dict(self.r.choice(self.seeds.rows))
        text = str(row.get("text") or "")
        keep = self.r.choice(TEXT_SIZES)
        if len(text) > keep:
            cut = text.rfind("\n", 0, keep)
            row["text"] = text[: cut if cut > 0 else keep]
        return row

    def text(self) -> str:
        if self.r.random() < 0.1:
            return self.seeds.sample.decode("utf-8")
        row = self.row()
        return f"{row.get('title') or ''}\n\n{row.get('text') or ''}"

    def html(self) -> str:
        if self.r.random() < 0.3:
            return self.seeds.page.decode("utf-8", "replace")
        row = self.row()
        paragraphs = "".join(f"<p>{p}</p>\n" for p in str(row.get("text") or "").split("\n"))
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{row.get("title")}</title>'
            f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{row.get('title')}"
            f"</h1>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
        )

    def jsonl(self, n: int = 0, **fields: Any) -> bytes:
        """n ANT rows (1-6 at random when 0) as JSON lines, ``fields`` set in each."""
        rows = [dict(self.row(), **fields) for _ in range(n or self.r.randint(1, 6))]
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{_esc(r.get('title'))}</title><link>{_esc(r.get('url'))}</link>"
            f"<description>{_esc(r.get('text'))}</description></item>"
            for r in (self.row() for _ in range(self.r.randint(1, 4)))
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>أخبار</title><link>https://news.example/</link>{items}</channel></rss>"
        )

    def warc(self) -> bytes:
        out = b""
        for i in range(self.r.randint(1, 3)):
            payload = self.html().encode() if self.r.random() < 0.7 else self.text().encode()
            media = b"text/html; charset=utf-8" if payload.startswith(b"<") else b"text/plain"
            http = b"HTTP/1.1 200 OK\r\nContent-Type: " + media + b"\r\n\r\n" + payload
            out += (
                b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/"
                + str(i).encode()
                + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
                + str(len(http)).encode()
                + b"\r\n\r\n"
                + http
                + b"\r\n\r\n"
            )
        return out

    def any_sound(self) -> Made:
        pick = self.r.randrange(5)
        if pick == 0:
            return "a.txt", self.text().encode()
        if pick == 1:
            return "a.html", self.html().encode()
        if pick == 2:
            return "a.jsonl", self.jsonl()
        if pick == 3:
            return "a.xml", self.feed().encode()
        return "a.warc", self.warc()

    # -- damage -----------------------------------------------------------------------------

    def cut(self, data: bytes) -> bytes:
        return data[: self.r.randrange(max(1, len(data)))]

    def m_truncate(self) -> Made:
        name, data = self.any_sound()
        return name, self.cut(data)

    def m_truncate_last_char(self) -> Made:
        data = self.text().rstrip(" .\n").encode()
        return "cutchar.txt", data[:-1]

    def m_flip(self) -> Made:
        name, data = self.any_sound()
        buf = bytearray(data)
        for _ in range(self.r.choice((1, 1, 2, 3, 5, 20, 200))):
            if buf:
                buf[self.r.randrange(len(buf))] ^= 1 << self.r.randrange(8)
        return name, bytes(buf)

    def m_insert(self) -> Made:
        name, data = self.any_sound()
        for _ in range(self.r.choice((1, 2, 4, 30))):
            at = self.r.randrange(len(data) + 1)
            data = data[:at] + self.r.randbytes(self.r.randint(1, 6)) + data[at:]
        return name, data

    def m_nul(self) -> Made:
        name, data = self.any_sound()
        at = self.r.randrange(len(data) + 1)
        return name, data[:at] + b"\x00" * self.r.randint(1, 8) + data[at:]

    def m_mixed_encoding(self) -> Made:
        text = self.text()
        half = self.r.randrange(len(text) + 1)
        return "mixed.txt", text[:half].encode() + text[half:].encode("cp1256", "replace")

    def m_wrong_encoding(self) -> Made:
        html = self.html().replace('charset="utf-8"', 'charset="windows-1256"')
        if self.r.random() < 0.5:
            return "wrong.html", html.encode()  # declared windows-1256, is UTF-8
        declared = html.replace('charset="windows-1256"', 'charset="utf-8"')
        codec = self.r.choice(("cp1256", "iso8859_6", "cp720", "latin-1"))
        return "wrong.html", declared.encode(codec, "replace")  # declared UTF-8, is not

    def m_utf16(self) -> Made:
        text = self.r.choice((self.text(), self.html()))
        codec = self.r.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"))
        data = text.encode(codec)
        if self.r.random() < 0.4:
            data = self.cut(data)
        if self.r.random() < 0.2:  # a BOM that lies
            data = self.r.choice((codecs.BOM_UTF16_LE, codecs.BOM_UTF8)) + text.encode(
                "cp1256", "replace"
            )
        return "u16.txt", data

    def m_broken_warc(self) -> Made:
        data = self.warc()
        pick = self.r.randrange(5)
        if pick == 0:  # a Content-Length that lies
            data = data.replace(b"Content-Length: ", b"Content-Length: 9", 1)
        elif pick == 1:
            data = data.replace(b"Content-Length: ", b"Content-Length: -", 1)
        elif pick == 2:  # a broken header line
            data = data.replace(b"WARC-Type: response", b"WARC-Type response\x00", 1)
        elif pick == 3:
            data = self.cut(data)
        else:
            data = data.replace(b"WARC/1.0", b"WARC/9.x", 1)
        return "bad.warc", gzip.compress(data) if self.r.random() < 0.3 else data

    def m_cut_gzip(self) -> Made:
        name, data = self.any_sound()
        packed = gzip.compress(data)
        return name + ".gz", self.cut(packed) if self.r.random() < 0.9 else packed[:-4]

    def m_broken_feed(self) -> Made:
        feed = self.feed()
        pick = self.r.randrange(4)
        if pick == 0:
            feed = feed.replace("</item>", "", 1)
        elif pick == 1:
            feed = feed.replace("&amp;", "&").replace("<title>", "<title>& <", 1)
        elif pick == 2:
            feed = feed[: self.r.randrange(len(feed))]
        else:
            feed = feed.replace("<rss", "<rss><rss", 1).replace("<item>", "<item><item>")
        return "feed.xml", feed.encode()

    def m_damaged_url(self) -> Made:
        """Addresses urllib refuses (a bracket opening an IPv6 host never closed, a stray
        bracket) in a feed, a WARC header or a JSON line."""
        bad = self.r.choice(("http://[news.example/", "https://a]b/", "http://[::1/", "http://["))
        pick = self.r.randrange(3)
        if pick == 0:
            return "url.xml", self.feed().replace("https://news.example/", bad).encode()
        if pick == 1:
            return "url.warc", self.warc().replace(b"https://news.example/", bad.encode())
        return "url.jsonl", self.jsonl(self.r.randint(1, 3), url=bad)

    def m_broken_jsonl(self) -> Made:
        lines = self.jsonl(self.r.randint(2, 6)).split(b"\n")
        pick = self.r.randrange(7)
        at = self.r.randrange(len(lines))
        if pick == 0:
            lines[at] = self.cut(lines[at])
        elif pick == 1:
            lines[at] = lines[at].replace(b'"', b"", 3)
        elif pick == 2:
            lines[at] = b'{"title": 12, "text": ["a", {"b": null}], "src": false}'
        elif pick == 3:
            lines[at] = b"[" * 100_000 + b"]" * 100_000
        elif pick == 4:
            lines[at] = b'"just a string"'
        elif pick == 5:  # half a character: valid JSON that decodes to a lone surrogate
            lines[at] = lines[at].replace(b'"text": "', b'"text": "\\udc06 ', 1)
        else:
            lines[at] = b'{"title": "\\ud800 \\u0000", "text": "\\x"}'
        return "bad.jsonl", b"\n".join(lines)

    def m_deep_nesting(self) -> Made:
        depth = self.r.choice((300, 2500, 20_000))
        row = self.row()
        body = "".join(f"<p>{p}</p>" for p in str(row.get("text") or "").split("\n"))
        html = (
            f"<html><head><title>{row.get('title')}</title></head><body>"
            + "<div>" * depth + body + ("</div>" * depth if self.r.random() < 0.7 else "")
            + "</body></html>"
        )  # fmt: skip
        return "deep.html", html.encode()

    def m_long_line(self) -> Made:
        text = self.text().replace("\n", " ")
        size = self.r.choice((100_000, 300_000, 1_000_000))
        return "long.txt", (text * (size // max(1, len(text)) + 1))[:size].encode()

    def m_random_bytes(self) -> Made:
        return "noise.bin", self.r.randbytes(self.r.randint(1, 4000))

    def m_zero_length(self) -> Made:
        return self.r.choice(("empty.txt", "empty.html", "empty.jsonl", "empty.gz")), b""

    def m_broken_html(self) -> Made:
        html = self.html()
        pick = self.r.randrange(4)
        if pick == 0:
            html = html.replace("</p>", "").replace("</article>", "")
        elif pick == 1:
            html = html.replace("<article>", "<article><script>", 1)  # never closed
        elif pick == 2:
            html = html.replace("<", "<<", 5).replace(">", ">>", 5)
        else:
            html = html.replace("<html>", "<html>" + "<!--" * 50, 1)
        return "broken.html", html.encode()


KINDS: tuple[str, ...] = (
    "truncate", "truncate-last-char", "flip", "insert", "nul", "mixed-encoding",
    "wrong-encoding", "utf16", "broken-warc", "cut-gzip", "broken-feed", "broken-jsonl",
    "damaged-url", "deep-nesting", "long-line", "random-bytes", "zero-length", "broken-html",
)  # fmt: skip


def _esc(value: Any) -> str:
    return str(value or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def big_inputs(folder: Path, count: int) -> Iterator[Path]:
    """``count`` files of 100 MB: a text, then a gzip that inflates to 100 MB of text."""
    for i in range(count):
        if i % 2 == 0:
            path = folder / f"big{i}.txt"
            with path.open("wb") as fh:
                block = ("خبر عاجل عن الاقتصاد والسياسة " * 2000 + "\n").encode()
                for _ in range(BIG // len(block) + 1):
                    fh.write(block)
        else:
            path = folder / f"big{i}.txt.gz"
            with gzip.open(path, "wb", compresslevel=1) as gz:
                chunk = ("نص " * 50_000 + "\n").encode()
                for _ in range(BIG // len(chunk) + 1):
                    gz.write(chunk)
        yield path


@dataclass(slots=True)
class Tally:
    inputs: int = 0
    records: int = 0
    rejections: Counter[str] = field(default_factory=Counter)
    salvaged: Counter[str] = field(default_factory=Counter)
    stage_failures: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    reasonless: list[str] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    ingest_new: int = 0
    ingest_duplicate: int = 0
    ingest_unchanged: int = 0
    ingest_rejected: int = 0
    slowest: tuple[float, str] = (0.0, "")

    def article(self, article: Any) -> None:
        self.records += 1
        for w in article.warnings:
            self.salvaged[w.code] += 1
        for e in article.errors:
            self.stage_failures[f"{e.stage}: {e.message[:80]}"] += 1

    def rejection(self, rejection: Rejection) -> None:
        self.rejections[rejection.reason or "(no reason)"] += 1
        if rejection.reason == READER_ERROR:  # a reader's bug, caught so the batch goes on
            self.stage_failures[f"reader: {rejection.message[:80]}"] += 1
        if not rejection.reason or not rejection.message.strip():
            self.reasonless.append(str(rejection))


def run_extract(paths: list[tuple[str, Path]], pipeline: Pipeline, tally: Tally) -> None:
    for kind, path in paths:
        began = time.monotonic()
        faulthandler.dump_traceback_later(SLOW, exit=False)  # where a stuck input is stuck
        try:
            for item in iter_extract([path], pipeline=pipeline):
                if isinstance(item, Rejection):
                    tally.rejection(item)
                else:
                    tally.article(item)
        except BaseException:
            tally.crashes.append(f"extract {kind} {path.name}:\n{traceback.format_exc()}")
            _keep(path)
        finally:
            faulthandler.cancel_dump_traceback_later()
        spent = time.monotonic() - began
        if spent > tally.slowest[0]:
            tally.slowest = (spent, f"{kind} {path.name} ({path.stat().st_size} bytes)")
        if spent > SLOW:
            _keep(path)


def run_ingest(archive: Archive, folder: Path, tally: Tally) -> None:
    faulthandler.dump_traceback_later(SLOW * 4, exit=False)
    try:
        report = archive.ingest([folder], workers=1)
    except BaseException:
        tally.crashes.append(f"ingest {folder.name}:\n{traceback.format_exc()}")
        return
    finally:
        faulthandler.cancel_dump_traceback_later()
    tally.ingest_new += report.new
    tally.ingest_duplicate += report.duplicate
    tally.ingest_unchanged += report.unchanged
    tally.ingest_rejected += len(report.rejections)
    tally.reasonless += [str(r) for r in report.rejections if not r.reason or not r.message]


KEPT = Path(tempfile.gettempdir()) / "marsad-fuzz-crashes"


def _keep(path: Path) -> None:
    KEPT.mkdir(exist_ok=True)
    shutil.copy(path, KEPT / path.name)


def run_cli(paths: list[Path], tally: Tally) -> None:
    """``marsad extract`` as a user runs it: no traceback on standard error, ever."""
    marsad = Path(sys.executable).parent / "marsad"
    for path in paths:
        done = subprocess.run(
            [str(marsad), "extract", str(path), "--format", "jsonl", "-o", "/dev/null"],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if "Traceback" in done.stderr or done.returncode not in (0, 1):
            tally.crashes.append(f"cli {path.name} (exit {done.returncode}):\n{done.stderr}")
            _keep(path)


def check_archive(db: Path, tally: Tally) -> list[str]:
    """What is wrong with the archive: its counts against the ingest's, its integrity."""
    problems = []
    with sqlite3.connect(db) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        sources = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
        failed = con.execute(
            "SELECT count(*) FROM articles WHERE json_array_length(record, '$.errors') > 0"
        ).fetchone()[0]
    if integrity != "ok":
        problems.append(f"PRAGMA integrity_check: {integrity}")
    if articles != tally.ingest_new:
        problems.append(
            f"archive holds {articles} articles, the ingest reported {tally.ingest_new} new"
        )
    if sources != tally.ingest_new + tally.ingest_duplicate:
        problems.append(
            f"archive holds {sources} article sources, the ingest reported "
            f"{tally.ingest_new} new + {tally.ingest_duplicate} duplicate"
        )
    stored = tally.ingest_new + tally.ingest_duplicate + tally.ingest_unchanged
    if stored != tally.records:
        problems.append(f"extract gave {tally.records} records, ingest {stored}")
    if failed:
        problems.append(f"{failed} archived records with a stage failure")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500, help="files per folder ingested")
    parser.add_argument(
        "--big", type=int, default=None, help="100 MB files (default: 1 if N >= 10,000)"
    )
    parser.add_argument("--cli", type=int, default=5, help="files also run through marsad extract")
    parser.add_argument(
        "--until", metavar="HH:MM", help="stop making inputs at this UTC time (report what ran)"
    )
    args = parser.parse_args(argv)
    faulthandler.register(signal.SIGUSR1)  # kill -USR1 shows where a run is
    big = args.big if args.big is not None else (1 if args.inputs >= 10_000 else 0)
    began = time.monotonic()
    rng = random.Random(args.seed)
    maker = Maker(Seeds.load(), rng)
    pipeline = Pipeline()
    tally = Tally()
    cli_every = max(1, args.inputs // max(1, args.cli)) if args.cli else 0
    with tempfile.TemporaryDirectory(prefix="marsad-fuzz-") as tmp:
        root = Path(tmp)
        db = root / "archive.db"
        with Archive(str(db)) as archive:
            made = 0
            batch_no = 0
            while made < args.inputs and not _past(args.until):
                folder = root / f"batch{batch_no:05d}"
                folder.mkdir()
                paths: list[tuple[str, Path]] = []
                for _ in range(min(args.batch, args.inputs - made)):
                    kind, make = rng.choice(maker.kinds)
                    name, data = make()
                    path = folder / f"{made:06d}-{kind}-{name}"
                    path.write_bytes(data)
                    paths.append((kind, path))
                    tally.by_kind[kind] += 1
                    made += 1
                if batch_no == 0 and big:
                    paths += [("big", p) for p in big_inputs(folder, big)]
                tally.inputs += len(paths)
                run_extract(paths, pipeline, tally)
                run_ingest(archive, folder, tally)
                if cli_every:
                    run_cli([p for i, (_, p) in enumerate(paths) if i % cli_every == 0][:1], tally)
                shutil.rmtree(folder)
                batch_no += 1
                print(f"  … {made} inputs, {time.monotonic() - began:.0f} s", file=sys.stderr)
        problems = check_archive(db, tally)
    seconds = time.monotonic() - began
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    report(tally, problems, seconds, rss, args, big)
    failed = tally.crashes or tally.stage_failures or tally.reasonless or problems
    return 1 if failed else 0


def _past(until: str | None) -> bool:
    if not until:
        return False
    hour, minute = (int(part) for part in until.split(":"))
    now = time.gmtime()
    return (now.tm_hour, now.tm_min) >= (hour, minute)


def report(
    tally: Tally, problems: list[str], seconds: float, rss_kb: int, args: Any, big: int
) -> None:
    stopped = f", stopped at {args.until} UTC" if tally.by_kind.total() < args.inputs else ""
    print(f"bench_fuzz --inputs {args.inputs} --seed {args.seed} ({big} of 100 MB{stopped})")
    print(f"inputs:          {tally.inputs}")
    print(f"records:         {tally.records}")
    print(f"rejections:      {sum(tally.rejections.values())}")
    for reason, n in tally.rejections.most_common():
        print(f"  {reason:<14} {n}")
    print(f"salvaged:        {sum(tally.salvaged.values())} warnings")
    for code, n in tally.salvaged.most_common():
        print(f"  {code:<20} {n}")
    print(f"stage failures:  {sum(tally.stage_failures.values())}")
    for what, n in tally.stage_failures.most_common(10):
        print(f"  {n} × {what}")
    print(f"crashes:         {len(tally.crashes)}")
    for crash in tally.crashes[:5]:
        print("  " + crash.replace("\n", "\n  "))
    print(f"reason-less:     {len(tally.reasonless)}")
    print(
        f"ingest:          {tally.ingest_new} new, {tally.ingest_duplicate} duplicate, "
        f"{tally.ingest_unchanged} unchanged, {tally.ingest_rejected} rejected"
    )
    print(f"archive:         {'intact, counts match' if not problems else '; '.join(problems)}")
    print(f"slowest input:   {tally.slowest[0]:.2f} s, {tally.slowest[1]}")
    print(f"peak RSS:        {rss_kb / 1024:.0f} MB")
    print(f"wall time:       {seconds:.1f} s ({tally.inputs / max(seconds, 1e-9):.1f} inputs/s)")
    print("inputs by kind:  " + ", ".join(f"{k} {n}" for k, n in sorted(tally.by_kind.items())))


if __name__ == "__main__":
    sys.exit(main())
