"""Linguistic data for the Arabic text layer, kept apart from the code that uses it.

Everything here is a heuristic, written down as plain data so that it can be read, reviewed and
extended without touching logic: folding tables for :func:`marsad.text.normalize`, the proclitic
inventory and the lexicon of words that merely *look* prefixed for
:func:`marsad.text.split_proclitics`, and the punctuation and abbreviation lists used by
:func:`marsad.text.split_sentences`.

Sources: the character ranges and properties come from the Unicode Standard (the Arabic,
Arabic Supplement, Arabic Extended-A/B and Arabic Presentation Forms-A/B blocks). The proclitic
inventory follows standard Arabic grammar (conjunction + preposition + definite article). The
word lists were compiled by hand for Marsad from the vocabulary of Arabic news wires: country and
city names, the names of people that appear in the news, frequent nouns, verbs and particles. They
are written in ordinary spelling; the code folds them with :func:`marsad.text.normalize` before
use, so hamza, alef maqsura and taa marbuta variants all match.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: lets long word lists be written as prose."""
    return frozenset(text.split())


# ---------------------------------------------------------------------------------------------
# Normalization (matching form)
# ---------------------------------------------------------------------------------------------

#: Letters folded to a single representative. Alef carrying hamza (above or below), madda or
#: wasla, and the rarer wavy/high-hamza alefs become a bare alef; alef maqsura and the Persian
#: yeh become yaa; taa marbuta and the heh variants used by Persian/Urdu keyboards become haa;
#: the Persian keheh becomes kaf. These are the spelling variations that real Arabic web text
#: shows for one and the same word (أحمد/احمد, مستشفى/مستشفي, الكويتية/الكويتيه, کویت/كويت).
LETTER_FOLDING: Final = MappingProxyType(
    {
        "أ": "ا",  # U+0623 alef with hamza above
        "إ": "ا",  # U+0625 alef with hamza below
        "آ": "ا",  # U+0622 alef with madda above
        "ٱ": "ا",  # U+0671 alef wasla
        "ٲ": "ا",  # U+0672 alef with wavy hamza above
        "ٳ": "ا",  # U+0673 alef with wavy hamza below
        "ٵ": "ا",  # U+0675 high hamza alef
        "ى": "ي",  # U+0649 alef maqsura
        "ی": "ي",  # U+06CC Farsi yeh (Persian keyboards)
        "ة": "ه",  # U+0629 taa marbuta
        "ۃ": "ه",  # U+06C3 teh marbuta goal
        "ۀ": "ه",  # U+06C0 heh with yeh above
        "ہ": "ه",  # U+06C1 heh goal
        "ھ": "ه",  # U+06BE heh doachashmee
        "ک": "ك",  # U+06A9 keheh (Persian kaf)
    }
)

#: Hamza on waw and on yaa (ؤ ئ) and the bare hamza (ء) are deliberately NOT folded. Unlike the
#: hamza on alef, whose presence is routinely dropped in typing, the seat of a medial hamza is
#: part of the spelling and distinguishes words (رؤية "vision" / روية "deliberation",
#: بئر "well" / بير); folding it to و/ي would also not reconcile the one real variation
#: (Egyptian مسئول vs. مسؤول). They are listed here so the decision is visible and testable.
HAMZA_SEATS_KEPT: Final = frozenset("ؤئء")

#: Combining hamza above (U+0654). Text in decomposed form writes ؤ as و + U+0654; such pairs
#: are recomposed before folding so that they match the precomposed letters kept above.
COMBINING_HAMZA_ABOVE: Final = "\u0654"
HAMZA_ABOVE_COMPOSITION: Final = MappingProxyType({"و": "ؤ", "ي": "ئ", "ى": "ئ", "ی": "ئ"})

