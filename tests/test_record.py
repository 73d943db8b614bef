from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad import (
    Amount,
    Article,
    DateMention,
    Entity,
    Event,
    Mention,
    Quote,
    RecordError,
    Role,
    StageFailure,
)

from .conftest import SHARED


def full_article() -> Article:
    body = "قال الوزير إن الكويت قدمت 100 مليون دولار اليوم."
    return Article(
        id="abc",
        url="https://example.org/a",
        source="example.org",
        published="2020-05-15",
        title="الوزير يتحدث",
        lead="ملخص",
        body=body,
        boilerplate=["شارك"],
        author="كاتب",
        entities=[
            Entity(
                id="e1",
                type="PER",
                name="الوزير",
                latin=None,
                honorifics=["الشيخ"],
                roles=[Role(title="وزير", of="e2", text="الوزير")],
                mentions=[Mention("body", 4, 10, "الوزير")],
            ),
            Entity(id="e2", type="GPE", name="الكويت", latin="Kuwait"),
        ],
        quotes=[Quote("e1", "الوزير", "قال", "indirect", False, body[14:], "body", 14, len(body))],
        amounts=[Amount("100 مليون دولار", 1e8, "USD", "exact", "body", 26, 41)],
        dates=[DateMention("اليوم", "2020-05-15", "gregorian", True, "body", 42, 47)],
        events=[
            Event("aid", Mention("body", 21, 25, "قدمت"), agent="e2", amount=0, date="2020-05-15")
        ],
        errors=[StageFailure("quotes", "boom")],
    )


def test_round_trip_through_json_is_lossless() -> None:
    article = full_article()
    again = Article.from_json(article.to_json())
    assert again == article
    assert again.to_dict() == article.to_dict()


def test_spans_of_the_test_record_point_at_their_text() -> None:
    article = full_article()
    spans = list(article.spans())
    assert len(spans) == 5
    for where, field, start, end, text in spans:
        assert article.field_text(field)[start:end] == text, where


def test_top_level_keys_follow_the_contract() -> None:
    keys = list(Article().to_dict())
    contract = [
        "id", "url", "source", "published", "language", "title", "lead", "body",
        "boilerplate", "entities", "quotes", "amounts", "dates", "events", "errors",
    ]  # fmt: skip
    assert [k for k in keys if k in contract] == contract
    assert "raw" not in keys


def test_contract_keys_match_record_md() -> None:
    record_md = SHARED / "RECORD.md"
    if not record_md.exists():
        pytest.skip("needs ../shared/RECORD.md")
    text = record_md.read_text(encoding="utf-8")
    # keys are the names followed by a colon, or listed bare inside braces ({"field", "start"})
    keys = re.findall(r'(?:^|[{,]\s?)\s*"([a-z_]+)"(?=\s*[:,}])', text.split("```")[1], re.M)
    documented = set(keys) - {"percent"}  # an example unit value, listed like a key
    assert documented and documented <= _keys(full_article().to_dict())


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "not json",
        '{"entities": [{"id": 1}]}',
        '{"quotes": "x"}',
        '{"events": [{"type": "x"}]}',
    ],
)
def test_bad_records_raise_record_error(text: str) -> None:
    with pytest.raises(RecordError):
        Article.from_json(text)


def test_unknown_keys_are_ignored_so_newer_records_still_load() -> None:
    data = full_article().to_dict() | {"future_key": 1}
    assert Article.from_dict(data) == full_article()


def test_record_schema_file_is_current(tmp_path: Path) -> None:
    from marsad.schema import article_schema

    current = json.loads((Path(__file__).parent.parent / "docs" / "record.schema.json").read_text())
    assert current == article_schema(), "run: python -m marsad.schema > docs/record.schema.json"
