"""Typing into the body editor as a Vietnamese input method does (PLATFORM.md: keyClicks with
a non-ASCII character aborts the test process)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit(widget: QWidget, text: str) -> None:
    """One input-method commit (a syllable, or what a Vietnamese keyboard sends at once)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(widget: QWidget, text: str) -> None:
    """Types text one character at a time, each as an input-method commit."""
    for ch in text:
        commit(widget, ch)


def key_text(widget: QWidget, text: str) -> None:
    """A key press that carries text (how some keyboards deliver a composed letter)."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text)
        )


def html_mime(html: str, text: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setHtml(html)
    if text:
        mime.setText(text)
    return mime
