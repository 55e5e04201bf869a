"""Soft yellow backgrounds under the passages review comments are anchored to (`SpanMarks`);
the passage of the selected thread a stronger yellow."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.gui.editor.span_marks import Span, SpanMarks

SOFT_YELLOW = QColor("#fff1a8")
ACTIVE_YELLOW = QColor("#ffd54f")


class AnchorMarks(SpanMarks):
    """The comment marks of one text edit."""

    KIND = 0x0C0D

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._active: Span | None = None

    def set_spans(self, spans: list[Span], active: Span | None = None) -> None:
        self._active = active
        self._set(spans)

    def char_format(self, span: Span) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(ACTIVE_YELLOW if span == self._active else SOFT_YELLOW)
        return fmt
