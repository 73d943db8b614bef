"""Accuracy floors pinned in benchmarks/floors.toml: figures may only go up."""

from __future__ import annotations

import gzip
import json
import tomllib
from pathlib import Path

from marsad import Pipeline, extract, extract_text
from marsad.errors import EmptyInputError
from marsad.evaluation import furniture_report, token_f1

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


def test_related_headlines_in_real_bodies_are_found(ant_multisource: Path) -> None:
    with gzip.open(ant_multisource, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    report = furniture_report((r.get("title") or "", r.get("text") or "") for r in rows)
    assert report.links > 500, "the corpus holds hundreds of inline links"
    assert report.link_recall >= FLOORS["ant_link_recall"], f"{report.link_recall:.3f}"
    related = [line for reason, line in report.samples if reason == "related"]
    assert any(line.startswith("اقرأ أيضا") for line in related)
    furniture_only = Pipeline(["clean", "furniture"])
    kept_markers: list[str] = []
    for body in (r["text"] for r in rows[:3000]):
        try:
            article = extract_text(f"عنوان\n\n{body}", pipeline=furniture_only)
        except EmptyInputError:  # nothing but furniture: rejected, so no marker is kept
            continue
        kept_markers += [
            line
            for line in article.body.split("\n\n")
            if line.startswith(("اقرأ أيضا", "للمزيد:", "*نقلاً عن"))
        ]
    assert kept_markers == []


def test_shipped_ner_tagger_on_anercorp_test_stays_above_its_floor() -> None:
    from marsad.ner.conll import read_conll, score
    from marsad.ner.tagger import default_tagger

    sentences = read_conll(need(DATA / "anercorp" / "test.txt"))
    tagger = default_tagger()
    predicted = [tagger.tag(words) for words, _ in sentences]
    micro = score([tags for _, tags in sentences], predicted)[-1]
    assert micro.label == "ALL"
    assert micro.f1 >= FLOORS["ner_anercorp_test_f1"], f"{micro.f1:.3f}"


def test_real_news_dev_set_facts_stay_above_their_floors() -> None:
    from marsad.facts.newsset import evaluate_news_set

    report = evaluate_news_set(need(DATA / "news" / "saudinewsnet-dev"))
    assert not report.failures
    totals = report.totals()
    low = {
        category: f"{totals[category].f1:.3f} < {floor}"
        for category, floor in FLOORS["saudinewsnet_dev_f1"].items()
        if totals[category].f1 < floor
    }
    assert not low, low
