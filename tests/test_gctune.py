"""Garbage collection is collected less often while a batch runs, and restored after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad import extract, iter_extract
from marsad.gctune import BATCH_THRESHOLD, batch_collection


@pytest.fixture
def default_threshold() -> Iterator[tuple[int, int, int]]:
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*old)


def test_threshold_raised_inside_and_restored_after(
    default_threshold: tuple[int, int, int],
) -> None:
    with batch_collection():
        assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
    assert gc.get_threshold() == default_threshold


def test_restored_when_the_batch_fails(default_threshold: tuple[int, int, int]) -> None:
    with pytest.raises(RuntimeError), batch_collection():
        raise RuntimeError("boom")
    assert gc.get_threshold() == default_threshold


def test_a_disabled_or_sparser_setting_is_left_alone(
    default_threshold: tuple[int, int, int],
) -> None:
    gc.set_threshold(50_000, 10, 10)
    with batch_collection():
        assert gc.get_threshold()[0] == 50_000
    gc.set_threshold(0)
    with batch_collection():
        assert gc.get_threshold()[0] == 0


def test_extract_runs_with_sparse_collection_and_restores(
    tmp_path: Path, default_threshold: tuple[int, int, int]
) -> None:
    (tmp_path / "a.txt").write_text("عنوان الخبر\n\nقال الوزير إن الاجتماع انتهى.\n", "utf-8")
    seen = []
    for _ in iter_extract([tmp_path]):
        seen.append(gc.get_threshold()[0])
    assert seen == [BATCH_THRESHOLD]
    assert gc.get_threshold() == default_threshold
    assert len(extract(tmp_path)) == 1
    assert gc.get_threshold() == default_threshold
