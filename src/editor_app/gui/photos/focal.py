"""The selected photo's focal point in the photo dock: the photo with a marker on the point that
matters, and the frame of the share picture (16:9) cut around it. Click or drag to move it; with
the keyboard, the arrow keys move it (Shift: ten times further) and Home puts it back in the
centre. Each move is one step of the dock's undo (Ctrl+Z), a run of key presses one step.
A part of `PhotoPanel` (`PhotoFocus`) and its widget (`FocalPicker`)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QUndoCommand,
)
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from editor_app.domain.focal import CENTRE, Point, crop_box, nudge

if TYPE_CHECKING:
    from editor_app.domain.article import Photo
    from editor_app.gui.photos.panel import PhotoPanel

STEP = 0.02  # an arrow key: 2% of the photo; with Shift 10%
PICTURE = 480  # pixels of the picture fetched for the picker (sharp in a dock ~300 px wide)
_MERGE_ID = 0x46_4F_43  # consecutive moves of one photo's point are one undo step


class FocalPicker(QWidget):
    """The photo, fitted to the widget, with its focal point: emits `moved` with the new point
    ((x, y) fractions) or None (back to the centre) when the user moves it."""

    moved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focalPicker")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.pixmap: QPixmap | None = None
        self.photo_size = (0, 0)
        self.point: Point | None = None
        self.read_only = False
        self.by_arrow = False  # the last move was an arrow key's (moves in a row: one undo step)
        self.setAccessibleName(QCoreApplication.translate("PhotoPanel", "Focal point"))
        self.setToolTip(
            QCoreApplication.translate(
                "PhotoPanel",
                "Click the point that matters: every crop keeps it. "
                "Arrow keys move it, Home puts it back in the centre.",
            )
        )

    def set_photo(self, size: tuple[int, int], point: Point | None) -> None:
        self.photo_size = size
        self.pixmap = None
        self.set_point(point)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self.pixmap = pixmap
        self.update()

    def set_point(self, point: Point | None) -> None:
        """Shows `point` (None: the centre) without emitting `moved`."""
        self.point = point
        x, y = point or CENTRE
        self.setAccessibleDescription(
            QCoreApplication.translate("PhotoPanel", "%1% from the left, %2% from the top")
            .replace("%1", str(round(x * 100)))
            .replace("%2", str(round(y * 100)))
        )
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(190)
        return hint

    def image_rect(self) -> QRectF:
        """Where the photo is drawn: fitted to the widget, centred."""
        w, h = self.photo_size
        if w <= 0 or h <= 0:
            return QRectF(self.rect())
        scale = min(self.width() / w, self.height() / h)
        dw, dh = w * scale, h * scale
        return QRectF((self.width() - dw) / 2, (self.height() - dh) / 2, dw, dh)

    def point_at(self, pos: QPointF) -> Point:
        r = self.image_rect()
        x = (pos.x() - r.left()) / max(1.0, r.width())
        y = (pos.y() - r.top()) / max(1.0, r.height())
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    def _move(self, point: Point | None, by_arrow: bool = False) -> None:
        self.by_arrow = by_arrow
        if point is not None:  # as it is stored (services/photos.py set_focus)
            point = (round(point[0], 4), round(point[1], 4))
        if self.read_only or self.photo_size[0] <= 0 or point == self.point:
            return
        self.set_point(point)
        self.moved.emit(point)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._move(self.point_at(event.position()))
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = STEP * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dx, dy = moves[key]
            self._move(nudge(self.point, dx, dy), by_arrow=True)
        elif key == Qt.Key.Key_Home:
            self._move(None)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.image_rect()
        if self.pixmap is not None and not self.pixmap.isNull():
            painter.drawPixmap(r, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            painter.fillRect(r, QColor("#e4e4e4"))
        if self.photo_size[0] > 0:
            self._paint_frame(painter, r)
            self._paint_marker(painter, r)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_frame(self, painter: QPainter, r: QRectF) -> None:
        """The share picture's 16:9 frame around the point; outside it a little darker."""
        box = crop_box(self.photo_size, (16, 9), self.point)
        sx, sy = r.width() / self.photo_size[0], r.height() / self.photo_size[1]
        frame = QRectF(r.left() + box[0] * sx, r.top() + box[1] * sy, 0, 0)
        frame.setWidth((box[2] - box[0]) * sx)
        frame.setHeight((box[3] - box[1]) * sy)
        shade = QColor(0, 0, 0, 90)
        top, bottom = frame.top(), frame.bottom()
        for part in (
            QRectF(r.left(), r.top(), r.width(), top - r.top()),
            QRectF(r.left(), bottom, r.width(), r.bottom() - bottom),
            QRectF(r.left(), top, frame.left() - r.left(), frame.height()),
            QRectF(frame.right(), top, r.right() - frame.right(), frame.height()),
        ):
            painter.fillRect(part, shade)
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1, Qt.PenStyle.DashLine))
        painter.drawRect(frame)

    def _paint_marker(self, painter: QPainter, r: QRectF) -> None:
        x, y = self.point or CENTRE
        centre = QPointF(r.left() + x * r.width(), r.top() + y * r.height())
        for colour, width in ((QColor(0, 0, 0, 160), 4.0), (QColor("#ffd600"), 2.0)):
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, 11, 11)
            painter.drawLine(centre + QPointF(-17, 0), centre + QPointF(-6, 0))
            painter.drawLine(centre + QPointF(6, 0), centre + QPointF(17, 0))
            painter.drawLine(centre + QPointF(0, -17), centre + QPointF(0, -6))
            painter.drawLine(centre + QPointF(0, 6), centre + QPointF(0, 17))


