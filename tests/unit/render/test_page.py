"""The article page: head tags, JSON-LD, date line, photos, tags, share links, modes."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor_app.domain.errors import ValidationError
from editor_app.domain.officials.people import Official, Title
from editor_app.render.context import (
    Crop,
    PageContext,
    PhotoImages,
    Rendition,
    SiteSettings,
    StaticImageResolver,
    TaggedOfficial,
)
from editor_app.render.meta import author_names, bare_name, dateline, safe_url
from editor_app.render.page import PageRenderer, RenderedPage

from .support import own_article, sample_context


class Page(HTMLParser):
    """The parsed page: elements with attributes, in order, and the JSON-LD."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.json_ld: dict[str, object] | None = None
        self._script = False
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._script:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.json_ld = json.loads("".join(self._text))
            self._script = False

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def meta(self, key: str) -> list[str | None]:
        return [
            a.get("content")
            for t, a in self.elements
            if t == "meta" and key in (a.get("property"), a.get("name"))
        ]


def images_for(context: PageContext) -> StaticImageResolver:
    """Renditions and crops as an export would list them."""
    out: dict[uuid.UUID, PhotoImages] = {}
    for n, p in enumerate(context.article.photos, 1):
        h = round(p.height * 800 / p.width)
        out[p.id] = PhotoImages(
            (
                Rendition(f"images/a-{n}-480.jpg", 480, round(p.height * 480 / p.width)),
                Rendition(f"images/a-{n}-800.jpg", 800, h),
                Rendition(f"images/a-{n}-480.webp", 480, round(p.height * 480 / p.width), "webp"),
                Rendition(f"images/a-{n}-800.webp", 800, h, "webp"),
            ),
            (
                Crop("16:9", f"images/a-{n}-16x9-1200.jpg", 1200, 675),
                Crop("4:3", f"images/a-{n}-4x3-1200.jpg", 1200, 900),
                Crop("1:1", f"images/a-{n}-1x1-1200.jpg", 1200, 1200),
            ),
        )
    return StaticImageResolver(out)


@pytest.fixture(scope="module")
def renderer() -> PageRenderer:
    return PageRenderer()


@pytest.fixture(scope="module")
def context() -> PageContext:
    c = own_article()
    return replace(c, images=images_for(c))


@pytest.fixture(scope="module")
def export(renderer: PageRenderer, context: PageContext) -> RenderedPage:
    return renderer.render(context, "export")


@pytest.fixture(scope="module")
def preview(renderer: PageRenderer, context: PageContext) -> RenderedPage:
    return renderer.render(context, "preview")


def test_head_of_the_exported_page(export: RenderedPage, context: PageContext) -> None:
    page = Page(export.html)
    url = "https://baolaocai.vn/khanh-thanh-cau-pho-moi-bac-qua-song-hong/"
    assert page.all("html") == [{"lang": "vi"}]
    assert page.all("meta", charset="utf-8")
    assert page.all("meta", name="viewport")
    assert page.all("link", rel="canonical") == [{"rel": "canonical", "href": url}]
    assert page.meta("description") == [context.article.sapo]
    assert page.meta("og:type") == ["article"]
    assert page.meta("og:title") == ["Khánh thành cầu Phố Mới bắc qua sông Hồng"]
    assert page.meta("og:url") == [url]
    assert page.meta("og:site_name") == ["Báo Lào Cai"]
    assert page.meta("og:locale") == ["vi_VN"]
    assert page.meta("og:image") == [url + "images/a-1-16x9-1200.jpg"]
    assert page.meta("og:image:width") == ["1200"]
    assert page.meta("og:image:height") == ["675"]
    assert page.meta("og:image:alt") == ["Lãnh đạo tỉnh cắt băng khánh thành cầu Phố Mới."]
    assert page.meta("article:published_time") == ["2023-04-12T09:55:00+07:00"]
    assert page.meta("article:modified_time") == ["2023-04-12T11:10:00+07:00"]
    assert page.meta("article:section") == ["Giao thông"]
    assert page.meta("article:tag") == ["cầu Phố Mới", "sông Hồng", "giao thông"]
    assert page.meta("twitter:card") == ["summary_large_image"]
    assert page.meta("twitter:image") == [url + "images/a-1-16x9-1200.jpg"]
    assert page.all("link", rel="stylesheet") == [
        {"rel": "stylesheet", "href": "assets/article.css"}
    ]


