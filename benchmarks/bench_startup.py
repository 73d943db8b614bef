"""How long the command line takes to answer: each ``--help`` and one article through ``extract``.

    python benchmarks/bench_startup.py [--runs 5] [--top 15]

Runs every command as a user would (a new process each time), prints each run's wall time and
the median, checks them against the limits (``--help`` 0.3 s, ``extract`` of one article 1 s),
then the modules ``python -X importtime -c "import marsad.cli"`` spends most time on. The CPU
time of each command (user + system, median) is printed beside: on a busy machine the wall time
waits for the cores, the CPU time is close to what an idle machine's wall time would be.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "text" / "amman-hospital.txt"
HELP_LIMIT = 0.3
EXTRACT_LIMIT = 1.0


def marsad() -> list[str]:
    """The ``marsad`` command beside this Python (the virtual environment's), else ``-m``."""
    script = Path(sys.executable).with_name("marsad")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "marsad.cli"]


def commands() -> list[str]:
    """The names of marsad's commands and of their subcommands (``eval ner``), asked of click."""
    code = (
        "import click\nfrom marsad.cli import main\n"
        "ctx = click.Context(main)\n"
        "for name in main.list_commands(ctx):\n"
        "    print(name)\n"
        "    command = main.get_command(ctx, name)\n"
        "    if isinstance(command, click.Group):\n"
        "        for sub in command.list_commands(ctx):\n"
        "            print(name, sub)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


#: The environment of the timed runs: Python writes and reads its bytecode, as an installed
#: Marsad does (with PYTHONDONTWRITEBYTECODE set, every run compiles the package afresh).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def report(label: str, argv: list[str], runs: int, limit: float) -> bool:
    runs_ = [timed(argv) for _ in range(runs)]
    median = statistics.median(w for w, _ in runs_)
    cpu = statistics.median(c for _, c in runs_)
    verdict = "ok" if median < limit else f"OVER {limit} s"
    each = " ".join(f"{w:.3f}" for w, _ in runs_)
    print(f"{label:<30} median {median:.3f} s  cpu {cpu:.3f} s  ({each})  {verdict}")
    return median < limit


def import_times(top: int) -> None:
    """The slowest modules (cumulative microseconds) of ``import marsad.cli``."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import marsad.cli"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows: list[tuple[int, str]] = []
    for line in run.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    print(f'\npython -X importtime -c "import marsad.cli": the {top} slowest (cumulative)')
    for micros, name in rows[:top]:
        print(f"{micros / 1000:9.1f} ms {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    base = marsad()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{' '.join(base)}: {args.runs} runs each; load average {load} on {os.cpu_count()} cores")
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("PYTHONDONTWRITEBYTECODE is set here: the timed runs go without it (bytecode cached)")
    timed([*base, "--help"])  # a first run writes the bytecode the timed ones read
    ok = report("--help", [*base, "--help"], args.runs, HELP_LIMIT)
    for name in commands():
        words = name.split()
        ok &= report(f"{name} --help", [*base, *words, "--help"], args.runs, HELP_LIMIT)
    extract = [*base, "extract", str(ARTICLE)]
    ok &= report(f"extract {ARTICLE.name}", extract, args.runs, EXTRACT_LIMIT)
    import_times(args.top)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
