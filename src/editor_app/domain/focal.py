"""A photo's focal point (the point that matters: the person speaking, the sign) and the crops
that keep it.

A focal point is (x, y), each a fraction of the upright photo's width and height from its top
left corner, 0..1. None means "not set": crops are then cut from the centre, as before the focal
point existed. Every crop of a fixed shape (the share cards, 16:9, 4:3, 1:1) is the largest box
of that shape in the photo, moved so that the point is as near its centre as the photo allows,
and therefore always inside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from editor_app.domain.errors import ValidationError

__all__ = [
    "CENTRE",
    "Box",
    "Point",
    "check_point",
    "crop_box",
    "focus_from_json",
    "focus_to_json",
    "nudge",
    "point_in",
]

Point = tuple[float, float]
Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels
CENTRE: Point = (0.5, 0.5)


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("Điểm chính của ảnh phải là hai số từ 0 đến 1.")
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise ValidationError("Điểm chính của ảnh phải là hai số từ 0 đến 1.")
    return number


def check_point(point: Sequence[Any]) -> Point:
    """(x, y) as floats in 0..1; ValidationError otherwise."""
    if isinstance(point, str | bytes) or len(point) != 2:
        raise ValidationError("Điểm chính của ảnh phải là hai số từ 0 đến 1.")
    return _fraction(point[0]), _fraction(point[1])


def focus_from_json(value: Any) -> Point | None:
    """A snapshot's `focus` ([x, y] or null) as a point; ValidationError when it is not one."""
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise ValidationError("Điểm chính của ảnh phải là hai số từ 0 đến 1.")
    return check_point(value)


def focus_to_json(point: Point | None) -> list[float] | None:
    """The point as a snapshot keeps it: [x, y] rounded to 4 decimals (a tenth of a pixel on a
    camera photo), or None."""
    if point is None:
        return None
    return [round(point[0], 4), round(point[1], 4)]


def nudge(point: Point | None, dx: float, dy: float) -> Point:
    """The point moved by (dx, dy) fractions, kept inside the photo."""
    x, y = point or CENTRE
    return min(1.0, max(0.0, x + dx)), min(1.0, max(0.0, y + dy))


def _place(length: int, inner: int, at: float | None) -> int:
    """Where a span of `inner` pixels starts in `length` so that `at` (a fraction) is as near
    its middle as fits; centred when `at` is None."""
    if at is None:
        return (length - inner) // 2
    start = round(at * length - inner / 2)
    return min(max(start, 0), length - inner)


def crop_box(size: tuple[int, int], ratio: tuple[int, int], focus: Point | None = None) -> Box:
    """The largest (left, top, right, bottom) box of `ratio` (width:height) in an upright photo
    of `size`, around `focus` (centred when None)."""
    width, height = size
    rw, rh = ratio
    if width * rh > height * rw:
        cw, ch = max(1, min(width, round(height * rw / rh))), height
    else:
        cw, ch = width, max(1, min(height, round(width * rh / rw)))
    fx, fy = focus if focus is not None else (None, None)
    left, top = _place(width, cw, fx), _place(height, ch, fy)
    return left, top, left + cw, top + ch


def point_in(
    size: tuple[int, int], box: Box, focus: Point | None, out: tuple[int, int]
) -> tuple[int, int]:
    """The focal point (centre when None) in pixels of an image of `out` size made from `box` of
    a photo of `size` (ninjs `poi`)."""
    fx, fy = focus or CENTRE
    left, top, right, bottom = box
    x = (fx * size[0] - left) * out[0] / max(1, right - left)
    y = (fy * size[1] - top) * out[1] / max(1, bottom - top)
    return min(out[0] - 1, max(0, math.floor(x))), min(out[1] - 1, max(0, math.floor(y)))
