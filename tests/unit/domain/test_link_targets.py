"""Links that lead nowhere once published (issue 13, point 6): `javascript:` (which the renderer
turns into an empty `<a>`), an empty address, `#`, a scheme the page may not carry. Found with
the span of the whole link; the renderer is the reference the finder is held to."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.link_targets import ALLOWED_SCHEMES, find_bad_links, unusable_target
from editor_app.render.markdown import BodyRenderer
from editor_app.render.sanitize import ALLOWED_URL_SCHEMES

RENDERER = BodyRenderer("baolaocai.vn", cache_size=512)
_A = re.compile(r"<a( [^>]*)?>")
_HREF = re.compile(r'href="([^"]*)"')


def dead_links_rendered(body: str) -> int:
    """How many `<a>` of the rendered body have no address a reader can follow."""
    count = 0
    for m in _A.finditer(RENDERER.render_whole(body)):
        href = _HREF.search(m.group(1) or "")
        if href is None or href.group(1) in ("", "#", "mailto:", "tel:"):
            count += 1
    return count


def written(body: str) -> list[str]:
    return [body[b.start : b.end] for b in find_bad_links(body)]


def test_the_schemes_are_the_sanitisers() -> None:
    assert ALLOWED_SCHEMES == ALLOWED_URL_SCHEMES


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Xem [tại đây](javascript:void(0)).", ["[tại đây](javascript:void(0))"]),
        ("[a]()", ["[a]()"]),
        ("[a]( )", ["[a]( )"]),
        ("[a](<>)", ["[a](<>)"]),
        ("[a](#)", ["[a](#)"]),
        ("[a](\\#)", ["[a](\\#)"]),
        ("[a](java script:x)", ["[a](java script:x)"]),
        ("[a](JAVASCRIPT:x)", ["[a](JAVASCRIPT:x)"]),
        ("[a](vbscript:x)", ["[a](vbscript:x)"]),
        ("[a](&#106;avascript:1)", ["[a](&#106;avascript:1)"]),
        ('[a b](javascript:void(0) "t")', ['[a b](javascript:void(0) "t")']),
        ("[[x]](javascript:1)", ["[[x]](javascript:1)"]),
        ("[a](data:text/html,x)", ["[a](data:text/html,x)"]),
        ("[a](ftp://x.vn)", ["[a](ftp://x.vn)"]),
        ("[a](file:///c:/x)", ["[a](file:///c:/x)"]),
        ("[a](http://)", ["[a](http://)"]),
        ("[a](mailto:)", ["[a](mailto:)"]),
        ("<ftp://x.vn>", ["<ftp://x.vn>"]),
        ("[a][r]\n\n[r]: javascript:x", ["[a][r]"]),
        ("[x][]\n\n[x]: javascript:1", ["[x][]"]),
        ("[r]\n\n[r]: #", ["[r]"]),
        ("*[a](#)*", ["[a](#)"]),
        ("- [a](#)\n- [b](/c)", ["[a](#)"]),
        ("> [q](javascript:1)", ["[q](javascript:1)"]),
        ("[a](https://x.vn)[b](#)", ["[b](#)"]),
        # usable, or not a link at all
        ("[a](/tin-tuc)", []),
        ("[a](#muc-1)", []),
        ("[a](https://x.vn/a_(b))", []),
        ('[a](https://x.vn "tiêu đề")', []),
        ("[a](mailto:toasoan@baolaocai.vn) [b](tel:0214)", []),
        ("<http://x.vn>", []),
        ("[a] (javascript:x)", []),
        ("\\[a](javascript:1)", []),
        ("![ảnh](javascript:1)", []),
        ("`[a](#)`", []),
        ("```\n[a](#)\n```", []),
        ("[a][khong-co]", []),
    ],
)
def test_dead_links_as_the_renderer_makes_them(body: str, found: list[str]) -> None:
    assert written(body) == found
    assert dead_links_rendered(body) == len(found)


def test_the_label_is_what_unlinking_leaves() -> None:
    body = "Đọc [**bài gốc**](javascript:alert(1)) nhé."
    (link,) = find_bad_links(body)
    assert link.label == "**bài gốc**"
    fixed = body[: link.start] + link.label + body[link.end :]
    assert fixed == "Đọc **bài gốc** nhé."
    assert dead_links_rendered(fixed) == 0 and find_bad_links(fixed) == []


def test_reasons_are_vietnamese_and_name_the_problem() -> None:
    assert unusable_target("javascript:x") == "địa chỉ javascript: bị bỏ khi xuất bản"
    assert unusable_target("") == "không có địa chỉ"
    assert unusable_target("#") == "địa chỉ chỉ là dấu #"
    assert "“ftp:”" in str(unusable_target("ftp://x"))
    assert unusable_target("https://baolaocai.vn/a") is None
    assert unusable_target("/chinh-tri") is None


# --- properties --------------------------------------------------------------------------------
MD = st.text(st.sampled_from(list("[]()<>!#`\\*_: \n\"'ajvsciptr:/.hx1đờ")), max_size=200)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=300), MD))
def test_never_crashes_and_positions_point_at_the_text(body: str) -> None:
    previous_end = 0
    for link in find_bad_links(body):
        assert 0 <= previous_end <= link.start < link.end <= len(body)
        text = body[link.start : link.end]
        assert text[0] in "[<" and text[-1] in ")]>"
        assert link.label in text and link.reason
        previous_end = link.end


TARGETS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "#",
            "javascript:alert(1)",
            "JavaScript:void(0)",
            "java\tscript:x",
            "vbscript:x",
            "data:text/html,x",
            "ftp://x.vn/a",
            "file:///tmp/a",
            "http://",
            "https://",
            "mailto:",
            "tel:",
            "https://baolaocai.vn/a",
            "http://x.vn/b?c=1",
            "/chinh-tri",
            "#muc",
            "mailto:toasoan@baolaocai.vn",
            "tel:02143840123",
            "https://x.vn/a_(b)",
            "<javascript:x>",
            "<https://x.vn>",
        ]
    ),
    st.text(st.sampled_from(list("abcjvsript:/#.1")), max_size=20),
)
LABELS = st.text(st.sampled_from(list("abc đờiƯ 12*")), min_size=1, max_size=15).filter(
    lambda s: s.strip() != "" and "**" not in s
)
PLAIN = st.text(st.sampled_from(list("abc đời ƯỚC 12.,")), max_size=20)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(PLAIN, LABELS, TARGETS, st.sampled_from(["", ' "t"'])), max_size=4),
    PLAIN,
)
def test_the_finder_agrees_with_the_renderer(
    links: list[tuple[str, str, str, str]], tail: str
) -> None:
    body = "".join(f"{before}[{label}]({target}{title})" for before, label, target, title in links)
    body += tail
    found = find_bad_links(body)
    assert len(found) == dead_links_rendered(body), (body, RENDERER.render_whole(body))
    # unlinking every one leaves no dead link
    for link in reversed(found):
        body = body[: link.start] + link.label + body[link.end :]
    assert find_bad_links(body) == [] and dead_links_rendered(body) == 0
