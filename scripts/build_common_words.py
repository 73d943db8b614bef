"""Build ``src/marsad/data/common_words.json``: words news text uses as ordinary words and
almost never inside a person's name, from the gold NER data in ``../shared/data``.

A word (by :func:`marsad.ner.lexicon.key`: normalized, proclitics and article off) is common
when the training data has it outside any entity at least ``--min-count`` times and inside a
person name in at most ``--max-person-share`` of its occurrences. Those that are also person-name
tokens in ``../shared/data/names`` are listed apart («غالب», «مالك»). The entities stage reads the
list to tell a name from the words glued to it («هاني الخالدي كلمة ترحيبية») and a person from
a phrase the tagger took for one («صباح الخير»).

    python scripts/build_common_words.py   # ANERcorp train + NewsFANE Gold (never ANERcorp test)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from marsad.ner.lexicon import key
from marsad.text import normalize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "marsad" / "data" / "common_words.json"
PERSON_CLASSES = (
    "PERS",
    "Politician",
    "Athlete",
    "Artist",
    "Other_PER",
    "Religious_PER",
    "Scientist",
    "Businessperson",
    "Lawyer",
    "Engineer",
)


def tagged(path: Path, sep: str | None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in path.read_text("utf-8-sig").splitlines():
        parts = line.strip().split(sep)
        if len(parts) >= 2 and parts[0]:
            pairs.append((parts[0].strip("\u200e\u200f\ufeff"), parts[-1]))
    return pairs


def name_counts() -> Counter[str]:
    """How often each normalized token is a person-name token in ``../shared/data/names``."""
    counts: Counter[str] = Counter()
    folder = DATA / "names"
    for line in (folder / "wikidata-ar-en.tokens.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].isdigit():
            counts[normalize(parts[1].replace(" ", ""))] += int(parts[2])
    for line in (folder / "google-ar2en.tsv").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            counts[normalize(parts[0])] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--max-person-share", type=float, default=0.02)
    parser.add_argument("--name-count", type=int, default=5, help="name-list count of a name")
    args = parser.parse_args()
    outside: Counter[str] = Counter()
    person: Counter[str] = Counter()
    sources = [
        (DATA / "anercorp" / "train.txt", None),
        (DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt", "\t"),
    ]
    for path, sep in sources:
        for word, tag in tagged(path, sep):
            k = key(word)
            if len(k) < 2 or not any("\u0621" <= ch <= "\u064a" for ch in k):
                continue
            label = tag.partition("-")[2]
            if tag == "O":
                outside[k] += 1
            elif label in PERSON_CLASSES:
                person[k] += 1
    common = sorted(
        k
        for k, n in outside.items()
        if n >= args.min_count and person[k] <= args.max_person_share * (n + person[k])
    )
    names = name_counts()
    # a given name counted often enough, or a family name with the article («الحربي»)
    also_names = [k for k in common if names[k] >= args.name_count or names["ال" + k]]
    OUT.write_text(
        json.dumps(
            {
                "about": "Words used as ordinary words, almost never in a person's name "
                "(keys: normalized, proclitics and article off). Built by "
                "scripts/build_common_words.py from ANERcorp train (CC BY-SA 4.0) and "
                "NewsFANE Gold (CC BY-SA 3.0); also_names: those of them that are person-name "
                "tokens in the Wikidata (CC0) and Google (Apache-2.0) name lists.",
                "words": common,
                "also_names": also_names,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(common)} common words ({len(also_names)} also names) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
