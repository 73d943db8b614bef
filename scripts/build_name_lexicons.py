"""Rebuild Marsad's person-name lexicon from ../shared/data (nothing is downloaded).

    python scripts/build_name_lexicons.py [--out DIR] [--news-docs N]

Sources (see ``src/marsad/models/names/NOTICE.md``):

* ``names/wikidata-ar-en.tokens.tsv``: name tokens of Wikidata person labels, Arabic
  letters with the Latin token and a count (CC0);
* ``names/google-ar2en.tsv``: Arabic names with a Latin spelling (Apache-2.0);
* ``news/ant-multisource-2018.jsonl.gz``: unlabelled news, read only for counts (how often
  a token comes first or last in a run of name tokens, how often it stands alone); none of
  its text is kept.

Steps:

1. Each (Arabic, Latin) pair is kept when the Latin token spells the Arabic letters, by a
   coarse consonant skeleton of both sides (``[skeleton.*]`` in ``data/latin.toml``): this
   drops translations that Wikidata labels carry (من/of, النمسا/austria, الأمير/prince);
   Latin tokens listed as not names (regnal numerals, titles, particles) are dropped too,
   and so are Arabic tokens the entity lexicon (``data/entities.toml``) knows as titles,
   role or organization heads, nationalities or one-word places.
2. Arabic tokens are keyed by :func:`marsad.text.normalize`; each key keeps its most
   frequent Latin spelling and the total count.
3. Classes: ``G`` given name and ``S`` surname, from the news counts (a token that opens a
   run of two or more name tokens is a given name, one that closes it a surname; both when
   neither side wins) and from the form («ال»-prefixed tokens are surnames, nisbas);
   ``F`` foreign (not of Arabic origin), from the letters (Arabic-only consonants, Latin
   letters and clusters Arabic lacks, vowels written in full); ``C`` common word, a token
   frequent in the news that rarely stands next to another name token (لا، أمل), takes the
   article as often as not (دور/الدور), or is a frequent two-letter particle (هو).
4. Writes ``names.tsv.gz``: key TAB Latin TAB classes TAB count, sorted by key.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import sys
import time
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from marsad.ner.lexicon import key as word_key
from marsad.ner.lexicon import lexicon
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "marsad" / "models" / "names"
TABLES = ROOT / "src" / "marsad" / "data" / "latin.toml"
#: Smallest skeleton similarity for a Latin token to count as a spelling of the Arabic one.
MIN_SIMILARITY = 0.5
#: A token seen this often in the news and next to another name token less than
#: COMMON_SHARE of the time is a common word as well as a name.
COMMON_COUNT = 40
COMMON_SHARE = 0.12
#: ... or one far more frequent in the news (a million words) than in the names' sources:
#: a word of the language that a few labels happen to carry (ولي، رئيس، الملك).
COMMON_PM_PER_LABEL = 150
#: A key that takes the article as often as not, or one of two letters seen this often a
#: million words, is a common word unless this many labels carry it.
WORD_LIKE_LABELS = 50
SHORT_WORD_PM = 30
#: Spellings lent to near forms: from keys of this many letters, with this many labels.
BORROW_MIN_LETTERS = 5
BORROW_MIN_COUNT = 20
#: A key that is a proclitic on a word seen this many times as often alone, with fewer
#: labels than this, is a common word (a name such as فيصل has many labels).
PROCLITICS = frozenset("وبلفك")
CLITIC_MIN_NEWS = 10
CLITIC_LABELS = 10
CLITIC_RATIO = 2
#: A token of the entity lexicon's vocabulary stays (as a common word) with this many labels.
VOCABULARY_NAME_COUNT = 100
#: An established name: this much Wikidata weight, fewer news occurrences a million words.
STRONG_COUNT = 1
STRONG_MAX_PM = 2000
#: First/last evidence needed to call a token a given name or a surname, and the margin.
MIN_EVIDENCE = 3
MARGIN = 2.0
_ARABIC_RUN = re.compile(r"[\u0621-\u064a]+|[^\s\u0621-\u064a]+")
_LATIN_OK = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*$")
#: Letters of scholarly romanizations, which a news reader does not expect.
SCHOLARLY = frozenset("āīūēōḥṣḍṭẓḏṯġḫšẖʿʾ")
_ROMAN = re.compile(r"^[ivxlcdm]+$")


@dataclass(slots=True)
class Entry:
    spellings: Counter[str] = field(default_factory=Counter)
    #: spellings of a near form (one vowel letter more), which only choose the Latin form
    borrowed: Counter[str] = field(default_factory=Counter)
    arabic_forms: Counter[str] = field(default_factory=Counter)
    first: int = 0
    last: int = 0
    news: int = 0


@dataclass(frozen=True, slots=True)
class Tables:
    arabic: dict[str, str]
    latin: list[tuple[str, str]]  # grapheme -> class, longest first
    latin_alt: list[tuple[str, str]]  # the same with the other readings of j, g, c
    not_names: frozenset[str]
    arabic_only: frozenset[str]
    foreign_latin: tuple[str, ...]


def load_tables() -> Tables:
    raw = tomllib.loads(TABLES.read_text("utf-8"))
    sk = raw["skeleton"]
    latin = sorted(sk["latin"].items(), key=lambda kv: -len(kv[0]))
    alt = sorted({**sk["latin"], **sk["latin_alt"]}.items(), key=lambda kv: -len(kv[0]))
    lex = raw["lexicon"]
    return Tables(
        arabic=dict(sk["arabic"]),
        latin=latin,
        latin_alt=alt,
        not_names=frozenset(lex["not_names"]),
        arabic_only=frozenset(lex["arabic_only_letters"]),
        foreign_latin=tuple(lex["foreign_latin"]),
    )


def arabic_skeleton(word: str, t: Tables) -> str:
    classes = (t.arabic.get(ch, "") for ch in word)
    return _squeeze("".join(classes))


def latin_skeleton(word: str, table: list[tuple[str, str]]) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        for grapheme, cls in table:
            if word.startswith(grapheme, i):
                out.append(cls)
                i += len(grapheme)
                break
        else:
            i += 1
    return _squeeze("".join(out))


def _squeeze(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def spells(arabic: str, latin: str, t: Tables) -> bool:
    """Whether ``latin`` is a transliteration of ``arabic`` rather than a translation."""
    plain = unicodedata.normalize("NFKD", latin)
    lats = {latin_skeleton(plain, t.latin), latin_skeleton(plain, t.latin_alt)}
    forms = [arabic]
    if arabic.startswith("ال") and len(arabic) > 3:
        forms.append(arabic[2:])
    best = 0.0
    for form in forms:
        ar = arabic_skeleton(form, t)
        for lat in lats:
            if not ar and not lat:
                return True
            best = max(best, SequenceMatcher(None, ar, lat, autojunk=False).ratio())
    return best >= MIN_SIMILARITY


def pairs(t: Tables) -> Iterator[tuple[str, str, int]]:
    names = DATA / "names"
    with (names / "wikidata-ar-en.tokens.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[2].isdigit():
                yield parts[1].replace(" ", ""), parts[0], int(parts[2])
    with (names / "google-ar2en.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and " " not in parts[0]:
                yield parts[0], parts[1], 1


def keep_latin(latin: str, t: Tables) -> bool:
    return bool(_LATIN_OK.match(latin)) and latin not in t.not_names and not _ROMAN.match(latin)


def collect(t: Tables) -> dict[str, Entry]:
    entries: dict[str, Entry] = defaultdict(Entry)
    dropped = 0
    for arabic, latin, count in pairs(t):
        latin = latin.lower()
        key = normalize(arabic)
        if len(key) < 2 or not re.fullmatch(r"[\u0621-\u064a]+", key):
            continue
        if not keep_latin(latin, t) or not spells(arabic, latin, t):
            dropped += 1
            continue
        entry = entries[key]
        entry.spellings[latin] += count
        entry.arabic_forms[arabic] += count
    print(f"pairs kept for {len(entries)} keys, {dropped} pairs dropped", file=sys.stderr)
    return dict(entries)


def borrow_spellings(entries: dict[str, Entry]) -> None:
    """Each Latin token of the Wikidata list has one Arabic form (david: دايفيد), so the
    other usual spellings of frequent names (ديفيد) may only carry rare tokens (dawid). A
    key written with one vowel letter less than a frequent one borrows its spellings, with
    a tenth of their weight, to choose its Latin form (no key is added)."""
    for key, entry in list(entries.items()):
        if len(key) < BORROW_MIN_LETTERS:
            continue
        for latin, count in entry.spellings.items():
            if count < BORROW_MIN_COUNT:
                continue
            for i in range(1, len(key) - 1):
                if key[i] in "اوي" and (near := entries.get(key[:i] + key[i + 1 :])):
                    near.borrowed[latin] += count / 10


def vocabulary_words() -> frozenset[str]:
    """Words the entity lexicon knows as something else than a name: titles, role and
    organization heads, speech verbs, nationalities, one-word places (by :func:`word_key`)."""
    lex = lexicon()
    words: set[str] = set()
    for group in (lex.role_heads, lex.org_heads, lex.loc_heads, lex.speech_verbs):
        words |= group
    for group in (lex.misc_heads, lex.not_names, lex.name_stops, lex.ministries):
        words |= group
    words |= set(lex.nationalities)
    words |= {h[0] for h in lex.honorifics if len(h) == 1}
    words |= {word_key(p[0]) for p in lex.places if len(p) == 1}
    return frozenset(words)


def drop_vocabulary(entries: dict[str, Entry]) -> frozenset[str]:
    """Leave out the entity lexicon's words; those that many name labels carry as well
    (علي, which normalizes like the preposition على) stay, returned as common words."""
    words = vocabulary_words()
    hits = [k for k in entries if word_key(k) in words or k in words]
    kept = frozenset(k for k in hits if entries[k].spellings.total() >= VOCABULARY_NAME_COUNT)
    for k in hits:
        if k not in kept:
            del entries[k]
    print(f"{len(hits) - len(kept)} keys dropped as general vocabulary", file=sys.stderr)
    return kept


def news_runs(limit: int) -> Iterator[list[str]]:
    """Runs of Arabic words from the news, broken at anything else (punctuation, digits)."""
    path = DATA / "news" / "ant-multisource-2018.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            text = normalize(json.loads(line).get("text") or "")
            run: list[str] = []
            for m in _ARABIC_RUN.finditer(text):
                word = m.group()
                if "\u0621" <= word[0] <= "\u064a":
                    run.append(word)
                else:
                    if run:
                        yield run
                    run = []
            if run:
                yield run


def count_news(entries: dict[str, Entry], limit: int) -> frozenset[str]:
    """Counts of each key in the news and of its neighbours among established names.

    An established name is a key with some Wikidata weight that is not among the most
    frequent words of the news (function words reach hundreds per million words). A key
    frequent in the news that seldom stands next to an established name is a common word
    (returned); the others get first/last counts from their established neighbours.
    """
    words: Counter[str] = Counter()
    adjacent: Counter[tuple[str, str]] = Counter()
    for run in news_runs(limit):
        words.update(run)
        for a, b in itertools.pairwise(run):
            if a in entries and b in entries:
                adjacent[a, b] += 1
    total = max(words.total(), 1)
    for k, e in entries.items():
        e.news = words[k]
    established = {
        k
        for k, e in entries.items()
        if e.spellings.total() >= STRONG_COUNT and e.news * 1e6 / total < STRONG_MAX_PM
    }
    common: frozenset[str] = frozenset()
    for _ in range(3):
        strong = established - common
        near: Counter[str] = Counter()
        for (a, b), n in adjacent.items():
            if b in strong:
                near[a] += n
            if a in strong:
                near[b] += n
        common = frozenset(
            k
            for k, e in entries.items()
            if e.news >= COMMON_COUNT
            and (
                near[k] < COMMON_SHARE * e.news
                or e.news * 1e6 / total > COMMON_PM_PER_LABEL * e.spellings.total()
            )
        )
    common |= _word_like(entries, words, total)
    for (a, b), n in adjacent.items():
        if b in strong and a not in common:
            entries[a].first += n
        if a in strong and b not in common:
            entries[b].last += n
    return common


def _word_like(entries: dict[str, Entry], words: Counter[str], total: int) -> frozenset[str]:
    """Keys that behave like words of the language in the news: a noun or adjective that
    takes the article at least as often as not (الدور، الفوز), a short particle or pronoun
    (هو، اي), or a proclitic on a word several times as frequent alone (بدور، لست، وانا),
    unless many name labels carry it."""
    out: set[str] = set()
    for k, e in entries.items():
        labels = e.spellings.total()
        if e.news >= COMMON_COUNT and labels < WORD_LIKE_LABELS:
            definite = not k.startswith("ال") and words["ال" + k] >= e.news
            short = len(k) <= 2 and e.news * 1e6 / total >= SHORT_WORD_PM
            if definite or short:
                out.add(k)
        if (
            k[0] in PROCLITICS
            and e.news >= CLITIC_MIN_NEWS
            and labels < CLITIC_LABELS
            and words[k[1:]] >= CLITIC_RATIO * e.news
        ):
            out.add(k)
    return frozenset(out)


def is_foreign(arabic: str, latin: str, t: Tables) -> bool:
    """Not of Arabic origin: judged from both spellings."""
    if arabic.startswith("ال") or any(ch in t.arabic_only for ch in arabic):
        return False
    if any(part in latin for part in t.foreign_latin) or not latin.isascii():
        return True
    vowels_written = sum(ch in "اوي" for ch in arabic[1:])
    vowels_spoken = len(re.findall(r"[aeiouy]+", re.sub(r"(?<=[^aeiouy])e$", "", latin)))
    return vowels_spoken > 0 and vowels_written >= vowels_spoken


def classes(key: str, entry: Entry, latin: str, common: bool, t: Tables) -> str:
    out = ""
    first, last = entry.first, entry.last
    if key.startswith("ال") and len(key) > 3:
        out += "S"
    elif first >= MIN_EVIDENCE and first >= MARGIN * last:
        out += "G"
    elif last >= MIN_EVIDENCE and last >= MARGIN * first:
        out += "S"
    else:
        out += "GS"
    arabic = entry.arabic_forms.most_common(1)[0][0]
    if is_foreign(arabic, latin, t):
        out += "F"
    if common:
        out += "C"
    return out


def spelling(entry: Entry) -> str:
    """The most frequent spelling (borrowed ones included; a plain ASCII one on a tie:
    putin, not botín), leaving aside scholarly ones (macrons, dots, ʿ) when there is
    another (الإبياري: abyari rather than abyārī)."""
    weights: Counter[str] = Counter()
    weights.update(entry.spellings)
    for latin, weight in entry.borrowed.items():
        weights[latin] += max(1, round(weight))
    ranked = sorted(weights, key=lambda latin: (-weights[latin], not latin.isascii()))
    plain = [latin for latin in ranked if not any(ch in SCHOLARLY for ch in latin)]
    if plain:
        return plain[0]
    decomposed = unicodedata.normalize("NFKD", ranked[0])
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in "ʿʾ")


def write(entries: dict[str, Entry], common: frozenset[str], out: Path, t: Tables) -> int:
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for key in sorted(entries):
        entry = entries[key]
        latin = spelling(entry)
        total = sum(entry.spellings.values())
        kinds = classes(key, entry, entry.spellings.most_common(1)[0][0], key in common, t)
        rows.append(f"{key}\t{latin}\t{kinds}\t{total}\n")
    data = "".join(rows).encode("utf-8")
    with (
        (out / "names.tsv.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh,
    ):
        fh.write(data)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--news-docs", type=int, default=40_000)
    args = parser.parse_args()
    start = time.perf_counter()
    tables = load_tables()
    entries = collect(tables)
    borrow_spellings(entries)
    also_words = drop_vocabulary(entries)
    common = count_news(entries, args.news_docs) | also_words
    n = write(entries, common, args.out, tables)
    took = time.perf_counter() - start
    print(f"wrote {n} names to {args.out / 'names.tsv.gz'} in {took:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
