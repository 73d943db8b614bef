"""The shipped CRF tagger: load once, tag tokenized sentences with BIO labels.

The model and its word clusters are files in ``marsad/models/ner/`` built by
``scripts/build_ner_model.py`` from ``../shared/data``; nothing is downloaded.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..errors import MarsadError
from .features import sentence_features

__all__ = ["MODEL_DIR", "Tagger", "default_tagger", "load_clusters"]

MODEL_DIR = "models/ner"
MODEL_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at several granularities (tab-separated, gzipped)."""
    clusters: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return clusters
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids)
    return clusters


class Tagger:
    """A CRF over :func:`~marsad.ner.features.sentence_features`."""

    def __init__(self, folder: Path) -> None:
        model = folder / MODEL_FILE
        if not model.exists():
            raise MarsadError(f"no NER model at {model}: run scripts/build_ner_model.py")
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self.clusters = load_clusters(folder / CLUSTER_FILE)
        self.folder = folder

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (PERS, ORG, LOC, MISC) for one tokenized sentence."""
        if not words:
            return []
        labels: list[str] = self._crf.tag(sentence_features(words, self.clusters))
        return labels


@cache
def default_tagger() -> Tagger:
    """The tagger shipped in the package, loaded once per process."""
    folder = Path(str(resources.files("marsad").joinpath(MODEL_DIR)))
    return Tagger(folder)
