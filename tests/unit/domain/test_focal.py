"""The focal point's crops: the point kept inside every frame, as near its centre as the photo
allows; no point → the centred crop of before."""

from __future__ import annotations

import pytest

from editor_app.domain.errors import ValidationError
from editor_app.domain.focal import crop_box, focus_from_json, focus_to_json, nudge, point_in

RATIOS = [(16, 9), (4, 3), (1, 1), (191, 100)]


def _centred(size: tuple[int, int], ratio: tuple[int, int]) -> tuple[int, int, int, int]:
    """The crop as it was cut before the focal point (media/renditions.py until issue 17)."""
    width, height = size
    rw, rh = ratio
    if width * rh > height * rw:
        cw, ch = max(1, min(width, round(height * rw / rh))), height
    else:
        cw, ch = width, max(1, min(height, round(width * rh / rw)))
    left, top = (width - cw) // 2, (height - ch) // 2
    return left, top, left + cw, top + ch


@pytest.mark.parametrize("size", [(6000, 4000), (4000, 6000), (1000, 1000), (301, 17)])
@pytest.mark.parametrize("ratio", RATIOS)
def test_no_point_is_the_centred_crop_of_before(
    size: tuple[int, int], ratio: tuple[int, int]
) -> None:
    assert crop_box(size, ratio) == _centred(size, ratio)


@pytest.mark.parametrize("size", [(6000, 4000), (4000, 6000), (1200, 1200)])
@pytest.mark.parametrize("ratio", RATIOS)
@pytest.mark.parametrize("point", [(0.0, 0.0), (0.97, 0.5), (0.1, 0.9), (1.0, 1.0), (0.5, 0.3)])
def test_the_point_is_inside_and_as_central_as_the_photo_allows(
    size: tuple[int, int], ratio: tuple[int, int], point: tuple[float, float]
) -> None:
    left, top, right, bottom = crop_box(size, ratio, point)
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    assert (right - left, bottom - top) == (
        _centred(size, ratio)[2] - _centred(size, ratio)[0],
        _centred(size, ratio)[3] - _centred(size, ratio)[1],
    )  # the largest box, as before: only its place moves
    px, py = point[0] * size[0], point[1] * size[1]
    assert left <= px <= right and top <= py <= bottom
    # Centred on the point unless an edge of the photo stops the frame.
    cx, cy = (left + right) / 2, (top + bottom) / 2
    assert abs(cx - px) <= 1 or left == 0 or right == size[0]
    assert abs(cy - py) <= 1 or top == 0 or bottom == size[1]


def test_the_point_in_a_rendition() -> None:
    size = (6000, 4000)
    box = crop_box(size, (1, 1), (0.9, 0.5))
    assert box == (2000, 0, 6000, 4000)
    assert point_in(size, box, (0.9, 0.5), (1200, 1200)) == (1020, 600)
    assert point_in(size, (0, 0, 6000, 4000), (0.25, 0.75), (800, 533)) == (200, 399)
    assert point_in(size, (0, 0, 6000, 4000), (1.0, 1.0), (800, 533)) == (799, 532)


def test_json_and_keys() -> None:
    assert focus_from_json(None) is None
    assert focus_from_json([0.25, 1]) == (0.25, 1.0)
    assert focus_to_json((0.123456, 0.5)) == [0.1235, 0.5]
    for bad in ([0.5], [0.5, 1.5], [-0.1, 0.2], ["0.5", 0.5], [True, 0.5], "0.5,0.5", {"x": 0.5}):
        with pytest.raises(ValidationError):
            focus_from_json(bad)
    with pytest.raises(ValidationError):
        focus_from_json([float("nan"), 0.5])
    assert nudge(None, 0.02, 0) == (0.52, 0.5)
    assert nudge((0.99, 0.01), 0.1, -0.1) == (1.0, 0.0)
