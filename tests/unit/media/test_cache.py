"""RenditionCache: files named by photo, width, format and metadata; made once."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from editor_app.domain.errors import NotFound
from editor_app.media import renditions
from editor_app.media.cache import KEEP_VARIANTS, RenditionCache
from editor_app.media.library import MediaLibrary
from editor_app.media.xmp import PhotoMetadata, parse_xmp

from .imagegen import exif_bytes, noisy, save

META = PhotoMetadata(caption="Lễ khai mạc Đại hội", credit="Báo Lào Cai")


@pytest.fixture
def stored(data_root: Path, tmp_path: Path) -> tuple[RenditionCache, str, tuple[int, int]]:
    source = save(noisy(1700, 1100), tmp_path / "ảnh 1.jpg", quality=88, exif=exif_bytes(1))
    info = MediaLibrary(data_root).add(source)
    return RenditionCache(data_root), info.sha256, (info.width, info.height)


def test_ensure_writes_every_rendition_where_it_says(
    stored: tuple[RenditionCache, str, tuple[int, int]],
) -> None:
    cache, sha, _ = stored
    made = cache.ensure(sha, META)
    assert [(r.width, r.format) for r in made] == [
        (480, "JPEG"),
        (480, "WEBP"),
        (960, "JPEG"),
        (960, "WEBP"),
        (1600, "JPEG"),
        (1600, "WEBP"),
    ]
    for r in made:
        assert r.path == cache.path_for(sha, r.width, r.format, META)
        assert r.path.parent == cache.root / "renditions" / sha[:2]
        assert r.path.name.startswith(f"{sha}-{r.width}-")
        with Image.open(r.path) as im:
            assert im.size == (r.width, r.height)
            assert parse_xmp(im.info["xmp"]) == META
    assert cache.thumbnail_path(sha).is_file()
    assert not list(cache.folder.rglob(".tmp-*"))


def test_second_request_is_only_a_stat(
    stored: tuple[RenditionCache, str, tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, sha, size = stored
    first = cache.ensure(sha, META, size=size)

    def must_not_render(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr("editor_app.media.cache.render", must_not_render)
    monkeypatch.setattr("editor_app.media.cache.open_image", must_not_render)
    assert cache.ensure(sha, META, size=size) == first


def test_new_metadata_new_files_the_oldest_go(
    stored: tuple[RenditionCache, str, tuple[int, int]],
) -> None:
    cache, sha, size = stored
    made = []
    for n in range(KEEP_VARIANTS + 1):
        meta = PhotoMetadata(caption=f"Đại hội, phiên {n}", credit="Báo Lào Cai")
        made.append(cache.ensure(sha, meta, size=size, formats=("JPEG",)))
        for r in made[-1]:  # written one after another, as captions are edited
            os.utime(r.path, ns=(n * 10**9, n * 10**9))
    assert all(not r.path.exists() for r in made[0])
    assert all(r.path.is_file() for variant in made[1:] for r in variant)


def test_stories_sharing_a_photo_keep_their_renditions(
    stored: tuple[RenditionCache, str, tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13, point 5: two stories using one photo under their own captions pushed each
    other's renditions out of the cache, so every export of one redrew the other's."""
    cache, sha, size = stored
    first = PhotoMetadata(caption="Quang cảnh hội nghị", credit="Ảnh: Minh Hà")
    second = PhotoMetadata(caption="Đại biểu dự hội nghị", credit="Ảnh: Minh Hà")
    cache.ensure(sha, first, size=size)
    cache.ensure(sha, second, size=size)

    def must_not_render(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr("editor_app.media.cache.render", must_not_render)
    assert all(r.path.is_file() for r in cache.ensure(sha, first, size=size))
    assert all(r.path.is_file() for r in cache.ensure(sha, second, size=size))


def test_a_missing_format_is_added_without_touching_the_rest(
    stored: tuple[RenditionCache, str, tuple[int, int]],
) -> None:
    cache, sha, size = stored
    jpegs = cache.ensure(sha, META, size=size, formats=("JPEG",))
    stamps = [r.path.stat().st_mtime_ns for r in jpegs]
    both = cache.ensure(sha, META, size=size)
    assert len(both) == 6 and [r.path.stat().st_mtime_ns for r in jpegs] == stamps


def test_thumbnail_by_digest_is_cached(
    stored: tuple[RenditionCache, str, tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, sha, _ = stored
    data = cache.thumbnail(sha)
    assert Image.open(io.BytesIO(data)).size == (240, 155)
    monkeypatch.setattr("editor_app.media.cache.make_thumbnail", None)
    assert cache.thumbnail(sha) == data


def test_thumbnail_by_path(tmp_path: Path, data_root: Path) -> None:
    source = save(noisy(600, 900), tmp_path / "dọc.jpg")
    data = RenditionCache(data_root).thumbnail(source)
    assert Image.open(io.BytesIO(data)).size == (160, 240)
    assert renditions.make_thumbnail(source) == data


def test_remove_and_unknown(stored: tuple[RenditionCache, str, tuple[int, int]]) -> None:
    cache, sha, _ = stored
    cache.ensure(sha, META)
    assert cache.remove(sha) == 7
    assert not list(cache.folder.rglob(f"{sha}*"))
    with pytest.raises(NotFound):
        cache.ensure("0" * 64)


def test_one_file_at_a_time_whole_or_cropped(
    stored: tuple[RenditionCache, str, tuple[int, int]],
) -> None:
    cache, sha, size = stored
    webp = cache.file(sha, 800, "WEBP", META, size=size)
    assert (webp.width, webp.height, webp.format) == (800, 518, "WEBP")
    wide = cache.file(sha, 1200, "JPEG", META, crop=(16, 9), size=size)
    assert (wide.width, wide.height) == (1200, 675) and "c16x9" in wide.path.name
    square = cache.file(sha, 1200, "JPEG", META, crop=(1, 1), size=size)
    assert (square.width, square.height) == (1100, 1100)  # never wider than the crop
    with Image.open(square.path) as im:
        assert im.size == (1100, 1100) and parse_xmp(im.info["xmp"]) == META
    assert cache.file(sha, 1200, "JPEG", META, crop=(16, 9), size=size) == wide
    assert not cache.thumbnail_path(sha).exists()
