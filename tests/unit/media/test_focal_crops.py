"""Crops of synthetic photos with a known subject (a red square): with the focal point on it,
every crop (16:9, 4:3, 1:1, and the 1.91:1 share card cut from the 16:9) holds the whole square,
as near its centre as the photo allows; without one, the crop is the centred one of before (the
square near the edge is cut off)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from editor_app.media.cache import RenditionCache
from editor_app.media.library import MediaLibrary
from editor_app.media.renditions import Framing, render
from editor_app.media.xmp import PhotoMetadata

SQUARE = 200


def _photo(path: Path, size: tuple[int, int], at: tuple[int, int]) -> Path:
    """A grey photo with a red SQUARE×SQUARE square whose top left corner is at `at`."""
    im = Image.new("RGB", size, (128, 128, 128))
    im.paste((220, 0, 0), (at[0], at[1], at[0] + SQUARE, at[1] + SQUARE))
    im.save(path, "PNG")
    return path


def _red_box(im: Image.Image) -> tuple[int, int, int, int] | None:
    """The bounding box of the clearly red pixels."""
    rgb = im.convert("RGB")
    mask = Image.eval(rgb.split()[0], lambda v: 255 if v > 180 else 0)
    green = Image.eval(rgb.split()[1], lambda v: 255 if v < 70 else 0)
    both = Image.composite(mask, Image.new("L", rgb.size, 0), green)
    return both.getbbox()


def _decode(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


CASES = [
    # (photo size, square's corner): at the right edge of a landscape photo, near the top of a
    # portrait one, in a corner.
    ((3000, 1500), (2750, 650)),
    ((1500, 3000), (650, 40)),
    ((2400, 1600), (20, 1380)),
]


@pytest.mark.parametrize(("size", "at"), CASES)
@pytest.mark.parametrize("ratio", [(16, 9), (4, 3), (1, 1)])
def test_crop_keeps_the_subject_centred_as_far_as_possible(
    tmp_path: Path, size: tuple[int, int], at: tuple[int, int], ratio: tuple[int, int]
) -> None:
    source = _photo(tmp_path / "p.png", size, at)
    focus = ((at[0] + SQUARE / 2) / size[0], (at[1] + SQUARE / 2) / size[1])
    [out] = render(source, widths=(600,), formats=("JPEG",), thumbnail=None, crop=ratio)
    cropped = _decode(out.data)
    assert abs(cropped.width / cropped.height - ratio[0] / ratio[1]) < 0.01
    found = _red_box(cropped)
    side = SQUARE * cropped.width / _crop_width(size, ratio)
    # Cut from the centre (no point set), the subject near the edge is cut off or left out.
    assert found is None or min(found[2] - found[0], found[3] - found[1]) < side - 3

    [out] = render(
        source, widths=(600,), formats=("JPEG",), thumbnail=None, crop=ratio, focus=focus
    )
    cropped = _decode(out.data)
    found = _red_box(cropped)
    assert found is not None
    scale = cropped.width / _crop_width(size, ratio)
    side = SQUARE * scale
    # The whole square is in the frame (a pixel of JPEG blur either side).
    assert found[2] - found[0] >= side - 3 and found[3] - found[1] >= side - 3
    # As central as the photo allows: its centre where the frame's would be, unless the frame
    # stands against the photo's edge on that side.
    cx, cy = (found[0] + found[2]) / 2, (found[1] + found[3]) / 2
    fx, fy = focus[0] * size[0] * scale, focus[1] * size[1] * scale
    assert abs(cx - cropped.width / 2) <= 3 or _against_edge(cx, fx, cropped.width, size[0] * scale)
    assert abs(cy - cropped.height / 2) <= 3 or _against_edge(
        cy, fy, cropped.height, size[1] * scale
    )


def _crop_width(size: tuple[int, int], ratio: tuple[int, int]) -> int:
    w, h = size
    return min(w, round(h * ratio[0] / ratio[1]))


def _against_edge(at: float, in_photo: float, frame: float, photo: float) -> bool:
    """The subject is off the frame's centre only because the frame reached an edge: its place
    in the frame equals its place from that edge of the photo."""
    return abs(at - in_photo) <= 3 or abs((frame - at) - (photo - in_photo)) <= 3


def test_share_card_cut_from_the_16_9_keeps_the_subject(tmp_path: Path) -> None:
    """Facebook shows the middle 1.91:1 of the 16:9 og:image: the subject is in it too."""
    size, at = (3000, 2000), (2700, 80)
    source = _photo(tmp_path / "p.png", size, at)
    focus = ((at[0] + SQUARE / 2) / size[0], (at[1] + SQUARE / 2) / size[1])
    [out] = render(
        source, widths=(1200,), formats=("JPEG",), thumbnail=None, crop=(16, 9), focus=focus
    )
    im = _decode(out.data)
    card_h = round(im.width / 1.91)
    top = (im.height - card_h) // 2
    card = im.crop((0, top, im.width, top + card_h))
    found = _red_box(card)
    assert found is not None and found[3] - found[1] >= SQUARE * im.width / 3000 - 3


def test_cache_names_a_moved_point_as_a_variant(tmp_path: Path) -> None:
    source = _photo(tmp_path / "p.png", (1600, 900), (1350, 300))
    sha = MediaLibrary(tmp_path / "media").add(source).sha256
    cache = RenditionCache(tmp_path / "media")
    centred = cache.file(sha, 400, "JPEG", crop=(1, 1))
    same = cache.file(sha, 400, "JPEG", crop=Framing((1, 1), None))
    right = cache.file(sha, 400, "JPEG", crop=Framing((1, 1), (0.9, 0.45)))
    assert centred.path == same.path
    assert right.path != centred.path and right.path.is_file()
    assert right.path.name.rsplit("-", 1)[0] == centred.path.name.rsplit("-", 1)[0]
    assert _red_box(Image.open(right.path)) is not None
    assert _red_box(Image.open(centred.path)) is None
    whole = cache.file(sha, 400, "JPEG")
    assert whole.path == cache.path_for(sha, 400, "JPEG", PhotoMetadata())
