"""The officials directory: search (marks, case and đ/d do not matter), add, edit, merge two
duplicates, retire or reinstate, import and export CSV, and show an official's stories.

File dialogs are here; reading and writing files is the service's.
"""

from __future__ import annotations

import html
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.officials.csv_io import format_title
from editor_app.domain.officials.people import Official, Title
from editor_app.gui.officials.official_dialog import OfficialDialog
from editor_app.services.changes import Changes
from editor_app.services.title_check import filter_officials

if TYPE_CHECKING:
    from editor_app.services.officials import OfficialService

_ID = Qt.ItemDataRole.UserRole
NAME, TITLES, ORG, STORIES = range(4)


class DirectoryDialog(QDialog):
    changed = Signal(object)  # Changes
    show_stories = Signal(object)  # uuid.UUID: "the stories of this official"

    def __init__(self, service: OfficialService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryDialog")
        self.setWindowTitle(self.tr("Officials directory"))
        self.service = service
        self._officials: list[Official] = []
        self._counts: dict[uuid.UUID, int] = {}
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("directorySearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search names, titles, organisations (diacritics optional)…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.retired_check = QCheckBox(self.tr("Show retired"), self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("directoryList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Current titles"),
                self.tr("Organisation"),
                self.tr("Stories"),
            ]
        )
        header = self.tree.header()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORG, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STORIES, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.info = QLabel(self)
        self.info.setObjectName("listInfo")
        self.info.setWordWrap(True)

        self.add_button = self._button(self.tr("Add…"), self.add_official)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.merge_button = self._button(self.tr("Merge…"), self.merge_selected)
        self.retire_button = self._button(self.tr("Retire"), self.toggle_retired)
        self.stories_button = self._button(self.tr("Show stories"), self._show_stories)
        self.stories_button.setToolTip(self.tr("Filter the story list by this official"))
        self.import_button = self._button(self.tr("Import CSV…"), self.choose_import)
        self.export_button = self._button(self.tr("Export CSV…"), self.choose_export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.retired_check)
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.merge_button, self.retire_button):
            actions.addWidget(b)
        actions.addWidget(self.stories_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.info)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(900, 560)

        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.refresh_rows)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.retired_check.toggled.connect(lambda _on: self.refresh_rows())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda _i, _c: self.edit_selected())
        self.reload()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())  # type: ignore[operator]
        return button

    # --- the list -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Reads the directory again (after a change here or elsewhere)."""
        self._officials = self.service.all()
        self._counts = self.service.story_counts()
        self.refresh_rows()

    def refresh_rows(self) -> None:
        self._timer.stop()
        selected = set(self.selected_ids())
        shown = [
            o
            for o in filter_officials(self._officials, self.search_edit.text())
            if self.retired_check.isChecked() or not o.retired
        ]
        self.tree.clear()
        for o in shown:
            item = QTreeWidgetItem(
                [
                    o.full_name + (self.tr(" (retired)") if o.retired else ""),
                    "; ".join(o.current_titles),
                    o.organization,
                    str(self._counts.get(o.id, 0)),
                ]
            )
            item.setData(NAME, _ID, str(o.id))
            item.setTextAlignment(STORIES, Qt.AlignmentFlag.AlignRight)
            if o.aliases:
                item.setToolTip(NAME, self.tr("Also: {names}").format(names="; ".join(o.aliases)))
            item.setToolTip(TITLES, "\n".join(_title_line(t) for t in o.titles))
            if o.retired:
                font = QFont(item.font(NAME))
                font.setItalic(True)
                for col in range(4):
                    item.setFont(col, font)
                    item.setForeground(col, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
            item.setSelected(o.id in selected)
        total = len(self._officials)
        self.info.setText(
            self.tr("{shown} of {total} officials").format(shown=len(shown), total=total)
        )
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def shown_names(self) -> list[str]:
        return [item.text(NAME) for item in self._items()]

    def selected_ids(self) -> list[uuid.UUID]:
        return [uuid.UUID(str(i.data(NAME, _ID))) for i in self.tree.selectedItems()]

    def select(self, official_ids: list[uuid.UUID]) -> None:
        wanted = {str(i) for i in official_ids}
        for item in self._items():
            item.setSelected(item.data(NAME, _ID) in wanted)

    def _selected(self) -> list[Official]:
        by_id = {o.id: o for o in self._officials}
        return [by_id[i] for i in self.selected_ids() if i in by_id]

    def _update_buttons(self) -> None:
        selected = self._selected()
        one = len(selected) == 1
        self.edit_button.setEnabled(one)
        self.stories_button.setEnabled(one)
        self.merge_button.setEnabled(len(selected) == 2)
        self.retire_button.setEnabled(one)
        retired = one and selected[0].retired
        self.retire_button.setText(self.tr("Reinstate") if retired else self.tr("Retire"))

    # --- actions --------------------------------------------------------------------------------
    def _done(self, changes: Changes | None, select: list[uuid.UUID] | None = None) -> None:
        if changes is None:
            return
        self.reload()
        if select:
            self.select(select)
        self.changed.emit(changes)

    def add_official(self) -> None:
        dialog = OfficialDialog(self.service, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(dialog.changes, [dialog.official.id])

    def edit_selected(self) -> None:
        selected = self._selected()
        if len(selected) != 1:
            return
        dialog = OfficialDialog(self.service, selected[0], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(dialog.changes, [selected[0].id])

    def toggle_retired(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            o = selected[0]
            if not o.retired:
                self.retired_check.setChecked(True)  # keep it in view
            self._done(self.service.retire(o.id, not o.retired), [o.id])

    def merge_selected(self) -> None:
        selected = self._selected()
        if len(selected) != 2:
            return
        dialog = MergeDialog(selected[0], selected[1], self._counts, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.merge(dialog.keep.id, dialog.drop.id)

    def merge(self, keep: uuid.UUID, drop: uuid.UUID) -> None:
        try:
            changes = self.service.merge(keep, drop)
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        self._done(changes, [keep])

    def _show_stories(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.show_stories.emit(ids[0])

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the directory"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> QMessageBox | None:
        """Imports a CSV; tells how it went (bad rows with their line numbers)."""
        try:
            changes, report = self.service.import_csv(path)
        except UserError as e:
            QMessageBox.warning(self, self.tr("Import the directory"), str(e))
            return None
        self._done(changes)
        text = self.tr("{added} added, {updated} updated.").format(
            added=report.added, updated=report.updated
        )
        self.info.setText(text)
        if not report.errors:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Import the directory"),
            text
            + "\n"
            + self.tr("{n} rows were not imported:").format(n=len(report.errors))
            + "\n\n"
            + "\n".join(str(e) for e in report.errors[:20]),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setDetailedText("\n".join(str(e) for e in report.errors))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the directory"), "officials.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        try:
            n = self.service.export_csv(path)
        except UserError as e:
            QMessageBox.warning(self, self.tr("Export the directory"), str(e))
            return
        self.info.setText(self.tr("{n} officials written to {path}").format(n=n, path=path))


class MergeDialog(QDialog):
    """Which of two records of the same person is kept."""

    def __init__(
        self, a: Official, b: Official, counts: dict[uuid.UUID, int], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge duplicates"))
        self._pair = (a, b)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Keep one record. The other one's stories are tagged with the kept one, its "
                "name and aliases become aliases, its other titles are added; then it is deleted."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices: list[QRadioButton] = []
        for o in (a, b):
            button = QRadioButton(self.tr("Keep {name}").format(name=o.full_name), self)
            details = QLabel(_details_html(o, counts.get(o.id, 0), self.tr("{n} stories")), self)
            details.setTextFormat(Qt.TextFormat.RichText)
            details.setWordWrap(True)
            details.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(details)
            self.choices.append(button)
        # the record in more stories is the likelier keeper
        self.choices[0 if counts.get(a.id, 0) >= counts.get(b.id, 0) else 1].setChecked(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    @property
    def keep(self) -> Official:
        return self._pair[0] if self.choices[0].isChecked() else self._pair[1]

    @property
    def drop(self) -> Official:
        return self._pair[1] if self.choices[0].isChecked() else self._pair[0]


def _title_line(t: Title) -> str:
    """ "Bí thư Tỉnh ủy [từ 15/10/2020]", as in the CSV."""
    try:
        return format_title(t)
    except UserError:
        return t.text


def _details_html(o: Official, stories: int, stories_text: str) -> str:
    lines = [html.escape(o.organization)] if o.organization else []
    lines += [html.escape(_title_line(t)) for t in o.titles]
    if o.aliases:
        lines.append(html.escape("; ".join(o.aliases)))
    lines.append(html.escape(stories_text.format(n=stories)))
    return "<br>".join(lines)