def test_json_ld(export: RenderedPage) -> None:
    data = Page(export.html).json_ld
    assert data is not None
    url = "https://baolaocai.vn/khanh-thanh-cau-pho-moi-bac-qua-song-hong/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Khánh thành cầu Phố Mới bắc qua sông Hồng"
    assert str(data["description"]).startswith("Sáng 12/4, UBND tỉnh Lào Cai")
    # ImageObjects (issue 13, point 7), not bare addresses: size, caption as printed, credit.
    images = data["image"]
    assert isinstance(images, list)
    assert [i["url"] for i in images] == [
        url + "images/a-1-16x9-1200.jpg",
        url + "images/a-1-4x3-1200.jpg",
        url + "images/a-1-1x1-1200.jpg",
    ]
    assert [(i["width"], i["height"]) for i in images] == [(1200, 675), (1200, 900), (1200, 1200)]
    for image in images:
        assert image["@type"] == "ImageObject" and image["contentUrl"] == image["url"]
        assert image["caption"] == "Lãnh đạo tỉnh cắt băng khánh thành cầu Phố Mới."
        assert image["creditText"]
    assert data["datePublished"] == "2023-04-12T09:55:00+07:00"
    assert data["dateModified"] == "2023-04-12T11:10:00+07:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Hồng Ninh"},
        {"@type": "Person", "name": "Thu Hà"},
    ]
    publisher = data["publisher"]
    assert isinstance(publisher, dict)
    assert publisher["name"] == "Báo Lào Cai"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": "https://baolaocai.vn/assets/logo.png",
    }
    assert data["articleSection"] == "Giao thông"
    assert data["keywords"] == ["cầu Phố Mới", "sông Hồng", "giao thông"]
    assert data["mentions"] == [
        {
            "@type": "Person",
            "name": "Dương Đức Huy",
            "jobTitle": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"],
        }
    ]
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert isinstance(data["wordCount"], int) and data["wordCount"] > 200


def test_json_ld_skips_crops_under_50000_pixels(
    renderer: PageRenderer, context: PageContext
) -> None:
    featured = context.article.photos[0]
    small = StaticImageResolver(
        {
            featured.id: PhotoImages(
                (), (Crop("16:9", "a.jpg", 288, 162), Crop("1:1", "b.jpg", 224, 224))
            )
        }
    )
    data = renderer.render(replace(context, images=small), "export").json_ld
    assert data is not None
    assert [i["url"] for i in data["image"]] == [
        "https://baolaocai.vn/khanh-thanh-cau-pho-moi-bac-qua-song-hong/b.jpg"
    ]


def test_the_preview_is_the_same_page_without_head_tags(
    preview: RenderedPage, export: RenderedPage
) -> None:
    page = Page(preview.html)
    assert page.all("link") == []
    assert page.meta("og:title") == []
    assert page.json_ld is None
    assert "<style>" in preview.html and ".headline" in preview.html
    assert 'data-line="1"' in preview.html
    assert "data-line" not in export.html
    assert '<header class="site-header">' in export.html
    assert '<header class="site-header">' not in preview.html

    def body(html: str) -> str:
        return html[html.index('<div class="body">') : html.index('<div class="tags">')]

    import re

    assert re.sub(r' data-line="\d+"', "", body(preview.html)) == body(export.html)


def test_article_head(export: RenderedPage) -> None:
    html = export.html
    assert '<h1 class="headline">Khánh thành cầu Phố Mới bắc qua sông Hồng</h1>' in html
    assert (
        '<time datetime="2023-04-12T09:55:00+07:00">Thứ Tư, 12/4/2023 09:55 (GMT+7)</time>' in html
    )
    assert '<span class="byline">Hồng Ninh - Thu Hà</span>' in html
    assert '<p class="sapo">Sáng 12/4, UBND tỉnh Lào Cai' in html
    crumbs = Page(html).all("a")
    hrefs = [a["href"] for a in crumbs]
    assert "https://baolaocai.vn/kinh-te/giao-thong/" in hrefs


