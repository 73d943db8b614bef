"""Silver (machine-labelled) sentences for the CRF: capped, and never held-out ANERcorp text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from marsad.ner.conll import read_conll

from .conftest import DATA, need

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from build_ner_model import silver_sentences

OWN = [
    (
        ["وصل", "وفد", "من", "بلدية", "صفاقس", "إلى", "تونس"],
        ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC"],
    ),
    (["قال", "سامي", "العلوي", "إن", "الطقس", "معتدل"], ["O", "B-PERS", "I-PERS", "O", "O", "O"]),
]


def _write(path: Path, sentences: list[tuple[list[str], list[str]]]) -> Path:
    lines = []
    for words, tags in sentences:
        lines += [f"{w} {t}" for w, t in zip(words, tags, strict=True)] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_silver_sentences_overlapping_anercorp_test_are_dropped(tmp_path: Path) -> None:
    test = read_conll(need(DATA / "anercorp" / "test.txt"))
    long = next(s for s in test if len(s[0]) > 15)
    silver = _write(tmp_path / "silver.conll", [OWN[0], long, OWN[1]])
    kept = silver_sentences(silver, 10, [])
    assert kept == OWN


def test_silver_sentences_are_capped(tmp_path: Path) -> None:
    need(DATA / "anercorp" / "test.txt")
    silver = _write(tmp_path / "silver.conll", OWN * 3)
    assert len(silver_sentences(silver, 4, [])) == 4
    held = [OWN[1]]  # a held-out dev sentence is dropped too
    assert silver_sentences(silver, 10, held) == [OWN[0]] * 3


@pytest.mark.parametrize("limit", [0])
def test_no_silver_at_a_zero_cap(tmp_path: Path, limit: int) -> None:
    need(DATA / "anercorp" / "test.txt")
    assert silver_sentences(_write(tmp_path / "s.conll", OWN), limit, []) == []


def test_silver_sentences_below_the_confidence_are_left_out(tmp_path: Path) -> None:
    need(DATA / "anercorp" / "test.txt")
    silver = _write(tmp_path / "silver.conll", OWN)
    (tmp_path / "silver.conll.conf").write_text("0.55\n0.97\n")
    assert silver_sentences(silver, 10, [], min_conf=0.9) == [OWN[1]]
    assert silver_sentences(silver, 10, []) == OWN


def test_merged_silver_adds_teacher_persons_only_where_the_crf_saw_nothing() -> None:
    from build_ner_model import merge_silver

    from marsad.ner.tagger import default_tagger

    tagger = default_tagger()
    words = ["وقال", "الشيخ", "أحمد", "الناصر", "في", "الكويت", "إن", "زيدون", "وصل"]
    crf = tagger.tag(words)
    assert crf[2] == "B-PERS" and crf[5] == "B-LOC" and crf[7] == "O"
    teacher = ["O", "O", "O", "O", "O", "B-PERS", "O", "B-PERS", "O"]
    [(_, merged)] = merge_silver(
        [(words, teacher)], tagger.folder / "ner.crfsuite", tagger.tables, {"PERS"}
    )
    assert merged[5] == "B-LOC"  # the CRF's place stays
    assert merged[2] == "B-PERS"  # and its person, which the teacher missed
    assert merged[7] == "B-PERS"  # the teacher's person over the CRF's O is added
