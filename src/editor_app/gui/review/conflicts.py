"""Settling conflicts: a field changed both here and in a received package keeps both values
until the user picks one. Each conflict shows "mine" and "received" side by side, with the words
that differ marked (red in mine, green in the received one), and two buttons."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.review import word_diff
from editor_app.gui.review.diff_view import BODY_STYLE, segments_html
from editor_app.gui.review.labels import local_time, name_buttons

if TYPE_CHECKING:
    from editor_app.domain.review import Conflict
    from editor_app.domain.workflow import User
    from editor_app.services.review import ReviewService

Choice = Literal["ours", "theirs"]


def _side(html_text: str, parent: QWidget) -> QTextBrowser:
    view = QTextBrowser(parent)
    view.setOpenLinks(False)
    view.setHtml(f'<p style="{BODY_STYLE}">{html_text}</p>' if html_text else "<i>—</i>")
    view.setMinimumHeight(90)
    return view


class ConflictBox(QGroupBox):
    chosen = Signal(object, str)  # Conflict, "ours" | "theirs"

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(conflict.label_vi, parent)
        self.conflict = conflict
        self.setObjectName("conflictBox")
        grid = QGridLayout(self)
        segments = word_diff(conflict.ours, conflict.theirs)
        mine_title, theirs_title = self.tr("Mine"), self.tr("Received")  # not in an f-string:
        mine = QLabel(f"<b>{html.escape(mine_title)}</b>", self)  # lupdate would not see them
        theirs = QLabel(
            f"<b>{html.escape(theirs_title)}</b> "
            f"<span style='color:#5f6b7a'>· {html.escape(local_time(conflict.created_at))}</span>",
            self,
        )
        grid.addWidget(mine, 0, 0)
        grid.addWidget(theirs, 0, 1)
        self.ours_view = _side(segments_html(segments, ("equal", "delete"), None), self)
        self.ours_view.setObjectName("oursView")
        self.theirs_view = _side(segments_html(segments, ("equal", "insert"), None), self)
        self.theirs_view.setObjectName("theirsView")
        grid.addWidget(self.ours_view, 1, 0)
        grid.addWidget(self.theirs_view, 1, 1)
        self.keep_button = QPushButton(self.tr("Keep mine"), self)
        self.keep_button.setObjectName("keepOurs")
        self.keep_button.clicked.connect(lambda: self.chosen.emit(self.conflict, "ours"))
        self.take_button = QPushButton(self.tr("Take the received one"), self)
        self.take_button.setObjectName("takeTheirs")
        self.take_button.clicked.connect(lambda: self.chosen.emit(self.conflict, "theirs"))
        grid.addWidget(self.keep_button, 2, 0)
        grid.addWidget(self.take_button, 2, 1)


class ConflictDialog(QDialog):
    settled = Signal(object)  # Changes, after each choice

    def __init__(
        self,
        review: ReviewService,
        article_id: uuid.UUID,
        user: Callable[[], User | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Conflicts to settle"))
        self.review = review
        self.article_id = article_id
        self._user = user
        self.boxes: dict[uuid.UUID, ConflictBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These fields were changed both here and on another desk (in a package received, "
                "or through the newsroom server). Both versions are kept in the history; choose "
                "which one the story keeps."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        self.list_layout = QVBoxLayout(content)
        self.list_layout.addStretch(1)
        scroll.setWidget(content)
        self.content = content
        layout.addWidget(scroll, 1)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 640)
        self.reload()

    def reload(self) -> None:
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        try:
            conflicts = list(self.review.conflicts(self.article_id))
        except UserError as e:
            self.info.setText(str(e))
            return
        for c in conflicts:
            box = ConflictBox(c, self.content)
            box.chosen.connect(self.settle)
            self.list_layout.insertWidget(self.list_layout.count() - 1, box)
            self.boxes[c.id] = box
        self.info.setText("" if conflicts else self.tr("No conflict left to settle."))

    def settle(self, conflict: Conflict, choice: Choice) -> bool:
        user = self._user()
        if user is None:
            return False
        try:
            changes = self.review.settle(conflict.id, choice, user)
        except UserError as e:
            self.info.setText(str(e))
            return False
        self.settled.emit(changes)
        box = self.boxes.pop(conflict.id, None)
        if box is not None:
            box.setParent(None)
            box.deleteLater()
        if not self.boxes:
            self.info.setText(self.tr("All conflicts are settled."))
            self.accept()
        return True