def test_photos_are_spread_featured_first_and_the_referenced_one_stays(
    export: RenderedPage, context: PageContext
) -> None:
    html = export.html
    body = html[html.index('<div class="body">') : html.index('<div class="tags">')]
    order = [
        (body.index(marker), name)
        for name, marker in [
            ("featured", "Lãnh đạo tỉnh cắt băng"),
            ("bridge", "Cầu Phố Mới nhìn từ trên cao."),
            ("walk", "Người dân đi bộ"),
            ("p2", "Cầu Phố Mới dài 520 m"),
            ("p3", "Phát biểu tại buổi lễ"),
            ("p4", "Theo <strong>Ban Quản lý"),
            ("p5", "Ông Nguyễn Văn Minh"),
        ]
    ]
    names = [n for _, n in sorted(order)]
    # featured after the 2nd paragraph, the bridge where it is written, the last one after the
    # 4th paragraph counted from the featured one
    assert names == ["p2", "featured", "p3", "p4", "bridge", "p5", "walk"] or names[:3] == [
        "p2",
        "featured",
        "p3",
    ]
    assert body.count('<figure class="photo"') == 3


def test_every_image_has_size_alt_decoding_and_lazy_after_the_first(export: RenderedPage) -> None:
    imgs = Page(export.html).all("img")
    body_imgs = [i for i in imgs if str(i.get("src", "")).startswith("images/")]
    assert len(body_imgs) == 3
    for img in imgs:
        assert img.get("width") and img.get("height") and "alt" in img
        assert img.get("decoding") == "async"
    assert "loading" not in body_imgs[0]
    assert all(i.get("loading") == "lazy" for i in body_imgs[1:])
    first = body_imgs[0]
    assert first["srcset"] == "images/a-1-480.jpg 480w, images/a-1-800.jpg 800w"
    assert first["sizes"]
    sources = Page(export.html).all("source")
    assert sources[0] == {
        "type": "image/webp",
        "srcset": "images/a-1-480.webp 480w, images/a-1-800.webp 800w",
        "sizes": first["sizes"],
    }


def test_captions_then_credits(export: RenderedPage) -> None:
    assert (
        '<figcaption><span class="caption">Cầu Phố Mới nhìn từ trên cao.</span> '
        '<span class="credit">Ảnh: Thu Hà</span></figcaption>' in export.html
    )
    assert '<span class="credit">Ảnh: Hồng Ninh</span>' in export.html


def test_tags_and_share_links(export: RenderedPage) -> None:
    html = export.html
    assert (
        '<a class="tag tag-person" href="https://baolaocai.vn/tag/duong-duc-huy/" '
        'title="Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy">Dương Đức Huy</a>'
    ) in html
    assert '<a class="tag" href="https://baolaocai.vn/tag/cau-pho-moi/">cầu Phố Mới</a>' in html
    hrefs = [str(a.get("href")) for a in Page(html).all("a")]
    enc = "https%3A%2F%2Fbaolaocai.vn%2Fkhanh-thanh-cau-pho-moi-bac-qua-song-hong%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={enc}" in hrefs
    assert f"https://sp.zalo.me/share_to_zalo?url={enc}" in hrefs
    assert any(
        h.startswith(f"https://twitter.com/intent/tweet?url={enc}&text=Kh%C3%A1nh") for h in hrefs
    )
    assert "Tin cùng chuyên mục" in html and "Có thể bạn quan tâm" in html
    assert '<a href="https://baolaocai.vn/cau-ban-vuoc/">Thông xe kỹ thuật cầu Bản Vược</a>' in html


def test_unknown_photo_is_a_notice_in_preview_and_gone_in_export(
    renderer: PageRenderer, context: PageContext
) -> None:
    body = f"Đoạn.\n\n![x](photo:{uuid.UUID(int=7)})\n\n![y](https://example.com/a.jpg)"
    c = replace(context, article=replace(context.article, body=body))
    preview = renderer.render(c, "preview").html
    export = renderer.render(c, "export").html
    assert preview.count('class="notice"') == 2
    assert "notice" not in export
    assert "example.com/a.jpg" not in preview + export


