"""Send / receive: "Send to the editors…" writes the open story's package (.story.zip) into a
chosen folder (remembered), "Import a story…" reads one; both on the worker thread behind a
progress dialog, and both say plainly what happened (where the file is; new, merged or in
conflict; or, for a refused package, the whole reason)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor_app.domain.errors import UserError
from editor_app.gui.ops import Progress
from editor_app.gui.settings import HANDOFF_FOLDER, RECEIVE_FOLDER

if TYPE_CHECKING:
    from editor_app.gui.desk import Desk
    from editor_app.gui.review.controller import ReviewController
    from editor_app.services.handoff import Received, Sent

log = logging.getLogger(__name__)


class Handoff(QObject):
    sent = Signal(object)  # Path of the package
    received = Signal(object)  # Received
    failed = Signal(str)

    def __init__(self, desk: Desk, window: QWidget, controller: ReviewController) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.controller = controller
        self.message_box: QMessageBox | None = None
        self.busy = False

    # --- common ---------------------------------------------------------------------------------
    @staticmethod
    def _progress(text: str) -> Progress:
        # At once and without Cancel: nothing may be typed while a package is read or written.
        return Progress(text, "editor_app", min_duration_ms=0, object_name="handoffProgress")

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("handoffMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    def _error(self, title: str, error: BaseException) -> None:
        """A refusal said with its whole reason (an unexpected error went to the error
        dialog, through the runner)."""
        self.busy = False
        text = str(error)
        if isinstance(error, UserError):
            self._tell(QMessageBox.Icon.Warning, title, text)
        self.failed.emit(text)

    # --- send -----------------------------------------------------------------------------------
    def send(self, folder: Path | None = None) -> None:
        article = self.desk.story.article
        if article is None or self.busy:
            return
        user = self.controller.require_user()
        if user is None:
            return
        settings = self.desk.settings
        if folder is None:
            start = settings.get(HANDOFF_FOLDER) or str(Path.home())
            chosen = QFileDialog.getExistingDirectory(
                self.window, self.tr("Send to the editors: choose the folder for the file"), start
            )
            if not chosen:
                return
            folder = Path(chosen)
        settings.set(HANDOFF_FOLDER, str(folder))
        self.desk.story.flush()  # everything typed is in the package
        aid, service = article.id, self.desk.ws.handoff
        self.busy = True

        def done(sent: Sent) -> None:
            self.busy = False
            path = sent.path
            self.controller.refresh_state()
            self._tell(
                QMessageBox.Icon.Information,
                self.tr("Story package written"),
                self.tr(
                    "The story, its versions, comments and photos are in:\n\n{path}\n\n"
                    "Hand this file to the editors (USB stick, e-mail or a shared folder)."
                ).format(path=path),
            )
            self.sent.emit(Path(path))

        self.desk.ops.run_in_background(
            lambda _report, _cancelled: service.send(aid, folder, user),
            progress=self._progress(self.tr("Writing the story's package…")),
            initiator=self,
            on_done=done,
            on_failed=lambda e: self._error(self.tr("The package was not written"), e),
        )

    # --- receive --------------------------------------------------------------------------------
    def receive(self, path: Path | None = None) -> None:
        if self.busy:
            return
        user = self.controller.require_user()
        if user is None:
            return
        settings = self.desk.settings
        if path is None:
            start = settings.get(RECEIVE_FOLDER) or settings.get(HANDOFF_FOLDER) or str(Path.home())
            chosen, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import a story"),
                start,
                self.tr("Story packages (*.story.zip);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        settings.set(RECEIVE_FOLDER, str(path.parent))
        self.desk.story.flush()  # what is typed is stored before a merge reads it
        service = self.desk.ws.handoff
        self.busy = True
        self.desk.ops.run_in_background(
            lambda _report, _cancelled: service.receive(path, user),
            progress=self._progress(self.tr("Reading {name}…").format(name=path.name)),
            initiator=self,
            on_done=self._received,
            on_failed=lambda e: self._error(self.tr("The package was refused"), e),
        )

    def _received(self, result: Received) -> None:
        self.busy = False
        # The merged text (or the new story) is shown; the list heard of it on the bus.
        self.controller.open_requested.emit(result.article_id)
        headline = ""
        article = self.desk.story.article
        if article is not None and article.id == result.article_id:
            headline = article.headline
        name = headline or self.tr("(untitled)")
        if result.outcome == "new":
            text = self.tr("A new story was imported: “{h}”.").format(h=name)
        elif result.outcome == "merged":
            text = self.tr("The changes received were merged into “{h}”.").format(h=name)
        else:
            text = self.tr(
                "“{h}”: {n} fields were changed on both sides. Both versions are kept; "
                "choose which to keep (Review › Conflicts…)."
            ).format(h=name, n=len(result.conflicts))
        box = self._tell(
            QMessageBox.Icon.Warning
            if result.outcome == "conflict"
            else QMessageBox.Icon.Information,
            self.tr("Story imported"),
            text,
        )
        if result.outcome == "conflict":
            settle = box.addButton(self.tr("Settle now…"), QMessageBox.ButtonRole.ActionRole)
            settle.clicked.connect(self.controller.open_conflicts)
        self.received.emit(result)
