"""The article body editor: Markdown with colours, spell checking, find/replace, clean paste.

Used as a promoted widget in the main window's form (`BodyEditor(parent)`). The window gives it
a spell checker (`load_spell_checker`, which reads the dictionary off the UI thread) and a
callback that saves the user's word list; the widget itself reads and writes no file.

Text that enters is NFC: what an input method commits, typed keys, pasted text, `setPlainText`.
Pasted HTML (Word, a browser) becomes Markdown through `domain.paste_html`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMargins,
    QMimeData,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor_app.domain.markdown_keys import tab_indents
from editor_app.domain.text import nfc
from editor_app.gui.editor import nfc_input
from editor_app.gui.editor.body_spelling import BodySpelling
from editor_app.gui.editor.highlighter import MarkdownHighlighter
from editor_app.gui.editor.markdown_edit import Edit, toggle_emphasis, toggle_link
from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.spell_highlight import add_spelling_actions, misspelling_at
from editor_app.gui.style import TEXT_FONTS, first_available

if TYPE_CHECKING:
    from editor_app.gui.editor.find_bar import FindBar

__all__ = ["BodyEditor", "CursorState"]

log = logging.getLogger(__name__)

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_MODS = _CTRL | _SHIFT | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@dataclass(frozen=True, slots=True)
class CursorState:
    """Where the reporter was: cursor position, selection anchor, vertical scroll."""

    position: int
    anchor: int
    scroll: int


class BodyEditor(BodySpelling, QPlainTextEdit):
    """A QPlainTextEdit for Markdown news copy."""

    spellCheckerReady = Signal()
    findClosed = Signal()  # the find bar closed: its tints are gone, other marks come back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._highlighter = MarkdownHighlighter(self.document(), self.palette())
        self.setObjectName(self.objectName() or "bodyEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        family = first_available(TEXT_FONTS)
        font = QFont(self.font())
        if family:
            font.setFamilies([family])
        font.setPointSizeF(max(12.0, font.pointSizeF() + 2))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        # the margins around the centred text column look like the page, not like a frame
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._max_text_width: int | None = self.fontMetrics().averageCharWidth() * 80
        self._add_word_callback: Callable[[str], None] | None = None
        self._loading = None
        self._find_bar: FindBar | None = None  # made on first use: not needed to show the window
        self._shortcuts: dict[tuple[int, int], Callable[[], object]] = {
            self._combo(_CTRL, Qt.Key.Key_B): self.toggle_bold,
            self._combo(_CTRL, Qt.Key.Key_I): self.toggle_italic,
            self._combo(_CTRL, Qt.Key.Key_K): self.insert_link,
            self._combo(_CTRL, Qt.Key.Key_Y): self.redo,
            self._combo(_CTRL, Qt.Key.Key_F): self.show_find,
            self._combo(_CTRL, Qt.Key.Key_H): self.show_replace,
            self._combo(_CTRL | _SHIFT, Qt.Key.Key_V): self.paste_plain_text,
            self._combo(Qt.KeyboardModifier.NoModifier, Qt.Key.Key_F3): lambda: (
                self.find_bar.find_next()
            ),
            self._combo(_SHIFT, Qt.Key.Key_F3): lambda: self.find_bar.find_previous(),
        }

    # --- text ---------------------------------------------------------------------------------
    def setPlainText(self, text: str) -> None:
        """Replaces the whole text (NFC); the undo history starts anew."""
        super().setPlainText(nfc(text))

    def text(self) -> str:
        return self.toPlainText()

    def load_text(self, text: str, state: CursorState | None = None) -> None:
        """Shows another article's text: history cleared, cursor and scroll from state (or the
        top)."""
        self.setPlainText(text)
        if state is not None:
            self.restore_cursor_state(state)

    def set_text(self, text: str) -> None:
        """Changes the text to text in place, keeping the cursor, the selection and the scroll
        where they are: only the part that differs is replaced, in one undo step."""
        new = nfc(text)
        old = self.toPlainText()
        if new == old:
            return
        n = min(len(old), len(new))
        prefix = 0
        while prefix < n and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < n - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        pm = PositionMap(old)
        scroll = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(pm.to_qt(prefix))
        cursor.setPosition(pm.to_qt(len(old) - suffix), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[prefix : len(new) - suffix])
        cursor.endEditBlock()
        self.verticalScrollBar().setValue(scroll)

    # --- cursor and scroll --------------------------------------------------------------------
    def cursor_state(self) -> CursorState:
        c = self.textCursor()
        return CursorState(c.position(), c.anchor(), self.verticalScrollBar().value())

    def restore_cursor_state(self, state: CursorState) -> None:
        last = max(0, self.document().characterCount() - 1)
        cursor = self.textCursor()
        cursor.setPosition(min(max(0, state.anchor), last))
        cursor.setPosition(min(max(0, state.position), last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        if state.scroll > bar.maximum():  # wrapped lines not laid out yet
            self.document().documentLayout().documentSize()
            self.ensureCursorVisible()
        bar.setValue(state.scroll)

    # --- NFC input ----------------------------------------------------------------------------
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if self.isReadOnly():  # Qt's text control would still insert a commit sent to it
            event.ignore()
            return
        passed = nfc_input.committed(self, event, nfc)
        if passed is not None:
            super().inputMethodEvent(passed)

    # --- keys ---------------------------------------------------------------------------------
    @staticmethod
    def _combo(mods: Qt.KeyboardModifier, key: Qt.Key) -> tuple[int, int]:
        return int((mods & _MODS).value), int(key.value)

    def _shortcut_for(self, event: QKeyEvent) -> Callable[[], object] | None:
        return self._shortcuts.get((int((event.modifiers() & _MODS).value), int(event.key())))

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                self._shortcut_for(event) is not None
                or (event.key() == Qt.Key.Key_Escape and self._find_bar_visible())
            )
        ):
            event.accept()  # ours while the editor has the focus, not a window action's
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._shortcut_for(event)
        if action is not None:
            action()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._find_bar_visible():
            self.find_bar.close_bar()
            event.accept()
            return
        if self._tab_leaves(event):
            # QWidget's, not QPlainTextEdit's (which keeps the focus in a field taking Tab)
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            event.accept()
            return
        if not nfc_input.typed(self, event, nfc):
            super().keyPressEvent(event)

    def _tab_leaves(self, event: QKeyEvent) -> bool:
        """Tab (Shift+Tab) moves on, as in every field, unless the cursor is in a list item
        or a code block, where it indents."""
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        block = self.textCursor().block()
        before: list[str] = []
        b = block.previous()
        while b.isValid():
            before.append(b.text())
            b = b.previous()
        return not tab_indents(before[::-1], block.text())

    # --- Markdown commands --------------------------------------------------------------------
    def toggle_bold(self) -> None:
        """Ctrl+B: `**` around the selection or the word at the cursor, or off again."""
        self._run(lambda t, a, p: toggle_emphasis(t, a, p, "**"))

    def toggle_italic(self) -> None:
        """Ctrl+I: `*` around the selection or the word at the cursor, or off again."""
        self._run(lambda t, a, p: toggle_emphasis(t, a, p, "*"))

    def insert_link(self) -> None:
        """Ctrl+K: `[selection](url)` with "url" selected, or unlinks a link."""
        self._run(toggle_link)

    def _run(self, command: Callable[[str, int, int], Edit]) -> None:
        text = self.toPlainText()
        pm = PositionMap(text)
        cursor = self.textCursor()
        edit = command(text, pm.from_qt(cursor.anchor()), pm.from_qt(cursor.position()))
        self.apply_edit(edit, pm, text)

    def apply_edit(self, edit: Edit, pm: PositionMap, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, new in sorted(edit.changes, reverse=True):
            cursor.setPosition(pm.to_qt(start))
            cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new)
        cursor.endEditBlock()
        after = PositionMap(edit.apply(text)) if not pm.identity else pm
        selection = self.textCursor()
        selection.setPosition(after.to_qt(edit.anchor))
        selection.setPosition(after.to_qt(edit.position), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(selection)

    # --- paste --------------------------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted or dropped: HTML becomes Markdown, plain text is normalised."""
        text = ""
        if source.hasHtml():
            # Loaded on the first paste, not before the window shows (html.parser and friends).
            from editor_app.domain.paste_html import html_to_markdown

            text = html_to_markdown(source.html())
        if not text.strip() and source.hasText():
            text = source.text()
        if not text:
            return
        self._insert_plain(text)

    def paste_plain_text(self) -> None:
        """Ctrl+Shift+V: the clipboard's plain text, whatever else it holds."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasText():
            self._insert_plain(mime.text())

    def _insert_plain(self, text: str) -> None:
        text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
        cursor = self.textCursor()
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # --- find -----------------------------------------------------------------------------------
    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from editor_app.gui.editor.find_bar import FindBar

            self._find_bar = bar = FindBar(self, self)
            bar.opened.connect(self._layout_bar)
            bar.closed.connect(self._layout_bar)
            bar.closed.connect(self.findClosed)
        return self._find_bar

    def _find_bar_visible(self) -> bool:
        return self._find_bar is not None and self._find_bar.isVisible()

    def show_find(self) -> None:
        self.find_bar.open_bar(replace=False)
        self._layout_bar()

    def show_replace(self) -> None:
        self.find_bar.open_bar(replace=True)
        self._layout_bar()

    # --- context menu -------------------------------------------------------------------------
    def create_context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at pos (viewport coordinates): a confused word's or a tone
        mark's fix on top, the corrections when the word there is misspelled, then the standard
        editing actions."""
        menu = self.createStandardContextMenu(pos)
        checker = self.spell_checker()
        if checker is not None and self._highlighter.spell_checking():
            position = self.cursorForPosition(pos).position()
            hit = misspelling_at(checker, self.document().findBlock(position), position)
            if hit is not None:
                add_spelling_actions(
                    menu, self, checker, hit, self.add_to_dictionary, self.ignore_word
                )
        if self.word_marks is not None:  # above the spelling: a word-level fix comes first
            self.word_marks.add_actions(menu, self.cursorForPosition(pos).position())
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.create_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- layout ---------------------------------------------------------------------------------
    def set_max_text_width(self, pixels: int | None) -> None:
        """Lines no longer than pixels, centred (None: as wide as the widget)."""
        self._max_text_width = pixels
        self._layout_bar()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_bar()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._highlighter.set_palette(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._highlighter.refresh()

    def _layout_bar(self) -> None:
        """Centres the text column and puts the find bar under it."""
        rect = self.contentsRect()
        bar = self._find_bar
        bar_height = bar.sizeHint().height() if bar is not None and bar.isVisible() else 0
        scroll_width = self.verticalScrollBar().sizeHint().width()
        side = 0
        if self._max_text_width:
            side = max(0, (rect.width() - scroll_width - self._max_text_width) // 2)
        margins = QMargins(side, 0, side, bar_height)
        if margins != self.viewportMargins():
            self.setViewportMargins(margins)
            # the viewport's own resize event may come with its new width as the old one:
            # lay the text out for the new width now
            QPlainTextEdit.resizeEvent(self, QResizeEvent(self.viewport().size(), QSize(-1, -1)))
        if bar is not None and bar.isVisible():
            width = rect.width()
            if self.verticalScrollBar().isVisible():
                width -= self.verticalScrollBar().width()
            bar.setGeometry(rect.left(), rect.bottom() + 1 - bar_height, width, bar_height)
