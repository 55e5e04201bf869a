"""Python string indexes ↔ Qt positions (UTF-16 code units).

Qt counts a character outside the Basic Multilingual Plane (an emoji) as two positions, Python
as one. Vietnamese text is all in the BMP, so the common case is the identity and costs one
encode; the maps are only built when the text holds such a character.
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["PositionMap"]


class PositionMap:
    """Converts indexes of one text (a block or the whole document) both ways."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # Python indexes of the characters that take two UTF-16 units, in order.
        if len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, index: int) -> int:
        """Python index → Qt position."""
        if not self._astral:
            return index
        return index + bisect_right(self._astral, index - 1)

    def from_qt(self, position: int) -> int:
        """Qt position → Python index (a position inside a surrogate pair maps to its char)."""
        if not self._astral:
            return position
        index = position
        for k, a in enumerate(self._astral):
            # the k-th astral char starts at Qt position a + k
            if a + k < position:
                index -= 1
            else:
                break
        return max(0, index)
