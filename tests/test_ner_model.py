"""The shipped NER model folder: its word tables match what the features expect."""

from __future__ import annotations

from marsad.ner.features import WordTables, sentence_features
from marsad.ner.tagger import default_tagger


def test_shipped_clusters_have_three_granularities() -> None:
    tables = default_tagger().tables
    sizes = {len(ids) for ids in tables.clusters.values()}
    assert sizes == {3}
    assert len(tables.clusters) > 50_000


def test_news_types_say_type_and_frequency() -> None:
    values = list(default_tagger().tables.news_types.values())
    assert len(values) > 1000
    for value in values:
        kind, level = value.split(":")
        assert kind in {"PERS", "ORG", "LOC", "MISC"}
        assert level in {"h", "m", "l"}


def test_features_carry_every_cluster_granularity_and_the_news_type() -> None:
    tables = WordTables({"الكويت": ("1", "2", "3")}, {"الكويت": "LOC:h"})
    feats = sentence_features(["زار", "الكويت", "أمس"], tables)
    assert {"c0=1", "c1=2", "c2=3", "news=LOC:h"} <= set(feats[1])
    assert {"-1:news=LOC:h", "-1:c0=1"} <= set(feats[2])


def test_tagger_finds_a_person_after_an_honorific_and_a_place() -> None:
    words = ["وقال", "الشيخ", "أحمد", "الناصر", "في", "الكويت", "أمس"]
    tags = default_tagger().tag(words)
    assert tags[2] == "B-PERS"
    assert tags[5] == "B-LOC"


def test_tagging_leaves_out_only_features_the_model_has_no_weight_for() -> None:
    tagger = default_tagger()
    known = tagger.tables.known
    assert known is not None and "bias" in known
    full = WordTables(tagger.tables.clusters, tagger.tables.news_types)  # as in training
    words = [
        "وأكد",
        "وزير",
        "الخارجية",
        "الكويتي",
        "الشيخ",
        "أحمد",
        "ناصر",
        "المحمد",
        "الصباح",
        "في",
        "بيروت",
    ]
    every = sentence_features(words, full)
    kept = sentence_features(words, tagger.tables)
    for all_feats, some in zip(every, kept, strict=True):
        assert set(some) == {f for f in all_feats if f in known}
    assert sum(map(len, kept)) < sum(map(len, every))
    tagger.forget_recent()
    assert tagger.tag(words) == tagger._crf.tag(every)
