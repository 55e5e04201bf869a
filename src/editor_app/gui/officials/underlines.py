"""Wavy orange underlines under wrong titles in a QPlainTextEdit, as extra selections.

The body editor's find bar tints its matches with extra selections too: ours are marked with a
format property, kept in their own list and re-applied next to whatever else is there (after the
find bar closes, and after each check).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.gui.editor.positions import PositionMap

ORANGE = QColor("#e67e22")
_MARK = int(QTextFormat.Property.UserProperty) + 0x0FF1  # "ours"


class Underlines:
    """The underlines of one text edit; spans are Python indexes into its plain text."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        self.edit = edit
        self._mine: list[QTextEdit.ExtraSelection] = []
        find_bar = getattr(edit, "find_bar", None)
        closed = getattr(find_bar, "closed", None)
        if closed is not None:
            closed.connect(self.apply)

    def set_spans(self, spans: list[tuple[int, int]]) -> None:
        text = self.edit.toPlainText()
        pm = PositionMap(text)
        doc = self.edit.document()
        self._mine = []
        for start, end in spans:
            if not 0 <= start < end <= len(text):
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(pm.to_qt(start))
            cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(ORANGE)
            fmt.setProperty(_MARK, True)
            sel.cursor = cursor
            sel.format = fmt
            self._mine.append(sel)
        self.apply()

    def clear(self) -> None:
        self.set_spans([])

    @property
    def count(self) -> int:
        return len(self._mine)

    def apply(self) -> None:
        others = [s for s in self.edit.extraSelections() if not s.format.property(_MARK)]
        self.edit.setExtraSelections(others + self._mine)
