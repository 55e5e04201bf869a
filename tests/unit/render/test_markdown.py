"""The body renderer: Markdown → sanitised HTML, block by block, cached."""

from __future__ import annotations

import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.render.blocks import split_blocks
from editor_app.render.markdown import BodyRenderer, PhotoRef

from .support import parse_sample, sample_context

PHOTO = uuid.UUID("5eed0000-0000-4000-8000-000000000001")
LINE_ATTR = re.compile(r' data-line="\d+"')


@pytest.fixture
def renderer() -> BodyRenderer:
    return BodyRenderer("baolaocai.vn")


def test_raw_html_is_shown_as_text(renderer: BodyRenderer) -> None:
    html = renderer.render("Chữ <b>đậm</b> <script>alert(1)</script>").markup(False)
    assert html == "<p>Chữ &lt;b&gt;đậm&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_quotes_ellipsis_headings_and_emphasis(renderer: BodyRenderer) -> None:
    html = renderer.render('# Tiêu đề\n\nÔng nói: "Tốt lắm..." và **rất** *vui*.').markup(False)
    assert html == (
        "<h2>Tiêu đề</h2>\n<p>Ông nói: “Tốt lắm…” và <strong>rất</strong> <em>vui</em>.</p>"
    )


def test_code_keeps_straight_quotes(renderer: BodyRenderer) -> None:
    html = renderer.render('Lệnh `echo "x"` và "trích".').markup(False)
    assert html == '<p>Lệnh <code>echo "x"</code> và “trích”.</p>'


def test_external_links_get_rel_internal_do_not(renderer: BodyRenderer) -> None:
    html = renderer.render(
        "[a](https://laocai.gov.vn/x) [b](https://baolaocai.vn/y) [c](https://www.baolaocai.vn/z)"
        " [d](/chinh-tri) [e](mailto:toasoan@baolaocai.vn)"
    ).markup(False)
    assert '<a href="https://laocai.gov.vn/x" rel="noopener noreferrer nofollow">a</a>' in html
    assert '<a href="https://baolaocai.vn/y">b</a>' in html
    assert '<a href="https://www.baolaocai.vn/z">c</a>' in html
    assert '<a href="/chinh-tri">d</a>' in html
    assert '<a href="mailto:toasoan@baolaocai.vn">e</a>' in html


def test_table_alignment_becomes_a_class(renderer: BodyRenderer) -> None:
    html = renderer.render("| Xã | Số hộ |\n|:--|--:|\n| Bản Vược | 1.245 |").markup(False)
    assert '<th class="align-left">Xã</th>' in html
    assert '<td class="align-right">1.245</td>' in html
    assert "style" not in html


def test_photos_come_out_as_markers_other_images_as_empty_ones(renderer: BodyRenderer) -> None:
    text = f"Trước ![Cầu mới](photo:{PHOTO}) sau.\n\n![ngoài](https://evil.example/x.png)"
    body = renderer.render(text)
    assert body.referenced == frozenset({PHOTO})
    pieces = [p for b in body.blocks for p in b.pieces(line_numbers=False)]
    assert pieces == [
        "<p>Trước  sau.</p>\n",
        PhotoRef(PHOTO, "Cầu mới"),
        PhotoRef(None, "ngoài"),
    ]


def test_a_paragraph_of_one_photo_leaves_no_empty_paragraph(renderer: BodyRenderer) -> None:
    body = renderer.render(f"![](photo:{PHOTO})")
    assert [p for b in body.blocks for p in b.pieces(False)] == [PhotoRef(PHOTO, "")]


def test_every_top_level_element_carries_its_block_line(renderer: BodyRenderer) -> None:
    text = "Một.\n\n## Hai\n\n- ba\n- bốn\n\n```\nnăm\n```\n\nSáu."
    html = renderer.render(text).markup(True)
    assert html.startswith(
        '<p data-line="1">Một.</p>\n<h2 data-line="3">Hai</h2>\n<ul data-line="5">'
    )
    assert '<p data-line="12">Sáu.</p>' in html


def test_only_the_edited_block_is_rendered_again(renderer: BodyRenderer) -> None:
    paragraphs = [f"Đoạn số {i} của bài viết về tỉnh Lào Cai." for i in range(200)]
    renderer.render("\n\n".join(paragraphs))
    before = renderer.misses
    paragraphs[120] = paragraphs[120].replace("tỉnh", "thành phố")
    edited = "\n\n".join(paragraphs)
    body = renderer.render(edited)
    assert renderer.misses == before + 1
    assert body.markup(False) == BodyRenderer("baolaocai.vn").render_whole(edited)