#: Combining marks removed for matching, as inclusive code point ranges: harakat, tanween,
#: shadda, sukun, the combining hamzas and other marks (U+064B..U+065F), superscript (dagger)
#: alef (U+0670), Quranic annotation marks (U+06D6..U+06ED), and, beyond the basic list, the
#: honorific signs and small high letters (U+0610..U+061A) and the Arabic Extended-A marks.
DIACRITIC_RANGES: Final = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
)

#: Tatweel (kashida), the elongation stroke used for justification: removed for matching and
#: allowed inside words by the tokenizer.
TATWEEL: Final = "\u0640"

#: Invisible and bidirectional formatting characters removed for matching (inclusive ranges):
#: zero width space/non-joiner/joiner, LRM, RLM (U+200B..U+200F), embeddings and overrides
#: (U+202A..U+202E), word joiner and invisible operators (U+2060..U+2064), isolates
#: (U+2066..U+2069), the byte order mark / ZWNBSP (U+FEFF), the Arabic letter mark (U+061C),
#: the soft hyphen (U+00AD) and the Mongolian vowel separator (U+180E).
INVISIBLE_RANGES: Final = (
    (0x00AD, 0x00AD),
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
)

#: Zero width non-joiner and joiner: invisible for matching, but kept inside a word by the
#: tokenizer (Persian-influenced spellings put them between letters).
WORD_INTERNAL_JOINERS: Final = frozenset("\u200c\u200d")

#: Space characters other than ASCII whitespace that become a plain space: no-break space,
#: ogham space, the en/em/thin/hair spaces (U+2000..U+200A), narrow no-break space, medium
#: mathematical space and the ideographic space.
SPACE_RANGES: Final = (
    (0x00A0, 0x00A0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)

#: Arabic-Indic (U+0660..U+0669) and Extended Arabic-Indic/Persian (U+06F0..U+06F9) digits, in
#: order 0..9; both are folded to ASCII digits.
ARABIC_INDIC_DIGITS: Final = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS: Final = "۰۱۲۳۴۵۶۷۸۹"

#: Arabic number punctuation folded to its ASCII counterpart: decimal separator, thousands
#: separator, percent sign (٣٫٥ -> 3.5, ١٬٠٠٠ -> 1,000, ٥٠٪ -> 50%).
NUMERIC_PUNCTUATION: Final = MappingProxyType({"٫": ".", "٬": ",", "٪": "%"})

#: Arabic Presentation Forms-A and -B (inclusive ranges). Each character is replaced by its
#: Unicode compatibility decomposition (NFKC) and then folded like ordinary text, so contextual
#: forms become base letters and ligatures such as lam-alef (ﻻ) become two letters.
PRESENTATION_FORM_RANGES: Final = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

#: The Unicode blocks that hold Arabic script; the tokenizer takes the letters (category Lo)
#: and combining marks (category Mn) of these blocks as the characters of an Arabic word.
ARABIC_BLOCKS: Final = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)

# ---------------------------------------------------------------------------------------------
# Proclitics
# ---------------------------------------------------------------------------------------------

#: The definite article. It is always counted as part of the prefix: the base of الكويت is
#: كويت and the base of والكويت is كويت too (prefix وال).
ARTICLE: Final = "ال"

