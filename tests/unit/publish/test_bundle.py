"""Export bundles: layout, images, ninjs, determinism, atomicity, errors."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from editor_app.domain.errors import UserError
from editor_app.publish import bundle as bundle_module
from editor_app.publish.bundle import ExportCancelled, RenditionError, export_bundle
from editor_app.publish.renditions import RenditionRequest
from editor_app.render.context import PageContext

from .render_support import support

SCHEMA_PATH = Path(__file__).resolve().parents[4] / "shared" / "standards" / "ninjs-schema_3.1.json"
SLUG = "khanh-thanh-cau-pho-moi-bac-qua-song-hong"


@pytest.fixture
def context() -> PageContext:
    ctx: PageContext = support.own_article()
    return ctx


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the providers keep the files they draw: shared, as a media cache would be."""
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture
def provider(cache: Path) -> object:
    return support.PillowProvider(cache)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"ninjs schema not found at {SCHEMA_PATH} (clone without shared/)")
    data: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def walk(data: object) -> list[tuple[str, str]]:
    """Every (key, string value) in a JSON document."""
    out: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, str):
                out.append((k, v))
            else:
                out += walk(v)
    elif isinstance(data, list):
        for v in data:
            out += walk(v)
    return out


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_bundle_layout(context: PageContext, provider: object, out: Path) -> None:
    path = export_bundle(context, out, provider)  # type: ignore[arg-type]
    assert path == out / SLUG
    assert sorted(os.listdir(out)) == [SLUG]  # no staging left behind
    files = sorted(snapshot(path))
    images = [
        f"{SLUG}-1-480",
        f"{SLUG}-1-800",
        f"{SLUG}-1-900",
        f"{SLUG}-2-480",
        f"{SLUG}-2-800",
        f"{SLUG}-2-1000",
        f"{SLUG}-3-480",
        f"{SLUG}-3-600",
    ]
    expected = [
        "article.ninjs.json",
        "assets/apple-touch-icon.png",
        "assets/article.css",
        "assets/favicon.ico",
        "assets/favicon.svg",
        "index.html",
        *(f"images/{n}.{ext}" for n in images for ext in ("jpg", "webp")),
        f"images/{SLUG}-1-16x9-900.jpg",
        f"images/{SLUG}-1-4x3-800.jpg",
        f"images/{SLUG}-1-1x1-600.jpg",
    ]
    assert files == sorted(expected)


def test_page_images_match_the_files(context: PageContext, provider: object, out: Path) -> None:
    path = export_bundle(context, out, provider)  # type: ignore[arg-type]
    html = (path / "index.html").read_text(encoding="utf-8")
    tags = Tags(html).tags
    imgs = [a for t, a in tags if t == "img" and str(a.get("src")).startswith("images/")]
    assert len(imgs) == 3
    for n, img in enumerate(imgs):
        with Image.open(path / str(img["src"])) as im:
            assert (str(im.width), str(im.height)) == (img["width"], img["height"])
        assert img["decoding"] == "async"
        assert img.get("loading") == (None if n == 0 else "lazy")
        for entry in str(img["srcset"]).split(", "):
            url, width = entry.split(" ")
            with Image.open(path / url) as im:
                assert f"{im.width}w" == width and im.format == "JPEG"
    sources = [a for t, a in tags if t == "source"]
    assert len(sources) == 3 and all(s["type"] == "image/webp" for s in sources)
    for s in sources:
        for entry in str(s["srcset"]).split(", "):
            with Image.open(path / entry.split(" ")[0]) as im:
                assert im.format == "WEBP"
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    data = json.loads(ld[1])
    base = f"https://baolaocai.vn/{SLUG}/"
    assert [i["url"] for i in data["image"]] == [
        f"{base}images/{SLUG}-1-16x9-900.jpg",
        f"{base}images/{SLUG}-1-4x3-800.jpg",
        f"{base}images/{SLUG}-1-1x1-600.jpg",
    ]
    for image in data["image"]:  # each ImageObject's size is its file's
        with Image.open(path / image["url"].removeprefix(base)) as im:
            assert im.width * im.height >= 50_000
            assert (image["width"], image["height"]) == im.size
    assert '<link rel="stylesheet" href="assets/article.css">' in html


