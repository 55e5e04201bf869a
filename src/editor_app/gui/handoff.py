"""Send / receive: "Send to the editors…" writes the open story's package (.story.zip) into a
chosen folder (remembered), "Import a story…" reads one; both on the worker thread behind a
progress dialog, and both say plainly what happened (where the file is; new, merged or in
conflict; or, for a refused package, the whole reason)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor_app.domain.errors import UserError
from editor_app.gui.progress import WorkProgress
from editor_app.gui.settings import HANDOFF_FOLDER, RECEIVE_FOLDER
from editor_app.services.changes import Changes

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow
    from editor_app.gui.review.controller import ReviewController

log = logging.getLogger(__name__)


class Handoff(QObject):
    sent = Signal(object)  # Path of the package
    received = Signal(object)  # Received
    failed = Signal(str)

    def __init__(self, window: MainWindow, controller: ReviewController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.progress: WorkProgress | None = None
        self.message_box: QMessageBox | None = None
        self.busy = False

    # --- common ---------------------------------------------------------------------------------
    def _start_progress(self, text: str) -> None:
        # At once and without Cancel: nothing may be typed while a package is read or written.
        self.progress = WorkProgress(
            self.window, text, "editor_app", min_duration_ms=0, object_name="handoffProgress"
        )
        self.busy = True

    def _stop_progress(self) -> None:
        self.busy = False
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("handoffMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    def _error(self, title: str, error: BaseException) -> None:
        self._stop_progress()
        if isinstance(error, UserError):
            text = str(error)
        else:
            log.error("hand-off failed", exc_info=error)
            text = self.tr("Something went wrong: {error}").format(error=repr(error))
        self._tell(QMessageBox.Icon.Warning, title, text)
        self.failed.emit(text)

    def _save_pending(self) -> None:
        """Everything typed reaches the disk before the package is read or written."""
        photos = self.controller.photo_panel()
        if photos is not None:
            photos.save_fields()
        self.window.editor.saver.flush()

    # --- send -----------------------------------------------------------------------------------
    def send(self, folder: Path | None = None) -> None:
        article = self.window.editor.article
        if article is None or self.busy:
            return
        user = self.controller.require_user()
        if user is None:
            return
        settings = self.window.settings
        if folder is None:
            start = settings.get(HANDOFF_FOLDER) or str(Path.home())
            chosen = QFileDialog.getExistingDirectory(
                self.window, self.tr("Send to the editors: choose the folder for the file"), start
            )
            if not chosen:
                return
            folder = Path(chosen)
        settings.set(HANDOFF_FOLDER, str(folder))
        self._save_pending()
        aid, service = article.id, self.window.workspace.handoff
        self._start_progress(self.tr("Writing the story's package…"))

        def done(path: Any) -> None:
            self._stop_progress()
            self.window.on_changes(Changes.of([aid], source=self))
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

        self.window.worker.submit(
            lambda: service.send(aid, folder, user).path,
            done,
            lambda e: self._error(self.tr("The package was not written"), e),
        )

    # --- receive --------------------------------------------------------------------------------
    def receive(self, path: Path | None = None) -> None:
        if self.busy:
            return
        user = self.controller.require_user()
        if user is None:
            return
        settings = self.window.settings
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
        self._save_pending()
        service = self.window.workspace.handoff
        self._start_progress(self.tr("Reading {name}…").format(name=path.name))
        self.window.worker.submit(
            lambda: service.receive(path, user),
            self._received,
            lambda e: self._error(self.tr("The package was refused"), e),
        )

    def _received(self, result: Any) -> None:
        self._stop_progress()
        window = self.window
        changes = getattr(result, "changes", None)
        if isinstance(changes, Changes):
            window.on_changes(changes)
        window.refresh_list()
        window.open_story(result.article_id)  # shows the merged text (or the new story)
        headline = ""
        article = window.editor.article
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
