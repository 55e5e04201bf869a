"""Marks over spans of a QPlainTextEdit's text, as extra selections (title underlines, comment
anchors). The body editor's find bar tints its matches with extra selections too: each kind of
mark carries its own format property, keeps its own list, and is re-applied next to whatever
else is there (after the find bar closes, and after each update)."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.gui.editor.positions import PositionMap

Span = tuple[int, int]


class SpanMarks:
    """The marks of one kind in one text edit; spans are Python indexes into its plain text.
    Subclasses say how a span looks (`char_format`) and give their kind a property id."""

    KIND: int  # an offset from QTextFormat.UserProperty, one per kind of mark

    def __init__(self, edit: QPlainTextEdit) -> None:
        self.edit = edit
        self._mine: list[QTextEdit.ExtraSelection] = []
        self._property = int(QTextFormat.Property.UserProperty) + self.KIND
        closed = getattr(edit, "findClosed", None)  # the body editor's find bar
        if closed is not None:
            closed.connect(self.apply)

    def char_format(self, span: Span) -> QTextCharFormat:
        raise NotImplementedError

    def _set(self, spans: list[Span]) -> None:
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
            fmt = self.char_format((start, end))
            fmt.setProperty(self._property, True)
            sel.cursor = cursor
            sel.format = fmt
            self._mine.append(sel)
        self.apply()

    def clear(self) -> None:
        self._set([])

    @property
    def count(self) -> int:
        return len(self._mine)

    def spans(self) -> list[Span]:
        """Where the marks are now (they follow edits made since they were set)."""
        pm = PositionMap(self.edit.toPlainText())
        return [
            (pm.from_qt(s.cursor.selectionStart()), pm.from_qt(s.cursor.selectionEnd()))
            for s in self._mine
        ]

    def texts(self) -> list[str]:
        return [s.cursor.selectedText() for s in self._mine]

    def apply(self) -> None:
        others = [s for s in self.edit.extraSelections() if not s.format.property(self._property)]
        self.edit.setExtraSelections(others + self._mine)
