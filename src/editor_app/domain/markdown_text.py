"""Where a story body's Markdown is code, and where its paragraphs are, as offsets in the text.

Pure and approximate in the way the checks need: a fenced block (``` or ~~~ at a line's start,
up to three spaces in, to its closing fence or the end) and a code span (a run of backquotes to
the next run of the same length in the same paragraph) are code; what a writer marked as code
is shown as code, on purpose, and the checks leave it alone. The renderer (`render.dialect`)
has the real parser; `tests/unit/domain/test_link_targets.py` holds the two together.
"""

from __future__ import annotations

import bisect
import itertools
import re

__all__ = ["Regions", "code_regions", "paragraph_breaks", "position"]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_BLANK = re.compile(r"\n(?:[ \t]*\n)+")
_TICKS = re.compile(r"`+")


class Regions:
    """Sorted, disjoint spans [start, end) of a text, with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _e in self.spans]

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) meets any span."""
        i = bisect.bisect_right(self._starts, max(start, end - 1)) - 1
        while i >= 0:
            s, e = self.spans[i]
            if e <= start:
                return False
            if s < end:
                return True
            i -= 1
        return False


def _fences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _FENCE.search(text, pos)
        if m is None:
            return spans
        fence = m.group(1)
        line_end = text.find("\n", m.end())
        if line_end < 0:
            spans.append((m.start(), len(text)))
            return spans
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        c = closing.search(text, line_end + 1)
        end = len(text) if c is None else c.end()
        spans.append((m.start(), end))
        pos = end if end > m.start() else m.end()


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backquote code spans in text[start:end] (one paragraph, no fence in it)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _TICKS.search(text, pos, end)
        if m is None:
            return spans
        if m.start() > 0 and text[m.start() - 1] == "\\":
            pos = m.start() + 1  # an escaped backquote opens nothing
            continue
        run = len(m.group(0))
        close = _TICKS.search(text, m.end(), end)
        while close is not None and len(close.group(0)) != run:
            close = _TICKS.search(text, close.end(), end)
        if close is None:
            pos = m.end()
            continue
        spans.append((m.start(), close.end()))
        pos = close.end()


def paragraph_breaks(text: str) -> list[int]:
    """Offsets where each paragraph after the first starts (after a blank line)."""
    return [m.end() for m in _BLANK.finditer(text)]


def code_regions(text: str) -> Regions:
    """The body's fenced blocks and code spans."""
    fences = _fences(text)
    spans = list(fences)
    edges = [0]
    for s, e in fences:
        edges += [s, e]
    edges.append(len(text))
    for i in range(0, len(edges), 2):
        a, b = edges[i], edges[i + 1]
        cut = [a, *(a + x for x in paragraph_breaks(text[a:b])), b]
        for p, q in itertools.pairwise(cut):
            spans += _code_spans(text, p, q)
    return Regions(spans)


def position(text: str, offset: int) -> tuple[int, int, int]:
    """(line, column, paragraph) of `offset`, each counted from 1; the column in characters."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    breaks = paragraph_breaks(text)
    paragraph = bisect.bisect_right(breaks, offset) + 1
    if text[:offset].strip() == "":
        paragraph = 1
    return line, column, paragraph
