"""The byline as a list of people in the story's details: a name and a role (Bài, Ảnh, Video,
Nhóm) a row, add, remove, move up and down, with the printed byline under it ("Bài: Thanh Hà –
Ảnh: Hồng Ninh", domain/bylines.py). The story's `byline` field stays the text (a hidden line
edit, registered in the field map); the rows write it and are rebuilt from it when another
story opens. Keys: Tab through the rows; in a name, Ctrl+↑/↓ moves the person, Ctrl+Delete
removes them, Enter adds a row after them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.bylines import ROLES, Credit, check_credits, format_byline, parse_byline
from editor_app.domain.errors import ValidationError

_KEYS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Delete: "remove"}


class BylineRow(QWidget):
    """One person: name, role, up, down, remove."""

    def __init__(self, owner: BylineList, credit: Credit) -> None:
        super().__init__(owner)
        self.owner = owner
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.name = QLineEdit(credit.name, self)
        self.name.setObjectName("bylineName")
        self.name.setPlaceholderText(QCoreApplication.translate("BylineList", "Full name"))
        self.name.setAccessibleName(QCoreApplication.translate("BylineList", "Name"))
        self.role = QComboBox(self)
        self.role.setObjectName("bylineRole")
        self.role.setAccessibleName(QCoreApplication.translate("BylineList", "Role"))
        labels = {
            "bai": QCoreApplication.translate("BylineList", "Text"),
            "anh": QCoreApplication.translate("BylineList", "Photos"),
            "video": QCoreApplication.translate("BylineList", "Video"),
            "nhom": QCoreApplication.translate("BylineList", "Team"),
        }
        for role in ROLES:
            self.role.addItem(labels[role], role)
        self.role.setCurrentIndex(ROLES.index(credit.role))
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip in (
            ("up", "↑", QCoreApplication.translate("BylineList", "Move up (Ctrl+Up)")),
            ("down", "↓", QCoreApplication.translate("BylineList", "Move down (Ctrl+Down)")),
            ("remove", "✕", QCoreApplication.translate("BylineList", "Remove (Ctrl+Delete)")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setObjectName(f"byline_{key}")
            button.clicked.connect(lambda _c=False, k=key: owner.act(self, k))
            row.addWidget(button)
            self.buttons[key] = button
        self.name.textEdited.connect(lambda _t: owner.changed())
        self.name.editingFinished.connect(owner.finished)
        self.name.returnPressed.connect(lambda: owner.add(after=self))
        self.role.currentIndexChanged.connect(lambda _i: owner.changed(save=True))
        self.name.installEventFilter(self)

    def _key_action(self, event: QEvent) -> str | None:
        """The row's action of Ctrl+Up, Ctrl+Down or Ctrl+Delete in the name."""
        if not isinstance(event, QKeyEvent):
            return None
        if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return None
        return _KEYS.get(Qt.Key(event.key()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        action = self._key_action(event) if watched is self.name else None
        if action is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the row's, not the window's (Ctrl+Delete deletes a story there)
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.owner.act(self, action)
            return True
        return super().eventFilter(watched, event)

    def credit(self) -> Credit:
        return Credit(self.name.text(), str(self.role.currentData()))


class BylineList(QWidget):
    """The rows, the add button and the printed byline; `field` is the story's byline text."""

    def __init__(
        self,
        field: QLineEdit,
        form: QFormLayout,
        edited: Callable[[], None],
        finished: Callable[[], None],
    ) -> None:
        super().__init__(field.parentWidget())
        self.setObjectName("bylineList")
        self.field = field
        self.edited = edited
        self.finished = finished
        self.read_only = False
        self._writing = False
        position = form.getWidgetPosition(field)
        row = int(position[0])  # type: ignore[index]
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        form.removeWidget(field)
        form.setWidget(row, QFormLayout.ItemRole.FieldRole, self)
        field.setParent(self)
        field.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        layout.addLayout(self.rows_box)
        bottom = QHBoxLayout()
        add = QCoreApplication.translate("BylineList", "Add a person")
        self.add_button = QPushButton(add, self)
        self.add_button.setObjectName("bylineAdd")
        self.add_button.clicked.connect(lambda: self.add())
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.printed = QLabel(self)
        self.printed.setObjectName("bylinePrinted")
        self.printed.setWordWrap(True)
        self.printed.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.printed)
        self.rows: list[BylineRow] = []
        self._label = label.widget() if label is not None else None
        field.textChanged.connect(self._field_changed)
        self._field_changed(field.text())

    # --- from the story -------------------------------------------------------------------------
    def _field_changed(self, text: str) -> None:
        if not self._writing:
            self._rebuild(parse_byline(text))
            self._show_printed(text, None)

    def _rebuild(self, credits: list[Credit]) -> None:
        for r in self.rows:
            r.setParent(None)
            r.deleteLater()
        self.rows = []
        for c in credits or [Credit("")]:
            self._insert(len(self.rows), c)
        self._update_buttons()

    def _insert(self, at: int, credit: Credit) -> BylineRow:
        row = BylineRow(self, credit)
        row.name.setReadOnly(self.read_only)
        row.role.setEnabled(not self.read_only)
        self.rows.insert(at, row)
        self.rows_box.insertWidget(at, row)
        self._first_row_takes_focus()
        return row

    def _first_row_takes_focus(self) -> None:
        """The label's buddy and the field's focus (the checklist's click, the Edit menu):
        the first person's name."""
        if not self.rows:
            return
        first = self.rows[0].name
        self.field.setFocusProxy(first)
        if isinstance(self._label, QLabel):
            self._label.setBuddy(first)

    # --- edits ----------------------------------------------------------------------------------
    def credits(self) -> list[Credit]:
        return [r.credit() for r in self.rows]

    def changed(self, save: bool = False) -> None:
        """A row changed: the byline text follows (unless a name cannot be printed)."""
        if self.read_only:
            return
        try:
            people = check_credits(self.credits())
        except ValidationError as e:
            self._show_printed("", str(e))
            return
        text = format_byline(people)
        self._show_printed(text, None)
        if text != self.field.text():
            self._writing = True
            try:
                self.field.setText(text)
            finally:
                self._writing = False
            self.edited()
        if save:
            self.finished()

    def add(self, after: BylineRow | None = None) -> None:
        if self.read_only:
            return
        at = self.rows.index(after) + 1 if after in self.rows else len(self.rows)
        role = after.credit().role if after is not None else "bai"
        row = self._insert(at, Credit("", role))
        self._update_buttons()
        row.name.setFocus()

    def act(self, row: BylineRow, action: str) -> None:
        """Moves a row up or down, or removes it (the last row is emptied instead)."""
        if self.read_only or row not in self.rows:
            return
        at = self.rows.index(row)
        if action == "remove":
            if len(self.rows) == 1:
                row.name.clear()
            else:
                self.rows.remove(row)
                row.setParent(None)
                row.deleteLater()
                self.rows[min(at, len(self.rows) - 1)].name.setFocus()
        else:
            to = at - 1 if action == "up" else at + 1
            if not 0 <= to < len(self.rows):
                return
            self.rows.insert(to, self.rows.pop(at))
            self.rows_box.removeWidget(row)
            self.rows_box.insertWidget(to, row)
            row.name.setFocus()
        self._first_row_takes_focus()
        self._update_buttons()
        self.changed(save=True)

    def _update_buttons(self) -> None:
        for i, r in enumerate(self.rows):
            r.buttons["up"].setEnabled(i > 0 and not self.read_only)
            r.buttons["down"].setEnabled(i < len(self.rows) - 1 and not self.read_only)
            r.buttons["remove"].setEnabled(not self.read_only)

    def _show_printed(self, text: str, problem: str | None) -> None:
        if problem:
            self.printed.setText(problem)
            self.printed.setStyleSheet("color: #c62828;")
            return
        self.printed.setStyleSheet("color: #5f6b7a;")
        shown = QCoreApplication.translate("BylineList", "On the page: %1").replace("%1", text)
        shown = shown if text else ""
        self.printed.setText(shown)

    def set_read_only(self, on: bool) -> None:
        self.read_only = on
        for r in self.rows:
            r.name.setReadOnly(on)
            r.role.setEnabled(not on)
        self.add_button.setEnabled(not on)
        self._update_buttons()
