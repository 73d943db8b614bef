"""The entities stage: people with honorifics and roles, organizations and places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import Article, extract, extract_text
from marsad.entities import find_entities
from marsad.record import Entity
from marsad.text import normalize

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def sample() -> Article:
    (article,) = extract(SAMPLE).articles
    assert not article.errors
    return article


def named(article: Article, name: str) -> Entity:
    matches = [e for e in article.entities if normalize(e.name) == normalize(name)]
    assert len(matches) == 1, (name, [e.name for e in article.entities])
    return matches[0]


def test_sample_persons_with_honorifics_roles_and_countries(
    sample: Article, golden_sample: Path
) -> None:
    gold = json.loads(golden_sample.read_text(encoding="utf-8"))
    ids = {e.id: e for e in sample.entities}
    for person in gold["persons"]:
        entity = named(sample, person["name"])
        assert entity.type == "PER"
        assert entity.honorifics == person.get("honorifics", entity.honorifics)
        titles = {normalize(r.title) for r in entity.roles}
        assert normalize(person["role"]) in titles, (person["name"], titles)
        role = next(r for r in entity.roles if normalize(r.title) == normalize(person["role"]))
        assert role.of is not None and normalize(ids[role.of].name) == normalize(person["country"])
        assert len(entity.mentions) >= person.get("min_mentions", 1)
    persons = {normalize(e.name) for e in sample.entities if e.type == "PER"}
    assert len(persons) == len(gold["persons"])
    for wrong in gold["not_persons"]:
        assert normalize(wrong) not in persons
    for a, b in gold["distinct_persons"]:
        assert named(sample, a).id != named(sample, b).id


def test_sample_places_and_organizations(sample: Article, golden_sample: Path) -> None:
    gold = json.loads(golden_sample.read_text(encoding="utf-8"))
    for place in gold["places"]:
        entity = named(sample, place["name"])
        assert entity.type == ("GPE" if place["kind"] == "country" else "LOC")
    names = {normalize(e.name) for e in sample.entities if e.type == "ORG"}
    found = 0
    for org in gold["organizations"]:
        forms = {normalize(org["name"]), *(normalize(a) for a in org.get("also", []))}
        found += bool(forms & names)
    assert found >= 4, names


def test_surname_in_the_title_links_to_the_full_name(sample: Article) -> None:
    nasser = named(sample, "أحمد الناصر")
    assert nasser.mentions[0].field == "title"
    assert any(m.text == "الناصر" for m in nasser.mentions)


def test_latin_names(sample: Article) -> None:
    assert named(sample, "إيطاليا").latin == "Italy"
    assert named(sample, "الكويت").latin == "Kuwait"
    assert named(sample, "الناتو").latin == "NATO"
    assert named(sample, "مصطفى الكاظمي").latin == "Mustafa al-Kazmi"


def test_every_mention_points_at_its_text(sample: Article) -> None:
    assert sum(len(e.mentions) for e in sample.entities) > 20
    for where, field, start, end, text in sample.spans():
        assert sample.field_text(field)[start:end] == text, where


def entities_of(body: str) -> list[Entity]:
    return find_entities({"title": "", "lead": "", "body": body})


def by_name(entities: list[Entity], name: str) -> Entity:
    matches = [e for e in entities if normalize(e.name) == normalize(name)]
    assert matches, (name, [(e.name, e.type) for e in entities])
    return matches[0]


def test_women_and_clitic_forms() -> None:
    body = (
        "قالت مديرة المعهد الدكتورة هند المنصوري إن البرنامج سيبدأ في أبوظبي. "
        "وأضافت المنصوري أن الباحثين من مصر وبريطانيا وإيطاليا سيشاركون فيه."
    )
    entities = entities_of(body)
    hind = by_name(entities, "هند المنصوري")
    assert hind.type == "PER" and hind.honorifics == ["الدكتورة"]
    assert len(hind.mentions) == 2
    for place in ("مصر", "بريطانيا", "إيطاليا", "أبوظبي"):
        assert by_name(entities, place).type == "GPE"


def test_compound_names_and_foreign_names() -> None:
    body = (
        "استقبل الشيخ محمد بن زايد آل نهيان الأمين العام للأمم المتحدة أنطونيو غوتيريش في أبوظبي، "
        "فيما التقى الرئيس عبد الفتاح السيسي وزير الخارجية الأمريكي في القاهرة."
    )
    entities = entities_of(body)
    mbz = by_name(entities, "محمد بن زايد آل نهيان")
    assert mbz.type == "PER" and mbz.honorifics == ["الشيخ"]
    assert by_name(entities, "أنطونيو غوتيريش").type == "PER"
    assert by_name(entities, "عبد الفتاح السيسي").type == "PER"
    assert by_name(entities, "القاهرة").type == "GPE"


def test_organizations_with_acronyms_and_a_name_across_a_line_break() -> None:
    body = (
        "أعلنت منظمة الصحة العالمية (WHO) أن الحكومة الأردنية تسلمت شحنة لقاحات. "
        "وقال وزير الصحة الدكتور سامر\nالخطيب إن الشحنة وصلت إلى عمان."
    )
    entities = entities_of(body)
    assert by_name(entities, "منظمة الصحة العالمية").type == "ORG"
    assert by_name(entities, "الحكومة الأردنية").type == "ORG"
    khatib = by_name(entities, "سامر الخطيب")
    assert khatib.type == "PER" and khatib.mentions[0].text == "سامر\nالخطيب"
    assert [r.title for r in khatib.roles] == ["وزير الصحة"]


def test_shared_first_name_is_not_a_merge() -> None:
    body = (
        "التقى وزير الخارجية أحمد الناصر مع الوزير المفوض ناصر صبيح الصبيح في الكويت. "
        "وقال الناصر إن اللقاء كان مثمرا."
    )
    entities = entities_of(body)
    nasser = by_name(entities, "أحمد الناصر")
    assert len(nasser.mentions) == 2
    assert by_name(entities, "ناصر صبيح الصبيح").id != nasser.id


def test_bad_input_does_not_crash_or_go_quadratic() -> None:
    line = ("قال الوزير أحمد الناصر إن الكويت تدعم العراق " * 20000)[:1_000_000]
    entities = entities_of(line)
    assert by_name(entities, "الكويت").type == "GPE"
    for text in ("", "   ", "no arabic at all, just English text.", "%%%% ((( «« ---", "x" * 5000):
        assert isinstance(entities_of(text), list)
    article = extract_text("Title only in English\n\nBody in English with Obama and Paris.")
    assert not article.errors
