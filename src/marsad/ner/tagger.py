"""The shipped CRF tagger: load once, tag tokenized sentences with BIO labels.

The model and its word clusters are files in ``marsad/models/ner/`` built by
``scripts/build_ner_model.py`` from ``../shared/data``; nothing is downloaded.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..errors import MarsadError
from .features import WordTables, sentence_features

__all__ = ["MODEL_DIR", "Tagger", "default_tagger", "load_tables"]

MODEL_DIR = "models/ner"
MODEL_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"
#: How many recently tagged sentences a tagger remembers.
RECENT_SENTENCES = 20_000
NEWS_TYPES_FILE = "news_types.tsv.gz"


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def load_tables(folder: Path) -> WordTables:
    """The word clusters and news entity types shipped beside the model (tab-separated, gzipped)."""
    clusters = {word: tuple(ids) for word, *ids in _rows(folder / CLUSTER_FILE)}
    news = {row[0]: row[1] for row in _rows(folder / NEWS_TYPES_FILE)}
    return WordTables(clusters, news)


class Tagger:
    """A CRF over :func:`~marsad.ner.features.sentence_features`."""

    def __init__(self, folder: Path) -> None:
        model = folder / MODEL_FILE
        if not model.exists():
            raise MarsadError(f"no NER model at {model}: run scripts/build_ner_model.py")
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        known = frozenset(attribute for attribute, _ in self._crf.info().state_features)
        self.tables = replace(load_tables(folder), known=known)
        self.folder = folder
        self._recent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (PERS, ORG, LOC, MISC) for one tokenized sentence.

        Sentences seen recently are not tagged again: news repeats itself (agency copy
        syndicated across sites, standard sentences), and a CRF gives the same answer.
        """
        if not words:
            return []
        key = tuple(words)
        known = self._recent.get(key)
        if known is None:
            known = tuple(self._crf.tag(sentence_features(words, self.tables)))
            if len(self._recent) >= RECENT_SENTENCES:
                self._recent.pop(next(iter(self._recent)))
            self._recent[key] = known
        return list(known)

    def forget_recent(self) -> None:
        """Drop the remembered sentences (benchmarks timing fresh text do this)."""
        self._recent.clear()


@cache
def default_tagger() -> Tagger:
    """The tagger shipped in the package, loaded once per process."""
    folder = Path(str(resources.files("marsad").joinpath(MODEL_DIR)))
    return Tagger(folder)
