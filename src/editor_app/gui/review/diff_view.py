"""A readable red/green word diff: one section per changed field, deletions struck through in
red, insertions in green. Everything the user wrote is HTML-escaped; long unchanged stretches
of a body are shortened to their ends so the changes stand out."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from editor_app.domain.review import FieldDiff, Segment

DELETE_STYLE = "color:#a61b1b; background-color:#fbe1e1; text-decoration:line-through;"
INSERT_STYLE = "color:#14612a; background-color:#d9f2df;"
LABEL_STYLE = "margin:14px 0 4px 0; font-weight:600; color:#33404d;"
BODY_STYLE = "margin:0 0 6px 0; white-space:pre-wrap;"  # spaces next to a change are kept
CONTEXT = 160  # characters kept at each end of a long unchanged stretch


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _shorten(text: str, first: bool, last: bool, context: int) -> str:
    """An unchanged stretch with only its ends kept (the end next to a change)."""
    if len(text) <= 2 * context + 40:
        return text
    head = "" if first else text[:context].rsplit(" ", 1)[0] + " "
    tail = "" if last else " " + text[-context:].split(" ", 1)[-1]
    return f"{head}…{tail}"


def segments_html(
    segments: Sequence[Segment],
    kinds: Iterable[str] = ("equal", "insert", "delete"),
    context: int | None = CONTEXT,
) -> str:
    """One field's segments as HTML; `kinds` picks which to show (the side-by-side view shows
    equal+delete on the left and equal+insert on the right)."""
    wanted = set(kinds)
    parts: list[str] = []
    shown = [s for s in segments if s.kind in wanted]
    for i, seg in enumerate(shown):
        if seg.kind == "equal":
            text = seg.text
            if context is not None:
                text = _shorten(text, i == 0, i == len(shown) - 1, context)
            parts.append(_text(text))
        elif seg.kind == "delete":
            parts.append(f'<span style="{DELETE_STYLE}">{_text(seg.text)}</span>')
        else:
            before = shown[i - 1] if i else None
            if (
                before is not None
                and before.kind == "delete"
                and not before.text[-1:].isspace()
                and not seg.text[:1].isspace()
            ):
                parts.append(" ")  # "cũmới" reads as one word: keep the two apart
            parts.append(f'<span style="{INSERT_STYLE}">{_text(seg.text)}</span>')
    return "".join(parts)


def diff_html(diffs: Sequence[FieldDiff], empty: str | None = None) -> str:
    """All changed fields, each under its Vietnamese label."""
    if not diffs:
        note = empty or QCoreApplication.translate("Review", "No differences.")
        return f"<p><i>{html.escape(note)}</i></p>"
    out: list[str] = []
    for d in diffs:
        out.append(f'<p style="{LABEL_STYLE}">{html.escape(d.label_vi)}</p>')
        out.append(f'<p style="{BODY_STYLE}">{segments_html(d.segments)}</p>')
    return "".join(out)


class DiffView(QTextBrowser):
    """Shows a list of FieldDiff as a red/green view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.setOpenLinks(False)
        self.diffs: list[FieldDiff] = []

    def set_diffs(self, diffs: Sequence[FieldDiff], empty: str | None = None) -> None:
        self.diffs = list(diffs)
        self.setHtml(diff_html(self.diffs, empty))

    def set_message(self, text: str) -> None:
        self.diffs = []
        self.setHtml(f"<p><i>{html.escape(text)}</i></p>")
