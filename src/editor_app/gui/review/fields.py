"""The open story's text fields as the window shows them — headline, sapo, body and the photo
captions — for anchoring comments: their text now, the selection in one of them, and selecting
a passage again. Indexes are Python string indexes (converted from and to Qt's positions)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.gui.editor.positions import PositionMap

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow
    from editor_app.gui.photos.panel import PhotoPanel

CAPTION = "caption:"


def photo_id(field: str) -> uuid.UUID | None:
    """The photo of a `caption:<uuid>` field."""
    if not field.startswith(CAPTION):
        return None
    try:
        return uuid.UUID(field[len(CAPTION) :])
    except ValueError:
        return None


class StoryFields:
    def __init__(self, window: MainWindow) -> None:
        self._main = window
        self.ui = window.ui

    def photo_panel(self) -> PhotoPanel | None:
        from editor_app.gui.photos.panel import PhotoPanel

        panel = self._main.findChild(PhotoPanel, "photoPanel")
        return panel if isinstance(panel, PhotoPanel) else None

    def widgets(self) -> list[QWidget]:
        ui = self.ui
        out: list[QWidget] = [ui.headlineEdit, ui.sapoEdit, ui.bodyEdit]
        panel = self.photo_panel()
        if panel is not None:
            out.append(panel.caption_edit)
        return out

    def photo_number(self, pid: uuid.UUID | None) -> int | None:
        panel = self.photo_panel()
        if panel is None or pid is None:
            return None
        ids = panel.list.ids()
        return ids.index(pid) + 1 if pid in ids else None

    def text(self, field: str) -> str | None:
        """The field's text as shown now (None: no such field, e.g. the photo was removed)."""
        ui = self.ui
        if field == "headline":
            return str(ui.headlineEdit.text())
        if field == "sapo":
            return str(ui.sapoEdit.toPlainText())
        if field == "body":
            return str(ui.bodyEdit.toPlainText())
        pid = photo_id(field)
        panel = self.photo_panel()
        if panel is None or pid is None or pid not in panel.photos:
            return None
        if panel.current_id == pid:
            return str(panel.caption_edit.toPlainText())
        return panel.photos[pid].caption

    def selection_of(self, widget: QWidget) -> tuple[str, str, int, int] | None:
        """(field, text, start, end) of the selection in one of the story's text fields."""
        ui = self.ui
        field: str | None = None
        if widget is ui.headlineEdit:
            field = "headline"
        elif widget is ui.sapoEdit:
            field = "sapo"
        elif widget is ui.bodyEdit:
            field = "body"
        else:
            panel = self.photo_panel()
            if panel is not None and widget is panel.caption_edit and panel.current_id:
                field = f"{CAPTION}{panel.current_id}"
        if field is None or not isinstance(widget, QPlainTextEdit):
            return None
        text = widget.toPlainText()
        pm = PositionMap(text)
        cursor = widget.textCursor()
        return field, text, pm.from_qt(cursor.selectionStart()), pm.from_qt(cursor.selectionEnd())

    def select(self, field: str, start: int, end: int) -> None:
        """Selects text[start:end] of the field and gives it the focus (a caption's photo is
        shown in the photo panel first)."""
        ui = self.ui
        edit: QPlainTextEdit | None = None
        if field == "headline":
            edit = ui.headlineEdit
        elif field == "body":
            edit = ui.bodyEdit
        elif field == "sapo":
            edit = ui.sapoEdit
        else:
            panel = self.photo_panel()
            pid = photo_id(field)
            if panel is not None and pid is not None and panel.select_photo(pid):
                panel.raise_()
                edit = panel.caption_edit
        if edit is None:
            return
        pm = PositionMap(edit.toPlainText())
        cursor = edit.textCursor()
        cursor.setPosition(pm.to_qt(start))
        cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        if edit is ui.bodyEdit:
            edit.centerCursor()
        else:
            edit.ensureCursorVisible()
        edit.setFocus()
