"""An edit made in a text field on the user's behalf (a one-click fix of the checklist or of the
title check): one undo step, and only where the text still says what the check read."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.gui.editor.positions import PositionMap

__all__ = ["replace_span"]


def replace_span(edit: QPlainTextEdit, start: int, end: int, written: str, new: str) -> bool:
    """Replaces text[start:end] by `new` as one undo step, if `written` still stands there."""
    text = edit.toPlainText()
    if text[start:end] != written:
        return False
    pm = PositionMap(text)
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    cursor.setPosition(pm.to_qt(start))
    cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)
    cursor.endEditBlock()
    return True
