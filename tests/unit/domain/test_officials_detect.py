"""Finding the directory's officials in a text, with offsets into the text as written."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.officials.csv_io import parse_officials_csv
from editor_app.domain.officials.detect import Mention, OfficialsIndex, find_mentions
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.text import fold

HUY = Official("Dương Đức Huy", [Title("Trưởng Ban Tuyên giáo Tỉnh ủy")], aliases=["Huy DĐ"])
TRONG = Official("Nguyễn Văn Trọng", [Title("Giám đốc Sở Nội vụ")])
NGHIA = Official("Nguyễn Văn Trọng Nghĩa", [Title("Phó Giám đốc Sở Y tế")])
THUY = Official("Lê Thị Thụy", [Title("Hiệu trưởng")])


def names(mentions: list[Mention]) -> list[str]:
    return [m.official.full_name for m in mentions]


def spans(text: str, mentions: list[Mention]) -> list[str]:
    return [text[m.start : m.end] for m in mentions]


@pytest.mark.samples
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_sample_article(
    samples_dir: Path, sample_article: Path, form: Literal["NFC", "NFD"]
) -> None:
    directory = parse_officials_csv((samples_dir / "officials.csv").read_text(encoding="utf-8"))
    text = unicodedata.normalize(form, sample_article.read_text(encoding="utf-8"))
    mentions = OfficialsIndex(directory.officials).find(text)
    assert names(mentions) == [
        "Dương Đức Huy",
        "Dương Đức Huy",
        "Dương Đức Huy",
        "Trịnh Việt Hùng",
        "Nguyễn Văn Trọng",
        "Trần Cẩm Tú",
    ]
    for m in mentions:
        assert unicodedata.normalize("NFC", text[m.start : m.end]) == m.official.full_name
        assert m.exact
        assert m.honorific_start is not None
        honorific = unicodedata.normalize("NFC", text[m.honorific_start : m.start]).lower()
        assert honorific == "đồng chí "


def test_prefix_name_longest_wins() -> None:
    index = OfficialsIndex([TRONG, NGHIA])
    text = "Ông Nguyễn Văn Trọng Nghĩa và ông Nguyễn Văn Trọng."
    assert names(index.find(text)) == ["Nguyễn Văn Trọng Nghĩa", "Nguyễn Văn Trọng"]
    assert spans(text, index.find(text)) == ["Nguyễn Văn Trọng Nghĩa", "Nguyễn Văn Trọng"]


def test_a_longer_name_not_in_the_directory_is_not_a_shorter_match() -> None:
    index = OfficialsIndex([TRONG])
    assert index.find("Ông Nguyễn Văn Trọng Nghĩa phát biểu.") == []
    # …but a title written without its comma does not make the name longer
    text = "Đồng chí Nguyễn Văn Trọng Giám đốc Sở Nội vụ"
    assert names(index.find(text)) == ["Nguyễn Văn Trọng"]
    # …nor does an acronym, nor the next line
    assert names(index.find("Nguyễn Văn Trọng UBND tỉnh")) == ["Nguyễn Văn Trọng"]
    assert names(index.find("ảnh: Nguyễn Văn Trọng\nCác đại biểu")) == ["Nguyễn Văn Trọng"]


@pytest.mark.parametrize(
    "text",
    [
        "Dương Đức Huy",
        "Dương Đức Huy phát biểu",
        "Phát biểu: Dương Đức Huy",
        "“Dương Đức Huy”",
        '"Dương Đức Huy",',
        "(Dương Đức Huy)",
        "…Dương Đức Huy.",
        "**Dương Đức Huy**",
        "ông Dương\u00a0Đức  Huy;",
        "Dương Đức\nHuy",
    ],
)
def test_name_at_edges_and_next_to_punctuation(text: str) -> None:
    (m,) = find_mentions(text, [HUY])
    assert " ".join(text[m.start : m.end].split()) == "Dương Đức Huy"


@pytest.mark.parametrize(
    "text",
    [
        "XDương Đức Huy",
        "Dương Đức Huyền",
        "Dương Đức Huy2",
        "Dương_Đức_Huy",
        "Dương, Đức Huy",
        "Dương Đức. Huy",
        "duong duc huy",  # lower case without marks: ordinary words, not a name
    ],
)
def test_no_match_without_word_boundaries(text: str) -> None:
    assert find_mentions(text, [HUY]) == []


@pytest.mark.parametrize(
    ("text", "honorific"),
    [
        ("đồng chí Dương Đức Huy", "đồng chí"),
        ("Đồng chí Dương Đức Huy", "Đồng chí"),
        ("ĐỒNG CHÍ DƯƠNG ĐỨC HUY", "ĐỒNG CHÍ"),
        ("đ/c Dương Đức Huy", "đ/c"),
        ("Đ/c. Dương Đức Huy", "Đ/c"),
        ("các đồng chí Dương Đức Huy", "đồng chí"),
        ("chí Dương Đức Huy", None),
    ],
)
def test_honorific(text: str, honorific: str | None) -> None:
    (m,) = find_mentions(text, [HUY])
    if honorific is None:
        assert m.honorific_start is None
    else:
        assert m.honorific_start is not None
        assert text[m.honorific_start :].startswith(honorific)
        assert m.phrase_start == m.honorific_start


def test_case_and_unicode_form_do_not_matter() -> None:
    for text in ("DƯƠNG ĐỨC HUY", "dương đức huy", unicodedata.normalize("NFD", "Dương Đức Huy")):
        (m,) = find_mentions(text, [HUY])
        assert m.exact
        assert (m.start, m.end) == (0, len(text))


def test_offsets_are_into_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Hội nghị có Dương Đức Huy, Trưởng Ban.")
    (m,) = find_mentions(text, [HUY])
    assert unicodedata.normalize("NFC", text[m.start : m.end]) == "Dương Đức Huy"
    assert text[m.end] == ","


def test_old_tone_placement_is_the_same_name() -> None:
    (m,) = find_mentions("bà Lê Thị Thuỵ phát biểu", [THUY])
    assert m.exact


def test_alias() -> None:
    (m,) = find_mentions("Theo Huy DĐ, …", [HUY])
    assert m.official is HUY
    assert m.spelling == "Huy DĐ"


def test_misspelt_name_is_found_but_not_exact() -> None:
    (m,) = find_mentions("Đồng chí Duong Duc Huy phát biểu", [HUY])
    assert not m.exact
    assert m.spelling == "Dương Đức Huy"
    (m,) = find_mentions("Đồng chí Dương Đức Hủy", [HUY])
    assert not m.exact


def test_exact_spelling_wins_over_a_namesake_by_letters() -> None:
    ha = Official("Lê Văn Hà")
    ha_dot = Official("Lê Văn Hạ")
    (m,) = find_mentions("ông Lê Văn Hạ", [ha, ha_dot])
    assert m.candidates == (ha_dot,)
    assert m.exact


def test_namesakes_are_all_candidates() -> None:
    other = Official("Nguyễn Văn Trọng", [Title("Chủ tịch UBND huyện")])
    (m,) = find_mentions("Nguyễn Văn Trọng", [TRONG, other])
    assert m.candidates == (TRONG, other)


def test_many_mentions_in_order() -> None:
    text = "Dương Đức Huy, Nguyễn Văn Trọng và Nguyễn Văn Trọng Nghĩa; Dương Đức Huy"
    mentions = find_mentions(text, [HUY, TRONG, NGHIA])
    assert names(mentions) == [
        "Dương Đức Huy",
        "Nguyễn Văn Trọng",
        "Nguyễn Văn Trọng Nghĩa",
        "Dương Đức Huy",
    ]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_empty_directory_and_empty_text() -> None:
    assert find_mentions("Dương Đức Huy", []) == []
    assert find_mentions("", [HUY]) == []


_filler = st.text(st.sampled_from(list("abc đê,.;:()“”\n-")), max_size=20)


@given(_filler, _filler, st.sampled_from(["NFC", "NFD"]))
def test_name_between_any_text(before: str, after: str, form: Literal["NFC", "NFD"]) -> None:
    text = unicodedata.normalize(form, f"{before} Dương Đức Huy {after}")
    mentions = find_mentions(text, [HUY, TRONG])
    assert len(mentions) == 1
    assert fold(text[mentions[0].start : mentions[0].end]) == "duong duc huy"
