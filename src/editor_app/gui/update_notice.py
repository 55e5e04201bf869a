"""The window's word that IT has published a newer version (site file's `[updates]`).

At start, on a thread of its own (not the window's serial worker: a slow source never holds a
save back), `services.updates.check_for_update` reads the manifest; a newer version is said
once, in the status bar: "contact IT", or, when IT's policy allows it and the release has an
installer for this PC, a button that fetches the installer (progress, cancel), checks its
SHA-256 against the manifest and opens it. A source that cannot be read is logged by the
service and nothing is shown.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QStatusBar, QWidget

from editor_app.gui.desk import Desk
from editor_app.gui.ops import Progress, Report
from editor_app.gui.worker import Worker
from editor_app.services.updates import Update, check_for_update, fetch_installer

__all__ = ["UpdateNotice", "open_installer"]

log = logging.getLogger(__name__)

Opener = Callable[[Path], None]


def open_installer(path: Path) -> None:
    """Runs the checked installer as the system does for a double click."""
    if sys.platform.startswith("win"):
        os.startfile(path)  # type: ignore[attr-defined]  # Windows only
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class UpdateNotice(QObject):
    """Checks once for a newer release and says so in `bar`. `opener` runs the installer
    (tests give their own); `check` reads the source (on the notice's own thread)."""

    def __init__(
        self,
        desk: Desk,
        bar: QStatusBar,
        parent: QWidget,
        *,
        opener: Opener = open_installer,
        check: Callable[[], Update | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.bar = bar
        self.opener = opener
        config = desk.ws.site.config
        self._check = check if check is not None else (lambda: check_for_update(config))
        self._worker = Worker(self, name="editor-updates")
        self.update: Update | None = None
        self.widget: QWidget | None = None
        self.checked = False  # the check has come back (with or without news)

    def start(self) -> None:
        self._worker.submit(self._check, self._found, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.checked = True
        log.warning("update check failed: %r", error)  # never shown: the notice is a courtesy

    def _found(self, update: Update | None) -> None:
        self.checked = True
        if update is None or self.widget is not None:
            return
        self.update = update
        version = str(update.version)
        if update.allow_install and update.installer is not None:
            button = QPushButton(
                QCoreApplication.translate("UpdateNotice", "Install version {version}").format(
                    version=version
                )
            )
            button.setObjectName("updateInstall")
            button.setFlat(True)
            button.setToolTip(
                QCoreApplication.translate(
                    "UpdateNotice",
                    "IT has published version {version}: fetch its installer, check it and run it.",
                ).format(version=version)
            )
            button.clicked.connect(self.install)
            self.widget = button
        else:
            label = QLabel(
                QCoreApplication.translate(
                    "UpdateNotice", "A new version {version} is available — contact IT"
                ).format(version=version)
            )
            label.setObjectName("updateNotice")
            self.widget = label
        self.bar.addPermanentWidget(self.widget)

    def install(self) -> None:
        """Fetches the installer into a temporary folder, checks it, then opens it."""
        update = self.update
        if update is None or update.installer is None:
            return
        total = update.installer.size

        def work(report: Report, cancelled: Callable[[], bool]) -> Path | None:
            return fetch_installer(
                update,
                report=lambda done, _total: report(done, total, ""),
                cancelled=cancelled,
            )

        self.desk.ops.run_in_background(
            work,
            progress=Progress(
                QCoreApplication.translate(
                    "UpdateNotice", "Fetching the installer of version {version}…"
                ).format(version=str(update.version)),
                QCoreApplication.translate("UpdateNotice", "New version"),
                cancel_text=QCoreApplication.translate("UpdateNotice", "Cancel"),
                total=total,
                object_name="updateProgress",
            ),
            on_done=self._fetched,
            on_failed=self._refused,
            worker=self._worker,  # never the window's serial worker: saves go on meanwhile
        )

    def _refused(self, error: BaseException) -> None:
        """A fetch that failed or a file that does not match: said, nothing run."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("UpdateNotice", "New version"),
            str(error),
            QMessageBox.StandardButton.Ok,
            self.bar,
        )
        box.setObjectName("updateRefused")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _fetched(self, path: Path | None) -> None:
        if path is None:  # cancelled
            return
        log.info("opening the checked installer %s", path)
        self.opener(path)
