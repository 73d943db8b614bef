"""Shared paths and fixtures. Data in ../shared/data is optional: tests needing it skip."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLE = EXAMPLES / "text" / "kuwait-coalition-meeting.txt"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
GOLDEN = SHARED / "golden"


def need(path: Path) -> Path:
    """``path`` if it exists, else skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder beside the project)")
    return path


@pytest.fixture
def ant_multisource() -> Path:
    return need(DATA / "news" / "ant-multisource-2018.jsonl.gz")


@pytest.fixture
def golden_sample() -> Path:
    return need(GOLDEN / "kuwait-coalition-meeting.facts.json")
