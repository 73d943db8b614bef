"""The user's sample article, against the gold facts of ../shared/golden."""

from __future__ import annotations

import json
from pathlib import Path

from marsad import extract
from marsad.text import normalize

from .conftest import SAMPLE


def test_sample_title_lead_body_and_furniture() -> None:
    (article,) = extract(SAMPLE).articles
    paragraphs = article.body.split("\n\n")
    assert article.title.startswith("الناصر يترأس وفد الكويت")
    assert (
        article.lead
        == "شدد على العمل مع الشركاء الدوليين من أجل تضافر الجهود لمكافحة الإرهاب وتمويله"
    )
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("ترأس وزير الخارجية الشيخ الدكتور أحمد الناصر")
    assert paragraphs[-1].endswith("مع عدد من كبار المسؤولين في «الخارجية».")
    assert all(p == p.strip() and p for p in paragraphs)
    assert article.boilerplate == ["مستندات لها علاقة", "• شارك", "اقرأ أيضا"]


def test_sample_matches_the_gold_facts(golden_sample: Path) -> None:
    gold = json.loads(golden_sample.read_text(encoding="utf-8"))
    (article,) = extract(SAMPLE).articles
    body = gold["body"]
    assert normalize(article.title) == normalize(gold["title"])
    assert normalize(article.lead or "") == normalize(gold["subtitle"])
    assert len(article.body.split("\n\n")) == body["paragraphs"]
    assert article.body.startswith(body["starts_with"])
    assert article.body.endswith(body["ends_with"])
    removed = {normalize(b.strip("• ")) for b in article.boilerplate}
    assert {normalize(p) for p in body["page_furniture_removed"]} <= removed
    for phrase in body["page_furniture_removed"]:
        assert phrase not in article.body.split("\n\n")


def test_same_input_same_id_and_identical_text_same_id(tmp_path: Path) -> None:
    (first,) = extract(SAMPLE).articles
    (again,) = extract(SAMPLE).articles
    copy = tmp_path / "copy.txt"
    copy.write_text("\r\n" + SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"), "utf-8")
    (other,) = extract(copy).articles
    assert first.id == again.id == other.id
    assert other.source != first.source
