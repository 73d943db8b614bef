"""Rebuild Marsad's NER model from ../shared/data (nothing is downloaded).

    python scripts/build_ner_model.py [--clusters] [--news-types | --news-types-from FILE]
        [--dev] [--out DIR]
        [--newsfane none|fresh|all] [--c1 C1] [--c2 C2] [--iterations N]
        [--silver FILE [--silver-max N] [--gold-repeat K]]

1. With ``--clusters``: tokenizes the ANT news corpora (10.7 M tokens) and ANERcorp
   train, trains fastText skip-gram vectors on them (needs the ``train`` extra:
   ``pip install -e '.[train]'``), and clusters the vocabulary with k-means at three
   granularities; writes ``clusters.tsv.gz``. Without it, the clusters already in the
   output folder are reused.
2. With ``--news-types``: trains a first CRF without them, tags 3.5 M tokens of the
   news with it, and keeps for each word seen at least 4 times its usual entity type
   when it is one at least 30 % of the time; writes ``news_types.tsv.gz``. With
   ``--news-types-from FILE`` the news are those of a machine-labelled CoNLL file (the
   teacher's reading of the ANT news, ``build_teacher.py label``) instead.
3. Trains the CRF (python-crfsuite, L-BFGS with elastic net) on ANERcorp train, or
   with ``--dev`` on train minus its last 600 sentences, scored on them (tuning).
   ``--newsfane`` adds NewsFANE Gold sentences: it is ANERcorp's own text annotated
   again (710 of its sentences are ANERcorp test ones, which are always left out), so
   ``fresh`` adds only the ~200 sentences train lacks and ``all`` the second annotation
   of train too. Neither helped on dev (micro-F1 73.8 and 71.9 against 74.0: NewsFANE
   has no MISC for currencies, religions or events), so the default is ``none``.
   ``--silver`` adds machine-labelled sentences (CoNLL, e.g. the teacher's labels of the
   ANT news from ``scripts/build_teacher.py label``): at most ``--silver-max`` of them
   (default all), never one overlapping a held-out ANERcorp sentence; ``--gold-repeat``
   appends the gold sentences K times, so that they weigh K times a silver one;
   ``--silver-min-conf`` keeps only the sentences the teacher was that sure of;
   ``--silver-base CRF`` relabels the silver sentences with that CRF and keeps from the
   teacher only its entities of ``--silver-types`` over words the CRF left as O.
4. Writes ``ner.crfsuite`` into ``--out`` (default: the package's
   ``src/marsad/models/ner/``; the clusters and news types are read from and written
   to the same folder, so experiments can work on a copy) and prints the scores on the
   held-out part (``--dev``) or on ANERcorp test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycrfsuite

from marsad.ner.conll import Sentence, entity_spans, read_conll, score
from marsad.ner.features import WordTables, sentence_features
from marsad.ner.newsfane import HeldOut, read_newsfane
from marsad.ner.tagger import (
    CLUSTER_FILE,
    MODEL_FILE,
    NEWS_TYPES_FILE,
    load_tables,
    write_attributes,
)
from marsad.text import normalize, tokenize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "marsad" / "models" / "ner"
DEV_SENTENCES = 600
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
#: A NewsFANE sentence sharing more than this of its letters with a held-out ANERcorp
#: sentence (test, or the dev part) is left out: NewsFANE is ANERcorp's text annotated again.
HELD_OUT_SHARE = 0.1
#: With ``--newsfane fresh``, a sentence sharing this much with ANERcorp train is not new.
FRESH_SHARE = 0.5
CLUSTER_SIZES = (64, 256, 1024)
MIN_COUNT = 3
NEWS_TOKENS = 3_500_000


def corpus_file(folder: Path) -> Path:
    """The unlabelled text, one tokenized paragraph a line (ANT news + ANERcorp train words)."""
    path = folder / "corpus.txt"
    with path.open("w", encoding="utf-8") as out:
        for name in ("ant-multisource-2018", "ant-jawharafm"):
            with gzip.open(DATA / "news" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    for part in (row.get("title") or "", row.get("text") or ""):
                        for para in part.split("\n"):
                            words = [t.text for t in tokenize(para)]
                            if words:
                                out.write(" ".join(words) + "\n")
        for words, _ in read_conll(DATA / "anercorp" / "train.txt"):
            out.write(" ".join(words) + "\n")
    return path


def build_clusters(target: Path) -> None:
    import fasttext
    import numpy as np
    from sklearn.cluster import MiniBatchKMeans

    with tempfile.TemporaryDirectory() as tmp:
        corpus = corpus_file(Path(tmp))
        counts = Counter(w for line in corpus.open(encoding="utf-8") for w in line.split())
        start = time.time()
        model = fasttext.train_unsupervised(
            str(corpus), model="skipgram", dim=100, epoch=5, minCount=MIN_COUNT, thread=2,
            minn=2, maxn=5, verbose=0,
        )  # fmt: skip
        print(f"fastText trained in {time.time() - start:.0f} s", file=sys.stderr)
    words = sorted({normalize(w) for w, n in counts.items() if n >= MIN_COUNT and normalize(w)})
    vectors = np.array([model.get_word_vector(w) for w in words])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    ids = [
        MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096).fit_predict(
            vectors
        )
        for k in CLUSTER_SIZES
    ]
    with gzip.open(target, "wt", encoding="utf-8") as out:
        for i, word in enumerate(words):
            out.write(word + "\t" + "\t".join(str(c[i]) for c in ids) + "\n")
    print(f"{len(words)} words clustered into {CLUSTER_SIZES}", file=sys.stderr)


def newsfane_sentences(mode: str, held: list[Sentence], fit: list[Sentence]) -> list[Sentence]:
    """NewsFANE sentences for training: none, those whose text ANERcorp train lacks
    (``fresh``) or ``all``; never one that overlaps a held-out ANERcorp sentence."""
    if mode == "none":
        return []
    held_out = HeldOut([*held, *read_conll(DATA / "anercorp" / "test.txt")])
    seen = HeldOut(fit) if mode == "fresh" else None
    kept = [
        (words, tags)
        for words, tags in read_newsfane(DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt")
        if held_out.share(words) <= HELD_OUT_SHARE
        and (seen is None or seen.share(words) < FRESH_SHARE)
    ]
    print(f"NewsFANE: {len(kept)} sentences kept ({mode})", file=sys.stderr)
    return kept


def silver_sentences(
    path: Path, limit: int, held: list[Sentence], min_conf: float = 0.0
) -> list[Sentence]:
    """The first ``limit`` silver sentences, none overlapping a held-out ANERcorp sentence
    (test, or the dev part), and with ``min_conf`` only those whose confidence (one a
    line in ``FILE.conf``, as ``build_teacher.py label`` writes it) reaches it."""
    held_out = HeldOut([*held, *read_conll(DATA / "anercorp" / "test.txt")])
    sentences = read_conll(path)
    conf_file = Path(str(path) + ".conf")
    confs = (
        [float(x) for x in conf_file.read_text().split()] if min_conf and conf_file.exists()
        else [1.0] * len(sentences)
    )  # fmt: skip
    kept: list[Sentence] = []
    dropped = 0
    for (words, tags), conf in zip(sentences, confs, strict=False):
        if len(kept) >= limit:
            break
        if conf < min_conf:
            continue
        if held_out.share(words) > HELD_OUT_SHARE:
            dropped += 1
            continue
        kept.append((words, tags))
    words = sum(len(w) for w, _ in kept)
    print(f"silver: {len(kept)} sentences, {words} words ({dropped} overlapping dropped)",
          file=sys.stderr)  # fmt: skip
    return kept


def merge_silver(
    silver: list[Sentence], base: Path, tables: WordTables, types: set[str]
) -> list[Sentence]:
    """Silver labels from two taggers: the ``base`` CRF's, plus every teacher entity of
    ``types`` over words the CRF left outside any entity (the teacher recalls names the
    CRF has not seen; the CRF is the more precise elsewhere)."""
    crf = pycrfsuite.Tagger()
    crf.open(str(base))
    merged: list[Sentence] = []
    for words, teacher in silver:
        tags = list(crf.tag(sentence_features(words, tables)))
        for start, end, kind in entity_spans(teacher):
            if kind in types and all(t == "O" for t in tags[start:end]):
                if end < len(tags) and tags[end].startswith("I-"):
                    continue  # the span would run into the CRF's entity after it
                tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        merged.append((words, tags))
    return merged


def train_crf(
    sentences: list[Sentence], tables: WordTables, target: Path, params: dict[str, object]
) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, tables), tags)
    trainer.set_params(params)
    start = time.time()
    trainer.train(str(target))
    print(
        f"CRF trained in {time.time() - start:.0f} s on {len(sentences)} sentences", file=sys.stderr
    )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(target))
    return tagger


def build_news_types(tagger: pycrfsuite.Tagger, tables: WordTables, target: Path) -> None:
    """Each frequent word's usual entity type in the news, as the first tagger reads it."""

    def read(lines: Iterable[str]) -> Iterator[Sentence]:
        tokens = 0
        for i, line in enumerate(lines):
            words = line.split()
            if i % 3 or not words or len(words) > 150:
                continue
            yield words, tagger.tag(sentence_features(words, tables))
            tokens += len(words)
            if tokens > NEWS_TOKENS:
                return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = corpus_file(Path(tmp))
        with corpus.open(encoding="utf-8") as fh:
            write_news_types(read(fh), target)


