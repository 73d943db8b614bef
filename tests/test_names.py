"""The packaged name lexicon (marsad.ner.names) and the build's filters."""

from __future__ import annotations

import importlib.util
import sys
import time
from types import ModuleType

import pytest

from marsad.ner.names import NameLexicon, capitalize, name_lexicon

from .conftest import ROOT


def test_known_given_names_surnames_and_foreign_names() -> None:
    names = name_lexicon()
    assert len(names) > 40_000
    assert names.is_given("مايك") and names.kind("مايك") == "given"
    assert names.is_surname("بومبيو") and names.latin("بومبيو") == "Pompeo"
    assert names.is_foreign("كارلوس") and not names.is_foreign("القحطاني")
    assert names.is_surname("القحطاني")  # «ال» nisba
    assert names.latin("محمد") is not None and names.is_name("محمد")


def test_lookup_is_by_normalized_form() -> None:
    names = name_lexicon()
    assert names.latin("أَحْمَد") == names.latin("احمد")
    assert "إبراهيم" in names


def test_proclitics_are_the_callers_business() -> None:
    names = name_lexicon()
    assert names.is_name("كارلوس")
    assert not names.is_name("وكارلوس")
    assert names.entry("وكارلوس") is None


def test_common_words_are_not_names() -> None:
    names = name_lexicon()
    for word in ("في", "من", "لا"):
        assert not names.is_name(word), word
        assert names.kind(word) is None
    entry = names.entry("لا")
    assert entry is None or entry.common


def test_proclitic_on_a_frequent_word_is_not_a_name() -> None:
    names = name_lexicon()
    for word in ("بدور", "وانا"):  # «with a role», «and I»
        assert not names.is_name(word), word
    for word in ("فيصل", "بوتين", "لافروف"):  # names that start like proclitics
        assert names.is_name(word), word


def test_titles_and_places_are_left_out() -> None:
    names = name_lexicon()
    for word in ("الشيخ", "الأمير", "فرنسا"):
        assert not names.is_name(word), word


def test_unknown_tokens() -> None:
    names = name_lexicon()
    assert names.entry("زقلوطي") is None
    assert names.latin("زقلوطي") is None
    assert names.kind("زقلوطي") is None
    assert not names.is_given("")


def test_parsing_lines() -> None:
    lex = NameLexicon.from_lines(
        ["سامر\tsamer\tG\t12", "بومبو\tbombo\tSF\t2", "bad line", "لا\tla\tGSC\t70"]
    )
    assert len(lex) == 3  # the line without a tab is skipped
    assert lex.entry("bad line") is None
    assert lex.kind("سامر") == "given"
    assert lex.is_surname("بومبو") and lex.is_foreign("بومبو")
    assert lex.is_common("لا") and not lex.is_name("لا")
    entry = lex.entry("لا")
    assert entry is not None and entry.given and entry.count == 70
    assert entry.display == "La"


def test_capitalize() -> None:
    assert capitalize("o'brien") == "O'Brien"
    assert capitalize("jean-pierre") == "Jean-Pierre"
    assert capitalize("josé") == "José"


def test_loads_quickly() -> None:
    name_lexicon.cache_clear()
    start = time.perf_counter()
    name_lexicon()
    assert time.perf_counter() - start < 1.0  # about 0.15 s on a quiet machine


@pytest.fixture(scope="module")
def build() -> ModuleType:
    path = ROOT / "scripts" / "build_name_lexicons.py"
    spec = importlib.util.spec_from_file_location("build_name_lexicons", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_build_keeps_transliterations_and_drops_translations(build: ModuleType) -> None:
    t = build.load_tables()
    assert build.spells("سميث", "smith", t)
    assert build.spells("خوسيه", "josé", t)  # Spanish j
    assert build.spells("القحطاني", "qahtani", t)  # article not spelled
    assert not build.spells("النمسا", "austria", t)
    assert not build.spells("في", "in", t)
    assert not build.keep_latin("prince", t)
    assert not build.keep_latin("iii", t)


def test_build_tells_foreign_names(build: ModuleType) -> None:
    t = build.load_tables()
    assert build.is_foreign("جونسون", "johnson", t)
    assert build.is_foreign("بيتر", "peter", t)
    assert not build.is_foreign("عبد", "abdul", t)
    assert not build.is_foreign("سمير", "samir", t)


def test_build_prefers_plain_spellings(build: ModuleType) -> None:
    entry = build.Entry()
    entry.spellings.update({"abyārī": 3, "abyari": 1})
    assert build.spelling(entry) == "abyari"
    entry = build.Entry()
    entry.spellings.update({"ḥasan": 2})
    assert build.spelling(entry) == "hasan"
    entry = build.Entry()
    entry.spellings.update({"botín": 1, "putin": 1})
    assert build.spelling(entry) == "putin"


def test_build_lends_spellings_to_forms_with_a_vowel_letter_less(build: ModuleType) -> None:
    entries = {"دايفيد": build.Entry(), "ديفيد": build.Entry(), "دفيد": build.Entry()}
    entries["دايفيد"].spellings.update({"david": 700})
    entries["ديفيد"].spellings.update({"dawid": 1})
    build.borrow_spellings(entries)
    assert build.spelling(entries["ديفيد"]) == "david"
    assert entries["ديفيد"].spellings.total() == 1  # the counts stay its own
    assert "جن" not in entries  # nothing is added
