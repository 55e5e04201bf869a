"""probe(): photos accepted with their facts; everything else refused with a clear message."""

from __future__ import annotations

import io
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pillow_heif
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin, TiffImagePlugin

from editor_app.domain.errors import UserError
from editor_app.media import imaging
from editor_app.media.errors import PhotoError, Reason
from editor_app.media.probe import probe, sha256_file
from editor_app.media.xmp import PhotoMetadata, build_xmp

from .imagegen import (
    exif_bytes,
    iptc_app13,
    jpeg_bytes,
    noisy,
    png_header_only,
    quadrants,
    save,
    with_segment,
)

# --- the newsroom's sample photos ---------------------------------------------------------


@pytest.mark.samples
def test_sample_photos_probe(sample_photos: Path) -> None:
    plain = probe(sample_photos / "IMG_20230412_095452.jpg")
    assert (plain.format, plain.width, plain.height) == ("JPEG", 4000, 3000)
    assert plain.camera == "samsung SM-A536E"
    assert plain.taken_at == datetime(2023, 4, 12, 9, 54, 52)
    assert plain.size_bytes == os.path.getsize(sample_photos / "IMG_20230412_095452.jpg")
    assert plain.sha256 == sha256_file(sample_photos / "IMG_20230412_095452.jpg")

    sideways = probe(sample_photos / "IMG_20230412_095411.jpg")
    with Image.open(sample_photos / "IMG_20230412_095411.jpg") as im:
        stored = im.size
    assert sideways.orientation == 6
    assert (sideways.width, sideways.height) == (stored[1], stored[0])

    tagged = probe(sample_photos / "20230412_100410_0000.jpg")
    assert tagged.metadata.caption == "Các đại biểu phát biểu ý kiến."
    assert tagged.metadata.creator == "Phóng viên Báo Lào Cai"


# --- formats ------------------------------------------------------------------------------


def test_jpeg_facts(photo: Path) -> None:
    info = probe(photo)
    assert (info.format, info.width, info.height, info.orientation) == ("JPEG", 800, 600, 1)
    assert info.camera == "Canon EOS R6"  # the make is not said twice
    assert info.taken_at == datetime(2024, 5, 19, 8, 30)
    assert info.filename == "photo.jpg" and info.extension == ".jpg"


def test_date_with_offset_is_aware(tmp_path: Path) -> None:
    exif = exif_bytes(taken="2023:04:12 09:54:52", offset="+07:00")
    path = save(quadrants(64, 48), tmp_path / "a.jpg", exif=exif)
    taken = probe(path).taken_at
    assert taken == datetime(2023, 4, 12, 9, 54, 52, tzinfo=timezone(timedelta(hours=7)))


def test_blank_date_is_none(tmp_path: Path) -> None:
    path = save(quadrants(64, 48), tmp_path / "a.jpg", exif=exif_bytes(taken="0000:00:00 00:00:00"))
    assert probe(path).taken_at is None


@pytest.mark.parametrize(
    ("fmt", "suffix", "options"),
    [
        ("PNG", ".png", {}),
        ("WEBP", ".webp", {"quality": 80}),
        ("TIFF", ".tif", {"compression": "tiff_lzw"}),
        ("HEIF", ".heic", {"quality": 70}),
    ],
)
def test_other_formats(tmp_path: Path, fmt: str, suffix: str, options: dict[str, object]) -> None:
    pillow_heif.register_heif_opener()
    path = save(quadrants(120, 80), tmp_path / f"x{suffix}", fmt, **options)
    info = probe(path)
    assert (info.format, info.width, info.height) == (fmt, 120, 80)


def test_heic_orientation_is_already_upright(tmp_path: Path) -> None:
    pillow_heif.register_heif_opener()
    path = save(quadrants(120, 80), tmp_path / "x.heic", "HEIF", exif=exif_bytes(6), quality=70)
    info = probe(path)
    assert (info.width, info.height) == (80, 120)  # pillow-heif turned it; EXIF now says 1


def test_png_xmp_and_tiff_xmp(tmp_path: Path) -> None:
    meta = PhotoMetadata(caption="Lễ khai mạc", creator="Phóng viên")
    text = PngImagePlugin.PngInfo()
    text.add_itxt("XML:com.adobe.xmp", build_xmp(meta).decode())
    png = save(quadrants(40, 30), tmp_path / "x.png", pnginfo=text)
    assert probe(png).metadata == meta

    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    ifd[700] = build_xmp(meta)
    tif = save(quadrants(40, 30), tmp_path / "x.tif", tiffinfo=ifd)
    assert probe(tif).metadata == meta


