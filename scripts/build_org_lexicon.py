"""Rebuild Marsad's lexicon of organization names seen in the news (nothing is downloaded).

    python scripts/build_org_lexicon.py [--out DIR] [--min-count N]

Source: the unlabelled news in ``../shared/data/news/ant-*.jsonl.gz``, read only for counts;
none of its text is kept.

A name that news writes after a head saying what kind of body it is («نادي الهلال», «شركة
موبايلي», «صحيفة عكاظ», «تطبيق واتساب», «تنظيم داعش») is an organization's name. For each
word (or pair of words) that follows such a head the script counts how often it does, and how
often the same word stands anywhere: the share written after a head tells a name that is
only a name («شفروليه»: most of the time after «شركة» or «سيارات») from one that is mostly
an ordinary word («النصر», victory; «الاتحاد», union). The entities stage decides with that
share (``brand_share`` in ``data/entities.toml``) whether the name alone, without its head,
is an organization.

Writes ``organizations.tsv.gz``: name key TAB kind TAB after-head count TAB count, the name
keyed by :func:`brand_key` (normalized; a proclitic dropped only before the article).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from marsad.ner.lexicon import name_key
from marsad.text import normalize

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
OUT = ROOT / "src" / "marsad" / "models" / "names"

#: Heads and the kind of body a name after them is (normalized, without clitics).
HEADS = {
    "نادي": "club",
    "فريق": "club",
    "شركه": "company",
    "شركات": "company",
    "مجموعه": "company",
    "ماركه": "company",
    "علامه": "company",
    "سيارات": "company",
    "بنك": "company",
    "مصرف": "company",
    "صحيفه": "outlet",
    "جريده": "outlet",
    "مجله": "outlet",
    "قناه": "outlet",
    "موقع": "outlet",
    "وكاله": "outlet",
    "تطبيق": "outlet",
    "تنظيم": "group",
    "جماعه": "group",
    "ميليشيا": "group",
    "ميليشيات": "group",
    "حزب": "party",
}
#: Words that never start a name after a head (particles, pronouns, demonstratives).
STOPS = frozenset(
    normalize(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "الذي",
        "التي",
        "كل",
        "بعض",
        "أي",
        "أن",
        "إن",
        "لا",
        "ما",
        "قد",
        "هو",
        "هي",
    ]
)
_WORD = re.compile(r"[\u0621-\u064a]+")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def brand_key(word: str) -> str:
    """A word as a brand name: normalized, a proclitic dropped only before the article
    («والهلال», «للهلال» -> «الهلال»), never from a bare foreign name («فرانس» stays)."""
    return name_key(word) if "ال" in word[:4] else normalize(word)


def _head(word: str) -> str | None:
    """The kind a head word names, with one proclitic allowed («لنادي», «وشركة»)."""
    if word in HEADS:
        return HEADS[word]
    for clitic in _CLITICS:
        if word.startswith(clitic) and word[len(clitic) :] in HEADS:
            return HEADS[word[len(clitic) :]]
    return None


def _texts(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                out.append(f"{row.get('title') or ''}\n{row.get('text') or ''}")
    return out


def count(texts: list[str]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """(name, kind) counts after a head, and every word's (and pair's) count."""
    after: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            # a line's words, with the breaks punctuation makes kept as None
            words: list[str | None] = []
            last = 0
            for match in _WORD.finditer(line):
                if line[last : match.start()].strip():
                    words.append(None)
                words.append(match.group(0))
                last = match.end()
            keys = [brand_key(w) if w else None for w in words]
            for i, k in enumerate(keys):
                if k is None:
                    continue
                total[k] += 1
                nxt = keys[i + 1] if i + 1 < len(keys) else None
                if nxt is not None:
                    total[f"{k} {nxt}"] += 1
                kind = _head(normalize(words[i] or ""))
                if kind is None or nxt is None or nxt in STOPS:
                    continue
                after[(nxt, kind)] += 1
                two = keys[i + 2] if i + 2 < len(keys) else None
                if two is not None and two not in STOPS:
                    after[(f"{nxt} {two}", kind)] += 1
    return after, total


#: Endings of adjectives and verbal nouns, which a head is followed by as often as a name
#: («شركة مختصة», «قناة فضائية», «جماعة متشددة»).
_ADJECTIVE_ENDINGS = ("يه", "ه", "ات", "ين", "ون", "ها", "هم", "هما", "كم")


def _name_like(words: list[str]) -> bool:
    """A name, not an ordinary word: unknown to the entity word lists (common words, places,
    person names), three letters or more, not an adjective's ending."""
    from marsad.entities.words import entity_words
    from marsad.ner.lexicon import lexicon
    from marsad.ner.names import name_lexicon

    ew, lex, names = entity_words(), lexicon(), name_lexicon()
    return not (
        any(ew.is_common(w) or names.is_name(w) or len(w) < 3 for w in words)
        or lex.place_at(words, 0)
        or words[-1].endswith(_ADJECTIVE_ENDINGS)
    )


def _alternates(name: str, total: Counter[str]) -> bool:
    """An ordinary noun takes the article as often as not («ميزان», «الميزان»; «خير»,
    «الخير»); a name seldom does («واتساب»)."""
    if " " in name:
        return False
    other = name[2:] if name.startswith("ال") else "ال" + name
    return total[other] >= 0.25 * total[name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=8, help="after-head count to keep a name")
    parser.add_argument(
        "--min-share", type=float, default=0.05, help="least share of a name's uses after a head"
    )
    args = parser.parse_args()
    paths = sorted(NEWS.glob("ant-*.jsonl.gz"))
    if not paths:
        raise SystemExit(f"no news under {NEWS}: this script needs ../shared/data")
    after, total = count(_texts(paths))
    best: dict[str, tuple[str, int]] = {}
    for (name, kind), n in after.items():
        if n >= args.min_count and n > best.get(name, ("", 0))[1]:
            best[name] = (kind, n)
    rows = []
    for name, (kind, n) in best.items():
        words = name.split()
        if len(words) == 2 and best.get(words[0], ("", 0))[1] >= n:
            continue  # «نادي الهلال السعودي»: the pair adds nothing to «الهلال»
        share = n / max(total[name], n)
        if share < args.min_share or not _name_like(words) or _alternates(name, total):
            continue
        rows.append(f"{name}\t{kind}\t{n}\t{max(total[name], n)}")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "organizations.tsv.gz"
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(sorted(rows)) + "\n")
    print(f"{len(rows)} names from {len(paths)} news files -> {target}")


if __name__ == "__main__":
    main()
