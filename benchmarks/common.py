"""Paths and small helpers shared by the benchmark scripts."""

from __future__ import annotations

import gzip
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FLOORS = ROOT / "benchmarks" / "floors.toml"


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"needs {path} (the shared data folder beside the project)")
    return path


def floors() -> dict[str, Any]:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))


def ant_rows(
    name: str = "ant-multisource-2018", limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of an ANT corpus file, in file order."""
    path = need(DATA / "news" / f"{name}.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)
