"""The story's version history: every revision (local time, author, role, kind, reason); pick
one and what to compare it with (by default the current state) and see a red/green word diff
of every field; restore an old revision as a new one after seeing what it will change.

Diffs are computed on the dialog's own worker thread (a long body takes a moment); a result that
arrives after another comparison was asked for is dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.gui.review.diff_view import DiffView
from editor_app.gui.review.labels import kind_label, local_time, name_buttons, role_label
from editor_app.gui.worker import Worker

if TYPE_CHECKING:
    from editor_app.domain.review import FieldDiff, RevisionInfo
    from editor_app.domain.workflow import User
    from editor_app.services.review import ReviewService

TIME, AUTHOR, ROLE, KIND, REASON = range(5)


class RestoreConfirm(QDialog):
    """What restoring a revision will change, before it is done."""

    def __init__(self, revision: RevisionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreConfirm")
        self.setWindowTitle(self.tr("Restore this version?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Restoring the version of {time} ({author}) makes it a new version; nothing "
                "newer is lost. Red is what goes, green what comes back:"
            ).format(time=local_time(revision.created_at), author=revision.author or "?"),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.diff_view = DiffView(self)
        self.diff_view.setObjectName("restoreDiff")
        self.diff_view.set_message(self.tr("Comparing…"))
        layout.addWidget(self.diff_view, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("confirmRestore")
        self.restore_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def set_diffs(self, diffs: list[FieldDiff]) -> None:
        self.diff_view.set_diffs(
            diffs, self.tr("This version is the same as the current state: nothing to restore.")
        )
        self.restore_button.setEnabled(bool(diffs))


class HistoryDialog(QDialog):
    restored = Signal(object)  # Changes
    compared = Signal()  # a diff is shown

    def __init__(
        self,
        review: ReviewService,
        article_id: uuid.UUID,
        user: Callable[[], User | None],
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Version history"))
        self.review = review
        self.article_id = article_id
        self._user = user
        self.read_only = read_only
        self.revisions: list[RevisionInfo] = []
        self.confirm: RestoreConfirm | None = None
        self._generation = 0
        self._worker = Worker(self, name="history-diff")
        self._build()
        self.reload()

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Versions, newest first"), left))
        self.table = QTableWidget(0, 5, left)
        self.table.setObjectName("revisionTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Role"), self.tr("Why"), self.tr("Reason")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for col, width in ((TIME, 120), (AUTHOR, 120), (ROLE, 96), (KIND, 120)):
            header.resizeSection(col, width)
        self.table.itemSelectionChanged.connect(self.compare)
        lv.addWidget(self.table, 1)
        right = QWidget(splitter)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare with:"), right))
        self.other = QComboBox(right)
        self.other.setObjectName("compareWith")
        self.other.currentIndexChanged.connect(lambda _i: self.compare())
        row.addWidget(self.other, 1)
        rv.addLayout(row)
        self.caption = QLabel(right)
        self.caption.setObjectName("diffCaption")
        self.caption.setWordWrap(True)
        rv.addWidget(self.caption)
        self.diff_view = DiffView(right)
        rv.addWidget(self.diff_view, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 640])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("Restore this version"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(
            self.tr("Makes the selected version the current one, as a new version")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)
        self.resize(1200, 680)

    # --- the list -------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.revisions = list(self.review.history(self.article_id))
        except UserError as e:
            self.revisions = []
            self.diff_view.set_message(str(e))
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(self.revisions))
        for r, rev in enumerate(self.revisions):
            values = {
                TIME: local_time(rev.created_at),
                AUTHOR: rev.author or "—",
                ROLE: role_label(rev.role) if rev.role else "—",
                KIND: kind_label(rev.kind),
                REASON: rev.reason,
            }
            for col, text in values.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, col, item)
        table.blockSignals(False)
        self.other.blockSignals(True)
        self.other.clear()
        self.other.addItem(self.tr("The current state"), None)
        for rev in self.revisions:
            self.other.addItem(
                f"{local_time(rev.created_at)} · {rev.author or '—'} · {kind_label(rev.kind)}",
                str(rev.id),
            )
        self.other.setCurrentIndex(0)
        self.other.blockSignals(False)
        if self.revisions:
            table.selectRow(0)
        else:
            self.diff_view.set_message(self.tr("No version saved yet: press Ctrl+S to save one."))
        self._update_buttons()

    def selected(self) -> RevisionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def select(self, revision_id: uuid.UUID, other: uuid.UUID | None = None) -> None:
        """Selects a revision (and what to compare it with; None: the current state)."""
        self.other.blockSignals(True)
        self.other.setCurrentIndex(max(0, self.other.findData(str(other) if other else None)))
        self.other.blockSignals(False)
        for r, rev in enumerate(self.revisions):
            if rev.id == revision_id:
                self.table.selectRow(r)
                break
        self.compare()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and not self.read_only)
        if self.read_only:
            self.restore_button.setToolTip(self.tr("This story is read-only for you."))

    # --- comparing ------------------------------------------------------------------------------
    def _index_of(self, revision_id: uuid.UUID | None) -> int:
        """Newest first: the current state is -1, older revisions have bigger indexes."""
        if revision_id is None:
            return -1
        return next((i for i, r in enumerate(self.revisions) if r.id == revision_id), -1)

    def compare(self) -> None:
        """Diffs the selected revision with the other choice, older → newer."""
        self._update_buttons()
        rev = self.selected()
        if rev is None:
            return
        data = self.other.currentData()
        other = uuid.UUID(str(data)) if data else None
        if other == rev.id:
            self.caption.setText("")
            self.diff_view.set_message(self.tr("The same version is chosen twice."))
            return
        old: uuid.UUID | None
        new: uuid.UUID | None
        if self._index_of(other) > self._index_of(rev.id):
            old, new = other, rev.id
        else:
            old, new = rev.id, other
        self.caption.setText(
            self.tr("From {old} (red: removed) to {new} (green: added)").format(
                old=self._name(old), new=self._name(new)
            )
        )
        self.diff_view.set_message(self.tr("Comparing…"))
        review, aid = self.review, self.article_id
        self._run(lambda: review.diff(aid, old, new), self._show_diff, self.diff_view)

    def _name(self, revision_id: uuid.UUID | None) -> str:
        if revision_id is None:
            return self.tr("the current state")
        rev = self.revisions[self._index_of(revision_id)]
        return f"{local_time(rev.created_at)} ({rev.author or '—'})"

    def _run(
        self,
        job: Callable[[], list[FieldDiff]],
        show: Callable[[list[FieldDiff]], None],
        view: DiffView,
    ) -> None:
        """Runs a diff off the UI thread; only the newest one asked for is shown."""
        self._generation += 1
        generation = self._generation

        def done(diffs: Any) -> None:
            if generation == self._generation:
                show(list(diffs))

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                view.set_message(str(error))

        self._worker.submit(job, done, failed)

    def _show_diff(self, diffs: list[FieldDiff]) -> None:
        self.diff_view.set_diffs(diffs, self.tr("No differences between these two versions."))
        self.compared.emit()

    # --- restoring ------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        """Shows what restoring the selected revision changes, and asks to confirm."""
        rev = self.selected()
        if rev is None or self.read_only:
            return
        confirm = RestoreConfirm(rev, self)
        confirm.setWindowModality(Qt.WindowModality.WindowModal)
        confirm.accepted.connect(lambda: self._restore(rev))
        self.confirm = confirm
        review, aid = self.review, self.article_id
        self._run(lambda: review.restore_preview(aid, rev.id), confirm.set_diffs, confirm.diff_view)
        confirm.open()

    def _restore(self, rev: RevisionInfo) -> None:
        self.confirm = None
        user = self._user()
        if user is None:
            return
        try:
            changes = self.review.restore(self.article_id, rev.id, user)
        except UserError as e:
            self.diff_view.set_message(str(e))
            return
        self.restored.emit(changes)
        self.reload()

    def done(self, result: int) -> None:
        self._worker.shutdown()
        super().done(result)
