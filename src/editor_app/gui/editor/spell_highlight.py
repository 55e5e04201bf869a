"""Spell checking in the editor: the red wavy underline and the right-click corrections.

The underline is drawn by `MarkdownHighlighter` in the same pass as the Markdown colours (one
QSyntaxHighlighter per document); this module gives it the format and finds the misspelled
syllable under the mouse, in Qt positions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor, QPalette, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor_app.gui.editor.positions import PositionMap
from editor_app.services.spelling import SpellChecker

__all__ = [
    "MAX_SUGGESTIONS",
    "Misspelling",
    "add_spelling_actions",
    "misspelled_format",
    "misspelling_at",
    "underline_colour",
]

MAX_SUGGESTIONS = 6


def underline_colour(palette: QPalette) -> QColor:
    """Red that reads on the palette's background (lighter on a dark one)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff6b6b") if dark else QColor("#d32f2f")


def misspelled_format(palette: QPalette, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """base (or a plain format) with the red spell-check underline added."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(underline_colour(palette))
    return fmt


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A misspelled syllable in the document: Qt positions and its text."""

    start: int
    end: int
    word: str


def misspelling_at(
    checker: SpellChecker | None, block: QTextBlock, position: int
) -> Misspelling | None:
    """The misspelled syllable at a document position (touching it counts), or None."""
    if checker is None or not checker.enabled or not block.isValid():
        return None
    text = block.text()
    pm = PositionMap(text)
    offset = pm.from_qt(position - block.position())
    for start, end in checker.misspelled_spans(text):
        if start <= offset <= end:
            return Misspelling(
                block.position() + pm.to_qt(start), block.position() + pm.to_qt(end),
                text[start:end],
            )  # fmt: skip
    return None


def add_spelling_actions(
    menu: QMenu,
    editor: QPlainTextEdit,
    checker: SpellChecker,
    hit: Misspelling,
    on_add: Callable[[str], None],
    on_ignore: Callable[[str], None],
) -> list[QAction]:
    """Puts the suggestions, "Add to dictionary" and "Ignore" at the top of menu."""
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    suggestions = checker.suggest(hit.word, limit=MAX_SUGGESTIONS)
    for word in suggestions:
        action = QAction(word, menu)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, w=word: replace_range(editor, hit, w))
        actions.append(action)
    if not suggestions:
        none = QAction(QCoreApplication.translate("BodyEditor", "No suggestions"), menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(QCoreApplication.translate("BodyEditor", "Add to dictionary"), menu)
    add.triggered.connect(lambda: on_add(hit.word))
    ignore = QAction(QCoreApplication.translate("BodyEditor", "Ignore"), menu)
    ignore.triggered.connect(lambda: on_ignore(hit.word))
    actions += [add, ignore]
    for action in actions:
        menu.insertAction(first, action)  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)
    return actions


def replace_range(editor: QPlainTextEdit, hit: Misspelling, word: str) -> None:
    """Replaces the misspelled syllable with word, in one undo step."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(hit.start)
    cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() != hit.word:  # the text moved on since the menu opened
        return
    cursor.beginEditBlock()
    cursor.insertText(word)
    cursor.endEditBlock()
