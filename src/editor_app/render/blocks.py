"""Splits a Markdown body into top-level blocks that render the same alone as in the whole text.

A block starts at a non-blank line that follows a blank line, except inside a fenced code block
(``` or ~~~, found with Python-Markdown's own pattern) and after an indented line (blank lines
after indented code belong to it; an indented line may be a list item's continuation).

A block whose first line is indented, a list item (`-`, `*`, `+`, `1.`) or a quote (`>`) is
`soft`: Python-Markdown joins it to the element before it when that element is a list, a quote
or code. So is a block of reference definitions alone (it renders to nothing, so what follows
it continues what came before it). The renderer (`render.markdown`) keeps a soft block apart
only when the block before it ends in none of these, and joins it otherwise. Joining too much
is always safe (joined blocks render as the whole text does); splitting where Markdown carries
state would not be.

Reference-style link definitions are the one state that crosses blocks: the renderer collects
them from every block and gives them to each block that has a "[" in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor

__all__ = ["Block", "normalise_newlines", "split_blocks"]

_CONTINUES = re.compile(r"[ \t>*+\-]|\d+[.)]")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")  # Markdown empties lines of spaces after a "\n"
_TRAILING_BLANK = re.compile(r"(?:\n[ \t]*)+$")
_LEADING_BLANK = re.compile(r"\n(?:[ \t]*\n)*")
_REFERENCE = ReferenceProcessor.RE  # Python-Markdown's own: what it takes for a definition
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE


@dataclass(frozen=True, slots=True)
class Block:
    """A top-level block: its first line (1-based, as an editor counts) and its text."""

    line: int
    text: str
    soft: bool = False  # may continue the list, quote or code before it
    end: int = 0  # its last line (1-based)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _fenced_lines(text: str) -> set[int]:
    """0-based indexes of the lines after each fence's opening line, up to its closing line."""
    if "```" not in text and "~~~" not in text:
        return set()
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    inside: set[int] = set()
    for m in _FENCE.finditer(text):
        first = bisect_right(starts, m.start()) - 1
        last = bisect_right(starts, max(m.end() - 1, m.start())) - 1
        inside.update(range(first + 1, last + 1))
    return inside


def split_blocks(text: str) -> list[Block]:
    """The top-level blocks of a Markdown text (newlines already normalised to "\\n").

    Each block's text runs from its first line to the last non-blank line before the next block
    (blank lines in between belong to no block). A text of blank lines gives no block. A first
    line of spaces is not blank (Markdown keeps it: only a line of spaces after a "\\n" empties).
    """
    fenced = _fenced_lines(text)
    blocks: list[Block] = []
    start = -1  # where the current block starts (offset); -1: no block yet
    first = 0  # its first line (0-based)
    end = 0  # where it ends so far (offset)
    last = 0  # its last line so far
    lead = _LEADING_BLANK.match(text)  # an empty first line, and blank lines after it
    pos = lead.end() if lead else 0
    line = text.count("\n", 0, pos)  # the line at `pos`
    while True:
        m = _BLANK_LINES.search(text, pos)
        piece_end = m.start() if m else _end_of_text(text, pos)
        if piece_end > pos:
            joins = start >= 0 and (line in fenced or _last_line_indented(text, start, end))
            if not joins:
                if start >= 0:
                    blocks.append(_block(text[start:end], first, last))
                start, first = pos, line
            end = piece_end
            last = line + text.count("\n", pos, piece_end)
        if m is None:
            break
        line += text.count("\n", pos, m.end())
        pos = m.end()
    if start >= 0:
        blocks.append(_block(text[start:end], first, last))
    return blocks


def _last_line_indented(text: str, start: int, end: int) -> bool:
    nl = text.rfind("\n", start, end)
    return text[nl + 1 if nl >= 0 else start : end][:1].isspace()


def _end_of_text(text: str, pos: int) -> int:
    """Where the text's last piece ends, without the lines of spaces after it."""
    m = _TRAILING_BLANK.search(text, max(pos - 1, 0))  # from the "\n" before the piece
    return max(m.start(), pos) if m else len(text)


def _block(text: str, first: int, last: int) -> Block:
    soft = bool(_CONTINUES.match(text))
    if not soft and "]:" in text and not _REFERENCE.sub("", text).strip():
        soft = True  # reference definitions alone
    return Block(first + 1, text, soft, last + 1)