def test_ninjs_is_valid_and_complete(
    context: PageContext, provider: object, out: Path, schema: dict[str, object]
) -> None:
    path = export_bundle(context, out, provider)  # type: ignore[arg-type]
    data = json.loads((path / "article.ninjs.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=str)
    assert errors == []
    # jsonschema checks "uri" and "date-time" only with optional packages: check them here
    for key, value in walk(data):
        if key in ("uri", "href", "schema"):
            assert re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s]+", value), (key, value)
        if key in ("firstCreated", "versionCreated", "contentCreated"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value), (key, value)
    assert data["uri"] == f"urn:uuid:{context.article.id}"
    assert data["type"] == "text"
    assert data["language"] == "vi"
    assert data["version"] == "1"
    assert data["headlines"] == [
        {"role": "main", "contentType": "text/plain", "value": context.article.headline}
    ]
    assert data["descriptions"][0]["value"] == context.article.sapo
    body = data["bodies"][0]
    assert body["contentType"] == "text/html" and body["value"].startswith("<p>Sáng 12/4")
    assert "<figure" not in body["value"] and "data-line" not in body["value"]
    # first publication, current version (issue 13, point 4), and when the story was started
    assert data["firstCreated"] == "2023-04-12T02:55:00Z"
    assert data["versionCreated"] == "2023-04-12T04:10:00Z"
    assert data["contentCreated"] == "2023-04-11T23:30:00Z"
    assert data["pubStatus"] == "usable" and "embargoedUntil" not in data
    assert data["people"] == [{"name": "Dương Đức Huy", "rel": "mentioned"}]
    assert "Trưởng" not in json.dumps(data["people"], ensure_ascii=False)
    assert {s["name"] for s in data["subjects"]} == {
        "Giao thông",
        "cầu Phố Mới",
        "sông Hồng",
        "giao thông",
    }
    assert data["by"] == "Hồng Ninh, Thu Hà"
    pictures = data["associations"]
    assert [p["name"] for p in pictures] == ["featureimage", "photo-2", "photo-3"]
    assert pictures[1]["descriptions"][0] == {
        "role": "caption",
        "contentType": "text/plain",
        "value": "Cầu Phố Mới nhìn từ trên cao.",
    }
    for picture in pictures:
        assert picture["type"] == "picture"
        for r in picture["renditions"]:
            local = path / r["href"].removeprefix(f"https://baolaocai.vn/{SLUG}/")
            assert local.stat().st_size == r["sizeInBytes"]


def test_ninjs_and_the_page_say_the_same_caption_and_counts(
    context: PageContext, provider: object, out: Path
) -> None:
    """Issue 13, point 7: ninjs kept a caption's straight quotes while the page showed
    typographic ones, and counted the Markdown's words (774) where the page's JSON-LD counted
    the text readers get (766). One source for both now."""
    article = context.article
    quoted = replace(article.photos[0], caption='Cầu "Phố Mới" nhìn từ trên cao.')
    body = article.body + (
        "\n\nXem [báo cáo của Sở Giao thông vận tải](https://example.com/bao-cao-so-gtvt) "
        "và **bản đồ** *tuyến* đường."
    )
    story = replace(article, body=body, photos=[quoted, *article.photos[1:]])
    path = export_bundle(replace(context, article=story), out, provider)  # type: ignore[arg-type]
    html = (path / "index.html").read_text(encoding="utf-8")
    json_ld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]  # type: ignore[index]
    )
    data = json.loads((path / "article.ninjs.json").read_text(encoding="utf-8"))
    caption = data["associations"][0]["descriptions"][0]["value"]
    assert caption == "Cầu “Phố Mới” nhìn từ trên cao."
    assert caption in html and json_ld["image"][0]["caption"] == caption
    assert data["bodies"][0]["wordCount"] == json_ld["wordCount"]
    text = re.sub(r"<[^>]+>", " ", data["bodies"][0]["value"])
    assert json_ld["wordCount"] == len(text.split())


