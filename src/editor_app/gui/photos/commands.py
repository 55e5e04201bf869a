"""What the photo dock does to the story: remove a photo (Ctrl+Z takes it back) and put a
photo's reference in the body."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.gui.photos.photo_list import photo_ref

if TYPE_CHECKING:
    from editor_app.domain.article import Photo
    from editor_app.gui.photos.panel import PhotoPanel
    from editor_app.services.photos import Removed


class RemovePhoto(QUndoCommand):
    """Takes a photo off the story; undo puts it back where it was."""

    def __init__(self, panel: PhotoPanel, article_id: uuid.UUID, photo_id: uuid.UUID) -> None:
        super().__init__(QCoreApplication.translate("PhotoPanel", "Remove photo"))
        self.panel = panel
        self.article_id = article_id
        self.photo_id = photo_id
        self.photo: Photo | None = None

    def redo(self) -> None:
        def removed(result: Removed) -> None:
            self.photo = result.photo

        if not self.panel.run(lambda: self.panel.ws.photos.remove(self.photo_id), removed):
            self.setObsolete(True)  # nothing was removed: nothing to undo

    def undo(self) -> None:
        photo = self.photo
        if photo is not None:
            self.panel.run(lambda: self.panel.ws.photos.restore(self.article_id, photo))


class PhotoCommands:
    """Remove the selected photo (undoable), put its reference in the body (mixed into
    `PhotoPanel`; the `misc` ignores: see `PhotoFields`)."""

    def remove_current(self: PhotoPanel) -> None:  # type: ignore[misc]
        if self.article_id is None or self.current_id is None or self.read_only:
            return
        self.save_fields()
        self.undo_stack.push(RemovePhoto(self, self.article_id, self.current_id))

    def move_current(self: PhotoPanel, step: int) -> None:  # type: ignore[misc]
        """Moves the selected photo up (-1) or down (1) in the story: dragging's keyboard way."""
        row = self.list.currentRow()
        target = row + step
        if self.read_only or row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._reordered()

    def edit_command(self: PhotoPanel, command: str) -> bool:  # type: ignore[misc]
        """The window's Edit menu on the photo list: undo and redo what was done to the
        photos, paste a photo."""
        if command == "undo" and self.undo_stack.canUndo():
            self.undo_stack.undo()
            return True
        if command == "redo" and self.undo_stack.canRedo():
            self.undo_stack.redo()
            return True
        if command == "paste":
            self.paste_from_clipboard()
            return True
        return False

    def insert_in_body(self: PhotoPanel) -> None:  # type: ignore[misc]
        """`![](photo:<id>)` on a line of its own at the body's cursor."""
        if self.current_id is None:
            return
        body = self.story.fields.widget("body")
        if not isinstance(body, QPlainTextEdit):
            return
        cursor = body.textCursor()
        block = cursor.block().text()
        at = cursor.positionInBlock()
        before = "\n" if block[:at].strip() else ""
        after = "\n" if block[at:].strip() else ""
        cursor.insertText(before + photo_ref(self.current_id) + after)
        body.setTextCursor(cursor)
        body.setFocus()
