"""The CRF sees what the name lexicon and the known organizations say of a token and its neighbours."""

from __future__ import annotations

from marsad.ner.features import WordTables, sentence_features


def _names(feats: list[str]) -> set[str]:
    return {f for f in feats if "name=" in f}


def test_given_name_and_surname_are_marked_on_the_token_and_its_neighbours() -> None:
    feats = sentence_features(["وصرح", "مايك", "بومبيو", "للصحفيين"], WordTables({}, {}))
    assert "m=name=given" in _names(feats[1])
    assert {"m=name=surname", "-1:m=name=given"} <= _names(feats[2])
    assert {"-1:m=name=surname", "-2:m=name=given"} <= _names(feats[3])
    assert not {f for f in _names(feats[0]) if f.startswith("m=")}


def test_a_name_is_found_behind_a_conjunction_or_proclitics_with_its_article() -> None:
    feats = sentence_features(["وكارلوس", "والقحطاني", "ومحمد"], WordTables({}, {}))
    assert "m=name=given" in feats[0]
    assert "m=name=surname" in feats[1]
    assert "m=name=given" in feats[2]


def test_common_words_and_definite_nouns_are_not_marked_as_names() -> None:
    feats = sentence_features(["الكتاب", "في", "المكتبة"], WordTables({}, {}))
    for token in feats:
        assert not {f for f in token if f.startswith("m=name")}


def test_a_known_organization_is_marked_like_a_gazetteer_place() -> None:
    feats = sentence_features(["وانتقد", "حلف", "الناتو", "سياسة", "الكويت"], WordTables({}, {}))
    assert "org=B" in feats[1] and "1:org=I" in feats[1]
    assert "org=I" in feats[2] and "-1:org=B" in feats[2]
    assert "gaz=B" in feats[4] and "-1:org=I" not in feats[4]
    assert not {f for f in feats[3] if f.startswith(("org=", "gaz="))}
