"""The open story's history (versions, diffs, restore) and its hand-off conflicts, each opened
as a window-modal dialog after the pending saves. A part of `ReviewController`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from editor_app.gui.review.conflicts import ConflictDialog
    from editor_app.gui.review.controller import ReviewController
    from editor_app.gui.review.history_dialog import HistoryDialog
    from editor_app.services.changes import Changes


class ReviewDialogs:
    """History and conflicts (mixed into `ReviewController`, its only user: each method is
    typed with the controller as `self`, which mypy accepts only from a Protocol, hence the
    `misc` ignores)."""

    def open_history(self: ReviewController) -> HistoryDialog | None:  # type: ignore[misc]
        article = self.story.article
        if article is None:
            return None
        from editor_app.gui.review.history_dialog import HistoryDialog

        self.flush()
        dialog = HistoryDialog(
            self.ws.review, article.id, self.require_user, self.read_only, self.window
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.restored.connect(self._after_restore)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def _after_restore(self: ReviewController, changes: Changes) -> None:  # type: ignore[misc]
        self.desk.bus.publish(changes, self)
        self.reload_story()
        self.desk.status(QCoreApplication.translate("ReviewController", "Version restored"), 5000)
        if changes.messages:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ReviewController", "Version restored"),
                "\n".join(changes.messages),
                QMessageBox.StandardButton.Ok,
                self.history_dialog or self.window,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def open_conflicts(self: ReviewController) -> ConflictDialog | None:  # type: ignore[misc]
        article = self.story.article
        if article is None:
            return None
        from editor_app.gui.review.conflicts import ConflictDialog

        self.flush()
        dialog = ConflictDialog(self.ws.review, article.id, self.require_user, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.settled.connect(self._after_settle)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _after_settle(self: ReviewController, changes: Changes) -> None:  # type: ignore[misc]
        self.desk.bus.publish(changes, self)
        self.reload_story()
