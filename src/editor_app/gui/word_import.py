"""*Tệp › Nhập tệp Word…* and a `.docx` dropped onto the window (issue 17, point 1).

The file is read on the worker (`ws.importing.import_docx`: checked, converted, its photos
through the pipeline) with a progress dialog that can cancel; the new story opens
(`story_imported`) and one message says what the import did and what the file held that could
not be kept. A file refused (macros, a password, not Word…) is said with its reason, and that
nothing changed. A drop is caught for the whole window on its native window (`QWindow`), which
receives every drag before Qt hands it to the widget under the pointer, so the body editor and
the docks do not take a Word file as text or a photo. (An application-wide event filter did
the same but ran Python for every event of every object, even ones half destroyed, and crashed
the process when windows were deleted.)

Built as `WordImport(desk, window)`; `Imports` puts its action in the File menu.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QWindow
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor_app.domain.docx_notes import notes_message
from editor_app.domain.errors import UserError
from editor_app.gui.ops import Progress
from editor_app.gui.settings import TEXT_IMPORT_FOLDER
from editor_app.services.docx_import import ImportCancelled

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from editor_app.gui.desk import Desk
    from editor_app.services.docx_import import DocxImportResult

__all__ = ["WORD_EXTENSIONS", "WordImport", "word_files"]

#: What a drop takes as a Word file (a .docm or .doc is taken too: the import says why not).
WORD_EXTENSIONS = (".docx", ".docm", ".dotx", ".dotm", ".doc")


def word_files(mime: QMimeData) -> list[Path]:
    """The local Word files a drag carries, when it carries nothing else."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if not paths or len(paths) != len(mime.urls()):
        return []
    return paths if all(p.suffix.lower() in WORD_EXTENSIONS for p in paths) else []


class WordImport(QObject):
    story_imported = Signal(object)  # the new story's id (uuid.UUID)
    failed = Signal(str)  # what the user was told

    def __init__(self, desk: Desk, window: QWidget) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.busy = False
        self.message_box: QMessageBox | None = None
        self.action = QAction(self.tr("Import a Word file…"), self)
        self.action.setObjectName("actionImportWord")
        self.action.setStatusTip(
            self.tr("A .docx file becomes a new story, with its photos, captions and credits")
        )
        self.action.triggered.connect(lambda _checked=False: self.import_docx())
        self.handle: QWindow | None = None
        window.installEventFilter(self)  # its Show: the native window exists from then on
        self._watch_handle()

    # --- drag and drop onto the window --------------------------------------------------------
    def _watch_handle(self) -> None:
        handle = self.window.windowHandle()
        if handle is None or handle is self.handle:
            return
        if self.handle is not None and shiboken6.isValid(self.handle):
            self.handle.removeEventFilter(self)
        self.handle = handle
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._watch_handle()
            return False
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        files = word_files(event.mimeData())
        if not files or not self.window.isEnabled():
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            self.import_docx(files[0])
        return True

    # --- the import ---------------------------------------------------------------------------
    def _ask(self) -> Path | None:
        folder = self.desk.settings.get(TEXT_IMPORT_FOLDER)
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a Word file"),
            folder if folder and Path(folder).is_dir() else str(Path.home()),
            self.tr("Word documents (*.docx);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    def import_docx(self, path: Path | None = None) -> None:
        """Imports the Word file at `path` (None: asks for it) as a new story."""
        if self.busy:
            return
        if path is None:
            path = self._ask()
            if path is None:
                return
        self.desk.settings.set(TEXT_IMPORT_FOLDER, str(path.parent))
        self.busy = True
        ws = self.desk.ws
        self.desk.ops.run_in_background(
            lambda report, cancelled: ws.importing.import_docx(
                path, progress=report, cancelled=cancelled
            ),
            progress=Progress(
                self.tr("Importing {name}…").format(name=path.name),
                self.tr("Import a Word file"),
                cancel_text=self.tr("Cancel"),
                object_name="importWordProgress",
                label=lambda name: (
                    self.tr("Storing the photo {name}…").format(name=name)
                    if name
                    else self.tr("Reading {name}…").format(name=path.name)
                ),
            ),
            initiator=self,
            on_done=self._imported,
            on_failed=self._refused,
        )

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("importWordMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        text = str(error)
        if isinstance(error, ImportCancelled):
            self.desk.status(text, 5000)
        elif isinstance(error, UserError):
            nothing = self.tr("Nothing was imported or changed.")
            text = f"{text}\n\n{nothing}"
            self._tell(QMessageBox.Icon.Warning, self.tr("The Word file was not imported"), text)
        self.failed.emit(text)

    def _imported(self, result: DocxImportResult) -> None:
        self.busy = False
        article = result.article
        headline = article.headline or self.tr("(untitled)")
        text = self.tr(
            "The story “{h}” was made from the Word file with {n} photo(s). It is open for editing."
        ).format(h=headline, n=len(article.photos))
        not_kept = notes_message(result.notes)
        if not_kept:
            text = f"{text}\n\n{not_kept}"
        self.desk.status(self.tr("Word file imported"), 5000)
        icon = QMessageBox.Icon.Warning if not_kept else QMessageBox.Icon.Information
        self._tell(icon, self.tr("Word file imported"), text)
        self.story_imported.emit(article.id)
