"""Accuracy floors pinned in benchmarks/floors.toml: figures may only go up."""

from __future__ import annotations

import tomllib

from marsad import extract
from marsad.evaluation import token_f1

from .conftest import DATA, ROOT, need

FLOORS = tomllib.loads((ROOT / "benchmarks" / "floors.toml").read_text(encoding="utf-8"))


def test_html_body_extraction_on_a_real_page_stays_above_its_floor() -> None:
    folder = need(DATA / "html" / "cnn-arabic-2013")
    (article,) = extract(folder / "page.html").articles
    score = token_f1(article.body, (folder / "expected.txt").read_text(encoding="utf-8"))
    assert score.f1 >= FLOORS["html_cnn_token_f1"], str(score)


def test_token_f1_measures_what_it_says() -> None:
    assert token_f1("أ ب ج", "أ ب ج").f1 == 1.0
    half = token_f1("أ ب", "أ ب ج د")
    assert (half.precision, half.recall) == (1.0, 0.5)
    assert token_f1("", "أ").f1 == 0.0
    assert token_f1("إيطاليا", "ايطاليا").f1 == 1.0, "compared after normalization"
