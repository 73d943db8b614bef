"""Load on the web app: concurrent clients against a local ``marsad serve`` over ANT.

    python benchmarks/bench_web.py [--limit N] [--requests 10000] [--clients 50] [--workers 2]
                                   [--threads 1] [--order arrival] [--zipf 1.0] [--warmup 0]
                                   [--rate 0] [--no-uncached]
                                   [--db build/bench_web.db]

Builds the archive from the ANT multisource file (all of it, or the first ``--limit`` rows;
ingest + stories) unless ``--db`` already exists, starts ``marsad serve`` on 127.0.0.1 (a free
port, ``--workers`` processes), then ``--clients`` concurrent keep-alive clients send
``--requests`` requests: search pages, article pages, API search, API article and entity pages,
in the proportions of :data:`MIX`, over thousands of distinct URLs (queries from a fixed list
and from the archive's titles, articles and entities sampled with a fixed seed) drawn with a
Zipf-like popularity. Every answer must be a complete 200 HTML page or JSON document.

With ``--rate R`` the requests arrive at R per second instead, whatever the answers (an open
loop: the latency users see at that traffic, each request timed from when it was due, so a
wait for a free connection counts); by default every client sends its next request as soon as
the last is answered (a closed loop: the server saturated, and latency ~ clients / throughput).

Prints p50/p95/p99 latency per kind and overall, throughput, errors, the CPU per request of
the server and of the load client, and the share of pages served from the page cache; then
runs the same requests again with every cache off (``--no-uncached`` skips that).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "انتخابات", "الانتخابات البرلمانية", '"مجلس الأمن"', "ترامب", "النفط أسعار", "سوريا",
    "كأس العالم", "اقتصاد*", "الحوثيين اليمن", "ايران OR تركيا", "فلسطين القدس", "السعودية",
]  # fmt: skip
MIX = {"search": 35, "article": 35, "api_search": 10, "api_article": 10, "entity": 10}
#: Distinct articles, entities and title words (queries) the requests draw from.
ARTICLES, ENTITIES, QUERIES_FROM_TITLES = 5000, 300, 1000


def build(db: Path, limit: int | None) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import ant_rows

    from marsad.archive import Archive

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ant.jsonl.gz"
        with gzip.open(source, "wt", encoding="utf-8") as fh:
            for row in ant_rows(limit=limit):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        began = time.monotonic()
        with Archive(db) as archive:
            report = archive.ingest([source])
        print(f"built {db}: {report.summary()} ({time.monotonic() - began:.0f} s)")


def upgrade(db: Path) -> None:
    """Give an archive built by an older Marsad what a server reads precomputed: opening it
    migrates it (facet rows), story assignment stores the missing «read also» lists, and the
    term spans of snippets are filled (what ``marsad ingest`` does)."""
    from marsad.archive import Archive
    from marsad.archive.prepare import fill_spans

    with Archive(db) as archive:
        began = time.monotonic()
        if filled := fill_spans(archive.store):
            print(f"stored the term spans of {filled} articles"
                  f" ({time.monotonic() - began:.0f} s)")  # fmt: skip
        missing = archive.store.select(
            "SELECT count(*) FROM articles a LEFT JOIN related_lists r ON r.article_id = a.id"
            " WHERE r.article_id IS NULL"
        )[0][0]
        if missing:
            began = time.monotonic()
            archive.build_stories()
            print(f"stored the «read also» lists of {missing} articles"
                  f" ({time.monotonic() - began:.0f} s)")  # fmt: skip


def targets(db: Path, seed: int) -> dict[str, list[str]]:
    """The URLs each kind of request draws from, in a random (seeded) order of popularity."""
    from marsad.archive import Archive

    rng = random.Random(seed)
    with Archive(db) as archive:
        rows = archive.store.select("SELECT id, title FROM articles ORDER BY id")
        names = archive.store.select(
            "SELECT max(name), type, count(*) FROM entities GROUP BY key, type"
            " ORDER BY 3 DESC, 1 LIMIT ?",
            [ENTITIES],
        )
    print(f"archive {db}: {len(rows)} articles")
    ids = [str(r[0]) for r in rng.sample(rows, min(ARTICLES, len(rows)))]
    titles = rng.sample(rows, min(QUERIES_FROM_TITLES, len(rows)))
    words = [w for r in titles for w in str(r[1]).split()[:2] if len(w) > 3]
    queries = list(dict.fromkeys(QUERIES + words))
    rng.shuffle(queries)
    entities = [f"/entity/{quote(str(n), safe='')}?type={t}" for n, t, _ in names]
    rng.shuffle(entities)
    return {
        "search": [f"/search?q={quote(q)}" for q in queries],
        "article": [f"/article/{i}" for i in ids],
        "api_search": [f"/api/search?q={quote(q)}" for q in queries],
        "api_article": [f"/api/articles/{i}" for i in ids],
        "entity": entities,
    }


def plan_requests(
    urls: dict[str, list[str]], n: int, seed: int, zipf: float
) -> list[tuple[str, str]]:
    """``n`` requests: a kind by :data:`MIX`, then a URL of that kind by popularity rank.

    Page popularity on news sites is roughly Zipf-like: the URL of rank ``r`` is drawn with
    weight ``1 / r ** zipf`` (``--zipf 0``: uniform over all URLs).
    """
    rng = random.Random(seed)
    kinds = [k for k in MIX if urls[k]]
    chosen = rng.choices(kinds, weights=[MIX[k] for k in kinds], k=n)
    weights = {k: list(accumulate(1 / (r + 1) ** zipf for r in range(len(urls[k])))) for k in kinds}
    return [(k, rng.choices(urls[k], cum_weights=weights[k])[0]) for k in chosen]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    db: Path,
    port: int,
    workers: int,
    threads: int,
    cache: float,
    page_mb: float,
    order: str = "arrival",
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--host",
               "127.0.0.1", "--port", str(port), "--workers", str(workers),
               "--threads", str(threads), "--cache-seconds", str(cache),
               "--page-cache-mb", str(page_mb), "--order", order]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, env={**os.environ})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urlopen(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


class BadResponse(Exception):
    """A response that is not a complete, well-formed 200 page or JSON document."""


class Connection:
    """One keep-alive HTTP/1.1 connection: a lean client, so that the load generator, which
    shares the cores with the server, spends little CPU per request (httpx spends several
    times more). Reads every body in full (Content-Length or chunked)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii")
        for attempt in range(2):
            fresh = self.writer is None
            if self.reader is None or self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(request)
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if fresh or attempt:  # a reused connection may have been closed by the server
                    raise
                continue
            return await self._rest(self.reader, head)
        raise BadResponse("no response")

    async def _rest(
        self, reader: asyncio.StreamReader, head: bytes
    ) -> tuple[int, dict[bytes, bytes], bytes]:
        lines = head[:-4].split(b"\r\n")
        parts = lines[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
            raise BadResponse(f"bad status line {lines[0][:60]!r}")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        if b"content-length" in headers:
            body = await reader.readexactly(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            chunks = []
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            await reader.readuntil(b"\r\n")
            body = b"".join(chunks)
        else:
            raise BadResponse("neither Content-Length nor chunked")
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return int(parts[1]), headers, body


def check(kind: str, status: int, headers: dict[bytes, bytes], body: bytes) -> None:
    """Raise unless this is a whole 200 answer of the expected type."""
    if status != 200:
        raise BadResponse(str(status))
    kind_of = headers.get(b"content-type", b"")
    if kind.startswith("api_"):
        if not kind_of.startswith(b"application/json"):
            raise BadResponse(f"content-type {kind_of!r}")
        json.loads(body)
    elif not kind_of.startswith(b"text/html") or not body.rstrip().endswith(b"</html>"):
        raise BadResponse("not a whole HTML page")


@dataclass
class Results:
    latencies: dict[str, list[float]]
    errors: dict[str, int]
    hits: int
    wall: float
    client_cpu: float


async def drive(
    host: str,
    port: int,
    plan: list[tuple[str, str]],
    clients: int,
    *,
    quiet: bool = False,
    rate: float = 0.0,
) -> Results:
    """Send ``plan`` over ``clients`` connections: each sends its next request as soon as its
    last is answered (``rate`` 0: a closed loop, the server saturated), or requests arrive at
    ``rate`` per second whatever the answers, and each is timed from when it was due, waiting
    for a free connection included (an open loop: the latency users see at that traffic)."""
    latencies: dict[str, list[float]] = {k: [] for k in MIX}
    errors: dict[str, int] = dict.fromkeys(MIX, 0)
    statuses: Counter[str] = Counter()
    hits = 0
    work: Any = iter(plan)
    if rate > 0:
        work = asyncio.Queue()
        start = time.perf_counter()

        async def arrivals() -> None:
            for n, item in enumerate(plan):
                due = start + n / rate
                if (wait := due - time.perf_counter()) > 0:
                    await asyncio.sleep(wait)
                work.put_nowait((*item, due))
            for _ in range(clients):
                work.put_nowait(None)

    async def items() -> Any:
        if rate <= 0:
            for kind, path in work:
                yield kind, path, time.perf_counter()
            return
        while (item := await work.get()) is not None:
            yield item

    async def worker() -> None:
        nonlocal hits
        connection = Connection(host, port)
        async for kind, path, began in items():
            try:
                status, headers, body = await connection.get(path)
                check(kind, status, headers, body)
                hits += headers.get(b"x-marsad-cache") == b"hit"
                ok = True
            except (OSError, asyncio.IncompleteReadError, BadResponse, ValueError) as exc:
                ok = False
                statuses[f"{type(exc).__name__} {exc} {path[:60]}"] += 1
                connection.close()
            latencies[kind].append((time.perf_counter() - began) * 1000)
            errors[kind] += not ok
        connection.close()

    cpu, began = time.process_time(), time.perf_counter()
    feeding = [arrivals()] if rate > 0 else []
    await asyncio.gather(*feeding, *(worker() for _ in range(clients)))
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    for what, n in statuses.most_common(10):
        print(f"error{' (warm-up)' if quiet else ''}: {what} x{n}")
    return Results(latencies, errors, hits, wall, cpu)


def tree_cpu(pid: int) -> float | None:
    """CPU seconds used so far by a process and its descendants (Linux /proc; else None)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    except (OSError, ValueError):
        return None
    family, total, grew = {pid}, 0, True
    while grew:
        more = {p for p, (parent, _) in stats.items() if parent in family} - family
        family |= more
        grew = bool(more)
    total = sum(stats[p][1] for p in family if p in stats)
    return total / ticks


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(
    args: argparse.Namespace,
    plan: list[tuple[str, str]],
    cache: float,
    warmup: list[tuple[str, str]],
) -> Results:
    port = free_port()
    page_mb = args.page_cache_mb if cache > 0 else 0.0
    server = start_server(args.db, port, args.workers, args.threads, cache, page_mb, args.order)
    try:
        time.sleep(args.settle)  # let the workers finish warming (entity variants)
        if warmup:
            run_loop(drive("127.0.0.1", port, warmup, args.clients, quiet=True))
        before = tree_cpu(server.pid)
        results = run_loop(drive("127.0.0.1", port, plan, args.clients, rate=args.rate))
        after = tree_cpu(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(args, results, cache, None if before is None or after is None else after - before)
    return results


def run_loop(coroutine: Coroutine[Any, Any, Results]) -> Results:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def report(args: argparse.Namespace, r: Results, cache: float, server_cpu: float | None) -> None:
    n = sum(len(v) for v in r.latencies.values())
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cached = f"cache {cache:g} s, page cache {args.page_cache_mb:g} MiB" if cache else "no cache"
    if cache and args.warmup:
        cached += f", after {args.warmup} warm-up requests"
    if args.rate > 0:
        cached += f", arriving at {args.rate:g}/s (open loop)"
    print(f"{n} requests, {args.clients} clients, {args.workers} server processes"
          f" x {args.threads} threads, {args.order} order, {cached},"
          f" {os.cpu_count()} cores (load {load:.2f} at the end): {r.wall:.1f} s,"
          f" {n / r.wall:.0f} requests/s")  # fmt: skip
    server = f"server {server_cpu / n * 1000:.2f} ms" if server_cpu is not None else "server ?"
    print(f"CPU per request: {server}, load client {r.client_cpu / n * 1000:.2f} ms;"
          f" page cache hits {r.hits / n:.1%}")  # fmt: skip
    print(f"{'kind':<12} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    kinds = [k for k in MIX if r.latencies[k]]
    every = [v for k in kinds for v in r.latencies[k]]
    for kind, values in [*((k, r.latencies[k]) for k in kinds), ("all", every)]:
        n_errors = sum(r.errors.values()) if kind == "all" else r.errors[kind]
        print(f"{kind:<12} {len(values):>6} {n_errors:>6} {percentile(values, 50):>8.1f}"
              f" {percentile(values, 95):>8.1f} {percentile(values, 99):>8.1f}")  # fmt: skip


def main() -> None:
    from marsad.web.order import ORDERS

    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench_web.db")
    parser.add_argument("--limit", type=int, default=None, help="ANT rows when building [all]")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--threads", type=int, default=1, help="server threads per process")
    parser.add_argument(
        "--order", choices=ORDERS, default="arrival",
        help="the server's --order: reads answered as they came, or kept pages first",
    )  # fmt: skip
    parser.add_argument(
        "--warmup", type=int, default=0,
        help="requests sent first and not measured (same mix, another seed): a server that has"
        " been up a while",
    )  # fmt: skip
    parser.add_argument(
        "--rate", type=float, default=0.0,
        help="requests arriving per second whatever the answers, timed from when each was due"
        " (0: every client sends again as soon as answered, the server saturated)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zipf", type=float, default=1.0, help="popularity skew (0: uniform)")
    parser.add_argument("--cache-seconds", type=float, default=300.0, help="0: no caches")
    parser.add_argument("--page-cache-mb", type=float, default=64.0, help="0: no page cache")
    parser.add_argument(
        "--settle", type=float, default=15.0,
        help="seconds between the server answering and the load (it merges entity name"
        " variants in a thread as it starts)",
    )  # fmt: skip
    parser.add_argument(
        "--uncached", action=argparse.BooleanOptionalAction, default=True,
        help="also run with every cache off (--cache-seconds 0), and print both",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.limit)
    upgrade(args.db)
    urls = targets(args.db, args.seed)
    plan = plan_requests(urls, args.requests, args.seed, args.zipf)
    print(f"distinct URLs: {len(set(plan))} of {args.requests} requests"
          f" ({', '.join(f'{k} {len(v)}' for k, v in urls.items())} to draw from,"
          f" zipf {args.zipf:g})")  # fmt: skip
    warmup = plan_requests(urls, args.warmup, args.seed + 1, args.zipf) if args.warmup else []
    runs = [run(args, plan, args.cache_seconds, warmup)]
    if args.uncached and args.cache_seconds > 0:
        runs.append(run(args, plan, 0.0, []))
    if any(sum(r.errors.values()) for r in runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
