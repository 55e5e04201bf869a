"""Adding photos to the open story from the photo dock: the file dialog, the clipboard (files
or an image), and the attach itself on the window's worker with a progress dialog that can
cancel. A part of `PhotoPanel`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from editor_app.domain.errors import UserError
from editor_app.gui.ops import Progress, Report

if TYPE_CHECKING:
    from editor_app.gui.photos.panel import PhotoPanel
    from editor_app.services.photos import AttachReport

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff"


class PhotoAttaching:
    """Adding photos (mixed into `PhotoPanel`, its only user: each method is typed with the
    panel as `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    def choose_files(self: PhotoPanel) -> None:  # type: ignore[misc]
        files, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("PhotoPanel", "Add photos"),
            "",
            QCoreApplication.translate("PhotoPanel", "Photos (%1);;All files (*)").replace(
                "%1", IMAGE_FILTER
            ),
        )
        if files:
            self.attach_files([Path(f) for f in files])

    def paste_from_clipboard(self: PhotoPanel) -> None:  # type: ignore[misc]
        """Ctrl+V on the photos: files copied in the file manager, or an image copied from a
        browser or a screenshot tool."""
        if self.article_id is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime else []
        if files:
            self.attach_files(files)
            return
        image = QImage(mime.imageData()) if mime is not None and mime.hasImage() else QImage()
        if image.isNull():
            self._warn(QCoreApplication.translate("PhotoPanel", "The clipboard holds no photo."))
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; str works
        name = datetime.now().strftime("anh-dan-%Y%m%d-%H%M%S.png")
        self.attach_files([Path(name)], pasted=bytes(buffer.data().data()))

    def attach_files(self: PhotoPanel, files: Sequence[Path], pasted: bytes | None = None) -> None:  # type: ignore[misc]
        """Attaches the files (or, with `pasted`, those image bytes under the one file name
        given) on the worker thread with a progress dialog that can cancel."""
        if self.article_id is None or not files or self.read_only:
            return
        self.save_fields()
        article_id = self.article_id
        paths = list(files)
        progress = Progress(
            QCoreApplication.translate("PhotoPanel", "Adding photos…"),
            QCoreApplication.translate("PhotoPanel", "Photos"),
            cancel_text=QCoreApplication.translate("PhotoPanel", "Cancel"),
            total=len(paths),
            label=lambda name: (
                QCoreApplication.translate("PhotoPanel", "Adding %1…").replace("%1", name)
                if name
                else ""
            ),
            object_name="attachProgress",
        )
        service = self.ws.photos
        self.add_button.setEnabled(False)

        def work(report: Report, cancelled: Callable[[], bool]) -> AttachReport:
            if pasted is not None:
                return service.attach_data(article_id, pasted, paths[0].name, report, cancelled)
            return service.attach(article_id, paths, progress=report, cancel=cancelled)

        def finish() -> None:
            self.add_button.setEnabled(self.article_id is not None)

        def done(report: AttachReport) -> None:
            finish()
            self.last_report = report
            if self.article_id == article_id:
                self.reload()
                if report.photos:
                    item = self._item_of(report.photos[-1].id)
                    if item is not None:
                        self.list.setCurrentItem(item)
            if report.failed:
                lines = "\n".join(f"• {i.path.name}: {i.error}" for i in report.failed)
                self._warn(
                    QCoreApplication.translate("PhotoPanel", "These files were not added:")
                    + "\n"
                    + lines
                )
            self.attach_finished.emit(report)

        def failed(error: BaseException) -> None:
            finish()
            if isinstance(error, UserError):
                self._warn(str(error))

        self.desk.ops.run_in_background(
            work, progress=progress, initiator=self, on_done=done, on_failed=failed
        )
