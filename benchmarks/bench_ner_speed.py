"""Tagger speed side by side: Marsad's CRF and a BERT-base-sized token classifier on CPU.

    pip install -e '.[bench]'          # torch and transformers, for this script only
    python benchmarks/bench_ner_speed.py [--sentences N] [--threads T]

Both tag the same ANERcorp test sentences in the same run. The BERT model is
``BertForTokenClassification`` with bert-base dimensions (12 layers, hidden 768,
110 M parameters) and random weights: its speed does not depend on the weights,
and nothing is downloaded. Its tokenizer is approximated by splitting words into
sub-word pieces of at most 4 characters (Arabic BERT vocabularies average 1.3–1.6
pieces a word; this gives more, which only favours BERT on padding-free batches
that are then slightly longer — see the printed piece count).
"""

from __future__ import annotations

import argparse
import sys
import time

from common import DATA, need

from marsad.ner.conll import read_conll
from marsad.ner.tagger import default_tagger


def crf_speed(sentences: list[list[str]]) -> float:
    tagger = default_tagger()
    tagger.tag(sentences[0])
    start = time.perf_counter()
    for words in sentences:
        tagger.tag(words)
    return sum(map(len, sentences)) / (time.perf_counter() - start)


def bert_speed(sentences: list[list[str]], threads: int) -> tuple[float, int]:
    import torch
    from transformers import BertConfig, BertForTokenClassification

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = BertForTokenClassification(BertConfig(vocab_size=64000, num_labels=9)).eval()
    pieces_total = 0
    start = time.perf_counter()
    with torch.inference_mode():
        for words in sentences:
            pieces = sum(max(1, (len(w) + 3) // 4) for w in words) + 2
            pieces_total += pieces
            ids = torch.randint(5, 64000, (1, min(pieces, 512)))
            model(input_ids=ids)
    return sum(map(len, sentences)) / (time.perf_counter() - start), pieces_total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    test = read_conll(need(DATA / "anercorp" / "test.txt"))
    sentences = [words for words, _ in test[: args.sentences]]
    tokens = sum(map(len, sentences))
    crf = crf_speed(sentences)
    bert, pieces = bert_speed(sentences, args.threads)
    print(
        f"{len(sentences)} sentences, {tokens} tokens ({pieces} BERT pieces), {args.threads} thread(s)"
    )
    print(f"marsad CRF tagger     {crf:10,.0f} tokens/s")
    print(f"BERT-base classifier  {bert:10,.0f} tokens/s")
    print(f"ratio                 {crf / bert:10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