def test_ninjs_schema_rejects_unknown_keys(schema: dict[str, object]) -> None:
    validator = Draft202012Validator(schema)
    assert not validator.is_valid({"uri": "urn:x", "keywords": ["a"]})
    assert not validator.is_valid({"uri": "urn:x", "people": [{"name": "A", "jobTitle": "B"}]})


def test_export_is_deterministic(context: PageContext, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    a = export_bundle(context, first, support.PillowProvider(tmp_path / "cache-a"))
    b = export_bundle(context, second, support.PillowProvider(tmp_path / "cache-b"))
    assert snapshot(a) == snapshot(b)
    za = export_bundle(context, first, support.PillowProvider(tmp_path / "cache-a"), zip=True)
    zb = export_bundle(context, second, support.PillowProvider(tmp_path / "cache-b"), zip=True)
    assert za == first / f"{SLUG}.zip"
    assert za.read_bytes() == zb.read_bytes()
    with zipfile.ZipFile(io.BytesIO(za.read_bytes())) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert f"{SLUG}/index.html" in names
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        assert zf.read(f"{SLUG}/index.html") == (a / "index.html").read_bytes()


def test_a_failing_provider_leaves_the_earlier_export_untouched(
    context: PageContext, cache: Path, out: Path
) -> None:
    path = export_bundle(context, out, support.PillowProvider(cache))
    before = snapshot(path)
    changed = replace(context, article=replace(context.article, sapo="Sapo mới."))
    failing = support.PillowProvider(cache, fail_at=3)
    with pytest.raises(RuntimeError, match="call 3"):
        export_bundle(changed, out, failing)
    assert failing.calls == 3
    assert sorted(os.listdir(out)) == [SLUG]
    assert snapshot(path) == before


def test_a_failing_provider_leaves_nothing_when_there_was_nothing(
    context: PageContext, cache: Path, out: Path
) -> None:
    with pytest.raises(RuntimeError):
        export_bundle(context, out, support.PillowProvider(cache, fail_at=3))
    with pytest.raises(RuntimeError):
        export_bundle(context, out, support.PillowProvider(cache, fail_at=5), zip=True)
    assert os.listdir(out) == []


def test_a_photo_the_provider_cannot_read_is_a_user_error(
    context: PageContext, cache: Path, out: Path
) -> None:
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "anh-1.jpg")
    provider = support.PillowProvider(cache, fail_at=1, error=missing)
    with pytest.raises(UserError, match=r"Không tạo được ảnh “anh-1\.jpg”"):
        export_bundle(context, out, provider)
    assert os.listdir(out) == []


