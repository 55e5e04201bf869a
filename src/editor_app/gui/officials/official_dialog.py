"""Adding or editing one official: name, organisation, aliases, and titles in the order they are
written, each with its start and optional end date (a small table)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official, Title
from editor_app.services.title_check import format_day, title_from_cells

if TYPE_CHECKING:
    from editor_app.services.changes import Changes
    from editor_app.services.officials import OfficialService

TEXT, START, END = range(3)


class TitleTable(QWidget):
    """Titles in order, with From/Until dates typed as 15/10/2020 (empty: open)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("titleTable")
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("From"), self.tr("Until")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        hint = self.tr("A date such as 15/10/2020; empty: open")
        for col in (START, END):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 105)
            item = self.table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(hint)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add title"), self.add_title, "addTitle"),
            (self.tr("Remove"), self.remove_row, "removeTitle"),
            (self.tr("Up"), lambda: self.move_row(-1), "titleUp"),
            (self.tr("Down"), lambda: self.move_row(1), "titleDown"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_titles(self, titles: list[Title]) -> None:
        self.table.setRowCount(0)
        for t in titles:
            self.add_row(t.text, format_day(t.start), format_day(t.end))

    def add_row(self, text: str = "", start: str = "", end: str = "") -> QTableWidgetItem:
        """A row at the end, made current; returns its title cell."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        items = [QTableWidgetItem(value) for value in (text, start, end)]
        for col, item in zip((TEXT, START, END), items, strict=True):
            self.table.setItem(row, col, item)
        self.table.setCurrentCell(row, TEXT)
        return items[TEXT]

    def add_title(self) -> None:
        """A new row whose title cell is open for typing, with the focus (it used to take no
        key until a double-click)."""
        item = self.add_row()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.scrollToItem(item)
        self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        for col in range(3):
            a, b = self.table.takeItem(row, col), self.table.takeItem(other, col)
            self.table.setItem(row, col, b)
            self.table.setItem(other, col, a)
        self.table.setCurrentCell(other, self.table.currentColumn())

    def titles(self) -> list[Title]:
        """The titles typed; raises ValidationError naming the first wrong one."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in range(3)]
            text, start, end = (c.text() if c is not None else "" for c in cells)
            if text.strip() or start.strip() or end.strip():
                out.append(title_from_cells(text, start, end))
        return out


class OfficialDialog(QDialog):
    """Edits a copy of an official; saves through the service on OK (errors keep it open)."""

    def __init__(
        self, service: OfficialService, official: Official | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("officialDialog")
        self.service = service
        self.official = official or Official("")
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Edit official") if official else self.tr("Add official"))
        self.name_edit = QLineEdit(self.official.full_name, self)
        self.org_edit = QLineEdit(self.official.organization, self)
        self.org_edit.setPlaceholderText(self.tr("e.g. Tỉnh ủy Lào Cai"))
        self.aliases_edit = QPlainTextEdit("\n".join(self.official.aliases), self)
        self.aliases_edit.setPlaceholderText(self.tr("Other names to detect, one a line"))
        self.aliases_edit.setMaximumHeight(70)
        self.titles = TitleTable(self)
        self.titles.set_titles(self.official.titles)
        self.retired_check = QCheckBox(self.tr("Retired (hidden from pickers)"), self)
        self.retired_check.setChecked(self.official.retired)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("warn", True)
        form = QFormLayout()
        form.addRow(self.tr("Full name"), self.name_edit)
        form.addRow(self.tr("Organisation"), self.org_edit)
        form.addRow(self.tr("Aliases"), self.aliases_edit)
        form.addRow(self.tr("Titles"), self.titles)
        order = QLabel(self.tr("In the order they are written; dates as 15/10/2020, empty: open."))
        order.setWordWrap(True)
        order.setObjectName("metaInfo")
        form.addRow("", order)
        form.addRow("", self.retired_check)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self.resize(640, 480)

    def edited(self) -> Official:
        return dataclasses.replace(
            self.official,
            full_name=self.name_edit.text(),
            organization=self.org_edit.text(),
            aliases=[a for a in self.aliases_edit.toPlainText().splitlines() if a.strip()],
            titles=self.titles.titles(),
            retired=self.retired_check.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.changes = self.service.save(self.edited())
        except UserError as e:
            self.error_label.setText(str(e))
            return
        super().accept()
