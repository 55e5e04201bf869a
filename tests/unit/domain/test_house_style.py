"""The house style's tone placement (issue 17, part 3): "hòa, khỏe, thủy" or "hoà, khoẻ, thuỷ",
the words written the other way, the whole-text conversion and what the site file may say."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.article import Article, Photo
from editor_app.domain.house_style import (
    EXAMPLES,
    convert,
    example,
    off_style,
    parse_style,
    style_problem,
    styled_article,
)
from editor_app.domain.text import nfc
from editor_app.domain.tone_marks import TONE_STYLES, ToneStyle

HOA = "Hòa bình, sức khỏe, ủy ban, Thủy lợi, xòe, THỦY"
HOA_LAST = "Hoà bình, sức khoẻ, uỷ ban, Thuỷ lợi, xoè, THUỶ"

# Vietnamese syllables and pieces, affected and not, in both placements and cases
SYLLABLES = [
    "hòa", "hoà", "khỏe", "khoẻ", "thủy", "thuỷ", "ủy", "uỷ", "xòe", "xoè", "họa", "hoạ",
    "hoàng", "quý", "thuở", "tùy", "tuỳ", "của", "người", "đường", "Đà", "Nẵng", "hoa",
    "toán", "khuya", "thuế", "quỳnh", "a", "Thủy", "HÒA", "HOÀ", "Khỏe", "xã", "Quý",
]  # fmt: skip
GAPS = [" ", ", ", "\n", ". ", "\n\n", "-", "**"]
texts = st.lists(st.tuples(st.sampled_from(SYLLABLES), st.sampled_from(GAPS)), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts)
)
styles = st.sampled_from(TONE_STYLES)


def test_examples_not_old_and_new() -> None:
    assert EXAMPLES == {"hòa": "hòa, khỏe, thủy", "hoà": "hoà, khoẻ, thuỷ"}
    assert example("hòa") == "hòa, thủy" and example("hoà") == "hoà, thuỷ"


def test_convert_both_ways() -> None:
    assert convert(HOA, "hoà") == HOA_LAST
    assert convert(HOA_LAST, "hòa") == HOA
    assert convert(HOA, "hòa") == HOA
    assert convert("hoàng quý thuở toán khuya", "hoà") == "hoàng quý thuở toán khuya"


def test_off_style_spans() -> None:
    found = off_style("Sức khoẻ và hòa bình, thuỷ lợi", "hòa")
    assert [(o.start, o.end, o.written, o.fix) for o in found] == [
        (4, 8, "khoẻ", "khỏe"),
        (22, 26, "thuỷ", "thủy"),
    ]
    assert off_style("Sức khỏe và hòa bình", "hòa") == []


def test_a_long_run_of_letters_is_linear() -> None:
    assert convert("a" * 200_000 + "hòa", "hoà") == "a" * 200_000 + "hoà"  # one long word
    assert convert("a" * 200_000 + " hòa", "hoà").endswith(" hoà")


def test_article_styled_but_names_kept() -> None:
    article = Article(
        headline="Hòa giải",
        sapo="Sức khỏe",
        body="Ủy ban",
        byline="Thu Thủy",
        photos=[Photo("0" * 64, "a.jpg", 8, 6, 10, caption="Hòa", credit="Thủy", alt_text="Xòe")],
    )
    out = styled_article(article, "hoà")
    assert (out.headline, out.sapo, out.body) == ("Hoà giải", "Sức khoẻ", "Uỷ ban")
    assert (out.photos[0].caption, out.photos[0].alt_text) == ("Hoà", "Xoè")
    assert out.byline == "Thu Thủy" and out.photos[0].credit == "Thủy"
    assert article.headline == "Hòa giải"  # the story itself unchanged


def test_site_values() -> None:
    assert parse_style("hòa") == "hòa" and parse_style("hoà") == "hoà"
    assert parse_style(unicodedata.normalize("NFD", "hoà")) == "hoà"
    assert parse_style("hoà, khoẻ, thuỷ") == "hoà" and parse_style(" HÒA ") == "hòa"
    assert parse_style("new") is None and parse_style("old") is None
    problem = style_problem("new")
    assert problem is not None and "hòa, khỏe, thủy" in problem and "hoà, khoẻ, thuỷ" in problem
    assert "mới" not in problem and "cũ" not in problem


@settings(max_examples=300, deadline=None)
@given(texts, styles)
def test_converting_twice_is_converting_once(text: str, style: ToneStyle) -> None:
    once = convert(text, style)
    assert convert(once, style) == once
    assert off_style(once, style) == []


@settings(max_examples=300, deadline=None)
@given(texts, styles)
def test_nfc_length_and_case_kept(text: str, style: ToneStyle) -> None:
    out = convert(text, style)
    assert nfc(out) == out
    assert len(out) == len(text)  # offsets stay valid
    assert [c.isupper() for c in out] == [c.isupper() for c in text]
    assert convert(text.upper(), style) == out.upper()


@settings(max_examples=300, deadline=None)
@given(texts, styles)
def test_round_trip(text: str, style: ToneStyle) -> None:
    other: ToneStyle = "hoà" if style == "hòa" else "hòa"
    styled = convert(text, style)
    assert convert(convert(styled, other), style) == styled


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [s for s in SYLLABLES if off_style(s, "hòa") == off_style(s, "hoà") == []]
            ),
            st.sampled_from(GAPS),
        ),
        max_size=30,
    ).map(lambda parts: "".join(w + g for w, g in parts)),
    styles,
)
def test_text_without_such_syllables_untouched(text: str, style: ToneStyle) -> None:
    assert convert(text, style) == text
    assert off_style(text, style) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), styles)
def test_any_text(text: str, style: ToneStyle) -> None:
    text = nfc(text)
    out = convert(text, style)
    assert convert(out, style) == out
    for o in off_style(text, style):
        assert text[o.start : o.end] == o.written
