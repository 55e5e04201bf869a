"""Typing Vietnamese in tests as an input method delivers it (see PLATFORM.md: keyClicks with
non-ASCII characters aborts the test process)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit(widget: QWidget, text: str) -> None:
    """One input-method commit (a syllable or a pasted run of text)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(widget: QWidget, text: str) -> None:
    """Types character by character, as a reporter would."""
    for ch in text:
        commit(widget, ch)
