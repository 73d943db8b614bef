"""NewsFANE Gold read as ANERcorp-style sentences, and kept apart from held-out ANERcorp text."""

from __future__ import annotations

from pathlib import Path

from marsad.ner.conll import read_conll
from marsad.ner.newsfane import HeldOut, read_newsfane, rejoin_clitics

from .conftest import DATA, need


def test_clitic_tokens_are_glued_back_onto_their_word() -> None:
    words, tags = rejoin_clitics(
        ["و", "ل", "الوزير", "زار", "ب", "بغداد", "وفد", "ه"],
        ["O", "O", "O", "O", "O", "B-LOC", "O", "O"],
    )
    assert words == ["وللوزير", "زار", "ببغداد", "وفده"]
    assert tags == ["O", "O", "B-LOC", "O"]


def test_a_proclitic_that_opens_an_entity_hands_its_b_tag_on() -> None:
    words, tags = rejoin_clitics(["و", "سعيد", "الناصري"], ["B-PERS", "I-PERS", "I-PERS"])
    assert words == ["وسعيد", "الناصري"]
    assert tags == ["B-PERS", "I-PERS"]


def test_a_lone_clitic_letter_at_the_end_stays_a_token() -> None:
    assert rejoin_clitics(["قال", "و"], ["O", "O"]) == (["قال", "و"], ["O", "O"])


def test_reader_strips_marks_maps_fine_classes_and_respells_lam_lam(tmp_path: Path) -> None:
    lines = [
        "\u200eو\tO",
        "\u200eقال\tO",
        "\u200eمحمود\tB-Politician",
        "\u200eالراشد\tI-Politician",
        "\u200eلالاتحاد\tB-Sports",
        "\u200eالعراقيون\tB-Group",
        "\t",
        "\u200eفي\tO",
        "\u200eدجلة\tB-Water-Body",
    ]
    path = tmp_path / "fane.txt"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert read_newsfane(path) == [
        (
            ["وقال", "محمود", "الراشد", "للاتحاد", "العراقيون"],
            ["O", "B-PERS", "I-PERS", "B-ORG", "O"],
        ),
        (["في", "دجلة"], ["O", "B-LOC"]),
    ]


def test_held_out_text_is_recognized_in_normalized_split_spelling() -> None:
    held = HeldOut(
        [
            (
                [
                    "وأكد",
                    "رئيس",
                    "الوزراء",
                    "أن",
                    "الحكومة",
                    "ستعرض",
                    "مشروع",
                    "الموازنة",
                    "على",
                    "مجلس",
                    "النواب",
                ],
                ["O"] * 11,
            )
        ]
    )
    same = [
        "و",
        "اكد",
        "رئيس",
        "الوزراء",
        "ان",
        "الحكومة",
        "ستعرض",
        "مشروع",
        "الموازنة",
        "علي",
        "مجلس",
        "النواب",
    ]
    other = [
        "و",
        "افتتح",
        "المعرض",
        "الدولي",
        "للكتاب",
        "ابوابه",
        "امام",
        "الزوار",
        "صباح",
        "اليوم",
        "في",
        "العاصمة",
    ]
    assert held.share(same) == 1.0
    assert held.share(other) == 0.0


def test_newsfane_is_anercorp_text_and_test_sentences_can_be_kept_out() -> None:
    fane = read_newsfane(need(DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt"))
    assert len(fane) > 4700
    test = HeldOut(read_conll(need(DATA / "anercorp" / "test.txt")))
    overlapping = sum(test.share(words) > 0.1 for words, _ in fane)
    assert overlapping > 500  # why scripts/build_ner_model.py filters NewsFANE
