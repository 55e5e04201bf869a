"""Typing Vietnamese in tests as an input method delivers it, or as keys carrying their text
(see PLATFORM.md: keyClicks with non-ASCII characters aborts the test process)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
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


def key_event(kind: QEvent.Type, ch: str) -> QKeyEvent:
    """The key event a keyboard sends for ch, carrying its text ("\\n" is Return)."""
    if ch == "\n":
        return QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    code = ord(ch.upper()) if ch.isascii() and ch.isalnum() else int(Qt.Key.Key_unknown)
    mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
    return QKeyEvent(kind, Qt.Key(code), mods, ch)


def type_keys(widget: QWidget, text: str, every_ms: int = 15) -> None:
    """Key presses and releases carrying their text, every_ms apart, to the focus widget as a
    keyboard's reach it, the events that come meanwhile (paints, timers) processed between:
    Vietnamese at a fast typist's pace (or faster)."""
    widget.setFocus()
    for ch in text:
        target = QApplication.focusWidget() or widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(target, key_event(kind, ch))
        deadline = time.monotonic() + every_ms / 1000
        while time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)