def test_a_photo_without_renditions_shows_a_placeholder_in_preview(renderer: PageRenderer) -> None:
    html = renderer.render(own_article(), "preview").html
    assert html.count('class="photo-pending"') == 3


def test_dateline_in_the_sites_zone() -> None:
    c = own_article()
    assert (
        dateline(c, datetime(2023, 4, 12, 2, 55, tzinfo=UTC)) == "Thứ Tư, 12/4/2023 09:55 (GMT+7)"
    )
    assert (
        dateline(c, datetime(2023, 4, 11, 17, 5, tzinfo=UTC)) == "Thứ Tư, 12/4/2023 00:05 (GMT+7)"
    )
    other = replace(c, site=replace(c.site, time_zone="Asia/Kolkata"))
    assert dateline(other, datetime(2023, 4, 12, 2, 55, tzinfo=timezone(timedelta(0)))).endswith(
        "08:25 (GMT+5:30)"
    )


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        replace(own_article(), published_at=datetime(2023, 4, 12, 9, 55))


def test_site_settings_check_the_base_url() -> None:
    with pytest.raises(ValidationError):
        SiteSettings(base_url="baolaocai.vn")
    assert SiteSettings(base_url="https://baolaocai.vn/").base_url == "https://baolaocai.vn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng chí Dương Đức Huy", "Dương Đức Huy"),
        ("đồng chí Dương Đức Huy", "Dương Đức Huy"),
        ("Đ/c Dương Đức Huy", "Dương Đức Huy"),
        ("đ/c  Dương  Đức Huy, Trưởng Ban Tuyên giáo", "Dương Đức Huy"),
        ("PV Hồng Ninh", "Hồng Ninh"),
        ("Ông Nguyễn Văn Minh", "Nguyễn Văn Minh"),
        ("Bàn Văn Hai", "Bàn Văn Hai"),
        ("Hồng Ninh (Trung tâm Truyền thông)", "Hồng Ninh"),
    ],
)
def test_bare_name(text: str, expected: str) -> None:
    assert bare_name(text) == expected


def test_author_names_from_bylines() -> None:
    assert author_names("Hồng Ninh - Thu Hà") == ["Hồng Ninh", "Thu Hà"]
    assert author_names("Đ/c Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy") == ["Dương Đức Huy"]
    assert author_names("Hồng Ninh, Thu Hà và Văn Tuấn") == ["Hồng Ninh", "Thu Hà", "Văn Tuấn"]
    assert author_names("") == []


def test_json_ld_without_byline_names_the_outlet(
    renderer: PageRenderer, context: PageContext
) -> None:
    c = replace(context, article=replace(context.article, byline=""))
    data = renderer.render(c, "export").json_ld
    assert data is not None
    assert data["author"] == [
        {"@type": "Organization", "name": "Báo Lào Cai", "url": "https://baolaocai.vn/"}
    ]


def test_tagged_official_takes_the_titles_held_on_the_day() -> None:
    from datetime import date

    official = Official(
        "Dương Đức Huy",
        [
            Title("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", end=date(2020, 10, 1)),
            Title("Trưởng Ban Tuyên giáo Tỉnh ủy", start=date(2020, 10, 2)),
        ],
    )
    assert TaggedOfficial.from_official(official, date(2023, 4, 12)).titles == (
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    )


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://baolaocai.vn/a", True),
        ("/chinh-tri", True),
        ("file:///C:/Users/a%20b/x.jpg", True),
        ("javascript:alert(1)", False),
        (" JaVa\tScRiPt:alert(1)", False),
        ("data:image/png;base64,AAAA", False),
        ("vbscript:x", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


@pytest.mark.samples
def test_the_sample_article_page(renderer: PageRenderer, sample_article: Path) -> None:
    context, names = sample_context(sample_article.read_text(encoding="utf-8"))
    page = renderer.render(replace(context, images=images_for(context)), "export")
    html = page.html
    assert html.count('<figure class="photo"') == len(names) == 4
    assert "Tin cùng chuyên mục" in html and "Có thể bạn quan tâm" in html
    assert "“Đường lối phát triển kinh tế - xã hội của Đảng”" in html
    assert page.json_ld is not None and page.json_ld["headline"] == context.article.headline
