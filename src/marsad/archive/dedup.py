"""Near-duplicate detection: MinHash signatures (datasketch) and LSH bands kept in the store.

Syndicated copies of one wire story differ by a headline word, a dateline or a credit line. Each
article gets a MinHash signature of its word shingles (:data:`NUM_PERM` permutations of
:data:`~marsad.archive.data.SYNDICATION_SHINGLE`-word shingles of its index terms). The signature
is cut into :data:`BANDS` bands of :data:`ROWS` values; two articles sharing a band are
candidates, and a candidate whose estimated Jaccard similarity reaches :data:`NEAR_DUPLICATE` joins
the other's group. The bands live in the store, so grouping is incremental, survives restarts and
needs no index in memory: the LSH of datasketch's ``MinHashLSH``, persisted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

from . import data

__all__ = ["BANDS", "NEAR_DUPLICATE", "NUM_PERM", "ROWS", "bands", "jaccard", "signature"]

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
#: Estimated Jaccard similarity of shingle sets from which two texts are one text, edited.
NEAR_DUPLICATE = 0.6
_SEED = 20180201


def shingles(words: Sequence[str], size: int = data.SYNDICATION_SHINGLE) -> set[bytes]:
    """Overlapping runs of ``size`` words (the whole text when it is shorter)."""
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(words: Sequence[str]) -> bytes:
    """The MinHash signature of a text's words, as bytes (empty for an empty text)."""
    found = shingles(words)
    if not found:
        return b""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch(list(found))
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes())


def bands(sig: bytes) -> list[str]:
    """The LSH bucket keys of a signature: ``band:hash`` for each band."""
    if not sig:
        return []
    width = len(sig) // BANDS
    return [
        f"{i}:{hashlib.blake2b(sig[i * width : (i + 1) * width], digest_size=8).hexdigest()}"
        for i in range(BANDS)
    ]


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    va = np.frombuffer(a, dtype=np.uint64)
    vb = np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(va == vb)) / len(va)