def write_news_types(sentences: Iterable[Sentence], target: Path) -> None:
    """Keep for each word seen at least 4 times in ``sentences`` (news as a tagger read
    it) its usual entity type, when it is one at least 30 % of the time."""
    seen: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = {}
    tokens = 0
    for words, labels in sentences:
        for word, label in zip(words, labels, strict=True):
            norm = normalize(word)
            seen[norm] += 1
            if label != "O":
                typed.setdefault(norm, Counter())[label[2:]] += 1
        tokens += len(words)
    kept = 0
    with gzip.open(target, "wt", encoding="utf-8") as out:
        for word, count in sorted(seen.items()):
            if count < 4 or word not in typed:
                continue
            kind, hits = typed[word].most_common(1)[0]
            rate = hits / count
            if rate >= 0.3:
                level = "h" if rate >= 0.8 else "m" if rate >= 0.5 else "l"
                out.write(f"{word}\t{kind}:{level}\n")
                kept += 1
    print(f"news types of {kept} words from {tokens} tokens", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", action="store_true", help="rebuild the word clusters")
    types = parser.add_mutually_exclusive_group()
    types.add_argument("--news-types", action="store_true", help="rebuild the news entity types")
    types.add_argument(
        "--news-types-from",
        type=Path,
        help="rebuild the news entity types from this machine-labelled CoNLL instead",
    )
    parser.add_argument("--dev", action="store_true", help="hold out the end of train, score it")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="model folder (default: the package's)"
    )
    parser.add_argument(
        "--newsfane",
        choices=("none", "fresh", "all"),
        default="none",
        help="add NewsFANE Gold sentences (never those overlapping held-out ANERcorp text)",
    )
    parser.add_argument("--silver", type=Path, help="machine-labelled CoNLL sentences to add")
    parser.add_argument("--silver-max", type=int, default=10**9, help="at most this many")
    parser.add_argument(
        "--silver-min-conf", type=float, default=0.0, help="only silver sentences this sure"
    )
    parser.add_argument(
        "--silver-base", type=Path, help="take silver labels from this CRF, the teacher's only"
    )
    parser.add_argument(
        "--silver-types", default="PERS", help="with --silver-base: the teacher's types (PERS,LOC)"
    )
    parser.add_argument("--gold-repeat", type=int, default=1, help="gold sentences K times")
    parser.add_argument("--c1", type=float, default=CRF_PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=CRF_PARAMS["c2"])
    parser.add_argument("--iterations", type=int, default=CRF_PARAMS["max_iterations"])
    args = parser.parse_args()
    params = {
        **CRF_PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations
    }  # fmt: skip
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.clusters:
        build_clusters(out / CLUSTER_FILE)
    train = read_conll(DATA / "anercorp" / "train.txt")
    fit, held = (train[:-DEV_SENTENCES], train[-DEV_SENTENCES:]) if args.dev else (train, [])
    if args.news_types:
        first = WordTables(load_tables(out).clusters, {})
        with tempfile.TemporaryDirectory() as tmp:
            model = train_crf(fit, first, Path(tmp) / "first.crfsuite", params)
            build_news_types(model, first, out / NEWS_TYPES_FILE)
    elif args.news_types_from:
        write_news_types(silver_sentences(args.news_types_from, 10**9, held), out / NEWS_TYPES_FILE)
    tables = load_tables(out)
    evaluation = held or read_conll(DATA / "anercorp" / "test.txt")
    extra = newsfane_sentences(args.newsfane, held, fit)
    silver = (
        silver_sentences(args.silver, args.silver_max, held, args.silver_min_conf)
        if args.silver
        else []
    )
    if args.silver_base:
        silver = merge_silver(silver, args.silver_base, tables, set(args.silver_types.split(",")))
    gold = (fit + extra) * max(1, args.gold_repeat)
    tagger = train_crf(gold + silver, tables, out / MODEL_FILE, params)
    predicted = [tagger.tag(sentence_features(w, tables)) for w, _ in evaluation]
    print("held-out dev" if args.dev else "ANERcorp test")
    for row in score([t for _, t in evaluation], predicted):
        print(f"  {row.label:<5} P {row.precision:6.1%}  R {row.recall:6.1%}  F1 {row.f1:6.1%}")
    write_attributes(out)  # what the model knows, read at load time instead of the model's
    size = (out / MODEL_FILE).stat().st_size / 2**20
    print(f"model {size:.1f} MB at {out / MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
