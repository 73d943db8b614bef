"""The tagger loads what its model knows from the file beside it, and only if it is that model's."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pycrfsuite

from marsad.ner.tagger import ATTRIBUTES_FILE, MODEL_FILE, Tagger, default_tagger


def _model_attributes(folder: Path) -> frozenset[str]:
    crf = pycrfsuite.Tagger()
    crf.open(str(folder / MODEL_FILE))
    return frozenset(attribute for attribute, _ in crf.info().state_features)


def test_the_shipped_attributes_are_the_shipped_models() -> None:
    tagger = default_tagger()
    assert (tagger.folder / ATTRIBUTES_FILE).exists()
    assert tagger.tables.known == _model_attributes(tagger.folder)


def test_attributes_of_another_model_are_ignored(tmp_path: Path) -> None:
    shipped = default_tagger().folder
    for item in shipped.iterdir():
        shutil.copy(item, tmp_path / item.name)
    (tmp_path / ATTRIBUTES_FILE).write_bytes(gzip.compress(b"0000\nnot-an-attribute\n"))
    tagger = Tagger(tmp_path)
    assert "not-an-attribute" not in tagger.tables.known
    assert tagger.tables.known == _model_attributes(tmp_path)
    assert tagger.tag(["قال", "الرئيس", "باراك", "أوباما"])[2:] == ["B-PERS", "I-PERS"]
