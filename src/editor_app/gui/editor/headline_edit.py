"""The headline field: one paragraph that wraps at word boundaries and grows with its text (one
to `MAX_LINES` lines, then it scrolls), so the reporter sees the whole headline while writing.

Used as a promoted widget in the main window's form (`HeadlineEdit(parent)`), and made before
the window first shows: it imports only the Qt classes it uses.

It keeps the small QLineEdit API the window used: `text`, `setText`, `textEdited` (the user's
edits only), `editingFinished`, `insert`, `setSelection`, `selectionStart`, `selectionLength`,
`hasSelectedText`, `cursorPosition`, `setCursorPosition`. Positions are Qt positions (UTF-16
code units), as in QLineEdit. Note that `textChanged`, QPlainTextEdit's, has no argument.

Enter and Return never break the line: they move the focus on to the next field (the sapo), as
Tab does. Text that enters — typed, committed by an input method, pasted, dropped, set — is one
line (line breaks and tabs become spaces) and NFC.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.domain.text import nfc
from editor_app.gui.editor import nfc_input

if TYPE_CHECKING:  # annotations only: nothing more to set up before the window shows
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QFocusEvent, QKeyEvent

__all__ = ["MAX_LINES", "HeadlineEdit", "one_line"]

MAX_LINES = 4  # taller than this, the field scrolls

# A run of line breaks (with the spaces around it): one space, or nothing at either end.
_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])+[ \t]*")
_KEEP = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_KEEP |= Qt.KeyboardModifier.MetaModifier


def one_line(text: str) -> str:
    """text as one NFC line: each run of line breaks becomes a space (none at the ends), each
    tab a space."""
    n = len(text)
    text = _BREAKS.sub(lambda m: "" if m.start() == 0 or m.end() == n else " ", text)
    return nfc(text.replace("\t", " "))


class HeadlineEdit(QPlainTextEdit):
    """A one-paragraph, word-wrapping text field whose height follows its text."""

    textEdited = Signal(str)  # the text after an edit by the user (not after setText)
    editingFinished = Signal()  # the field lost the focus (or Enter) after the user's edits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = 0  # > 0 while setText runs: its change is not the user's
        self._last_text = ""
        self._edited = False  # the user edited since editingFinished was last emitted
        self._fitting = False
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._text_changed)
        self._fit_height()

    # --- the QLineEdit-like API ---------------------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replaces the whole text (one line, NFC), as QLineEdit does: the undo history starts
        anew, the cursor goes to the end, textEdited is not emitted."""
        self._setting += 1
        try:
            super().setPlainText(one_line(text))
        finally:
            self._setting -= 1
        self.moveCursor(QTextCursor.MoveOperation.End)

    def setPlainText(self, text: str) -> None:
        self.setText(text)

    def clear(self) -> None:
        self.setText("")

    def insert(self, text: str) -> None:
        """Replaces the selection (or inserts at the cursor) with text, as one undo step; an
        edit like the user's (textEdited is emitted), as QLineEdit.insert is."""
        self._insert(one_line(text))

    def setSelection(self, start: int, length: int) -> None:
        """Selects length positions from start (backwards when negative); the cursor ends at
        start + length."""
        last = self._end()
        cursor = self.textCursor()
        cursor.setPosition(min(max(0, start), last))
        cursor.setPosition(min(max(0, start + length), last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selectionStart(self) -> int:
        """Where the selection starts, -1 without one (as in QLineEdit)."""
        cursor = self.textCursor()
        return cursor.selectionStart() if cursor.hasSelection() else -1

    def selectionLength(self) -> int:
        cursor = self.textCursor()
        return cursor.selectionEnd() - cursor.selectionStart()

    def hasSelectedText(self) -> bool:
        return self.textCursor().hasSelection()

    def selectedText(self) -> str:
        return self.textCursor().selectedText()

    def cursorPosition(self) -> int:
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(max(0, position), self._end()))
        self.setTextCursor(cursor)

    def _end(self) -> int:
        return max(0, self.document().characterCount() - 1)

    def _insert(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _text_changed(self) -> None:
        text = self.toPlainText()
        if text != self._last_text:
            self._last_text = text
            if not self._setting:
                self._edited = True
                self.textEdited.emit(text)
        self._fit_height()

    # --- keys, input methods, paste and drop --------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & _KEEP:
                event.ignore()  # never a line break; Ctrl+Enter and the like are the window's
                return
            event.accept()
            self._finish_editing()
            self.focusNextChild()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()  # QWidget moves the focus on (or back)
            return
        if not nfc_input.typed(self, event, one_line):
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        passed = nfc_input.committed(self, event, one_line)
        if passed is not None:
            super().inputMethodEvent(passed)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted or dropped: the plain text, as one line, NFC."""
        if source.hasText():
            text = one_line(source.text())
            if text:
                self._insert(text)

    # --- focus --------------------------------------------------------------------------------
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish_editing()

    def _finish_editing(self) -> None:
        if self._edited:
            self._edited = False
            self.editingFinished.emit()

    # --- height -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        done = super().event(event)
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self._fit_height()  # after QAbstractScrollArea has laid out its viewport
        return done

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def setPlaceholderText(self, text: str) -> None:
        super().setPlaceholderText(text)
        self._fit_height()

    def line_count(self) -> int:
        """How many lines the text takes at the field's width now (at least one)."""
        doc = self.document()
        block = doc.firstBlock()
        layout = block.layout()
        if layout.lineCount() == 0:  # laid out lazily after a resize or a new text
            doc.documentLayout().blockBoundingRect(block)
        return max(1, layout.lineCount())

    def _content_height(self) -> float:
        """The text's height (at most MAX_LINES lines), margins included."""
        doc = self.document()
        margin = doc.documentMargin()
        self.line_count()  # lays the text out
        layout = doc.firstBlock().layout()
        shown = min(layout.lineCount(), MAX_LINES)
        lines = sum(layout.lineAt(i).height() for i in range(shown))
        lines = max(lines, self.fontMetrics().lineSpacing())
        placeholder = self.placeholderText()
        if placeholder and doc.isEmpty():  # drawn wrapped into the viewport, below the margin
            # the viewport's width, from rectangles: the first viewport() call of a process
            # costs ~20 ms (PySide6 sets up QtWidgets' classes to find its type), before the
            # window shows
            v = self.viewportMargins()
            width = self.contentsRect().width() - v.left() - v.right()
            width = max(1, width - math.ceil(margin))
            box = self.fontMetrics().boundingRect(
                0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, placeholder
            )
            lines = max(lines, min(box.height(), MAX_LINES * self.fontMetrics().lineSpacing()))
        return lines + 2 * margin

    def _fit_height(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            # the frame, the style sheet's border and padding; and one pixel QPlainTextEdit
            # wants below the last line not to scroll
            m, v = self.contentsMargins(), self.viewportMargins()
            chrome = m.top() + m.bottom() + v.top() + v.bottom() + 1
            height = math.ceil(self._content_height()) + chrome
            if height != self.height() or self.minimumHeight() != self.maximumHeight():
                self.setFixedHeight(height)
        finally:
            self._fitting = False
