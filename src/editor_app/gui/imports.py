"""Imports from files, in the window (issue 15, point 4): what only the command line could do.

- *Import a text article…*: a `.txt` or `.md` article laid out like a published page (first line
  the headline, then the sapo; a line naming an image file, then its caption, is a photo), as
  `editor-app import-text` reads it. The photos it names are looked for beside the text; when
  some are not there, the user is asked for their folder. The new story opens (`story_imported`).
- *Import sections…*: the outlet's section list (one a line, "/" for a subsection), as
  `editor-app sections import`; it replaces the current list, so a list already there is
  replaced only once the user says so.

Each asks for its file (the folder remembered in the settings), reads it on the worker thread
through `desk.ops` (the `Changes` reach the story list on the bus), and says what happened in a
message box. A file that cannot be imported (binary, too big, not UTF-8, a FIFO, photos missing)
is refused with the service's Vietnamese reason, and nothing is changed.

Built as `Imports(desk, parent_widget)`; the window puts `actions()` in its File menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.section import Section
from editor_app.gui.ops import Progress
from editor_app.gui.settings import (
    IMPORT_PHOTOS_FOLDER,
    SECTIONS_IMPORT_FOLDER,
    TEXT_IMPORT_FOLDER,
    Option,
)
from editor_app.services.changes import Changes

if TYPE_CHECKING:
    from editor_app.gui.desk import Desk
    from editor_app.services.importing import ImportResult

__all__ = ["Imports", "SectionsImported"]


@dataclass(frozen=True)
class SectionsImported:
    """A sections import: the list now in force, and the change for the views."""

    sections: list[Section]
    changes: Changes


class Imports(QObject):
    story_imported = Signal(object)  # the new story's id (uuid.UUID)
    sections_imported = Signal(list)  # the sections now in force (list[Section])
    failed = Signal(str)  # what the user was told

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk = desk
        self.parent_widget = parent
        self.message_box: QMessageBox | None = None
        self.busy = False
        self.text_action = QAction(self.tr("Import a text article…"), self)
        self.text_action.setObjectName("actionImportText")
        self.text_action.setStatusTip(
            self.tr("A .txt or .md article laid out like a published page, with its photos")
        )
        self.text_action.triggered.connect(lambda _checked=False: self.import_text())
        self.sections_action = QAction(self.tr("Import sections…"), self)
        self.sections_action.setObjectName("actionImportSections")
        self.sections_action.setStatusTip(
            self.tr("The outlet's list of sections: one a line, “/” before a subsection")
        )
        self.sections_action.triggered.connect(lambda _checked=False: self.import_sections())
        from editor_app.gui.word_import import WordImport  # mammoth's side: gui/word_import.py

        self.word = WordImport(desk, parent)  # File › Import a Word file…, and a dropped .docx
        self.word.story_imported.connect(self.story_imported)

    def actions(self) -> list[QAction]:
        """For the File menu: import a text article, a Word file, sections (no shortcuts)."""
        return [self.text_action, self.word.action, self.sections_action]

    # --- common ---------------------------------------------------------------------------------
    def _start_folder(self, *options: Option[str]) -> str:
        for option in options:
            folder = self.desk.settings.get(option)
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("importMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    def _refused(self, title: str, error: BaseException) -> None:
        """A refusal said with its whole reason, and that nothing changed (an unexpected
        error went to the error dialog, through the runner)."""
        self.busy = False
        text = str(error)
        if isinstance(error, UserError):
            nothing = self.tr("Nothing was imported or changed.")  # where lupdate finds it
            text = f"{text}\n\n{nothing}"
            self._tell(QMessageBox.Icon.Warning, title, text)
        self.failed.emit(text)

    # --- a text article -------------------------------------------------------------------------
    def import_text(self, path: Path | None = None, photos: Path | None = None) -> None:
        """Imports the article in `path` (None: asks for it) with the photos it names, from
        `photos` (None: beside the text, else the folder the user then chooses)."""
        if self.busy:
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Import a text article"),
                self._start_folder(TEXT_IMPORT_FOLDER),
                self.tr("Text articles (*.txt *.md);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.desk.settings.set(TEXT_IMPORT_FOLDER, str(path.parent))
        self.busy = True
        ws = self.desk.ws
        self.desk.ops.run_in_background(
            lambda _report, _cancelled: ws.importing.photos_not_found(path, photos),
            initiator=self,
            on_done=lambda missing: self._photos_found(path, photos, missing),
            on_failed=lambda e: self._refused(self.tr("The article was not imported"), e),
        )

    def _photos_found(self, path: Path, photos: Path | None, missing: list[str]) -> None:
        if missing and photos is None:
            photos = self._ask_photos_folder(path, missing)
            if photos is None:
                self.busy = False
                self.desk.status(self.tr("The article was not imported"), 5000)
                return
        ws = self.desk.ws
        self.desk.ops.run_in_background(
            lambda report, _cancelled: ws.importing.import_text(
                path, photos_dir=photos, progress=report
            ),
            progress=Progress(
                self.tr("Importing {name}…").format(name=path.name),
                self.tr("Import a text article"),
                object_name="importProgress",
                label=lambda name: (
                    self.tr("Copying the photo {name}…").format(name=name) if name else ""
                ),
            ),
            initiator=self,
            on_done=self._text_imported,
            on_failed=lambda e: self._refused(self.tr("The article was not imported"), e),
        )

    def _ask_photos_folder(self, path: Path, missing: list[str]) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self.parent_widget,
            self.tr(
                "The article names {n} photos not beside it ({first}…): choose their folder"
            ).format(n=len(missing), first=missing[0]),
            self._start_folder(IMPORT_PHOTOS_FOLDER, TEXT_IMPORT_FOLDER),
        )
        if not chosen:
            return None
        self.desk.settings.set(IMPORT_PHOTOS_FOLDER, chosen)
        return Path(chosen)

    def _text_imported(self, result: ImportResult) -> None:
        self.busy = False
        article = result.article
        headline = article.headline or self.tr("(untitled)")
        if article.photos:
            text = self.tr(
                "The article “{h}” was imported with {n} photo(s). It is open for editing."
            ).format(h=headline, n=len(article.photos))
        else:
            text = self.tr("The article “{h}” was imported. It is open for editing.").format(
                h=headline
            )
        self.desk.status(self.tr("Article imported"), 5000)
        self._tell(QMessageBox.Icon.Information, self.tr("Article imported"), text)
        self.story_imported.emit(article.id)

    # --- sections -------------------------------------------------------------------------------
    def import_sections(self, path: Path | None = None) -> None:
        """Imports the section list in `path` (None: asks for it); a list already there is
        replaced once the user confirms."""
        if self.busy:
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Import sections"),
                self._start_folder(SECTIONS_IMPORT_FOLDER, TEXT_IMPORT_FOLDER),
                self.tr("Section lists (*.txt);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.desk.settings.set(SECTIONS_IMPORT_FOLDER, str(path.parent))
        current = self.desk.ws.sections.sections()
        if not current:
            self._run_sections(path)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import sections"),
            self.tr(
                "The outlet has {n} sections. The list in {name} replaces them (stories keep "
                "the section they have)."
            ).format(n=len(current), name=path.name),
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        box.setObjectName("importSectionsConfirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        replace = box.addButton(self.tr("Replace the list"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep the current list"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(replace)
        replace.clicked.connect(lambda: self._run_sections(path))
        self.message_box = box
        box.open()

    def _run_sections(self, path: Path) -> None:
        if self.busy:
            return
        self.busy = True
        service = self.desk.ws.sections

        def work(_report: object, _cancelled: object) -> SectionsImported:
            changes, sections = service.import_sections(path)
            return SectionsImported(sections, changes)

        self.desk.ops.run_in_background(
            work,
            initiator=self,
            on_done=self._sections_imported,
            on_failed=lambda e: self._refused(self.tr("The sections were not imported"), e),
        )

    def _sections_imported(self, result: SectionsImported) -> None:
        self.busy = False
        top = [s.name for s in result.sections if s.parent is None]
        text = self.tr("{n} sections were imported: {top}.").format(
            n=len(result.sections), top=", ".join(top)
        )
        self.desk.status(self.tr("Sections imported"), 5000)
        self._tell(QMessageBox.Icon.Information, self.tr("Sections imported"), text)
        self.sections_imported.emit(list(result.sections))
