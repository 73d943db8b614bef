"""NewsFANE Gold (Alotaibi & Lee 2014) read as ANERcorp-style training sentences.

The file is ``token TAB fine-tag`` a line, a line holding a lone TAB between sentences,
with a byte-order mark, CRLF line ends and a left-to-right mark before most tokens.
Its text is ANERcorp's, normalized, with clitics split off as tokens ("و الصادرات",
"رئيس ه"). The reader strips the marks, re-attaches the clitic tokens so that words look
like raw text ("والصادرات", "رئيسه", "ل" + "الاتحاد" -> "للاتحاد"), and maps the 50 fine
classes onto PERS, ORG, LOC and MISC (its README's table; classes without an ANERcorp
counterpart become O).

Most sentences are ANERcorp sentences annotated again: :func:`overlap_key` gives the
letters-only form used to keep held-out ANERcorp sentences out of training.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import InputError
from ..text import normalize
from .conll import Sentence

__all__ = ["COARSE", "HeldOut", "overlap_key", "read_newsfane", "rejoin_clitics"]

_PERS = "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Engineer"
_ORG = (
    "Non-Governmental Sports Government Media Commercial Educational Medical-Science"
    " Entertainment Religious_ORG Police"
)
_LOC = (
    "Nation Population-Center State-or-Province GPE-Cluster County-or-District Water-Body"
    " Land Continent Land-Region-Natural Celestial Building-Grounds Airport Path"
    " Subarea-Facility"
)
_MISC = "Book Movie Software Hardware"

#: Fine class -> ANERcorp type; a class not here (Group, Air, Food...) is read as O.
COARSE: dict[str, str] = {
    **dict.fromkeys(_PERS.split(), "PERS"),
    **dict.fromkeys(_ORG.split(), "ORG"),
    **dict.fromkeys(_LOC.split(), "LOC"),
    **dict.fromkeys(_MISC.split(), "MISC"),
}

#: Clitic tokens written before the word they belong to, and after it.
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي"})

_MARKS = str.maketrans("", "", "\ufeff\u200e\u200f\r")


def _coarse(tag: str) -> str:
    prefix, _, fine = tag.partition("-")
    kind = COARSE.get(fine)
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def _attach(clitic: str, word: str) -> str:
    if clitic.endswith("ل") and word.startswith("ال"):
        return clitic + "ل" + word[2:]
    return clitic + word


def _respell(token: str) -> str:
    """NewsFANE writes «لل» (ل + the article) as «لال»: «لالاتحاد» for «للاتحاد»."""
    for head in ("لال", "ولال", "فلال"):
        if token.startswith(head) and len(token) > len(head) + 1:
            return token[: len(head) - 2] + "ل" + token[len(head) :]
    return token


def rejoin_clitics(words: Sequence[str], tags: Sequence[str]) -> Sentence:
    """Glue split-off clitic tokens back onto their word; the word keeps its tag.

    A proclitic opening an entity (its tag B-, the word's I-) hands the B- on.
    """
    out_words: list[str] = []
    out_tags: list[str] = []
    pending = ""
    pending_tag = "O"
    for word, tag in zip(words, tags, strict=True):
        if word in PROCLITICS and pending in ("", "و", "ف"):
            pending_tag = pending_tag if pending else tag
            pending += word
            continue
        if pending:
            if pending_tag.startswith("B-") and tag.startswith("I-"):
                tag = "B-" + tag[2:]
            word, pending = _attach(pending, word), ""
        elif word in ENCLITICS and out_words and _is_word(out_words[-1]):
            out_words[-1] += word
            continue
        out_words.append(word)
        out_tags.append(tag)
    if pending:
        out_words.append(pending)
        out_tags.append(pending_tag)
    return out_words, out_tags


def _is_word(token: str) -> bool:
    return token[-1:].isalpha() and not token.isascii()


def read_newsfane(path: str | Path) -> list[Sentence]:
    """The sentences of a NewsFANE Gold file, clitics re-attached, tags mapped to ANERcorp's."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read NewsFANE file: {exc}") from exc
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in text.translate(_MARKS).split("\n"):
        token, _, tag = line.partition("\t")
        token = token.strip()
        if not token:
            if words:
                sentences.append(rejoin_clitics(words, tags))
            words, tags = [], []
            continue
        words.append(_respell(token))
        tags.append(_coarse(tag.strip()))
    if words:
        sentences.append(rejoin_clitics(words, tags))
    return sentences


def overlap_key(words: Iterable[str]) -> str:
    """A sentence's letters without spaces, hamza, or the spellings NewsFANE changed."""
    letters = normalize("".join(words)).replace(" ", "")
    letters = letters.translate(_FOLD)
    return letters.replace("لال", "لل")


_SHINGLE = 25


class HeldOut:
    """Sentences kept out of training, recognized again in another corpus's spelling.

    A sentence overlaps them when it is one of them, or when at least ``share`` of its
    25-letter stretches (taken every 5 letters) occur in them.
    """

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._keys: set[str] = set()
        self._stretches: set[str] = set()
        for words, _ in sentences:
            key = overlap_key(words)
            self._keys.add(key)
            for i in range(max(1, len(key) - _SHINGLE + 1)):
                self._stretches.add(key[i : i + _SHINGLE])

    def share(self, words: Sequence[str]) -> float:
        """How much of ``words`` is found in the held-out sentences (0 to 1)."""
        key = overlap_key(words)
        if key in self._keys:
            return 1.0
        if len(key) < _SHINGLE:
            return 0.0
        stretches = [key[i : i + _SHINGLE] for i in range(0, len(key) - _SHINGLE + 1, 5)]
        return sum(s in self._stretches for s in stretches) / len(stretches)


_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ء": None, "ة": "ه"}
)