def test_the_cache_is_bounded() -> None:
    renderer = BodyRenderer("baolaocai.vn", cache_size=10)
    renderer.render("\n\n".join(f"Đoạn {i}" for i in range(50)))
    assert len(renderer._cache) == 10


# ---- Incremental equals whole, on generated Markdown-ish Vietnamese ------------------------

WORDS = [
    "Lào",
    "Cai",
    "tỉnh",
    "ủy",
    "đồng",
    "chí",
    "Đảng",
    "Nhân",
    "dân",
    "hội",
    "nghị",
    "năm",
    "2023",
    "12/4",
    "kinh",
    "tế",
    "-",
    "xã",
    "“Đường",
    "lối”",
    '"trích',
    'dẫn"',
    "...",
    "…",
    "100%",
    "1.245",
    "tỷ",
    "đồng",
    "(Bát",
    "Xát)",
    "HĐND",
    "Ủy",
    "ban",
    "a\u00a0b",
]
INLINE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f"**{w}**"),
    st.sampled_from(WORDS).map(lambda w: f"*{w}*"),
    st.just('`mã "x"`'),
    st.just("[liên kết](https://example.vn/a)"),
    st.just("[nội bộ](https://baolaocai.vn/b)"),
    st.just("[báo][1]"),
    st.just(f"![Cầu](photo:{PHOTO})"),
    st.just("a & b"),
    st.just("<b>"),
    st.just("x_y_z"),
    st.just("a  "),
)
SENTENCE = st.lists(INLINE, min_size=1, max_size=10).map(" ".join)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map("\n".join)
BLOCK = st.one_of(
    PARAGRAPH,
    PARAGRAPH,
    PARAGRAPH,
    SENTENCE.map(lambda s: f"# {s}"),
    SENTENCE.map(lambda s: f"### {s}"),
    st.lists(SENTENCE, min_size=1, max_size=3).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.lists(SENTENCE, min_size=2, max_size=3).map(lambda xs: "\n\n".join(f"- {x}" for x in xs)),
    st.lists(SENTENCE, min_size=1, max_size=3).map(
        lambda xs: "\n".join(f"{i}. {x}" for i, x in enumerate(xs, 1))
    ),
    SENTENCE.map(lambda s: f"> {s}"),
    st.lists(SENTENCE, min_size=1, max_size=3).map(lambda xs: "```\n" + "\n\n".join(xs) + "\n```"),
    st.just("| Xã | Số hộ |\n|:--|--:|\n| Bản Vược | 1.245 |"),
    st.just("---"),
    st.just("    mã thụt lề\n    dòng hai"),
    st.just('[1]: https://baolaocai.vn/tham-khao "Tham khảo"'),
)
SEPARATOR = st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n \n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(BLOCK, min_size=0, max_size=10))
    out = ""
    for i, block in enumerate(blocks):
        out += (draw(SEPARATOR) if i else "") + block
    return out


SHARED = BodyRenderer("baolaocai.vn", cache_size=256)  # warm across examples: tests the cache too


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_incremental_render_equals_one_markdown_call(text: str) -> None:
    assert SHARED.render(text).markup(False) == SHARED.render_whole(text)


@settings(max_examples=60, deadline=None)
@given(documents(), st.data())
def test_render_after_an_edit_equals_a_fresh_render(text: str, data: st.DataObject) -> None:
    renderer = BodyRenderer("baolaocai.vn")
    renderer.render(text)
    blocks = split_blocks(text)
    if blocks:
        target = data.draw(st.sampled_from(blocks))
        replacement = data.draw(BLOCK)
        text = text.replace(target.text, replacement, 1)
    assert renderer.render(text).markup(True) == BodyRenderer("baolaocai.vn").render(text).markup(
        True
    )


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "data-line" and value is not None:
                self.lines.append(int(value))


@settings(max_examples=60, deadline=None)
@given(documents())
def test_line_numbers_point_at_the_first_line_of_blocks(text: str) -> None:
    parser = _Lines()
    parser.feed(SHARED.render(text).markup(True))
    starts = {b.line for b in split_blocks(text)}
    assert set(parser.lines) <= starts
    source = text.split("\n")
    assert all(source[n - 1].strip() for n in parser.lines)


@pytest.mark.samples
def test_the_sample_article_renders_the_same_both_ways(sample_article: Path) -> None:
    context, _ = sample_context(sample_article.read_text(encoding="utf-8"))
    renderer = BodyRenderer("baolaocai.vn")
    body = context.article.body
    assert renderer.render(body).markup(False) == renderer.render_whole(body)
    sample = parse_sample(sample_article.read_text(encoding="utf-8"))
    assert len(renderer.render(body).referenced) == sum(
        isinstance(p, tuple) for p in sample.paragraphs
    )
