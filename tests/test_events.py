"""Events: the sample's four, argument linking, and an event type added as data only."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import Document, Pipeline, extract
from marsad.events import EventStage, Inventory, InventoryError, default_inventory

from .conftest import SAMPLE


def names(article: object) -> dict[str, str]:
    return {e.id: e.name for e in article.entities}  # type: ignore[attr-defined]


def test_the_sample_yields_its_four_gold_events() -> None:
    (article,) = extract(SAMPLE).articles
    n = names(article)
    by_type = {e.type: e for e in article.events}
    assert set(by_type) == {"meeting", "aid", "evacuation", "endorse"}
    meeting = by_type["meeting"]
    assert meeting.mode == "video_conference"
    assert n[meeting.agent or ""] == "الولايات المتحدة"
    everyone = {n[p] for p in meeting.participants}
    assert {"إيطاليا", "الكويت", "أحمد الناصر"} <= everyone
    aid = by_type["aid"]
    assert n[aid.agent or ""] == "الكويت"
    assert aid.amount is not None and article.amounts[aid.amount].unit == "USD"
    evacuation = by_type["evacuation"]
    assert n[evacuation.agent or ""] == "الكويت" and n[evacuation.target or ""] == "الناتو"
    assert evacuation.amount is not None
    assert article.amounts[evacuation.amount].qualifier == "more_than"
    endorse = by_type["endorse"]
    assert n[endorse.agent or ""] == "أحمد الناصر"
    assert n[endorse.target or ""] == "الحكومة العراقية"
    for event in article.events:
        t = event.trigger
        assert article.field_text(t.field)[t.start : t.end] == t.text


def test_the_meeting_date_is_the_publication_day_when_known() -> None:
    text = SAMPLE.read_text("utf-8")
    doc = Document(
        origin="mem",
        kind="fields",
        content=text.split("\n\n", 2)[2],
        title="اجتماع",
        published="2020-05-14",
    )
    article = Pipeline()(doc)
    meeting = next(e for e in article.events if e.type == "meeting")
    assert meeting.date == "2020-05-14"


def test_a_user_adds_an_event_type_with_data_only(tmp_path: Path) -> None:
    extra = tmp_path / "sports.toml"
    extra.write_text(
        """
[[event]]
type = "match"
nouns = ["مباراة", "مواجهة كروية"]
verbs = ["فاز", "تغلب"]
agent = ["after_verb", "before"]
target = true
target_types = ["ORG", "GPE"]
""",
        "utf-8",
    )
    inventory = default_inventory().merged(Inventory.load(extra))
    text = "فوز كبير\n\nفاز المنتخب السعودي على منتخب الكويت في مباراة ودية أمس."
    plain = Pipeline()(Document(origin="m", kind="text", content=text))
    assert "match" not in {e.type for e in plain.events}
    stages = [*Pipeline.DEFAULT[:-1], EventStage(inventory)]
    article = Pipeline(stages)(Document(origin="m", kind="text", content=text))
    assert "match" in {e.type for e in article.events}


def test_a_broken_inventory_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[event]]\nnouns = ["x"]\n', "utf-8")
    with pytest.raises(InventoryError, match="without a type"):
        Inventory.load(bad)
    bad.write_text('[[event]]\ntype = "x"\nagent = ["telepathy"]\n', "utf-8")
    with pytest.raises(InventoryError, match="unknown agent strategies"):
        Inventory.load(bad)


def test_condemn_and_attack() -> None:
    text = "إدانة\n\nأدانت وزارة الخارجية الهجوم الذي استهدف مسجدا في كابول وأسفر عن مقتل 20 شخصا."
    article = Pipeline()(Document(origin="m", kind="text", content=text))
    kinds = {e.type for e in article.events}
    assert {"condemn", "attack"} <= kinds
    attack = next(e for e in article.events if e.type == "attack")
    assert attack.amount is not None and article.amounts[attack.amount].value == 20
    # the ministry condemned the attack; it did not carry it out: no one is named for it
    assert attack.agent is None and attack.place is not None
