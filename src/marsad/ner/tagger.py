"""The shipped CRF tagger: load once, tag tokenized sentences with BIO labels.

The model and its word clusters are files in ``marsad/models/ner/`` built by
``scripts/build_ner_model.py`` from ``../shared/data``; nothing is downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite

from ..errors import MarsadError
from .features import WordTables, sentence_features

__all__ = ["MODEL_DIR", "Tagger", "default_tagger", "load_tables", "write_attributes"]

MODEL_DIR = "models/ner"
MODEL_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"
#: How many recently tagged sentences a tagger remembers.
RECENT_SENTENCES = 20_000
NEWS_TYPES_FILE = "news_types.tsv.gz"
#: The attributes the model knows, beside it: reading them from the model takes most of a
#: tagger's load (CRFsuite builds every weight as a Python object); the file's first line is
#: the model's SHA-256, and a file of another model is ignored.
ATTRIBUTES_FILE = "attributes.txt.gz"


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()


class _Clusters(Mapping[str, tuple[str, ...]]):
    """Word -> cluster ids, read from the file's text in one pass of the regular expression
    engine; a word's ids are split from their line when asked for (a tagger asks for the
    words of its articles, not the 107 k of the file)."""

    _ROW = re.compile(r"^([^\t\n]*)\t(.*)$", re.M)

    def __init__(self, text: str) -> None:
        self._rows: dict[str, str] = dict(self._ROW.findall(text))

    def __getitem__(self, word: str) -> tuple[str, ...]:
        return tuple(self._rows[word].split("\t"))

    def get(self, word: str, default: Any = None) -> Any:
        ids = self._rows.get(word)
        return default if ids is None else tuple(ids.split("\t"))

    def __contains__(self, word: object) -> bool:
        return word in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def load_tables(folder: Path) -> WordTables:
    """The word clusters and news entity types shipped beside the model (tab-separated, gzipped)."""
    path = folder / CLUSTER_FILE
    text = gzip.decompress(path.read_bytes()).decode("utf-8") if path.exists() else ""
    news = dict(line.split("\t", 1) for line in _lines(folder / NEWS_TYPES_FILE))
    return WordTables(_Clusters(text), news)


def _digest(model: Path) -> str:
    return hashlib.sha256(model.read_bytes()).hexdigest()


def write_attributes(folder: Path) -> Path:
    """Write the attributes file of the model in ``folder`` (build scripts call this)."""
    model = folder / MODEL_FILE
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    known = sorted({attribute for attribute, _ in crf.info().state_features})
    target = folder / ATTRIBUTES_FILE
    text = "\n".join([_digest(model), *known]) + "\n"
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return target


def _known(folder: Path, crf: pycrfsuite.Tagger) -> frozenset[str]:
    lines = _lines(folder / ATTRIBUTES_FILE)
    if lines and lines[0] == _digest(folder / MODEL_FILE):
        return frozenset(lines[1:])
    return frozenset(attribute for attribute, _ in crf.info().state_features)


class Tagger:
    """A CRF over :func:`~marsad.ner.features.sentence_features`."""

    def __init__(self, folder: Path) -> None:
        model = folder / MODEL_FILE
        if not model.exists():
            raise MarsadError(f"no NER model at {model}: run scripts/build_ner_model.py")
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        self.tables = replace(load_tables(folder), known=_known(folder, self._crf))
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
