"""The photo dock's list of thumbnails: drag to reorder, drop files on it; what an item holds."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QWidget

__all__ = ["ICON", "ID_ROLE", "MISSING_ROLE", "PhotoList", "local_files", "photo_ref"]

ID_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1
ICON = 120  # the thumbnails' size in the list


def photo_ref(photo_id: uuid.UUID) -> str:
    return f"![](photo:{photo_id})"


def local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class PhotoList(QListWidget):
    """Icons in order; an internal drag reorders, files dropped from outside are attached."""

    reordered = Signal()
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoList")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 16, ICON + 28))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is not self and local_files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.source() is not self and local_files(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is not self:
            files = local_files(event)
            if files:
                event.acceptProposedAction()
                self.files_dropped.emit(files)
            return
        # An icon view only moves icons on screen; the rows themselves are moved here.
        target = self.indexAt(event.position().toPoint()).row()
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the drag must not delete the source
        event.accept()
        self.move_row(self.currentRow(), target if target >= 0 else self.count() - 1)

    def move_row(self, row: int, target: int) -> None:
        """Moves one photo to another place in the order (a drag does this)."""
        if 0 <= row < self.count() and 0 <= target < self.count() and row != target:
            item = self.takeItem(row)
            self.insertItem(target, item)
            self.setCurrentItem(item)
            self.reordered.emit()

    def ids(self) -> list[uuid.UUID]:
        return [uuid.UUID(self.item(i).data(ID_ROLE)) for i in range(self.count())]
