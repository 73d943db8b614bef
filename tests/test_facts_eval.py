"""`marsad eval facts`: scoring gold-fact files, the sample and the project's own gold set."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import main
from marsad.facts import evaluate, load_gold, score_article
from marsad.record import Amount, Article

from .conftest import DATA, GOLDEN, ROOT, need

GOLD = ROOT / "gold"


def test_the_sample_scores_full_marks_on_quotes_amounts_events(golden_sample: Path) -> None:
    report = evaluate([golden_sample])
    assert not report.failures
    totals = report.totals()
    for category in ("quotes", "amounts", "events", "persons", "places"):
        assert totals[category].recall == 1.0, category
        assert totals[category].precision == 1.0, category


def test_scores_count_one_to_one() -> None:
    facts = {"amounts": [{"value": 5, "unit": "USD"}, {"value": 5, "unit": "USD"}]}
    article = Article(amounts=[Amount("5 دولار", 5, "USD", "exact", "body", 0, 7)])
    score = score_article(facts, article)["amounts"]
    assert (score.gold, score.found, score.predicted, score.correct) == (2, 1, 1, 1)


def test_the_command_prints_precision_and_recall() -> None:
    need(GOLDEN)
    result = CliRunner().invoke(main, ["eval", "facts", str(GOLDEN)])
    assert result.exit_code == 0, result.output
    assert "quotes" in result.output and "100.0%" in result.output


def test_the_command_says_what_it_could_not_score(tmp_path: Path) -> None:
    (tmp_path / "x.facts.json").write_text(json.dumps({"input": "missing.txt"}), "utf-8")
    result = CliRunner().invoke(main, ["eval", "facts", str(tmp_path)])
    assert result.exit_code != 0
    assert "missing.txt" in result.output


def test_the_gold_set_names_articles_and_holds_five_out() -> None:
    golds = [load_gold(p) for p in sorted(GOLD.glob("*.facts.json"))]
    assert len(golds) >= 15
    assert sum(g.held_out for g in golds) == 5
    for g in golds:
        assert "docno" in g.facts
        assert all(len(q["contains"].split()) <= 10 for q in g.facts["quotes"]), g.path


def test_the_gold_set_scores_on_the_corpus() -> None:
    corpus = need(DATA / "news" / "ant-multisource-2018.jsonl.gz")
    report = evaluate(sorted(GOLD.glob("*.facts.json")), corpus)
    assert not report.failures
    totals = report.totals(held_out=False)
    assert totals["amounts"].recall > 0.8
    assert totals["quotes"].recall > 0.4
