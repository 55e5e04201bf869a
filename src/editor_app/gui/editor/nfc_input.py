"""Text typed into a QPlainTextEdit, or committed by an input method, goes in NFC.

Some Vietnamese keyboards send a letter and its tone mark apart (NFD), or the mark alone after
the letter: the mark is composed with the letter before it, so the text holds "ệ", never "ê" and
a combining dot. `clean` is the field's own rule for incoming text (NFC for the body; one NFC
line for the headline). Shared by the body editor and the headline field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_nfc(text: str) -> bool:
    """NFC, and not starting with a combining mark (which belongs to the letter before)."""
    return unicodedata.is_normalized("NFC", text) and not unicodedata.combining(text[:1] or "a")


def insert_composed(edit: QPlainTextEdit, text: str, clean: Callable[[str], str]) -> None:
    """Inserts clean(text) at the cursor; a leading combining mark is composed with the letter
    before it."""
    cursor = edit.textCursor()
    if unicodedata.combining(text[0]) and not cursor.hasSelection() and cursor.position():
        cursor.movePosition(
            QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        text = cursor.selectedText() + text
    cursor.insertText(clean(text))
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def typed(edit: QPlainTextEdit, event: QKeyEvent, clean: Callable[[str], str]) -> bool:
    """Inserts a key's text that is not NFC (True); False leaves the key to the editor."""
    text = event.text()
    if (
        not text
        or not text.isprintable()
        or event.modifiers() & _COMMANDS
        or is_nfc(text)
        or edit.isReadOnly()
    ):
        return False
    insert_composed(edit, text, clean)
    event.accept()
    return True


def committed(
    edit: QPlainTextEdit, event: QInputMethodEvent, clean: Callable[[str], str]
) -> QInputMethodEvent | None:
    """The input-method event for the editor to handle: `event` itself, or a copy committing
    clean(text). None: handled here (a lone combining mark, composed with the letter before)."""
    commit = event.commitString()
    if not commit or edit.isReadOnly():
        return event
    if (
        unicodedata.combining(commit[0])
        and not event.preeditString()
        and event.replacementLength() == 0
    ):
        insert_composed(edit, commit, clean)
        event.accept()
        return None
    fixed = clean(commit)
    if fixed == commit:
        return event
    ours = QInputMethodEvent(event.preeditString(), event.attributes())
    ours.setCommitString(fixed, event.replacementStart(), event.replacementLength())
    event.accept()
    return ours


class CommandKeyGuard(QObject):
    """Alt+letter (and the Windows key with a letter) is a command, never text: a menu's
    mnemonic in English (Alt+R) is no mnemonic in Vietnamese, and Qt's text fields then typed
    the letter. AltGr (Ctrl+Alt on Windows) still types its characters."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers()
            command = mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)
            if command and not mods & Qt.KeyboardModifier.ControlModifier and event.text():
                event.ignore()
                return True
        return super().eventFilter(watched, event)
