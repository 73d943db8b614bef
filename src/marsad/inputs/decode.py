"""Bytes to text: sniffing binary content and finding the encoding of Arabic text.

Order of evidence: a byte-order mark; strict UTF-8; an encoding the container
declares (HTTP header, ``<meta charset>``, XML declaration) if it decodes and
reads as plausible text; otherwise the Arabic single-byte code pages and
charset-normalizer's guess, ranked by how plausible the decoded text is.
windows-1256 and ISO-8859-6 both decode many byte strings; read in the wrong one,
Arabic text turns into Latin accented letters and C1 controls, which the
plausibility score counts.

Damage a reader steps over is repaired and reported as a :class:`~marsad.record.Salvage`
(see :mod:`marsad.inputs.salvage`): a last character cut in half is dropped, and a few
isolated invalid bytes in UTF-8 text become U+FFFD. More damage than that is a rejection.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, EncodingError
from ..record import Salvage
from .salvage import cut_last_character, repair_utf8

__all__ = ["declared_charset", "decode_bytes", "sniff_binary"]

#: Single-byte code pages that carry Arabic, tried when UTF-8 fails.
ARABIC_CODEPAGES: tuple[str, ...] = ("cp1256", "iso8859_6", "cp720", "cp864")

#: Leading bytes of common non-text formats, and their names for error messages.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"RIFF", "RIFF media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00", "binary data"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# C1 controls, replacement and box-drawing characters never belong in news text;
# Latin-1 letters do (French names), but not next to Arabic letters: that is
# what Arabic bytes become in the wrong code page.
_NEVER = re.compile(r"[\u0080-\u009f\ufffd\u2500-\u259f]")
_LATIN1_LETTER = re.compile(r"[\u00a2-\u00aa\u00ac-\u00af\u00b1-\u00ba\u00bc-\u00ff]")
# Letters an Arabic text in the wrong code page is made of: Urdu letters of
# cp1256's upper half, and Arabic letters glued to Latin ones.
_MIXED = re.compile(
    r"[\u0679\u0688\u0691\u06ba\u06be\u06c1]|[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]"
)
_PLAUSIBLE = 0.02


def sniff_binary(data: bytes, source: str) -> None:
    """Raise BinaryInputError when ``data`` does not look like text."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryInputError(source, f"this is {what}, not text")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.05:
        raise BinaryInputError(source, "binary content (control bytes), not text")


def declared_charset(data: bytes) -> str | None:
    """The encoding named in a ``<meta>``/XML declaration near the start, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    return _codec_name(match.group(1).decode("ascii", "ignore"))


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(
    data: bytes,
    source: str,
    *,
    declared: str | None = None,
    warnings: list[Salvage] | None = None,
) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``. Raises InputError subclasses.

    What was repaired to read it is appended to ``warnings`` (when given).
    """
    found: list[Salvage] = []
    if not data.strip():
        raise EmptyInputError(source, "empty (no bytes or only whitespace)")
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name, source, found)
            _report(found, warnings)
            return text, name
    sniff_binary(data, source)
    trimmed = cut_last_character(data, "utf-8", found)
    try:
        text, encoding = trimmed.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        repaired = repair_utf8(trimmed, found)
        if repaired is not None:
            text, encoding = repaired, "utf-8"
        else:
            _reject_damaged_utf8(data, source, exc)
            found.clear()  # not UTF-8: a single-byte code page reads the last byte whole
            text, encoding = _best_single_byte(data, source, declared, exc)
    _report(found, warnings)
    return text, encoding


def _report(found: list[Salvage], warnings: list[Salvage] | None) -> None:
    if warnings is not None:
        warnings.extend(found)


def _reject_damaged_utf8(data: bytes, source: str, error: UnicodeDecodeError) -> None:
    """UTF-8 text with a few broken bytes is damaged UTF-8, not some other encoding."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 127) - broken
    if wide >= 20 and broken <= wide * 0.05:
        raise EncodingError(
            source,
            f"undecodable bytes: UTF-8 text with {broken} invalid byte sequence(s), "
            f"the first at byte {error.start}",
        )


def _strict(data: bytes, encoding: str, source: str, found: list[Salvage]) -> str:
    data = cut_last_character(data, encoding, found)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(source, f"invalid {encoding} at byte {exc.start}") from exc


def _best_single_byte(
    data: bytes, source: str, declared: str | None, utf8_error: UnicodeDecodeError
) -> tuple[str, str]:
    candidates = _candidates(data, declared)
    scored: list[tuple[bool, float, int, str, str]] = []
    for rank, name in enumerate(candidates):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_ARABIC.search(text) is None, _implausibility(text), rank, name, text))
    plausible = [entry for entry in scored if entry[1] <= _PLAUSIBLE]
    if plausible:
        _, _, _, name, text = min(plausible)
        return text, name
    raise EncodingError(
        source,
        f"undecodable bytes: not UTF-8 (bad byte at offset {utf8_error.start}) "
        f"and no Arabic encoding ({', '.join(candidates)}) reads it as plausible text",
    )


def _candidates(data: bytes, declared: str | None) -> list[str]:
    names: list[str] = []
    for label in (declared, declared_charset(data)):
        name = _codec_name(label) if label else None
        if name and name not in names and name != "utf-8":
            names.append(name)
    names.extend(c for c in ARABIC_CODEPAGES if c not in names)
    guess = from_bytes(data[:65536]).best()
    if guess is not None and guess.encoding not in names:
        names.append(guess.encoding)
    return names


def _implausibility(text: str) -> float:
    """Share of characters that read like mojibake; Arabic text scores near 0."""
    letters = sum(1 for ch in text if not ch.isspace())
    if letters == 0:
        return 1.0
    bad = len(_NEVER.findall(text)) + len(_MIXED.findall(text))
    if _ARABIC.search(text):
        bad += len(_LATIN1_LETTER.findall(text))
    return bad / letters
