"""Load on the web app: concurrent clients against a local ``marsad serve`` over ANT.

    python benchmarks/bench_web.py [--limit 5000] [--requests 10000] [--clients 50]
                                   [--workers 2] [--db build/bench_web.db]

Builds the archive from the first ``--limit`` ANT rows (ingest + stories) unless ``--db``
already exists, starts ``marsad serve`` on 127.0.0.1 (a free port, ``--workers`` processes),
then ``--clients`` concurrent clients send ``--requests`` requests drawn from a fixed mix:
search pages, article pages, API search, API article, entity pages (queries from a fixed list
and from the archive's titles, articles and entities sampled with a fixed seed). Prints
p50/p95/p99 latency per kind and overall, throughput, and errors (any status but 200).
"""

from __future__ import annotations

import argparse
import asyncio
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
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "انتخابات", "الانتخابات البرلمانية", '"مجلس الأمن"', "ترامب", "النفط أسعار", "سوريا",
    "كأس العالم", "اقتصاد*", "الحوثيين اليمن", "ايران OR تركيا", "فلسطين القدس", "السعودية",
]  # fmt: skip
MIX = {"search": 35, "article": 35, "api_search": 10, "api_article": 10, "entity": 10}


def build(db: Path, limit: int) -> None:
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


def targets(db: Path, seed: int) -> dict[str, list[str]]:
    """The URLs each kind of request draws from."""
    from marsad.archive import Archive

    rng = random.Random(seed)
    with Archive(db) as archive:
        rows = archive.store.select("SELECT id, title FROM articles ORDER BY id")
        names = archive.store.select(
            "SELECT max(name), type, count(*) FROM entities GROUP BY key, type"
            " ORDER BY 3 DESC, 1 LIMIT 60"
        )
    ids = [str(r[0]) for r in rng.sample(rows, min(500, len(rows)))]
    words = [w for r in rng.sample(rows, min(200, len(rows))) for w in str(r[1]).split()[:2]]
    queries = QUERIES + [w for w in words if len(w) > 3][:100]
    return {
        "search": [f"/search?q={quote(q)}" for q in queries],
        "article": [f"/article/{i}" for i in ids],
        "api_search": [f"/api/search?q={quote(q)}" for q in queries],
        "api_article": [f"/api/articles/{i}" for i in ids],
        "entity": [f"/entity/{quote(str(n), safe='')}?type={t}" for n, t, _ in names],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int, cache: float) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--host",
               "127.0.0.1", "--port", str(port), "--workers", str(workers),
               "--cache-seconds", str(cache)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, env={**os.environ})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=2).is_success:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


async def drive(
    base: str, plan: list[tuple[str, str]], clients: int
) -> tuple[dict[str, list[float]], dict[str, int], float]:
    latencies: dict[str, list[float]] = {k: [] for k in MIX}
    errors: dict[str, int] = dict.fromkeys(MIX, 0)
    statuses: Counter[str] = Counter()
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            while not queue.empty():
                kind, path = queue.get_nowait()
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                    status = str(response.status_code)
                except httpx.HTTPError as exc:
                    ok, status = False, type(exc).__name__
                if not ok:
                    statuses[f"{status} {path[:60]}"] += 1
                latencies[kind].append((time.perf_counter() - began) * 1000)
                errors[kind] += not ok

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - began
    for what, n in statuses.most_common(10):
        print(f"error: {what} x{n}")
    return latencies, errors, wall


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench_web.db")
    parser.add_argument("--limit", type=int, default=5000, help="ANT rows when building")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache-seconds", type=float, default=300.0, help="0: no view cache")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.limit)
    urls = targets(args.db, args.seed)
    rng = random.Random(args.seed)
    kinds = [k for k in MIX if urls[k]]
    chosen = rng.choices(kinds, weights=[MIX[k] for k in kinds], k=args.requests)
    plan = [(k, rng.choice(urls[k])) for k in chosen]
    port = free_port()
    server = start_server(args.db, port, args.workers, args.cache_seconds)
    try:
        latencies, errors, wall = asyncio.run(drive(f"http://127.0.0.1:{port}", plan, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.requests} requests, {args.clients} clients, {args.workers} server processes,"
          f" cache {args.cache_seconds:g} s,"
          f" {os.cpu_count()} cores: {wall:.1f} s, {args.requests / wall:.0f} requests/s")  # fmt: skip
    print(f"{'kind':<12} {'n':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    every = [v for k in kinds for v in latencies[k]]
    for kind, values in [*((k, latencies[k]) for k in kinds), ("all", every)]:
        if not values:
            continue
        n_errors = sum(errors.values()) if kind == "all" else errors[kind]
        print(f"{kind:<12} {len(values):>6} {n_errors:>6} {percentile(values, 50):>8.1f}"
              f" {percentile(values, 95):>8.1f} {percentile(values, 99):>8.1f}")  # fmt: skip
    if sum(errors.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
