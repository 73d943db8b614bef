"""Repairs a reader makes to keep an article whose input is slightly damaged.

Each repair appends a :class:`~marsad.record.Salvage` (code, message, byte offset) that
travels with the document to the record. The rules, and why they stop where they do:

* a last character cut in half (a file cut at a byte limit) is dropped: half a letter
  carries nothing, and the rest of the text is whole;
* isolated invalid bytes in UTF-8 text become U+FFFD when they are a small share of the
  text (:data:`MAX_BAD_SHARE`) and no run of them is long enough to hide a word
  (:data:`MAX_BAD_RUN` bytes: an Arabic word of two letters is four bytes); more than that
  and the input is rejected as undecodable, as before;
* a record needs real words (:func:`~marsad.record.require_words`): what is left of noise
  is not an article.
"""

from __future__ import annotations

import codecs

from ..record import Salvage

__all__ = [
    "MAX_BAD_RUN",
    "MAX_BAD_SHARE",
    "MIN_WIDE_CHARACTERS",
    "cut_last_character",
    "repair_utf8",
]

#: Largest share of the bytes that may be invalid for a text to be repaired.
MAX_BAD_SHARE = 0.01
#: Longest run of consecutive invalid bytes a repair steps over.
MAX_BAD_RUN = 3
#: Valid multi-byte characters a text needs before its invalid bytes are called damage
#: (fewer, and it may well be another encoding).
MIN_WIDE_CHARACTERS = 20

_LEAD_BYTES = bytes(range(0xC2, 0xF5))


def cut_last_character(data: bytes, encoding: str, found: list[Salvage]) -> bytes:
    """``data`` without a last character cut in half, noted in ``found``; else unchanged."""
    name = codecs.lookup(encoding).name
    if name in ("utf-8", "utf-8-sig"):
        keep = _utf8_whole(data)
    elif name.startswith("utf-16"):
        keep = _utf16_whole(data)
    elif name.startswith("utf-32"):
        keep = len(data) - len(data) % 4
    else:
        keep = len(data)
    if keep == len(data):
        return data
    cut = len(data) - keep
    found.append(
        Salvage(
            "truncated-character",
            f"the text ends inside a character ({cut} byte{'s' if cut > 1 else ''} of it "
            f"present): the file was cut; the half character was dropped",
            keep,
        )
    )
    return data[:keep]


def _utf8_whole(data: bytes) -> int:
    """Where the last whole UTF-8 character ends (len(data) unless the last one is cut)."""
    if not data or data[-1] < 0x80:
        return len(data)
    start = len(data) - 1
    while start > max(0, len(data) - 4) and 0x80 <= data[start] <= 0xBF:
        start -= 1
    lead = data[start]
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if lead <= 0xF4 else 0
    if need and lead >= 0xC2 and len(data) - start < need:
        return start
    return len(data)


def _utf16_whole(data: bytes) -> int:
    keep = len(data) - len(data) % 2
    if keep >= 2:
        big = data.startswith(codecs.BOM_UTF16_BE)
        unit = data[keep - 2 : keep]
        high = unit[0] if big else unit[1]
        if 0xD8 <= high <= 0xDB:  # a lead surrogate whose pair was cut off
            keep -= 2
    return keep


def repair_utf8(data: bytes, found: list[Salvage]) -> str | None:
    """UTF-8 ``data`` with its few invalid bytes as U+FFFD, noted in ``found``; None when
    it is not UTF-8 with light damage (too many bad bytes, a long run, too few letters)."""
    limit = max(1, int(len(data) * MAX_BAD_SHARE))
    runs = _invalid_runs(data, limit)
    if not runs:
        return None
    bad = sum(end - start for start, end in runs)
    longest = max(end - start for start, end in runs)
    wide = len(data) - len(data.translate(None, _LEAD_BYTES)) - len(runs)
    if bad > limit or longest > MAX_BAD_RUN or wide < MIN_WIDE_CHARACTERS:
        return None
    found.append(
        Salvage(
            "replaced-bytes",
            f"{bad} invalid byte{'s' if bad > 1 else ''} in {len(runs)} place"
            f"{'s' if len(runs) > 1 else ''} replaced by U+FFFD (\ufffd), the first at byte "
            f"{runs[0][0]}",
            runs[0][0],
        )
    )
    return data.decode("utf-8", errors="replace")


def _invalid_runs(data: bytes, limit: int) -> list[tuple[int, int]]:
    """The runs of invalid bytes as (start, end) byte offsets; stops past ``limit`` bytes."""
    runs: list[tuple[int, int]] = []
    view = memoryview(data)
    position = bad = 0
    while position < len(data):
        try:
            codecs.utf_8_decode(view[position:], "strict", True)
            break
        except UnicodeDecodeError as exc:
            start, end = position + exc.start, position + exc.end
            bad += end - start
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
            if bad > limit:
                break
            position = end
    return runs
