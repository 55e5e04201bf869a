"""*Xuất bản › Cập nhật trang* (issue 18): the outlet's site built into the export folder and
uploaded to the target IT set in the site file's `[publish]` (`services/site_update.update_site`),
with a progress dialog that can cancel. What was done is said in the status bar and a message; a
failure says what happened, that the server was left as it was or consistently newer, and that
the next update completes it; a missing configuration says what IT must set.

It runs on a thread of its own, never the window's serial worker: an upload takes seconds to
minutes, and the autosaves go on meanwhile (the update only reads the data folder, on
connections of its own; SQLite's WAL lets it read while the desk writes). Closing the window
stops a running update and waits for its thread before the window's own close.

After a publication, a correction or a withdrawal from the window, `after_publication()` does
the same without a dialog (the window stays usable; the status bar says it is running): the
publication stands whatever happens to the upload, and a failure says how to retry.

Built as `SiteUpdate(desk, window)`; the review controller puts its menu in the menu bar.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number
from editor_app.gui.ops import Progress, Report
from editor_app.gui.worker import Worker

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor_app.gui.desk import Desk
    from editor_app.services.site_update import SiteUpdated
    from editor_app.services.site_upload import Uploaded

__all__ = ["SiteUpdate"]


class SiteUpdate(QObject):
    finished = Signal(str)  # what the user was told (done, failed or cancelled)

    def __init__(self, desk: Desk, window: QWidget) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.busy = False
        self.again = False  # a publication came while an update ran: one more afterwards
        self.worker = Worker(self, name="editor-site-update")  # never the saves' thread
        self._closing = threading.Event()  # the window is closing: stop at the next check
        self.message_box: QMessageBox | None = None
        self.menu = QMenu(self.tr("P&ublish"), window)
        self.menu.setObjectName("menuPublish")
        self.action = QAction(self.tr("Update the site"), self)
        self.action.setObjectName("actionUpdateSite")
        self.action.setStatusTip(
            self.tr("Build the outlet's site in the export folder and upload what changed")
        )
        self.action.triggered.connect(lambda _checked=False: self.update())
        self.menu.addAction(self.action)
        window.installEventFilter(self)  # its close stops the update first (`close`)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        """Stops a running update (as Cancel does) and waits for its thread; the window's
        own close (saves, the serial worker) follows."""
        if self._closing.is_set():
            return
        self._closing.set()
        self.window.removeEventFilter(self)  # nothing more to watch: none while it is deleted
        self.worker.shutdown()

    # --- starting -------------------------------------------------------------------------------
    def update(self) -> None:
        """*Cập nhật trang*: with a progress dialog that can cancel; the outcome in a message."""
        if self._closing.is_set():
            return
        if self.busy:
            self.desk.status(self.tr("The site is being updated already."), 5000)
            return
        self._start(automatic=False)

    def after_publication(self) -> None:
        """After a publication, a correction or a withdrawal: the same, in the background (not
        at all when no export folder is set: the publication's message says so)."""
        from editor_app.services.site_update import site_folder

        if self._closing.is_set() or site_folder(self.desk.ws) is None:
            return
        if self.busy:
            self.again = True
            return
        self._start(automatic=True)

    def _start(self, *, automatic: bool) -> None:
        from editor_app.services.site_update import update_site

        self.busy = True
        self.again = False
        ws = self.desk.ws
        progress = None
        if automatic:
            self.desk.status(self.tr("Updating the site…"), 0)
        else:
            progress = Progress(
                self.tr("Building the site…"),
                self.tr("Update the site"),
                cancel_text=self.tr("Cancel"),
                object_name="siteUpdateProgress",
                label=lambda message: (
                    self.tr("Updating the site: {what}").format(what=message) if message else ""
                ),
            )
        closing = self._closing

        def work(report: Report, cancelled: Callable[[], bool]) -> SiteUpdated:
            return update_site(ws, progress=report, cancel=lambda: closing.is_set() or cancelled())

        self.desk.ops.run_in_background(
            work,
            progress=progress,
            initiator=self,
            on_done=lambda done: self._done(done, automatic),
            on_failed=lambda error: self._failed(error, automatic),
            worker=self.worker,
        )

    # --- telling --------------------------------------------------------------------------------
    def _done(self, done: SiteUpdated, automatic: bool) -> None:
        if self._closing.is_set():
            return
        build, up = done.build, done.upload
        lines = [
            self.tr("Site updated: {written} new file(s), {removed} file(s) removed.").format(
                written=format_number(len(build.written)), removed=format_number(len(build.removed))
            )
        ]
        if up is not None:
            lines.append(self._sent(done.target.kind, up))
            lines += up.warnings
        else:
            lines.append(
                self.tr(
                    "No web server is set, so the site stays in {folder}. To put it on the web "
                    "server, IT sets [publish] in the site file (see docs/publishing.md)."
                ).format(folder=done.folder)
            )
        self._over()
        self.desk.status(" ".join(lines[:2]), 15000)
        if not automatic:
            self._tell(QMessageBox.Icon.Information, "\n".join(lines))
        self.finished.emit("\n".join(lines))
        self._next()

    def _sent(self, kind: str, up: Uploaded) -> str:
        if kind == "sftp":
            what = self.tr(
                "Sent to the web server {where}: {sent} file(s) ({size} MB), {removed} removed."
            )
        else:
            what = self.tr("Copied to {where}: {sent} file(s) ({size} MB), {removed} removed.")
        return what.format(
            where=up.target,
            sent=format_number(len(up.sent)),
            size=format_number(up.bytes_sent / 1e6, 1),
            removed=format_number(len(up.removed)),
        )

    def _failed(self, error: BaseException, automatic: bool) -> None:
        from editor_app.services.site_update import NoSiteFolder, UpdateCancelled
        from editor_app.services.site_upload import UploadCancelled, UploadFailed

        if self._closing.is_set():
            return
        self._over()
        if not isinstance(error, UserError):  # the runner showed it in the error dialog
            self.finished.emit(str(error))
            self._next()
            return
        text = str(error)
        if isinstance(error, UpdateCancelled | UploadCancelled):
            self.desk.status(text, 10000)
            self.finished.emit(text)
            return
        if isinstance(error, UploadFailed):
            text += "\n\n" + self.tr(
                "The site on the web server is as it was or consistently newer: no reader sees "
                "half a page. Publish › Update the site (or the next publication) completes it."
            )
        elif not isinstance(error, NoSiteFolder):
            text += "\n\n" + self.tr("Nothing was changed on the web server.")
        if automatic:
            text = (
                self.tr(
                    "The story's publication stands; only the update of the site failed. Retry "
                    "with Publish › Update the site."
                )
                + "\n\n"
                + text
            )
        self.desk.status(self.tr("The site was not updated"), 15000)
        self._tell(QMessageBox.Icon.Warning, text)
        self.finished.emit(text)
        self._next()

    def _over(self) -> None:
        self.busy = False
        self.desk.status("", 0)

    def _next(self) -> None:
        if self.again:
            self.after_publication()

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(
            icon, self.tr("Update the site"), text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("siteUpdateMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
