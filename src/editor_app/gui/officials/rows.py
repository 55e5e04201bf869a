"""A short list of rows, each a rich-text label and an optional button (the tag panel's lists);
a button with choices opens a menu of them from its arrow (a title fix with several readings)."""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.officials.people import Official
from editor_app.domain.officials.titles import ProblemKind


def field_label(field: str) -> str:
    """Where a text is, in the UI's words."""
    if field.startswith("caption:"):
        return QCoreApplication.translate("TagPanel", "photo caption")
    labels = {
        "headline": QCoreApplication.translate("TagPanel", "headline"),
        "sapo": QCoreApplication.translate("TagPanel", "sapo"),
        "body": QCoreApplication.translate("TagPanel", "body"),
    }
    return labels.get(field, field)


def kind_label(kind: ProblemKind) -> str:
    labels = {
        ProblemKind.OUTDATED_TITLE: QCoreApplication.translate("TagPanel", "Outdated title"),
        ProblemKind.UNKNOWN_TITLE: QCoreApplication.translate("TagPanel", "Unknown title"),
        ProblemKind.INCOMPLETE_TITLE: QCoreApplication.translate("TagPanel", "Incomplete title"),
        ProblemKind.FORMER_TITLE_HELD: QCoreApplication.translate(
            "TagPanel", "Still holds this title"
        ),
        ProblemKind.MISSPELLED_NAME: QCoreApplication.translate("TagPanel", "Misspelt name"),
    }
    return labels.get(kind, str(kind))


class MenuButton(QToolButton):
    """A button that does the default when clicked and offers the choices from its arrow (or
    from the keyboard: Down, Alt+Down or the menu key)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMenu(QMenu(self))

    def add_choice(self, text: str, slot: Callable[[], Any], default: bool = False) -> None:
        menu = self.menu()
        action = menu.addAction(text.replace("&", "&&"))
        action.triggered.connect(lambda _c=False: slot())
        if default:
            menu.setDefaultAction(action)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Menu):
            self.showMenu()
            return
        super().keyPressEvent(event)


class Row(QWidget):
    link_activated = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.label.linkActivated.connect(self.link_activated)
        layout.addWidget(self.label, 1)
        self.button: QAbstractButton | None = None


class Rows(QWidget):
    """Rows keyed by what they show (an official's id, a problem)."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._header)
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyRows")
        self.empty.setEnabled(False)
        self._header.addWidget(self.empty, 1)
        self.rows: dict[Hashable, Row] = {}

    def add_header_button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _c=False: slot())
        self._header.addStretch(0)
        self._header.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return button

    def add(
        self,
        text: str,
        button_text: str | None,
        on_click: Callable[..., Any],
        tooltip: str,
        key: Hashable,
        choices: Sequence[tuple[str, Callable[[], Any]]] = (),
    ) -> Row:
        """A row; its button calls `on_click`; with `choices` (text, what it does; the first is
        what a click does) the button's arrow opens a menu of them."""
        row = Row(text, self)
        if button_text:
            button = self._button(button_text, choices, row)
            button.setToolTip(tooltip)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            if button_text == "×":
                button.setFixedWidth(button.sizeHint().height())
            button.clicked.connect(on_click)
            row.layout().addWidget(button)  # type: ignore[union-attr]
            row.button = button
        self._layout.addWidget(row)
        self.rows[key] = row
        self.empty.setVisible(False)
        return row

    @staticmethod
    def _button(
        text: str, choices: Sequence[tuple[str, Callable[[], Any]]], row: Row
    ) -> QAbstractButton:
        if not choices:
            return QPushButton(text, row)
        button = MenuButton(text, row)
        for n, (choice, slot) in enumerate(choices):
            button.add_choice(choice, slot, default=n == 0)
        return button

    def remove(self, key: Hashable) -> None:
        row = self.rows.pop(key, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self.empty.setVisible(not self.rows)

    def clear(self) -> None:
        for key in list(self.rows):
            self.remove(key)
        self.empty.setVisible(True)

    def button(self, key: Hashable) -> QAbstractButton | None:
        row = self.rows.get(key)
        return row.button if row else None

    def keys(self) -> list[Hashable]:
        return list(self.rows)


def name_html(official: Official, titles: tuple[str, ...], none: str) -> str:
    """An official's row: the name in bold, the titles held (or `none`) below."""
    held = "; ".join(titles) if titles else f"<i>{html.escape(none)}</i>"
    if titles:
        held = html.escape(held)
    return f"<b>{html.escape(official.full_name)}</b><br><small>{held}</small>"
