"""render(): sizes, orientation, colour, metadata in, location out, same bytes every time."""

from __future__ import annotations

import io
from pathlib import Path

import pillow_heif
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageCms, ImageOps

from editor_app.media.errors import PhotoError, Reason
from editor_app.media.renditions import (
    Encoded,
    crop_box,
    make_thumbnail,
    render,
    rendition_sizes,
    rendition_widths,
    thumbnail_dims,
)
from editor_app.media.xmp import PhotoMetadata, parse_xmp

from .imagegen import (
    INVERSE,
    QUADRANTS,
    close,
    cmyk_profile,
    exif_bytes,
    jpeg_bytes,
    noisy,
    png_48bit,
    quadrant_centres,
    quadrants,
    save,
    swapped_rgb_profile,
)

META = PhotoMetadata(
    caption="Đồng chí Bí thư Tỉnh ủy phát biểu tại Đại hội — “đổi mới & phát triển” <2025>",
    creator="Phóng viên Báo Lào Cai",
    credit="Ảnh: Trần Đức Thắng",
    copyright="© 2025 Báo Lào Cai",
)


def px(im: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    """A pixel's bands as a tuple, one band too (Pillow types getpixel loosely)."""
    value = im.getpixel(xy)
    if isinstance(value, (int, float)):
        return (int(value),)
    assert isinstance(value, tuple), value
    return tuple(int(v) for v in value)


def opened(enc: Encoded) -> Image.Image:
    im = Image.open(io.BytesIO(enc.data))
    assert im.format == enc.format and im.size == (enc.width, enc.height)
    return im


def assert_clean(enc: Encoded) -> None:
    """No EXIF at all, nothing that says GPS, no ICC profile (sRGB by default)."""
    im = opened(enc)
    assert not im.getexif()
    assert "exif" not in im.info and "icc_profile" not in im.info
    assert b"GPS" not in enc.data and b"Exif\x00\x00" not in enc.data


# --- sizes --------------------------------------------------------------------------------


def test_widths() -> None:
    assert rendition_widths(6000) == (480, 960, 1600)
    assert rendition_widths(1600) == (480, 960, 1600)
    assert rendition_widths(1000) == (480, 960)
    assert rendition_widths(480) == (480,)
    assert rendition_widths(300) == (300,)
    assert rendition_sizes((4000, 3000)) == [(480, 360), (960, 720), (1600, 1200)]
    assert thumbnail_dims((4000, 3000)) == (240, 180)
    assert thumbnail_dims((3000, 4000)) == (180, 240)
    assert thumbnail_dims((100, 50)) == (100, 50)


@given(st.integers(1, 20_000), st.integers(1, 20_000))
def test_never_upscaled(width: int, height: int) -> None:
    sizes = rendition_sizes((width, height))
    assert sizes and all(w <= width for w, _ in sizes)
    assert all(h <= max(height, 1) or w == width for w, h in sizes)
    tw, th = thumbnail_dims((width, height))
    assert tw <= min(width, 240) and th <= min(height, 240)


def test_narrow_images_get_what_they_cover(tmp_path: Path) -> None:
    wide = render(save(quadrants(1000, 500), tmp_path / "a.jpg"), formats=("JPEG",))
    assert [(e.width, e.height) for e in wide] == [(960, 480), (480, 240), (240, 120)]
    small = render(save(quadrants(300, 200), tmp_path / "b.jpg"), formats=("JPEG",))
    assert [(e.width, e.thumbnail) for e in small] == [(300, False), (240, True)]


# --- the newsroom's sample photos ---------------------------------------------------------


@pytest.mark.samples
def test_gps_photo_loses_its_location(sample_photos: Path) -> None:
    source = sample_photos / "IMG_20230412_095542.jpg"
    with Image.open(source) as im:
        assert im.getexif().get_ifd(0x8825)  # the original does have GPS
    made = render(source, META)
    assert [(e.format, e.width) for e in made if not e.thumbnail] == [
        ("JPEG", 1600),
        ("WEBP", 1600),
        ("JPEG", 960),
        ("WEBP", 960),
        ("JPEG", 480),
        ("WEBP", 480),
    ]
    for enc in made:
        assert_clean(enc)


@pytest.mark.samples
def test_sideways_sample_comes_out_upright(sample_photos: Path) -> None:
    source = sample_photos / "IMG_20230412_095411.jpg"
    with Image.open(source) as im:
        stored = im.size
        reference = ImageOps.exif_transpose(im).resize((480, 360))
    assert stored[0] < stored[1]
    made = render(source, formats=("JPEG",))
    assert (made[0].width, made[0].height) == (1600, 1200)
    small = opened(made[2]).convert("RGB")
    diff = sum(abs(a - b) for a, b in zip(small.tobytes(), reference.tobytes(), strict=True))
    assert diff / len(small.tobytes()) < 6  # the same picture, turned the same way


@pytest.mark.samples
def test_xmp_sample_caption_and_creator_reach_the_renditions(sample_photos: Path) -> None:
    from editor_app.media.probe import probe

    source = sample_photos / "20230412_100410_0000.jpg"
    meta = probe(source).metadata
    for enc in render(source, meta, formats=("JPEG", "WEBP"), thumbnail=None):
        assert parse_xmp(opened(enc).info["xmp"]).caption == "Các đại biểu phát biểu ý kiến."


# --- orientation --------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    upright = quadrants(600, 400)
    method = INVERSE[orientation]
    stored = upright.transpose(method) if method is not None else upright
    source = save(
        stored, tmp_path / f"o{orientation}.jpg", quality=95, exif=exif_bytes(orientation)
    )
    made = render(source, formats=("JPEG", "WEBP"))
    for enc in made:
        im = opened(enc).convert("RGB")
        assert im.width > im.height
        for name, xy in quadrant_centres(*im.size).items():
            assert close(px(im, xy), QUADRANTS[name]), (enc.format, enc.width, name)


# --- metadata -----------------------------------------------------------------------------


def test_vietnamese_metadata_is_in_every_rendition(tmp_path: Path) -> None:
    source = save(noisy(1700, 1000), tmp_path / "ảnh Đại hội 01.jpg", quality=90)
    made = render(source, META)
    assert len(made) == 7
    for enc in made:
        im = opened(enc)
        if enc.thumbnail:
            assert "xmp" not in im.info  # for the app's lists only, never exported
        else:
            assert parse_xmp(im.info["xmp"]) == META
            assert im.getxmp()  # Pillow's own reader agrees it is XMP
        assert_clean(enc)


def test_source_exif_gps_and_icc_do_not_survive(tmp_path: Path) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = exif_bytes(1, make="Apple", model="iPhone", gps=True)
    source = save(
        quadrants(700, 500),
        tmp_path / "gps.jpg",
        exif=exif,
        icc_profile=srgb,
        comment=b"secret place",
    )
    for enc in render(source):
        assert_clean(enc)
        assert b"secret" not in enc.data


# --- colour -------------------------------------------------------------------------------


def test_cmyk_with_profile_goes_through_it(tmp_path: Path) -> None:
    cyan = Image.new("CMYK", (600, 400), (255, 0, 0, 0))
    source = save(cyan, tmp_path / "in.jpg", quality=95, icc_profile=cmyk_profile())
    for enc in render(source):
        assert_clean(enc)
        im = opened(enc).convert("RGB")
        r, g, b = px(im, (im.width // 2, im.height // 2))[:3]
        assert r > 200 and g < 60 and b < 60  # the profile says cyan prints red


def test_cmyk_without_profile(tmp_path: Path) -> None:
    source = save(Image.new("CMYK", (600, 400), (255, 0, 0, 0)), tmp_path / "in.jpg", quality=95)
    made = render(source, formats=("JPEG",))
    assert close(px(opened(made[0]).convert("RGB"), (10, 10)), (0, 255, 255))


def test_an_rgb_profile_other_than_srgb_is_converted(tmp_path: Path) -> None:
    red = Image.new("RGB", (600, 400), (220, 30, 30))
    source = save(red, tmp_path / "x.jpg", quality=95, icc_profile=swapped_rgb_profile())
    for enc in render(source):
        assert_clean(enc)
        r, _g, b = px(opened(enc).convert("RGB"), (5, 5))[:3]
        assert b > 150 and r < 100  # red in that profile's terms is blue in sRGB


def test_16_bit_grey_png(tmp_path: Path) -> None:
    ramp = Image.linear_gradient("L").resize((512, 256)).convert("I")
    wide = ramp.point(lambda v: v * 257).convert("I;16")
    source = save(wide, tmp_path / "16.png")
    with Image.open(source) as im:
        assert im.mode.startswith("I")
    gray = opened(render(source, formats=("JPEG",))[0])
    assert gray.mode == "L"
    lo, hi = gray.getextrema()
    assert isinstance(lo, int) and isinstance(hi, int)
    assert lo < 10 and hi > 245  # scaled, not clipped to white


def test_48_bit_rgb_png(tmp_path: Path) -> None:
    source = tmp_path / "48.png"
    source.write_bytes(png_48bit(600, 40))
    im = opened(render(source, formats=("JPEG",))[0]).convert("RGB")
    assert px(im, (2, 20))[0] < 20 and px(im, (477, 20))[0] > 235


def test_transparency_white_in_jpeg_kept_in_webp(tmp_path: Path) -> None:
    im = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    im.paste((200, 0, 0, 255), (0, 0, 300, 400))
    source = save(im, tmp_path / "a.png")
    made = {(e.format, e.width): e for e in render(source)}
    jpeg = opened(made[("JPEG", 480)])
    assert jpeg.mode == "RGB" and close(px(jpeg, (400, 160)), (255, 255, 255), 4)
    webp = opened(made[("WEBP", 480)])
    assert webp.mode == "RGBA" and px(webp, (400, 160))[3] == 0
    assert px(webp, (100, 160))[3] == 255


def test_palette_and_grey_alpha(tmp_path: Path) -> None:
    pal = quadrants(500, 300).convert("P")
    pal.info["transparency"] = 0
    for src in (
        save(pal, tmp_path / "p.png"),
        save(Image.new("LA", (500, 300)), tmp_path / "l.png"),
    ):
        for enc in render(src):
            assert opened(enc).mode in ("RGB", "RGBA", "L")


def test_heic(tmp_path: Path) -> None:
    pillow_heif.register_heif_opener()
    source = save(
        quadrants(600, 400),
        tmp_path / "iphone.heic",
        "HEIF",
        quality=90,
        exif=exif_bytes(6, make="Apple", gps=True),
    )
    made = render(source, META)
    assert (made[0].width, made[0].height) == (400, 600)  # 480 is wider than it: its own width
    for enc in made:
        assert_clean(enc)


# --- determinism, speed path, bad input ----------------------------------------------------


def test_same_input_same_bytes(tmp_path: Path) -> None:
    source = save(noisy(1800, 1200), tmp_path / "a.jpg", quality=90, exif=exif_bytes(6))
    first, second = render(source, META), render(source, META)
    assert [e.data for e in first] == [e.data for e in second]
    other = render(source, PhotoMetadata(caption="khác"))
    assert first[0].data != other[0].data


def test_jpeg_is_decoded_at_reduced_scale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = save(noisy(3400, 2000), tmp_path / "a.jpg", quality=85)
    seen: list[tuple[int, int]] = []
    original = Image.Image.resize

    def spy(self: Image.Image, size: tuple[int, int], *args: object, **kw: object) -> Image.Image:
        seen.append(self.size)
        return original(self, size, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "resize", spy)
    render(source, formats=("JPEG",))
    assert seen[0] == (1700, 1000)  # draft gave 1/2 scale, still ≥ 1600 wide
    # Down the ladder 1600 → 1200 → 800 → 480, each step from the one before; 960 (off the
    # ladder) from the 1200 step; the thumbnail from the 480 one.
    assert seen[1:] == [(1600, 941), (1200, 706), (1200, 706), (800, 471), (480, 282)]


def test_a_size_is_the_same_bytes_whatever_else_is_asked(tmp_path: Path) -> None:
    """Issue 13, point 5: the preview (480, 800, 1200), the export (480 … 1600) and one file
    asked alone gave different bytes for the same size (each chain began at the largest size
    asked for); a cropped rendition likewise."""
    source = save(noisy(3400, 2000), tmp_path / "a.jpg", quality=85, exif=exif_bytes(6))

    def by_size(made: list[Encoded]) -> dict[tuple[int, str], bytes]:
        return {(e.width, e.format): e.data for e in made if not e.thumbnail}

    export = by_size(render(source, META, widths=(480, 800, 1200, 1600)))
    preview = by_size(render(source, META, widths=(480, 800, 1200), formats=("JPEG",)))
    for width in (480, 800, 1200):
        assert preview[(width, "JPEG")] == export[(width, "JPEG")]
        alone = by_size(render(source, META, widths=(width,), thumbnail=None))
        assert alone[(width, "JPEG")] == export[(width, "JPEG")]
        assert alone[(width, "WEBP")] == export[(width, "WEBP")]
    crops = by_size(render(source, META, widths=(1200, 480), crop=(16, 9), formats=("JPEG",)))
    crop_alone = by_size(render(source, META, widths=(480,), crop=(16, 9), formats=("JPEG",)))
    assert crop_alone[(480, "JPEG")] == crops[(480, "JPEG")]


def test_thumbnail_bytes(tmp_path: Path) -> None:
    source = save(quadrants(3000, 2000), tmp_path / "a.jpg", exif=exif_bytes(8))
    data = make_thumbnail(source)
    im = Image.open(io.BytesIO(data))
    assert (im.format, im.size) == ("JPEG", (160, 240))
    assert "xmp" not in im.info and not im.getexif()


def test_bad_file_is_a_photo_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    path.write_bytes(jpeg_bytes(noisy(600, 400))[:3000])
    with pytest.raises(PhotoError) as caught:
        render(path)
    assert caught.value.reason == Reason.TRUNCATED


@pytest.mark.slow
def test_24_megapixel_jpeg(tmp_path: Path) -> None:
    source = save(noisy(6000, 4000), tmp_path / "24mp.jpg", quality=90, exif=exif_bytes(6))
    made = render(source, META, formats=("JPEG",))
    assert [(e.width, e.height) for e in made] == [
        (1600, 2400),
        (960, 1440),
        (480, 720),
        (160, 240),
    ]


# --- crops for og:image and JSON-LD -------------------------------------------------------


def test_crop_box() -> None:
    assert crop_box((4000, 3000), (16, 9)) == (0, 375, 4000, 2625)
    assert crop_box((3000, 4000), (1, 1)) == (0, 500, 3000, 3500)
    assert crop_box((4000, 1000), (4, 3)) == (1333, 0, 2666, 1000)


@pytest.mark.parametrize("orientation", [1, 6, 3])
def test_crops_are_centred_and_upright(tmp_path: Path, orientation: int) -> None:
    upright = quadrants(1600, 900)
    upright.paste((0, 0, 0), (0, 0, 200, 900))  # left and right bars the 1:1 crop drops
    upright.paste((0, 0, 0), (1400, 0, 1600, 900))
    method = INVERSE[orientation]
    stored = upright.transpose(method) if method is not None else upright
    source = save(stored, tmp_path / "c.jpg", quality=95, exif=exif_bytes(orientation))
    made = render(source, META, widths=(800,), formats=("JPEG",), thumbnail=None, crop=(1, 1))
    assert [(e.width, e.height) for e in made] == [(800, 800)]
    im = opened(made[0]).convert("RGB")
    assert_clean(made[0])
    for name, xy in quadrant_centres(800, 800).items():
        assert close(px(im, xy), QUADRANTS[name]), name
    assert not close(px(im, (3, 400)), (0, 0, 0), 40)  # the black bars were cut off