class SetFocus(QUndoCommand):
    """Moves a photo's focal point; undo puts it back. Arrow-key moves in a row are one step."""

    def __init__(
        self,
        panel: PhotoPanel,
        photo_id: uuid.UUID,
        old: Point | None,
        new: Point | None,
        by_arrow: bool = False,
    ) -> None:
        super().__init__(QCoreApplication.translate("PhotoPanel", "Move focal point"))
        self.panel = panel
        self.by_arrow = by_arrow
        self.photo_id = photo_id
        self.old = old
        self.new = new

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFocus) or other.photo_id != self.photo_id:
            return False
        if not (self.by_arrow and other.by_arrow):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.panel.save_focus(self.photo_id, self.new)

    def undo(self) -> None:
        self.panel.save_focus(self.photo_id, self.old)


class PhotoFocus:
    """The focal point's part of the photo dock (mixed into `PhotoPanel`; the `misc` ignores:
    see `PhotoFields`)."""

    def _build_focus(self: PhotoPanel, form: QFormLayout) -> None:  # type: ignore[misc]
        self.focus_picker = FocalPicker(self.fields)
        self.focus_picker.moved.connect(self._focus_moved)
        self.focus_reset = QPushButton(
            QCoreApplication.translate("PhotoPanel", "Centre"), self.fields
        )
        self.focus_reset.setObjectName("focalReset")
        self.focus_reset.setToolTip(
            QCoreApplication.translate(
                "PhotoPanel", "Put the focal point back in the centre (Home)"
            )
        )
        self.focus_reset.clicked.connect(lambda: self.focus_picker._move(None))
        hint = QLabel(
            QCoreApplication.translate("PhotoPanel", "Click the point every crop must keep"),
            self.fields,
        )
        hint.setWordWrap(True)
        hint.setBuddy(self.focus_picker)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.focus_reset)
        form.addRow(self.focus_picker)
        form.addRow(row)

    def _show_focus(self: PhotoPanel, photo: Photo | None) -> None:  # type: ignore[misc]
        if photo is None:
            self.focus_picker.set_photo((0, 0), None)
            return
        same = self.focus_picker.property("photoId") == str(photo.id)
        pixmap = self.focus_picker.pixmap if same else None
        self.focus_picker.set_photo((photo.width, photo.height), photo.focus)
        self.focus_picker.set_pixmap(pixmap)
        self.focus_picker.setProperty("photoId", str(photo.id))
        if pixmap is None:
            self._load_picture(photo)

    def _load_picture(self: PhotoPanel, photo: Photo) -> None:  # type: ignore[misc]
        service, pid = self.ws.photos, photo.id

        def done(data: bytes) -> None:
            if self.current_id == pid:
                pix = QPixmap()
                self.focus_picker.set_pixmap(pix if pix.loadFromData(data) else None)

        self._thumbs.submit(lambda: service.thumbnail(photo.sha256, PICTURE), done, lambda _e: None)

    def _focus_moved(self: PhotoPanel, point: Point | None) -> None:  # type: ignore[misc]
        photo = self.photos.get(self.current_id) if self.current_id else None
        if photo is None or self.read_only:
            return
        by_arrow = self.focus_picker.by_arrow
        self.undo_stack.push(SetFocus(self, photo.id, photo.focus, point, by_arrow))

    def save_focus(self: PhotoPanel, photo_id: uuid.UUID, point: Point | None) -> None:  # type: ignore[misc]
        """Stores the point (the list is not reloaded: the picker already shows it)."""
        photo = self.photos.get(photo_id)
        if photo is not None:
            photo.focus = point
        if self.current_id == photo_id:
            self.focus_picker.set_point(point)
        service = self.ws.photos
        self.desk.ops.run(
            lambda: service.set_focus(photo_id, point),
            initiator=self,
            on_failed=lambda e: self._failed(e),
        )
