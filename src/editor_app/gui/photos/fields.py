"""The photo dock's fields for the selected photo: caption, credit, alt text (saved after a pause
in typing and on leaving a field) and the featured mark; and the captions' side of the story's
field map (gui/context.py `Captions`). A part of `PhotoPanel`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidgetItem, QPlainTextEdit

from editor_app.domain.bylines import has_photographer
from editor_app.gui.photos.photo_list import ID_ROLE, MISSING_ROLE
from editor_app.services.changes import Changes
from editor_app.services.session import note_edited

if TYPE_CHECKING:
    from editor_app.domain.article import Photo
    from editor_app.gui.photos.panel import PhotoPanel


class PhotoFields:
    """The selected photo's fields (mixed into `PhotoPanel`, its only user: each method is
    typed with the panel as `self`, which mypy accepts only from a Protocol, hence the `misc`
    ignores)."""

    def _mark(self: PhotoPanel, item: QListWidgetItem, photo: Photo, number: int) -> None:  # type: ignore[misc]
        """Number, and a warning mark in red while caption, credit or alt text is missing (the
        credit not when the byline names a photographer, as the checklist has it)."""
        names = {
            "caption": QCoreApplication.translate("PhotoPanel", "caption"),
            "credit": QCoreApplication.translate("PhotoPanel", "credit"),
            "alt_text": QCoreApplication.translate("PhotoPanel", "alt text"),
        }
        credited = has_photographer(self.story.fields.text("byline") or "")
        missing = [m for m in photo.missing if not (m == "credit" and credited)]
        star = " ★" if photo.featured else ""
        item.setData(MISSING_ROLE, missing)
        if missing:
            item.setText(f"⚠ {number}{star}")
            item.setForeground(QBrush(QColor("#c62828")))
            wanted = ", ".join(names[m] for m in missing)
            said = QCoreApplication.translate("PhotoPanel", "Missing: %1")
            item.setToolTip(f"{photo.filename}\n" + said.replace("%1", wanted))
        else:
            item.setText(f"{number}{star}")
            item.setForeground(QBrush())
            item.setToolTip(photo.filename)

    def remark(self: PhotoPanel) -> None:  # type: ignore[misc]
        """The marks again (the byline changed: a photographer credits the photos)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            photo = self.photos.get(uuid.UUID(item.data(ID_ROLE)))
            if photo is not None:
                self._mark(item, photo, row + 1)

    def _current_changed(self: PhotoPanel, current: QListWidgetItem | None, _prev: object) -> None:  # type: ignore[misc]
        if self._loading:
            return
        self.save_fields()
        pid = uuid.UUID(current.data(ID_ROLE)) if current is not None else None
        self._show_photo(self.photos.get(pid) if pid else None)

    def _show_photo(self: PhotoPanel, photo: Photo | None) -> None:  # type: ignore[misc]
        self.current_id = photo.id if photo else None
        self._loading = True
        try:
            self.caption_edit.setPlainText(photo.caption if photo else "")
            self.credit_edit.setText(photo.credit if photo else "")
            self.alt_edit.setText(photo.alt_text if photo else "")
            self.featured_check.setChecked(bool(photo and photo.featured))
        finally:
            self._loading = False
        self.fields.setEnabled(photo is not None)
        self._show_focus(photo)
        self.remove_button.setEnabled(photo is not None and not self.read_only)
        self.insert_button.setEnabled(photo is not None and not self.read_only)
        if photo is None:
            self.info_label.setText("")
        else:
            size = f"{photo.width}×{photo.height}"
            self.info_label.setText(f"{photo.filename} · {size} · {photo.format}")

    def _edited(self: PhotoPanel) -> None:  # type: ignore[misc]
        if not self._loading and self.current_id is not None:
            self._save_timer.start()

    def save_fields(self: PhotoPanel) -> None:  # type: ignore[misc]
        """Saves caption, credit and alt text of the shown photo if they changed."""
        self._save_timer.stop()
        photo = self.photos.get(self.current_id) if self.current_id else None
        if photo is None or self.read_only:
            return
        caption = self.caption_edit.toPlainText().strip()
        credit = self.credit_edit.text().strip()
        alt = self.alt_edit.text().strip()
        if (caption, credit, alt) == (photo.caption, photo.credit, photo.alt_text):
            return

        def saved(_changes: Changes) -> None:
            photo.caption, photo.credit, photo.alt_text = caption, credit, alt
            item = self._item_of(photo.id)
            if item is not None:
                self._mark(item, photo, self.list.row(item) + 1)

        service, data_dir, article_id = self.ws.photos, self.ws.data_dir, self.article_id

        def save() -> Changes:
            changes = service.update(photo.id, caption=caption, credit=credit, alt_text=alt)
            if article_id is not None:  # a crash now names this story as being edited
                note_edited(data_dir, article_id)
            return changes

        # Not `self.run`: the list is not reloaded under the user's typing.
        self.desk.ops.run(
            save,
            initiator=self,
            on_done=saved,
            on_failed=lambda e: self._warn(str(e)),
        )

    def _featured_toggled(self: PhotoPanel, on: bool) -> None:  # type: ignore[misc]
        if self._loading or self.current_id is None:
            return
        self.save_fields()
        photo_id = self.current_id
        self.run(lambda: self.ws.photos.update(photo_id, featured=on))

    # --- captions in the story's field map (gui/context.py) -------------------------------------
    def caption_widget(self: PhotoPanel) -> QPlainTextEdit:  # type: ignore[misc]
        return self.caption_edit

    def shown_photo(self: PhotoPanel) -> uuid.UUID | None:  # type: ignore[misc]
        return self.current_id

    def caption_of(self: PhotoPanel, photo: uuid.UUID) -> str | None:  # type: ignore[misc]
        p = self.photos.get(photo)
        return p.caption if p is not None else None

    def photo_number(self: PhotoPanel, photo: uuid.UUID) -> int | None:  # type: ignore[misc]
        ids = self.list.ids()
        return ids.index(photo) + 1 if photo in ids else None

    def show_photo(self: PhotoPanel, photo: uuid.UUID) -> bool:  # type: ignore[misc]
        """Shows that photo's fields and the dock (a comment on its caption was clicked)."""
        if not self.select_photo(photo):
            return False
        self.show()
        if not self.isWindow():  # a tab among the docks: brought to the front
            self.raise_()
        return True
