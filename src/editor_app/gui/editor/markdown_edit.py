"""Markdown editing commands as pure functions: bold, italic, link (no Qt, easy to test).

Each command takes the text, the selection (anchor, position) and returns an `Edit`: the
replacements to make and the selection to show afterwards. The widget applies the replacements
in one undo step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["URL_PLACEHOLDER", "Edit", "toggle_emphasis", "toggle_link", "word_bounds"]

URL_PLACEHOLDER = "url"
_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\n]*)\)")
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replacements (start, end, new text) in the original text, not overlapping, in any order;
    then the selection in the edited text."""

    changes: tuple[tuple[int, int, str], ...]
    anchor: int
    position: int

    def apply(self, text: str) -> str:
        """The edited text (what the widget does with a QTextCursor; used by the tests)."""
        for start, end, new in sorted(self.changes, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) != 0


def word_bounds(text: str, pos: int) -> tuple[int, int]:
    """The word touching pos (start, end); start == end when there is none."""
    start = end = pos
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, end


def _run_before(text: str, pos: int, ch: str = "*") -> int:
    n = 0
    while pos - n > 0 and text[pos - n - 1] == ch:
        n += 1
    return n


def _run_after(text: str, pos: int, ch: str = "*") -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] == ch:
        n += 1
    return n


def _marks(run: int, marker: str) -> bool:
    """Whether a run of asterisks carries this emphasis: ** (bold) needs 2 or 3, * an odd run."""
    return run >= 2 if marker == "**" else run % 2 == 1


def _selection(start: int, end: int, forward: bool) -> tuple[int, int]:
    return (start, end) if forward else (end, start)


def toggle_emphasis(text: str, anchor: int, position: int, marker: str) -> Edit:
    """Wraps the selection (or the word at the cursor) in marker ("**" or "*"), or unwraps it
    when it is already wrapped, markers inside or just outside the selection."""
    m = len(marker)
    forward = anchor <= position
    s, e = sorted((anchor, position))
    collapsed = s == e
    if not collapsed:  # markers hug the text: "** word **" is not bold
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            s = e = position
            collapsed = True
    cursor = s
    if collapsed:
        s, e = word_bounds(text, cursor)
        if s == e:  # no word: empty markers, or remove the empty pair around the cursor
            if text[s - m : s] == marker and text[s : s + m] == marker:
                return Edit(((s, s + m, ""), (s - m, s, "")), s - m, s - m)
            return Edit(((s, s, marker * 2),), s + m, s + m)
    # markers inside the selection: "**word**" selected
    inner = text[s:e]
    if not collapsed and len(inner) > 2 * m:
        lead, trail = _run_after(inner, 0), _run_before(inner, len(inner))
        if lead < len(inner) and _marks(lead, marker) and _marks(trail, marker):
            return Edit(((e - m, e, ""), (s, s + m, "")), *_selection(s, e - 2 * m, forward))
    # markers just outside
    if _marks(_run_before(text, s), marker) and _marks(_run_after(text, e), marker):
        changes = ((e, e + m, ""), (s - m, s, ""))
        if collapsed:
            return Edit(changes, cursor - m, cursor - m)
        return Edit(changes, *_selection(s - m, e - m, forward))
    changes = ((e, e, marker), (s, s, marker))
    if collapsed:
        return Edit(changes, cursor + m, cursor + m)
    return Edit(changes, *_selection(s + m, e + m, forward))


def toggle_link(text: str, anchor: int, position: int) -> Edit:
    """Selection → `[selection](url)` with "url" selected to be typed over; a selected URL →
    `[](URL)` with the cursor between the brackets; nothing selected → `[](url)`, cursor between
    the brackets. Inside an existing link: unlinks it (keeps its text)."""
    s, e = sorted((anchor, position))
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    for match in _LINK.finditer(text, line_start, line_end):
        if match.start() <= s and e <= match.end() and (s, e) != (match.end(), match.end()):
            label = match.group(1)
            start = match.start()
            return Edit(((start, match.end(), label),), start, start + len(label))
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    selected = text[s:e]
    if not selected:
        pos = min(anchor, position)
        return Edit(((pos, pos, f"[]({URL_PLACEHOLDER})"),), pos + 1, pos + 1)
    if _URL.match(selected) and "\n" not in selected:
        return Edit(((s, e, f"[]({selected})"),), s + 1, s + 1)
    url_start = s + 1 + len(selected) + 2
    return Edit(
        ((s, e, f"[{selected}]({URL_PLACEHOLDER})"),),
        url_start,
        url_start + len(URL_PLACEHOLDER),
    )
