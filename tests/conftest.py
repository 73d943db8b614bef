"""Shared paths and fixtures. Data in ../shared/data is optional: tests needing it skip."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.archive import Archive

from .pg import postgres_server

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


@pytest.fixture(scope="session")
def pg_base() -> Iterator[str]:
    """One throwaway PostgreSQL server for the whole run (each test makes its own database)."""
    try:
        with postgres_server() as url:
            yield url
    except RuntimeError as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    """An empty archive, once in a SQLite file and once in a fresh PostgreSQL database."""
    if request.param == "sqlite":
        location = str(tmp_path / "archive.db")
    else:
        import psycopg

        base = request.getfixturevalue("pg_base")
        name = f"t{next(_databases)}"
        with psycopg.connect(base + "/postgres", autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        location = f"{base}/{name}"
    with Archive(location) as opened:
        yield opened
