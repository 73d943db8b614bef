"""Word lists of the archive's search analyzer and story grouping, kept apart from the logic.

The suffix list follows the "light" stemmers of Arabic information retrieval (Larkey, Ballesteros
and Connell, *Light stemming for Arabic information retrieval*, 2007: light10 strips
ها ان ات ون ين يه ية ه ة ي), written here in the matching form of :func:`marsad.text.normalize`
(taa marbuta is already folded to ه, so ية and ة appear as يه and ه). Only one suffix is removed,
the longest that leaves a stem of :data:`MIN_STEM` letters or more. Proclitics (و، ف، ب، ل، ك،
ال and their combinations) are left to :func:`marsad.text.split_proclitics`, which knows the
words that merely look prefixed.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MIN_STEM",
    "STEM_EXCEPTIONS",
    "SUFFIXES",
    "SYNDICATION_SHINGLE",
    "TOPIC_STOPWORDS",
]

#: Suffixes stripped by the light stemmer, longest first (matching form: ة is ه, ى is ي).
SUFFIXES: Final = ("يين", "يون", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

#: Fewest letters a stem keeps: a shorter remainder means the "suffix" was part of the root.
MIN_STEM: Final = 3

#: Words (matching form, no proclitic) whose ending is part of the name, not a suffix: stripping
#: it would merge them with unrelated words (لبنان is not لبن "milk", عمان is not عم).
STEM_EXCEPTIONS: Final = frozenset(
    [
        "لبنان",
        "عمان",
        "اليمن",
        "يمن",
        "ايران",
        "لندن",
        "طهران",
        "عثمان",
        "سلمان",
        "سليمان",
        "رمضان",
        "شعبان",
        "عدنان",
        "حسين",
        "فلسطين",
        "الصين",
        "صين",
        "البحرين",
        "بحرين",
        "عين",
        "دين",
        "دون",
        "قانون",
        "مليون",
        "مليار",
        "بيان",
        "مكان",
        "زمان",
        "امان",
        "ايمان",
        "برلمان",
        "ميدان",
        "سودان",
        "السودان",
        "يونان",
        "اليونان",
        "افغانستان",
        "باكستان",
        "كازاخستان",
        "طالبان",
        "بنيامين",
        "ترامب",
        "اردوغان",
    ]
)

#: Very frequent words of news text: they say nothing about what an article is about, so the
#: «read also» and story grouping ignore them when picking an article's characteristic terms.
TOPIC_STOPWORDS: Final = frozenset(
    [
        "في",
        "من",
        "الي",
        "علي",
        "عن",
        "مع",
        "ان",
        "او",
        "ثم",
        "قد",
        "لا",
        "ما",
        "لم",
        "لن",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "يكون",
        "تكون",
        "وقال",
        "قال",
        "قالت",
        "اضاف",
        "واضاف",
        "امس",
        "اليوم",
        "بعد",
        "قبل",
        "خلال",
        "بين",
        "حتي",
        "منذ",
        "عند",
        "لدي",
        "كل",
        "اكثر",
        "اقل",
        "ايضا",
        "حيث",
        "كما",
        "وفق",
        "وفقا",
        "نحو",
        "عبر",
        "ضد",
        "دون",
        "غير",
        "اي",
        "وهو",
        "وهي",
        "الا",
        "اذا",
        "لكن",
        "بان",
        "انه",
        "انها",
        "يوم",
        "عام",
        "العام",
        "السنه",
        "شهر",
        "وكاله",
        "مصدر",
        "مصادر",
        "اخر",
        "اخري",
        "احد",
        "بعض",
        "جميع",
        "سوي",
    ]
)

#: Words per shingle when comparing texts for near-duplicates (syndicated copies).
SYNDICATION_SHINGLE: Final = 3