def test_a_full_disk_is_a_user_error_and_changes_nothing(
    context: PageContext, provider: object, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export_bundle(context, out, provider)  # type: ignore[arg-type]
    before = snapshot(path)
    real = bundle_module._fsync_write

    def full(target: Path, data: bytes) -> None:
        if target.name == "index.html":
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real(target, data)

    monkeypatch.setattr(bundle_module, "_fsync_write", full)
    changed = replace(context, article=replace(context.article, sapo="Sapo mới."))
    with pytest.raises(UserError, match="đầy"):
        export_bundle(changed, out, provider)  # type: ignore[arg-type]
    assert sorted(os.listdir(out)) == [SLUG]
    assert snapshot(path) == before


def test_a_failed_swap_puts_the_old_export_back(
    context: PageContext, provider: object, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export_bundle(context, out, provider)  # type: ignore[arg-type]
    before = snapshot(path)
    real_rename = os.rename
    calls: list[str] = []

    def rename(src: str | Path, dst: str | Path) -> None:
        calls.append(str(dst))
        if Path(dst) == path and len(calls) == 2:  # the new bundle moving into place
            raise OSError(errno.EIO, "I/O error")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(UserError):
        export_bundle(context, out, provider)  # type: ignore[arg-type]
    assert sorted(os.listdir(out)) == [SLUG]
    assert snapshot(path) == before


def test_cancel_stops_and_leaves_nothing(context: PageContext, provider: object, out: Path) -> None:
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 5

    with pytest.raises(ExportCancelled) as info:
        export_bundle(context, out, provider, cancel=cancel)  # type: ignore[arg-type]
    assert "hủy" in str(info.value)
    assert os.listdir(out) == []


def test_progress_counts_up_to_the_total(context: PageContext, provider: object, out: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    export_bundle(context, out, provider, progress=lambda d, t, m: seen.append((d, t, m)))  # type: ignore[arg-type]
    totals = {t for _, t, _ in seen}
    assert len(totals) == 1
    total = totals.pop()
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == total
    assert seen[-1][2] == "Đã xuất bài."


def test_a_new_export_replaces_the_old_one(
    context: PageContext, provider: object, out: Path
) -> None:
    export_bundle(context, out, provider)  # type: ignore[arg-type]
    changed = replace(context, article=replace(context.article, sapo="Sapo đã sửa."))
    path = export_bundle(changed, out, provider)  # type: ignore[arg-type]
    assert "Sapo đã sửa." in (path / "index.html").read_text(encoding="utf-8")
    assert sorted(os.listdir(out)) == [SLUG]


def test_user_errors(context: PageContext, provider: object, out: Path) -> None:
    untitled = replace(context, article=replace(context.article, headline="  "))
    with pytest.raises(UserError, match="tiêu đề"):
        export_bundle(untitled, out, provider)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        export_bundle(context, out / "không-có", provider)  # type: ignore[arg-type]
    (out / SLUG).write_text("một tệp", encoding="utf-8")
    with pytest.raises(UserError, match="tệp"):
        export_bundle(context, out, provider)  # type: ignore[arg-type]
    (out / SLUG).unlink()
    (out / f"{SLUG}.zip").mkdir()
    with pytest.raises(UserError, match="thư mục"):
        export_bundle(context, out, provider, zip=True)  # type: ignore[arg-type]


def test_a_rendition_with_gps_or_the_wrong_format_is_refused(
    context: PageContext, tmp_path: Path, out: Path
) -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (22.0, 29.0, 0.0)  # GPSLatitude
    gps = tmp_path / "gps.jpg"
    Image.new("RGB", (480, 320)).save(gps, "JPEG", exif=exif.tobytes())
    png = tmp_path / "x.png"
    Image.new("RGB", (480, 320)).save(png, "PNG")

    webp = tmp_path / "x.webp"
    Image.new("RGB", (480, 320)).save(webp, "WEBP")

    def with_gps(photo: object, request: RenditionRequest) -> Path:
        return gps if request.format == "jpeg" else webp

    def wrong_format(photo: object, request: RenditionRequest) -> Path:
        return png

    with pytest.raises(RenditionError, match="GPS"):
        export_bundle(context, out, with_gps)
    with pytest.raises(RenditionError, match="PNG"):
        export_bundle(context, out, wrong_format)
    assert os.listdir(out) == []


@pytest.mark.samples
@pytest.mark.slow
def test_the_sample_article_exports(
    sample_article: Path, sample_photos: Path, tmp_path: Path, out: Path, schema: dict[str, object]
) -> None:
    sizes = {}
    for p in sample_photos.glob("*.jpg"):
        with Image.open(p) as im:
            w, h = im.size
            sizes[p.name] = (h, w) if im.getexif().get(0x0112) in (5, 6, 7, 8) else (w, h)
    context, names = support.sample_context(sample_article.read_text(encoding="utf-8"), sizes)
    originals = {pid: sample_photos / name for pid, name in names.items()}
    path = export_bundle(context, out, support.PillowProvider(tmp_path / "c", originals))
    html = (path / "index.html").read_text(encoding="utf-8")
    assert html.count('<figure class="photo"') == 4
    data = json.loads((path / "article.ninjs.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    for image in (path / "images").iterdir():
        with Image.open(image) as im:
            assert not im.getexif().get_ifd(0x8825)
