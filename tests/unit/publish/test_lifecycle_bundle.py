"""What a story's publication record puts in its bundle: the dates, the correction note, the
embargo, the withdrawn page; and a bundle that belongs to another story is never replaced."""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from editor_app.domain.publication import Correction
from editor_app.publish.bundle import export_bundle
from editor_app.publish.names import BundleTaken, bundle_owner, thumbnail_path
from editor_app.render.context import PageContext
from editor_app.render.page import render_page

from .render_support import support

SCHEMA_PATH = Path(__file__).resolve().parents[4] / "shared" / "standards" / "ninjs-schema_3.1.json"
FIXED = support.MODIFIED + timedelta(days=1)  # 2023-04-13 04:10 UTC, 11:10 in Hà Nội


@pytest.fixture
def context() -> PageContext:
    ctx: PageContext = support.own_article()
    return replace(
        ctx,
        version=2,
        corrections=(Correction("Sửa tên đại biểu dự lễ khánh thành.", FIXED, "Hà", 2),),
        modified_at=FIXED,
    )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _ld(html: str) -> dict[str, object]:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert m
    data: dict[str, object] = json.loads(m.group(1))
    return data


def _validate(data: dict[str, object]) -> None:
    if not SCHEMA_PATH.is_file():
        pytest.skip("ninjs schema not found (clone without shared/)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []


def test_a_correction_is_on_the_page_and_in_json_ld_and_the_first_date_stays(
    context: PageContext,
) -> None:
    html = render_page(context, "export").html
    assert '<h2 class="corrections-title" id="dinh-chinh">Đính chính</h2>' in html
    assert (
        '<time datetime="2023-04-13T11:10:00+07:00">Thứ Năm, 13/4/2023 11:10 (GMT+7)</time>: '
        "Sửa tên đại biểu dự lễ khánh thành." in html
    )
    assert 'Cập nhật: <time datetime="2023-04-13T11:10:00+07:00">' in html
    assert '<time datetime="2023-04-12T09:55:00+07:00">Thứ Tư, 12/4/2023 09:55' in html
    ld = _ld(html)
    assert ld["datePublished"] == "2023-04-12T09:55:00+07:00"
    assert ld["dateModified"] == "2023-04-13T11:10:00+07:00"
    assert ld["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Sửa tên đại biểu dự lễ khánh thành.",
            "datePublished": "2023-04-13T11:10:00+07:00",
        }
    ]
    assert 'property="article:published_time" content="2023-04-12T09:55:00+07:00"' in html
    assert 'property="article:modified_time" content="2023-04-13T11:10:00+07:00"' in html


def test_a_first_version_has_no_update_line_nor_correction() -> None:
    ctx = support.own_article()
    first = replace(ctx, modified_at=ctx.published_at)
    html = render_page(first, "export").html
    assert "Cập nhật" not in html and "Đính chính" not in html
    assert "correction" not in _ld(html)


def test_the_bundle_carries_the_dates_and_the_embargo_in_ninjs(
    context: PageContext, out: Path, tmp_path: Path
) -> None:
    embargo = support.PUBLISHED - timedelta(hours=1)
    ctx = replace(context, embargo_until=embargo)
    bundle = export_bundle(ctx, out, support.PillowProvider(tmp_path / "c"), owner=ctx.article.id)
    ninjs = json.loads((bundle / "article.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["firstCreated"] == "2023-04-12T02:55:00Z"
    assert ninjs["versionCreated"] == "2023-04-13T04:10:00Z"
    assert ninjs["version"] == "2"
    assert ninjs["embargoedUntil"] == "2023-04-12T01:55:00Z"
    assert ninjs["pubStatus"] == "usable"
    _validate(ninjs)
    # the related blocks of other stories link this picture: it is in the bundle
    thumb = thumbnail_path(bundle.name, ctx.article.photos)
    assert (bundle / thumb).is_file() and thumb.endswith(".jpg")


def test_the_withdrawn_bundle_replaces_the_story_at_the_same_address(
    context: PageContext, out: Path, tmp_path: Path
) -> None:
    provider = support.PillowProvider(tmp_path / "c")
    bundle = export_bundle(context, out, provider, owner=context.article.id)
    assert any((bundle / "images").iterdir())
    gone_at = FIXED + timedelta(days=2)
    again = export_bundle(context, out, provider, owner=context.article.id, withdrawn_at=gone_at)
    assert again == bundle
    assert sorted(p.name for p in bundle.iterdir()) == [
        "article.ninjs.json",
        "assets",
        "index.html",
    ]
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="{context.page_url}">' in html
    assert "Bài viết đã được gỡ" in html and "15/4/2023" in html
    assert context.article.headline not in html
    assert "application/ld+json" not in html and "og:title" not in html
    ninjs = json.loads((bundle / "article.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["pubStatus"] == "canceled"
    assert ninjs["uri"] == f"urn:uuid:{context.article.id}"
    assert "bodies" not in ninjs and "headlines" not in ninjs and "associations" not in ninjs
    _validate(ninjs)


def test_a_bundle_of_another_story_is_never_replaced(
    context: PageContext, out: Path, tmp_path: Path
) -> None:
    provider = support.PillowProvider(tmp_path / "c")
    bundle = export_bundle(context, out, provider, owner=context.article.id)
    before = (bundle / "index.html").read_bytes()
    other = replace(context, article=replace(context.article, id=uuid.uuid4(), body="Khác."))
    with pytest.raises(BundleTaken, match="là gói của một bài khác") as caught:
        export_bundle(other, out, provider, owner=other.article.id)
    assert str(context.article.id) in str(caught.value)
    assert (bundle / "index.html").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [bundle.name]  # no staging left

    # a folder this app did not make is not a bundle to replace either
    stranger = out / "la"
    stranger.mkdir()
    (stranger / "index.html").write_text("<p>trang khác</p>", encoding="utf-8")
    with pytest.raises(BundleTaken, match="không phải gói của bài này"):
        export_bundle(replace(other, slug="la"), out, provider, owner=other.article.id)
    assert (stranger / "index.html").read_text(encoding="utf-8") == "<p>trang khác</p>"

    # the zip of another story, likewise; its own zip is replaced
    packed = export_bundle(context, out, provider, zip=True, owner=context.article.id)
    assert bundle_owner(packed) == f"urn:uuid:{context.article.id}"
    with pytest.raises(BundleTaken):
        export_bundle(other, out, provider, zip=True, owner=other.article.id)
    assert export_bundle(context, out, provider, zip=True, owner=context.article.id) == packed
    with zipfile.ZipFile(packed) as zf:
        assert f"{packed.stem}/article.ninjs.json" in zf.namelist()
