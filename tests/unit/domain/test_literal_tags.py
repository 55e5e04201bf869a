"""Tags typed or pasted as text (issue 13, point 6): found with their offsets, in plain fields
and in the body's Markdown; never a crash, and every position points at the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.literal_tags import (
    HTML_ELEMENTS,
    find_literal_tags,
    removal_span,
)


def spans(text: str, markdown: bool = False) -> list[str]:
    return [text[t.start : t.end] for t in find_literal_tags(text, markdown=markdown)]


def test_script_and_event_handlers_are_found_whole() -> None:
    text = 'Tin nóng <script>alert("x")</script> về <img src=x onerror=alert(1)> hội nghị'
    tags = find_literal_tags(text)
    assert [text[t.start : t.end] for t in tags] == [
        '<script>alert("x")</script>',
        "<img src=x onerror=alert(1)>",
    ]
    assert [t.name for t in tags] == ["script", "img"]


def test_pairs_comments_declarations_and_self_closing() -> None:
    text = "a <b>đậm</b> <br/> <BR /> <!-- ghi chú --> <!DOCTYPE html> </P>"
    assert spans(text) == [
        "<b>",
        "</b>",
        "<br/>",
        "<BR />",
        "<!-- ghi chú -->",
        "<!DOCTYPE html>",
        "</P>",
    ]
    closing = [t.closing for t in find_literal_tags(text)]
    assert closing == [False, True, False, False, False, False, True]


def test_what_is_not_a_tag() -> None:
    for text in (
        "x < y > z",
        "3<5 và 7>2",
        "<Tên tác phẩm>",
        "<Nghi dinh 100>",  # not an HTML element's name
        "<a@baolaocai.vn>",
        "<http://baolaocai.vn>",
        "a <b",
        "&lt;b&gt; in a headline is shown as written",
    ):
        assert find_literal_tags(text) == [], text


def test_in_the_body_character_references_count_and_code_does_not() -> None:
    body = (
        "Đoạn &lt;script&gt;alert(1)&lt;/script&gt; dán từ web.\n\n"
        "Mã `<b>` trong dấu huyền, và \\<i> sau dấu gạch.\n\n"
        "```\n<div>khối mã</div>\n```\n\n"
        "Cuối &#60;p&#62; hết."
    )
    assert spans(body, markdown=True) == [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\\<i>",
        "&#60;p&#62;",
    ]
    # the same text as a headline: references are shown as written, not as tags
    assert spans("&lt;script&gt;") == []


def test_a_script_without_its_end_tag_is_the_tag_alone() -> None:
    assert spans("a <script src=x> b") == ["<script src=x>"]


def test_removal_leaves_no_double_space() -> None:
    text = "Tin <b> nóng"
    (tag,) = find_literal_tags(text)
    start, end = removal_span(text, tag.start, tag.end)
    assert text[:start] + text[end:] == "Tin nóng"
    text = "Tin<b>nóng"
    (tag,) = find_literal_tags(text)
    start, end = removal_span(text, tag.start, tag.end)
    assert text[:start] + text[end:] == "Tinnóng"
    text = "<b> Tin"
    (tag,) = find_literal_tags(text)
    assert removal_span(text, tag.start, tag.end) == (0, 4)
    text = "Tin <b>"
    (tag,) = find_literal_tags(text)
    assert removal_span(text, tag.start, tag.end) == (3, 7)


def test_a_long_hostile_body_is_scanned_quickly() -> None:
    # Many openings and no close: each start looks at most MAX_TAG_CHARS ahead.
    body = "&lt;b x " * 20_000 + "<script>" * 5_000
    found = find_literal_tags(body, markdown=True)
    assert len(found) == 5_000


# --- properties --------------------------------------------------------------------------------
ALPHABET = st.sampled_from(list("<>/!-&;#xlgt =\"'`\\\n abcđờiSCRIPTmg0123"))
TEXTS = st.one_of(st.text(), st.text(ALPHABET, max_size=300))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans())
def test_never_crashes_and_positions_point_at_the_text(text: str, markdown: bool) -> None:
    tags = find_literal_tags(text, markdown=markdown)
    previous_end = 0
    for tag in tags:
        assert 0 <= previous_end <= tag.start < tag.end <= len(text)
        written = text[tag.start : tag.end]
        assert written[0] in "<&\\"
        assert written[-1] in ">;"
        assert tag.name in HTML_ELEMENTS or tag.name in ("!--", "!")
        start, end = removal_span(text, tag.start, tag.end)
        assert start <= tag.start and tag.end <= end and end - start <= tag.end - tag.start + 1
        previous_end = tag.end


TAGS = st.one_of(
    st.builds(
        lambda name, close, attrs: f"<{'/' if close else ''}{name}{attrs}>",
        st.sampled_from(sorted(HTML_ELEMENTS - {"script", "style"})),
        st.booleans(),
        st.sampled_from(["", " ", " onerror=alert(1)", ' src="x.jpg"', " /", ' class="a b"']),
    ),
    st.just("<script>alert(1)</script>"),
    st.just("<!-- ghi chú -->"),
)
WORDS = st.text(st.sampled_from(list("abc đờiƯỚC 0123.,:")), max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, TAGS), min_size=1, max_size=6), WORDS, st.booleans())
def test_every_tag_put_in_text_is_found_where_it_was_put(
    parts: list[tuple[str, str]], tail: str, markdown: bool
) -> None:
    text = ""
    expected: list[tuple[int, int]] = []
    for words, tag in parts:
        text += words
        expected.append((len(text), len(text) + len(tag)))
        text += tag
    text += tail
    found = [(t.start, t.end) for t in find_literal_tags(text, markdown=markdown)]
    assert found == expected
    # taking them all out leaves none
    for start, end in reversed(found):
        start, end = removal_span(text, start, end)
        text = text[:start] + text[end:]
    assert find_literal_tags(text, markdown=markdown) == []
