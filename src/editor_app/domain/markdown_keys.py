"""Where Tab belongs to the text in a Markdown body: inside a list item or a code block Tab
indents (a nested item, code); anywhere else it moves on to the next field, as everywhere in
the window."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["tab_indents"]

_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def tab_indents(lines_before: Sequence[str], line: str) -> bool:
    """True when Tab on `line` (after `lines_before`) indents: a list item, an indented code
    line, or inside a fenced code block."""
    if _ITEM.match(line) or line.startswith(("    ", "\t")):
        return True
    fence: str | None = None
    for text in lines_before:
        m = _FENCE.match(text)
        if m is None:
            continue
        mark = m.group(1)
        if fence is None:
            fence = mark
        elif mark[0] == fence[0] and len(mark) >= len(fence):
            fence = None
    return fence is not None
