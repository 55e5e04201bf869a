"""Vietnamese spell checking: tone placement, what is skipped, the user's words, suggestions."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.domain.tone_marks import hoa_first_style, hoa_style, style_of
from editor_app.services.spelling import (
    SpellChecker,
    find_dictionary,
)

HUNSPELL_VI = find_dictionary("vi_VN")
needs_vi = pytest.mark.skipif(
    HUNSPELL_VI is None, reason="hunspell-vi (vi_VN.dic/.aff) is not installed"
)


@pytest.fixture(scope="module")
def loaded() -> SpellChecker:
    if HUNSPELL_VI is None:
        pytest.skip("hunspell-vi (vi_VN.dic/.aff) is not installed")
    return SpellChecker.load()


@pytest.fixture
def vi(loaded: SpellChecker) -> SpellChecker:
    return loaded.copy()  # the word lists of one test do not leak into the next


class FakeDictionary:
    """Knows a few syllables (old placement) and counts its lookups."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.lookups = 0

    def lookup(self, word: str) -> bool:
        self.lookups += 1
        return word in self.words or word.lower() in self.words

    def suggest(self, word: str) -> Iterator[str]:
        yield from sorted(self.words)


# --- tone placement (no dictionary) ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("ủy", "uỷ"),
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("Thủy", "Thuỷ"),
        ("khỏe", "khoẻ"),
        ("HÒA", "HOÀ"),
        ("tùy", "tuỳ"),
        ("họa", "hoạ"),
    ],
)
def test_tone_moves_to_the_second_vowel_of_a_final_oa_oe_uy(first: str, last: str) -> None:
    assert hoa_style(first) == last
    assert hoa_first_style(last) == first
    assert style_of(first) == "hòa" and style_of(last) == "hoà"


@pytest.mark.parametrize(
    "word", ["hoàng", "quý", "thuở", "xoáy", "huỳnh", "khuya", "hoa", "uy", "Việt", "người", "a"]
)
def test_other_syllables_are_left_alone(word: str) -> None:
    assert hoa_style(word) == word
    assert hoa_first_style(word) == word
    assert style_of(word) is None


# --- checking with a fake dictionary --------------------------------------------------------------
def test_a_checker_without_dictionary_accepts_everything() -> None:
    checker = SpellChecker(None)
    assert not checker.enabled
    assert checker.check("Namm")
    assert checker.misspelled_spans("Việt Namm") == []
    assert checker.suggest("Namm") == []


def test_missing_dictionary_gives_a_disabled_checker(tmp_path: Path) -> None:
    checker = SpellChecker.load(search_dirs=[tmp_path], language="xx_XX")
    assert not checker.enabled


def test_a_bundled_dictionary_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "vi_VN.aff").write_text("SET UTF-8\nTRY aoe\n", encoding="utf-8")
    (tmp_path / "vi_VN.dic").write_text("3\nxin\nchào\nhoà\n", encoding="utf-8")
    assert find_dictionary("vi_VN", [tmp_path]) == tmp_path / "vi_VN"
    checker = SpellChecker.load(search_dirs=[tmp_path])
    assert checker.misspelled_words("xin chào hòa hoà xinn") == ["xinn"]


def test_results_are_cached_per_syllable() -> None:
    fake = FakeDictionary({"một", "hai", "ba"})
    checker = SpellChecker(fake)
    line = "một hai ba một hai bốn " * 20
    assert checker.misspelled_words(line) == ["bốn"] * 20
    assert fake.lookups == 4
    checker.misspelled_words(line)
    assert fake.lookups == 4


def test_skipped_tokens() -> None:
    fake = FakeDictionary({"xem", "tại", "và", "năm", "ảnh"})
    checker = SpellChecker(fake)
    line = (
        "xem HĐND UBND iPhone H5N1 năm 2023 tại https://vnexpress.net/abc-xyz và www.abc.vn "
        "![ảnh](photo:0b1c2d3e-4f50) [xem](https://a.vn/khac) `mãnguồn` toa@b.vn <kbd> &nbsp;"
    )
    assert checker.misspelled_words(line) == []


def test_user_words_and_ignored_words() -> None:
    checker = SpellChecker(FakeDictionary({"xin"}))
    assert checker.misspelled_words("xin Zalo zalo Hòa") == ["Zalo", "zalo", "Hòa"]
    checker.add_word("zalo")
    checker.ignore_word("Hoà")  # the user's tone style does not matter
    assert checker.misspelled_words("xin Zalo zalo Hòa") == []
    assert checker.user_words() == ["zalo"]
    checker.remove_word("zalo")
    assert checker.misspelled_words("Zalo") == ["Zalo"]


def test_a_capitalised_user_word_stays_capitalised() -> None:
    checker = SpellChecker(FakeDictionary(set()))
    checker.add_word("Tiktok")
    assert checker.misspelled_words("Tiktok tiktok") == ["tiktok"]


def test_user_word_list_text_and_file(tmp_path: Path) -> None:
    checker = SpellChecker(FakeDictionary(set()))
    checker.set_user_words_text("# từ của tôi\nzalo\n\n  Grab  \nthủy # comment\n")
    assert checker.user_words() == ["Grab", "thuỷ", "zalo"]
    path = tmp_path / "profile" / "words.txt"
    checker.save_user_words(path)
    assert path.read_text(encoding="utf-8") == "Grab\nthuỷ\nzalo\n"
    other = SpellChecker(FakeDictionary(set()))
    other.load_user_words(path)
    assert other.user_words() == checker.user_words()
    other.load_user_words(tmp_path / "missing.txt")
    assert other.user_words() == []


def test_load_reads_the_user_words(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("zalo\n", encoding="utf-8")
    checker = SpellChecker.load(search_dirs=[tmp_path], language="xx_XX", user_words_path=path)
    assert checker.user_words() == ["zalo"]


# --- with hunspell-vi -----------------------------------------------------------------------------
@needs_vi
@pytest.mark.parametrize("word", ["ủy", "hòa", "thủy", "Thủy", "hoàng", "khỏe", "uỷ", "khoẻ"])
def test_both_tone_placements_are_right(vi: SpellChecker, word: str) -> None:
    assert vi.check(word)


@needs_vi
def test_misspellings_are_found(vi: SpellChecker) -> None:
    line = "Chủ tịch UBND tỉnh ủy quyền cho đoàn công tác tại Việt Namm, sức khỏe tốtt."
    assert vi.misspelled_words(line) == ["Namm", "tốtt"]
    assert vi.misspelled_spans("Việt Namm") == [(5, 9)]


@needs_vi
def test_suggestions(vi: SpellChecker) -> None:
    assert vi.suggest("Namm")[0] == "Nam"
    assert vi.suggest("Viêt")[:2] == ["Viết", "Việt"]
    assert len(vi.suggest("Namm", limit=3)) == 3


@needs_vi
def test_suggestions_follow_the_writers_tone_placement(vi: SpellChecker) -> None:
    assert "thủy" in vi.suggest("thủyy")  # "hòa" placement written: "hòa" placement offered
    writer = vi.copy()
    for word in ("hoà", "thuỷ", "khoẻ"):
        writer.check(word)
    assert writer.tone_style() == "hoà"
    assert "thuỷ" in writer.suggest("thuỷy")


@needs_vi
def test_suggest_keeps_to_its_time_budget(vi: SpellChecker) -> None:
    start = time.monotonic()
    vi.suggest("quoocsz", time_budget=0.05)
    assert time.monotonic() - start < 0.5
