"""Soft yellow backgrounds under the passages review comments are anchored to, as extra
selections of a QPlainTextEdit. Like the title underlines, ours carry a format property and are
re-applied next to whatever else is there (find matches, underlines)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.gui.editor.positions import PositionMap

SOFT_YELLOW = QColor("#fff1a8")
ACTIVE_YELLOW = QColor("#ffd54f")
_MARK = int(QTextFormat.Property.UserProperty) + 0x0C0D  # "comment anchor"


class AnchorMarks:
    """The marks of one text edit; spans are Python indexes into its plain text."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        self.edit = edit
        self._mine: list[QTextEdit.ExtraSelection] = []
        find_bar = getattr(edit, "find_bar", None)
        closed = getattr(find_bar, "closed", None)
        if closed is not None:
            closed.connect(self.apply)

    def set_spans(
        self, spans: list[tuple[int, int]], active: tuple[int, int] | None = None
    ) -> None:
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
            fmt.setBackground(ACTIVE_YELLOW if (start, end) == active else SOFT_YELLOW)
            fmt.setProperty(_MARK, True)
            sel.cursor = cursor
            sel.format = fmt
            self._mine.append(sel)
        self.apply()

    def clear(self) -> None:
        self.set_spans([])

    def spans(self) -> list[tuple[int, int]]:
        """Where the marks are now (they follow edits made since they were set)."""
        pm = PositionMap(self.edit.toPlainText())
        return [
            (pm.from_qt(s.cursor.selectionStart()), pm.from_qt(s.cursor.selectionEnd()))
            for s in self._mine
        ]

    def texts(self) -> list[str]:
        return [s.cursor.selectedText() for s in self._mine]

    def apply(self) -> None:
        others = [s for s in self.edit.extraSelections() if not s.format.property(_MARK)]
        self.edit.setExtraSelections(others + self._mine)