def test_iptc_caption_byline_credit_copyright(tmp_path: Path) -> None:
    fields: dict[tuple[int, int], bytes | list[bytes]] = {
        (2, 120): "Lễ kỷ niệm ngày thành lập".encode(),
        (2, 80): ["Hoàng Anh".encode(), "Minh Đức".encode()],
        (2, 110): "Báo Lào Cai".encode(),
        (2, 116): "© 2023 Báo Lào Cai".encode(),
    }
    data = with_segment(jpeg_bytes(quadrants(64, 48)), iptc_app13(fields))
    path = tmp_path / "iptc.jpg"
    path.write_bytes(data)
    assert probe(path).metadata == PhotoMetadata(
        caption="Lễ kỷ niệm ngày thành lập",
        creator="Hoàng Anh; Minh Đức",
        credit="Báo Lào Cai",
        copyright="© 2023 Báo Lào Cai",
    )


def test_xmp_wins_over_iptc(tmp_path: Path) -> None:
    xmp = build_xmp(PhotoMetadata(caption="Từ XMP"))
    data = with_segment(jpeg_bytes(quadrants(64, 48), xmp=xmp), iptc_app13({(2, 120): b"IPTC"}))
    path = tmp_path / "both.jpg"
    path.write_bytes(data)
    assert probe(path).metadata.caption == "Từ XMP"


def test_vietnamese_file_name_with_spaces(tmp_path: Path) -> None:
    path = save(quadrants(64, 48), tmp_path / "ảnh Đại hội 01.jpg")
    assert probe(path).filename == "ảnh Đại hội 01.jpg"


def test_mpo_from_a_phone_is_a_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "mpo.jpg"
    quadrants(64, 48).save(path, "MPO", save_all=True, append_images=[quadrants(32, 24)])
    assert probe(path).format == "JPEG"


# --- refusals -----------------------------------------------------------------------------


def refused(path: Path, reason: Reason) -> PhotoError:
    with pytest.raises(PhotoError) as caught:
        probe(path)
    err = caught.value
    assert isinstance(err, UserError)
    assert err.reason == reason, err.message
    assert path.name in err.message and "\n" not in err.message
    return err


def test_errors_cross_process_boundaries_intact() -> None:
    import pickle

    err = PhotoError(Path("/x/ảnh 1.jpg"), Reason.ANIMATED, "3")
    back = pickle.loads(pickle.dumps(err))
    assert (back.message, back.reason, back.path) == (err.message, err.reason, err.path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rỗng.jpg"
    path.write_bytes(b"")
    assert refused(path, Reason.EMPTY).message == 'Ảnh "rỗng.jpg": tệp rỗng (0 byte).'


@pytest.mark.parametrize("keep", [0.5, 0.95, -2])
def test_truncated_jpeg(tmp_path: Path, keep: float) -> None:
    data = jpeg_bytes(noisy(400, 300), quality=90)
    cut = int(len(data) * keep) if keep > 0 else len(data) + int(keep)
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[:cut])
    refused(path, Reason.TRUNCATED)


def test_truncated_progressive_jpeg_and_png(tmp_path: Path) -> None:
    data = jpeg_bytes(noisy(400, 300), quality=90, progressive=True)
    (tmp_path / "p.jpg").write_bytes(data[: len(data) * 2 // 3])
    refused(tmp_path / "p.jpg", Reason.TRUNCATED)
    buf = io.BytesIO()
    noisy(200, 150).save(buf, "PNG")
    (tmp_path / "p.png").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    refused(tmp_path / "p.png", Reason.TRUNCATED)


def test_text_file_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "bài viết.jpg"
    path.write_text("Đây không phải là ảnh.\n", encoding="utf-8")
    refused(path, Reason.NOT_IMAGE)


def test_decompression_bomb_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(10_050, 10_050))  # 101 MP in a few hundred bytes
    assert imaging.MAX_PIXELS == 100_000_000
    err = refused(path, Reason.TOO_LARGE)
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_header_only(20_000, 20_000))  # past twice the limit: Pillow's error
    assert refused(huge, Reason.TOO_LARGE).message == err.message.replace("bomb", "huge")


def test_bomb_check_leaves_warning_filters_alone(tmp_path: Path) -> None:
    import warnings

    before = list(warnings.filters)
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(10_050, 10_050))
    with pytest.raises(PhotoError):
        probe(path)
    assert warnings.filters == before


