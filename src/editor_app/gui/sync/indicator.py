"""The status bar's word on the newsroom server: "Đã đồng bộ 14:32", "Ngoại tuyến — 3 bài chờ
gửi"; hovering it shows the details (the server, refusals, problems)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.domain.article import utcnow
from editor_app.domain.sync_status import Link, SyncState, status_details, status_text

__all__ = ["SyncIndicator"]

_STYLE = {
    Link.OFFLINE: "color: #5f6368;",
    Link.NOT_LOGGED_IN: "color: #a15c00;",
}
_WARNING = "color: #a15c00; font-weight: 600;"


class SyncIndicator(QLabel):
    clicked = Signal()  # sync now, or log in when not logged in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.state: SyncState | None = None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        now = utcnow()
        self.setText(status_text(state, now))
        self.setToolTip(status_details(state, now))
        self.setAccessibleName(self.text())
        warn = state.link is Link.ONLINE and (state.refused or state.problems)
        self.setStyleSheet(_WARNING if warn else _STYLE.get(state.link, ""))
