"""Exporting the open story from the preview dock: the folder asked for (and remembered when
the site allows it), the export on the window's serial worker with a progress dialog that can
cancel, the checklist when the story is not ready ("Export anyway" asks for the reason, which
is recorded), and where the bundle went. A part of `PreviewDock`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from editor_app.domain.errors import UserError
from editor_app.gui.ops import Progress, Report
from editor_app.gui.settings import EXPORT_FOLDER

if TYPE_CHECKING:
    from editor_app.gui.preview.dock import PreviewDock
    from editor_app.services.export import Exported

log = logging.getLogger(__name__)


class PreviewExport:
    """The dock's export (mixed into `PreviewDock`, its only user: each method is typed with
    the dock as `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    def export_story(self: PreviewDock) -> None:  # type: ignore[misc]
        if self.article_id is None:
            return
        service = self.ws.export
        start = str(service.default_folder) if service.default_folder else ""
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("PreviewDock", "Export the story to a folder"), start
        )
        if folder:
            if self.ws.site.config.user_may("export_folder"):  # else IT's folder stays
                self.desk.settings.set(EXPORT_FOLDER, folder)
                service.default_folder = Path(folder)
            self.export_to(Path(folder))

    def export_to(self: PreviewDock, folder: Path, force_reason: str | None = None) -> None:  # type: ignore[misc]
        """Exports the open story into `folder` on the window's serial worker (so after the
        pending saves), with a progress dialog."""
        if self.article_id is None:
            return
        article_id = self.article_id
        user = self.desk.story.require_user()  # the export is recorded under a name
        if user is None:
            return
        self.desk.story.flush()
        service = self.ws.export
        cancelled_by_user: list[bool] = []

        def work(report: Report, cancelled: Callable[[], bool]) -> Exported:
            def stop() -> bool:
                if cancelled():
                    cancelled_by_user.append(True)
                    return True
                return False

            return service.export(
                article_id,
                folder,
                force_reason=force_reason,
                progress=report,
                cancel=stop,
                user=user,
            )

        def failed(error: BaseException) -> None:
            from editor_app.services.export import NotReady  # loaded with the export itself

            if isinstance(error, NotReady):
                self.not_ready(folder, error.failures)
            elif cancelled_by_user and isinstance(error, UserError):
                self.status.setText(QCoreApplication.translate("PreviewDock", "Export cancelled."))
            elif isinstance(error, UserError):
                QMessageBox.warning(
                    self, QCoreApplication.translate("PreviewDock", "Export"), str(error)
                )

        self.desk.ops.run_in_background(
            work,
            progress=Progress(
                QCoreApplication.translate("PreviewDock", "Exporting…"),
                QCoreApplication.translate("PreviewDock", "Export"),
                cancel_text=QCoreApplication.translate("PreviewDock", "Cancel"),
            ),
            initiator=self,
            on_done=lambda exported: self.exported(exported.path),
            on_failed=failed,
        )

    def exported(self: PreviewDock, path: Path) -> None:  # type: ignore[misc]
        """Says where the bundle went, with "Open" (the folder in the file manager)."""
        self.status.setText(
            QCoreApplication.translate("PreviewDock", "Exported to {path}").format(path=path)
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("PreviewDock", "Export"),
            QCoreApplication.translate("PreviewDock", "The story was exported to:\n{path}").format(
                path=path
            ),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("exportedMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(
            QCoreApplication.translate("PreviewDock", "Open"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(open_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        target = path if path.is_dir() else path.parent

        def answered() -> None:
            if box.clickedButton() is open_button and not self.open_folder(
                QUrl.fromLocalFile(str(target))
            ):
                said = QMessageBox(
                    QMessageBox.Icon.Information,
                    QCoreApplication.translate("PreviewDock", "Export"),
                    QCoreApplication.translate(
                        "PreviewDock",
                        "No file manager could open the folder. The story is in:\n{path}",
                    ).format(path=target),
                    QMessageBox.StandardButton.Close,
                    self,
                )
                said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                said.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                said.open()
                self.exported_box = said

        box.finished.connect(lambda _r: answered())
        box.open()  # not modal to the rest: the window keeps its layout and its work
        self.exported_box = box

    def not_ready(self: PreviewDock, folder: Path, failures: list[str]) -> None:  # type: ignore[misc]
        """The checklist; "Export anyway" asks for the reason (recorded with a revision)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("PreviewDock", "Export"),
            QCoreApplication.translate("PreviewDock", "The story is not ready to publish:"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("\n".join(f"• {f}" for f in failures))
        anyway = box.addButton(
            QCoreApplication.translate("PreviewDock", "Export anyway…"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not anyway:
            return
        reason, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("PreviewDock", "Export anyway"),
            QCoreApplication.translate(
                "PreviewDock", "Why is it exported before the checklist is complete?"
            ),
        )
        if ok and reason.strip():
            self.export_to(folder, force_reason=reason.strip())