#: Proclitic sequences recognised at the start of a word, as written: an optional conjunction
#: (و "and", ف "so"), an optional preposition (ب "with/in", ل "for/to", ك "like") and an
#: optional article (ال). Preposition ل + article ال is written لل (the alef drops). The future
#: particle س is not handled: it attaches only to present-tense verbs and cannot be told apart
#: from a root letter without a verb lexicon.
PROCLITICS: Final = (
    "وبال",
    "فبال",
    "وكال",
    "فكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)

#: The proclitic sequences above that contain the article.
ARTICLE_PROCLITICS: Final = frozenset(p for p in PROCLITICS if p.endswith(ARTICLE) or "لل" in p)

#: Name words written apart from the next word or joined to it («عبد الناصر» / «عبدالناصر»,
#: «أبو ظبي» / «أبوظبي»), normalized: name matching joins them (join_name_words).
JOINED_NAME_FIRSTS: Final = frozenset({"عبد", "ابو", "بو"})

#: Smallest base (in letters) left after stripping a prefix that contains the article, and
#: after one without it. Conjunctions and prepositions attach to whole words, so a base of two
#: letters is only accepted from SHORT_BASES; after the article two letters are fine (الحج).
MIN_BASE_AFTER_ARTICLE: Final = 2
MIN_BASE_AFTER_PARTICLE: Final = 3

#: Two-letter words that do follow a conjunction or preposition (وهو، فقد، بما، ولا، ومع ...).
SHORT_BASES: Final = _words("هو هي هم هن ما لا لم لن قد في من عن أن إن إذ لو كم ذا مع كل كي")

#: Letters that cannot begin a word, so never begin a base.
NON_INITIAL_LETTERS: Final = frozenset("ةى")

#: Endings that a lexicon word may carry and still be recognised (folded spelling): attached
#: pronouns, dual/plural and feminine endings, the adverbial -an (ـًا is written ا), nisba -i.
LEXICON_SUFFIXES: Final = _words(
    "ه ها هم هما هن ك كم كما كن ي ني نا ا ان ين ون وا ات ت تا تم تن يه يين يون يات اته اتها"
    " اتهم تها ته تهم تي تنا"
)

#: Endings that replace the final ا or ة of a lexicon word: nisba adjectives and plurals of
#: names (فرنسا -> فرنسي، فرنسية؛ وزارة -> وزارات، وزارته، وزارتها).
STEM_SUFFIXES: Final = _words(
    "ي يه يين يون يات ات ت ته تها تهم تي تك تكم تنا تان تين اته اتها اتهم اتنا"
)

# The lexicon: words that begin with a letter that could be a proclitic (و ف ب ل ك, or ال)
# but are not prefixed. Names that usually carry the article are listed without it (كويت for
# الكويت), because the article is split off as part of the prefix.

_COUNTRIES_AND_REGIONS = _words(
    """
    بريطانيا بلجيكا بولندا برازيل بلغاريا بنغلاديش باكستان بحرين بوليفيا بيرو بنما بنين
    بوتسوانا بوركينا بوروندي بيلاروسيا بوسنة بورما بروناي بوتان برتغال بافاريا بلوشستان
    لبنان ليبيا لاتفيا ليتوانيا لوكسمبورغ ليبيريا ليسوتو لاوس
    فرنسا فلسطين فنلندا فنزويلا فيتنام فلبين فيجي فاتيكان
    كويت كندا كوريا كوبا كولومبيا كينيا كرواتيا كازاخستان كمبوديا كاميرون كونغو كوستاريكا
    كوسوفو كردستان كاليفورنيا كتالونيا كشمير كيبك كرغيزستان
    ويلز ولاية ولايات
    ألمانيا ألبانيا ألاسكا
    """
)

_CITIES = _words(
    """
    بيروت بغداد باريس برلين بكين بروكسل بنغازي بعلبك بصرة بابل برشلونة بون بازل برن بودابست
    بوخارست بلغراد براغ بانكوك بومباي بوسطن بالتيمور بريتوريا باماكو بيشاور بعقوبة بورتسودان
    بنزرت بجاية بسكرة
    لندن لشبونة لاهاي لوس ليون ليفربول لاغوس لاهور لاذقية لحج لواندا ليما ليدز لوزان
    فيينا فلورنسا فرانكفورت فلوريدا فيلادلفيا فلوجة فاس
    كربلاء كركوك كابول كراتشي كييف كوبنهاغن كانبيرا كاتماندو كيغالي كمبالا كالكوتا كرك
    واشنطن وارسو ولنغتون وهران واسط
    """
)

_PERSON_NAMES = _words(
    """
    وليد وائل وسام وفاء وداد وجدي وحيد وديع وهبة ولاء وصفي وضاح وفيق وجيه وهيب
    بشار بشير بشرى بدر بكر بلال باسل بسام بهاء بثينة بسمة بلقيس برهان بطرس بولس بنيامين
    بايدن بوتين بوش بلير بومبيو بينيت بيلوسي بوريس بوتفليقة بورقيبة بارزاني بلينكن
    لؤي لبنى ليلى لينا لطفي لطيفة لمياء لجين لويس لافروف
    فيصل فهد فؤاد فاطمة فادي فارس فريد فريدة فايز فائز فتحي فراس فرج فاروق فوزي فيروز
    فلاديمير فرانسوا فرنسيس فالح فواز فيليب
    كريم كريمة كمال كامل كاظم كوثر كلثوم كيري كلينتون كارتر كينيدي كيم كامالا كوشنر كيسنجر
    ألكسندر إلياس إلهام
    """
)

_ORGANISATIONS_AND_TERMS = _words(
    """
    كونا فيسبوك فيفا ليكود ويكيليكس واتساب فيروس كورونا كوفيد كوليرا بيتكوين
    """
)

_COMMON_NOUNS_AND_ADJECTIVES = _words(
    """
    وزير وزارة وزراء وفد وقت وضع وسط وطن وجه وجود وصول وكالة وحدة وثيقة وثائق ورقة وظيفة
    وظائف وعد وعود وقف وقائع واقع واحد واضح واسع وارد واجب وادي والد والدة والي وجهة ورشة
    وسيلة وسائل وسيط وساطة وقود وباء وفاة وفيات وصف وعي ولد ولادة وكيل وديعة ودائع وصية
    وقاية وطأة وزن وتيرة وافد وجبة وداع ورطة وسائط ورق
    بلد بلاد بلدة بلدية بيان بيت بنك بناء بحث بحر برنامج برامج برلمان بطولة بطل بورصة بيئة
    بطالة بحيرة بقية بقاء بيع بداية بدل بديل بريد بعثة بؤرة بئر بشر بطاقة باب بارز بالغ
    باقي باهظ بحري برد برج بركان بلاغ بنية بند بنود بوابة بترول بنزين برميل براميل بروتوكول
    بيعة بكاء بطن بحوث بعيد بسيط باحث بلوغ براءة برقية بريء باخرة بضاعة بضائع بطارية بطريرك
    بصمة بقعة بكالوريوس بيولوجي بلاستيك بنت
    لجنة لجان لقاء لحظة لغة لهجة لاعب لعبة لائحة لوائح لواء لوحة لقب لون ليلة ليل لحم
    لجوء لاجئ لقاح لازم لائق لطيف لغز لافتة لاحق لياقة ليبرالي لوجستي ليرة لغم لوبي لقطة
    لمحة
    فترة فريق فرصة فرص فرع فروع فصل فصول فكرة فيلم فندق فوز فئة فائدة فوائد فعل فعالية فساد
    فقر فقير فلاح فنان فني فنون فضاء فضل فضيحة فرض فرد فائض فاتورة فواتير فراغ فرار فحص
    فتوى فصيل فصائل فيدرالي فيتو فوضى فاعل فكر فتاة فتيات فرق فقرة فيضان فلسفة فيزياء
    فاكهة فقدان فور فخر فخور
    كلمة كلام كتاب كتب كاتب كبير كبار كثير كرة كرسي كلية كمية كشف كفاح كهرباء كارثة كوارث
    كيان كنيسة كتلة كافة كافي كلفة كتيبة كتائب كمين كوادر كادر كفاءة كسب كأس كبرى كلب
    كوكب كمبيوتر كاميرا كيلو كيلومتر كيلوغرام كرامة كمامة كيماوي كيميائي كثافة كفالة
    كابينة كورنيش
    إلكتروني إلغاء إلزام آلاف
    """
)

_COMMON_VERBS = _words(
    """
    وقع وصل وجد وضع وعد وقف ولد وافق واصل واجه وصف ورد وجه وفر وزع
    بدأ بلغ بات بقي بحث بذل باع بنى بعث بادر برز
    لقي لفت لعب لجأ لاحظ
    فاز فتح فرض فشل فسر
    كان كشف كتب كرر كلف كسب كافح
    التزم التزام التقى التقاء التحاق التفاف التماس التهاب التباس
    """
)

_FUNCTION_WORDS = _words(
    """
    بعد بعدما بين بينما بعض بل بلى بدون بيد
    كل كما كيف كلما كلا كي
    لكن لدى لقد لعل ليس لولا لما لدن لاسيما
    فقط فوق فيما فيه فيها فيهم فيهما فيكم فينا
    وراء وفق
    الله اللهم الذي التي الذين اللذين اللذان اللتان اللتين اللاتي اللواتي اللائي الآن إلي
    إليه
    """
)

#: All words that begin with proclitic-looking letters but are not prefixed (see above).
UNPREFIXED_LEXICON: Final = frozenset().union(
    _COUNTRIES_AND_REGIONS,
    _CITIES,
    _PERSON_NAMES,
    _ORGANISATIONS_AND_TERMS,
    _COMMON_NOUNS_AND_ADJECTIVES,
    _COMMON_VERBS,
    _FUNCTION_WORDS,
)

# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

#: Characters that end a sentence: full stop, exclamation and question marks (Latin and
#: Arabic ؟), the ellipsis, the Urdu full stop and the double exclamation/question marks.
SENTENCE_TERMINATORS: Final = frozenset(".!?؟…۔‼⁇⁈⁉")

#: Quotation mark pairs (opening, closing). Text inside a matched pair is never split.
#: The straight double quote opens and closes alike; it is paired in order of appearance.
QUOTE_PAIRS: Final = (("«", "»"), ("“", "”"), ("‹", "›"), ('"', '"'))

#: Closing punctuation that stays with the sentence when it follows a terminator (.» .) !”).
CLOSING_PUNCTUATION: Final = frozenset("»”›\"')]}’")

#: Opening punctuation that can precede a word (stripped when looking at the word before a
#: full stop, as in «(د. أحمد»).
OPENING_PUNCTUATION: Final = frozenset("«“‹\"'([{‘")

#: Arabic abbreviations written with a full stop (folded spelling): دكتور، مهندس/ميلادي،
#: أستاذ، أستاذ دكتور، قبل الميلاد، صندوق بريد، هجري، صفحة، جزء، طبعة، هاتف. Any single
#: letter followed by a full stop, and dotted sequences of single letters, are treated as
#: abbreviations/initials anyway; this list documents the common ones and adds multi-letter
#: forms.
ARABIC_ABBREVIATIONS: Final = _words("د م أ أ.د ق.م ص.ب هـ ص ج ط ت")

#: Latin abbreviations that end with a full stop and rarely end a sentence (case-sensitive).
LATIN_ABBREVIATIONS: Final = _words(
    """
    Mr Mrs Ms Dr Prof Sr Jr St Gen Col Lt Capt Sgt Gov Sen Rep Rev Hon No vs e.g i.e cf
    approx Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

#: Characters that Unicode files as punctuation (category Po) but that the tokenizer reports
#: as "symbol" because they stand for a word or a unit, not for text structure.
SYMBOL_LIKE_PUNCTUATION: Final = frozenset("%٪‰‱#&*@†‡§¶")

#: Top-level domains recognised in bare domain names (aljazeera.net, kuna.net.kw) so that they
#: stay one token: generic ones and the country codes of the Arab world and frequent sources.
KNOWN_TLDS: Final = _words(
    """
    com org net gov edu int info io news tv co me biz
    kw sa ae qa bh om eg jo lb sy iq ye ps ma dz tn ly sd mr so dj km
    uk us fr de ru cn tr ir il ch be nl es it
    """
)
