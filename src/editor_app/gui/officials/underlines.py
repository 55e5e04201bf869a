"""Wavy orange underlines under wrong titles in a QPlainTextEdit (`SpanMarks`)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from editor_app.gui.editor.span_marks import Span, SpanMarks

ORANGE = QColor("#e67e22")


class Underlines(SpanMarks):
    """The title underlines of one text edit."""

    KIND = 0x0FF1

    def set_spans(self, spans: list[Span]) -> None:
        self._set(spans)

    def char_format(self, span: Span) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(ORANGE)
        return fmt
