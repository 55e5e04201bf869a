"""Find and replace in a bar under the text (not a dialog): Ctrl+F, Ctrl+H, F3, Escape.

Searches as you type, from where the bar was opened; Enter finds the next match, Shift+Enter
the previous one, F3/Shift+F3 too; every match is tinted; "3/12" tells where you are. Replace
all is one undo step. Escape closes the bar and gives the focus back to the editor.

"Ignore diacritics" is on from the start ("duong" finds "Dương"). What is typed and found
nowhere leaves nothing selected (the cursor goes back where the search started, so the next key
overwrites nothing) and turns the box red with "No matches". The options are checkable buttons
with short labels (their full words in the tooltip) in the bar's own UI font, not the body's:
they fit a 600 px body (issue 15, point 7).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QToolButton,
    QWidget,
)

from editor_app.domain.text import nfc
from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.search import SearchOptions, find_all

__all__ = ["FindBar"]

MAX_TINTED = 2000  # matches tinted at once; counting goes on past it
NOT_FOUND = "notFound"  # the find box's dynamic property while what it holds is found nowhere
_STYLE = 'QLineEdit#findEdit[notFound="true"] { border: 2px solid #c0392b; }'


class FindBar(QWidget):
    """Find/replace bar working on editor (a QPlainTextEdit)."""

    opened = Signal()
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self._matches: list[tuple[int, int]] | None = None  # Qt positions; None: stale
        self._origin = 0  # where incremental search starts
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setFont(QApplication.font())  # the UI's, not the body's larger text font
        self._build_widgets()
        self._build_layout()
        self._connect()
        self._set_replace_visible(False)
        self.hide()

    def _build_widgets(self) -> None:
        """What to find and its replacement, the buttons, the count and the options."""
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findEdit")
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setStyleSheet(_STYLE)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceEdit")
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        style = self.style()
        self.previous_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
            self.tr("Previous match (Shift+Enter)"),
        )
        self.next_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            self.tr("Next match (Enter)"),
        )
        self.close_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
            self.tr("Close (Esc)"),
        )
        self.count_label = QLabel(self)
        widest = max(("0000/0000", self.tr("No matches")), key=self.fontMetrics().horizontalAdvance)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.case_check = self._option(self.tr("Aa"), self.tr("Match case"))
        self.diacritics_check = self._option(
            self.tr("No marks"), self.tr("Ignore diacritics and đ: “duong” finds “Dương”")
        )
        self.diacritics_check.setChecked(True)
        self.word_check = self._option(self.tr("Word"), self.tr("Whole words"))
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)

    def _option(self, text: str, tip: str) -> QToolButton:
        """A search option: a checkable button with a short label, never narrower than it."""
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return button

    def _build_layout(self) -> None:
        """The find row (what to find, the buttons, the options) above the replace row."""
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.find_edit, 0, 0)
        row = QHBoxLayout()
        for w in (self.previous_button, self.next_button, self.count_label):
            row.addWidget(w)
        row.addSpacing(8)
        for check in (self.case_check, self.diacritics_check, self.word_check):
            row.addWidget(check)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row, 0, 1)
        layout.addWidget(self.replace_edit, 1, 0)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch(1)
        layout.addLayout(replace_row, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

    def _connect(self) -> None:
        """The bar follows what to find, its options and the document (after a pause)."""
        self.find_edit.textChanged.connect(self._needle_changed)
        for check in (self.case_check, self.diacritics_check, self.word_check):
            check.toggled.connect(self._options_changed)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self._refresh)
        self._editor.document().contentsChanged.connect(self._document_changed)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)

    def _tool(self, icon: object, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)  # type: ignore[arg-type]
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # --- opening and closing ------------------------------------------------------------------
    def open_bar(self, replace: bool = False) -> None:
        """Shows the bar (with the replace row when replace), the selection as what to find."""
        cursor = self._editor.textCursor()
        selected = cursor.selectedText()
        self._origin = cursor.selectionStart()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(nfc(selected))
        self._set_replace_visible(replace)
        was_visible = self.isVisible()
        self.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        self._matches = None
        self._update_count()
        self._tint()
        if not was_visible:
            self.opened.emit()

    def close_bar(self) -> None:
        if not self.isVisible():
            return
        self.hide()
        self._editor.setExtraSelections([])
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def replace_visible(self) -> bool:
        return not self.replace_edit.isHidden()

    def _set_replace_visible(self, on: bool) -> None:
        for w in (self.replace_edit, self.replace_button, self.replace_all_button):
            w.setVisible(on)

    # --- searching ----------------------------------------------------------------------------
    def options(self) -> SearchOptions:
        return SearchOptions(
            match_case=self.case_check.isChecked(),
            ignore_diacritics=self.diacritics_check.isChecked(),
            whole_word=self.word_check.isChecked(),
        )

    def matches(self) -> list[tuple[int, int]]:
        """Every match in the document, (start, end) in Qt positions."""
        if self._matches is None:
            text = self._editor.toPlainText()
            found = find_all(text, self.find_edit.text(), self.options())
            pm = PositionMap(text)
            if not pm.identity:
                found = [(pm.to_qt(s), pm.to_qt(e)) for s, e in found]
            self._matches = found
        return self._matches

    def current_index(self) -> int:
        """Index of the match the editor has selected, -1 when none is."""
        cursor = self._editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        matches = self.matches()
        lo, hi = 0, len(matches)
        while lo < hi:  # matches are sorted and do not overlap
            mid = (lo + hi) // 2
            if matches[mid][0] < span[0]:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(matches) and matches[lo] == span else -1

    def find_next(self) -> bool:
        cursor = self._editor.textCursor()
        return self._go(cursor.selectionEnd() if cursor.hasSelection() else cursor.position(), 1)

    def find_previous(self) -> bool:
        return self._go(self._editor.textCursor().selectionStart(), -1)

    def _go(self, position: int, direction: int) -> bool:
        matches = self.matches()
        if not matches:
            self._update_count()
            return False
        if direction > 0:
            target = next((m for m in matches if m[0] >= position), matches[0])
        else:
            target = next((m for m in reversed(matches) if m[1] <= position), matches[-1])
        self._select(target)
        return True

    def _select(self, span: tuple[int, int]) -> None:
        cursor = self._editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self._update_count()

    # --- replacing ----------------------------------------------------------------------------
    def replace_current(self) -> bool:
        """Replaces the selected match and goes to the next one; only finds when none is
        selected."""
        if self.current_index() < 0:
            return self.find_next()
        cursor = self._editor.textCursor()
        cursor.insertText(nfc(self.replace_edit.text()))
        self._editor.setTextCursor(cursor)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replaces every match in one undo step; returns how many."""
        matches = list(self.matches())
        if not matches:
            return 0
        replacement = nfc(self.replace_edit.text())
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        for start, end in reversed(matches):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        self.count_label.setText(self.tr("{count} replaced").format(count=len(matches)))
        return len(matches)

    # --- state ----------------------------------------------------------------------------------
    def _needle_changed(self) -> None:
        self._matches = None
        if not (self.find_edit.text() and self._go(self._origin, 1)):
            self._unselect()  # nothing to find, or found nowhere: no match left selected
        self._tint()

    def _unselect(self) -> None:
        """No selection; the cursor where the search started."""
        cursor = self._editor.textCursor()
        cursor.setPosition(min(self._origin, self._editor.document().characterCount() - 1))
        self._editor.setTextCursor(cursor)
        self._update_count()

    def _options_changed(self) -> None:
        self._needle_changed()

    def _document_changed(self) -> None:
        self._matches = None
        if self.isVisible():
            self._refresh_timer.start()  # not on every keystroke: once typing pauses

    def _refresh(self) -> None:
        if self.isVisible():
            self._update_count()
            self._tint()

    def _update_count(self) -> None:
        found_nowhere = bool(self.find_edit.text()) and not self.matches()
        self._show_not_found(found_nowhere)
        if not self.find_edit.text():
            self.count_label.setText("")
            return
        matches = self.matches()
        if not matches:
            self.count_label.setText(self.tr("No matches"))
            return
        index = self.current_index()
        current = str(index + 1) if index >= 0 else "–"
        self.count_label.setText(
            self.tr("{current}/{total}").format(current=current, total=len(matches))
        )

    def _show_not_found(self, on: bool) -> None:
        """The find box framed in red and the count in red while what it holds is nowhere."""
        for widget, name in ((self.find_edit, NOT_FOUND), (self.count_label, "warn")):
            if widget.property(name) is on:
                continue
            widget.setProperty(name, on)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()

    def _tint(self) -> None:
        if not self.isVisible() or not self.find_edit.text():
            self._editor.setExtraSelections([])
            return
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlphaF(0.28)
        selections = []
        for start, end in self.matches()[:MAX_TINTED]:
            cursor = QTextCursor(self._editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self._editor.setExtraSelections(selections)

    # --- keys -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.handle_key(event, replace_field=watched is self.replace_edit)
        ):
            return True
        return super().eventFilter(watched, event)

    def handle_key(self, event: QKeyEvent, replace_field: bool = False) -> bool:
        """The bar's keys; True when the key was used."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if replace_field and not shift:
                self.replace_current()
            elif shift:
                self.find_previous()
            else:
                self.find_next()
        elif key == Qt.Key.Key_F3:
            if shift:
                self.find_previous()
            else:
                self.find_next()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)