def test_animated_gif_and_webp(tmp_path: Path) -> None:
    frames = [quadrants(32, 32), quadrants(32, 32).rotate(90)]
    gif = tmp_path / "động.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert "2 khung" in refused(gif, Reason.ANIMATED).message
    webp = tmp_path / "động.webp"
    frames[0].save(webp, save_all=True, append_images=frames[1:], duration=100)
    refused(webp, Reason.ANIMATED)


def test_multipage_tiff_and_damaged_heic(tmp_path: Path) -> None:
    pages = tmp_path / "nhiều trang.tif"
    quadrants(40, 30).save(pages, save_all=True, append_images=[quadrants(40, 30)])
    refused(pages, Reason.ANIMATED)
    pillow_heif.register_heif_opener()
    heic = save(noisy(200, 150), tmp_path / "a.heic", "HEIF", quality=80)
    cut = tmp_path / "cụt.heic"
    cut.write_bytes(heic.read_bytes()[: heic.stat().st_size // 2])
    with pytest.raises(PhotoError) as caught:
        probe(cut)
    assert caught.value.reason in (Reason.CORRUPT, Reason.TRUNCATED)


def test_unsupported_formats(tmp_path: Path) -> None:
    refused(save(quadrants(32, 32), tmp_path / "a.bmp"), Reason.UNSUPPORTED)
    refused(save(quadrants(32, 32), tmp_path / "still.gif"), Reason.UNSUPPORTED)
    assert "GIF" in refused(tmp_path / "still.gif", Reason.UNSUPPORTED).message


def test_vanished_and_unreadable(tmp_path: Path) -> None:
    refused(tmp_path / "không có.jpg", Reason.MISSING)
    refused(tmp_path, Reason.NOT_IMAGE)
    if sys.platform != "win32" and os.geteuid() != 0:
        path = save(quadrants(32, 32), tmp_path / "khoá.jpg")
        path.chmod(0)
        refused(path, Reason.PERMISSION)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(quadrants(32, 32), tmp_path / "của người khác.jpg")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("editor_app.media.probe.open", denied, raising=False)
    assert "quyền" in refused(path, Reason.PERMISSION).message
    monkeypatch.setattr("editor_app.media.probe.open", open, raising=False)
    monkeypatch.setattr("editor_app.media.imaging.open", denied, raising=False)
    refused(path, Reason.PERMISSION)


def test_disk_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(quadrants(32, 32), tmp_path / "a.jpg")

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("editor_app.media.probe.open", failing, raising=False)
    assert "Input/output error" in refused(path, Reason.UNREADABLE).message


def test_file_that_vanishes_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(quadrants(32, 32), tmp_path / "đi mất.jpg")

    def gone(p: Path) -> str:
        p.unlink()
        return "0" * 64

    monkeypatch.setattr("editor_app.media.probe.sha256_file", gone)
    refused(path, Reason.MISSING)


def test_file_name_with_newline_still_gives_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a\nb.jpg"
    path.write_bytes(b"")
    with pytest.raises(PhotoError) as caught:
        probe(path)
    assert "\n" not in caught.value.message and "a?b.jpg" in caught.value.message


# --- hostile input ------------------------------------------------------------------------


def _encoded(fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    quadrants(48, 32).save(buf, fmt, **options)
    return buf.getvalue()


SEEDS = [
    jpeg_bytes(quadrants(48, 32), quality=80, exif=exif_bytes(6, make="X", model="Y")),
    jpeg_bytes(quadrants(48, 32), progressive=True, xmp=build_xmp(PhotoMetadata(caption="Ảnh"))),
    with_segment(jpeg_bytes(quadrants(16, 16)), iptc_app13({(2, 120): "Chú thích".encode()})),
    _encoded("PNG"),
    _encoded("WEBP", quality=60),
    _encoded("TIFF", compression="tiff_lzw"),
    _encoded("GIF"),
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    st.floats(0.0, 1.0),
)
def test_damaged_files_never_crash(
    tmp_path: Path, seed: bytes, edits: list[tuple[int, int]], keep: float
) -> None:
    data = bytearray(seed)
    for at, value in edits:
        data[at % len(data)] = value
    path = tmp_path / "fuzz.jpg"
    path.write_bytes(bytes(data[: max(1, int(len(data) * keep))]))
    try:
        info = probe(path)
    except PhotoError as err:
        assert "\n" not in err.message and "fuzz.jpg" in err.message
    else:
        assert info.width > 0 and info.height > 0
