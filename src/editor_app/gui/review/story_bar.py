"""The strip above the open story: its status (a button offering the allowed moves), and the
banners that explain why it is read-only, why it came back, or that conflicts wait; and the
dialog asking why a story is returned."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.workflow import Status
from editor_app.gui.review.labels import name_buttons
from editor_app.gui.story_list.model import status_label

BANNER_STYLE = {
    "read_only": "background:#fff4d6; border:1px solid #e9c46a; color:#5c4400;",
    "returned": "background:#fde8e4; border:1px solid #e8a598; color:#6d1f12;",
    "conflict": "background:#fde8e4; border:1px solid #d9534f; color:#6d1f12;",
}


def _banner(name: str, style: str, parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setStyleSheet(
        f"QFrame#{name} {{ {BANNER_STYLE[style]} border-radius:6px; }}"
        " QLabel { border:none; background:transparent; }"
    )
    return frame


class StoryBar(QWidget):
    conflicts_clicked = Signal()
    comments_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 4)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.status_caption = QLabel(self.tr("Status:"), self)
        self.status_button = QPushButton(self)
        self.status_button.setObjectName("statusButton")
        self.status_button.setToolTip(self.tr("The story's status; click to move it on"))
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        self.comments_button = QToolButton(self)
        self.comments_button.setObjectName("commentCount")
        self.comments_button.setAutoRaise(True)
        self.comments_button.setToolTip(self.tr("Show the review comments"))
        self.comments_button.clicked.connect(self.comments_clicked)
        self.comments_button.hide()
        row.addWidget(self.status_caption)
        row.addWidget(self.status_button)
        row.addStretch(1)
        row.addWidget(self.comments_button)
        outer.addLayout(row)

        self.read_only = _banner("readOnlyBanner", "read_only", self)
        lay = QHBoxLayout(self.read_only)
        lay.setContentsMargins(10, 6, 10, 6)
        self.read_only_label = QLabel(self.read_only)
        self.read_only_label.setWordWrap(True)
        lay.addWidget(self.read_only_label)
        outer.addWidget(self.read_only)

        self.returned = _banner("returnedBanner", "returned", self)
        lay = QHBoxLayout(self.returned)
        lay.setContentsMargins(10, 6, 10, 6)
        self.returned_label = QLabel(self.returned)
        self.returned_label.setWordWrap(True)
        lay.addWidget(self.returned_label)
        outer.addWidget(self.returned)

        self.conflict = _banner("conflictBanner", "conflict", self)
        lay = QHBoxLayout(self.conflict)
        lay.setContentsMargins(10, 4, 6, 4)
        self.conflict_label = QLabel(self.conflict)
        self.conflict_label.setWordWrap(True)
        self.conflict_button = QPushButton(self.tr("Settle…"), self.conflict)
        self.conflict_button.setObjectName("settleButton")
        self.conflict_button.clicked.connect(self.conflicts_clicked)
        lay.addWidget(self.conflict_label, 1)
        lay.addWidget(self.conflict_button)
        outer.addWidget(self.conflict)
        for banner in (self.read_only, self.returned, self.conflict):
            banner.hide()

    def set_status_text(self, text: str) -> None:
        self.status_button.setText(f"● {text}")

    def show_comment_count(self, open_threads: int) -> None:
        self.comments_button.setText(
            self.tr("{n} open comments").format(n=open_threads) if open_threads else ""
        )
        self.comments_button.setVisible(open_threads > 0)

    def show_read_only(self, text: str | None) -> None:
        self.read_only_label.setText(text or "")
        self.read_only.setVisible(bool(text))

    def show_returned(self, text: str | None) -> None:
        self.returned_label.setText(text or "")
        self.returned.setVisible(bool(text))

    def show_conflicts(self, count: int) -> None:
        self.conflict_label.setText(
            self.tr("There are {n} conflicts to settle").format(n=count) if count else ""
        )
        self.conflict.setVisible(count > 0)


class ReasonDialog(QDialog):
    """Why the story goes back to its reporter, or is taken down: OK only with a reason."""

    def __init__(self, target: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(self.tr("Reason required"))
        layout = QVBoxLayout(self)
        if target is Status.WITHDRAWN:
            question = self.tr(
                "Why is the story taken down? The reason stays in its history; readers only "
                "see that it was withdrawn."
            )
            example = self.tr("e.g. Wrong figures; a correction will follow")
        else:
            question = self.tr(
                "Why is the story moved to “{status}”? The reporter will read this."
            ).format(status=status_label(target))
            example = self.tr("e.g. Check the figures in the second paragraph")
        label = QLabel(question, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("reasonEdit")
        self.edit.setPlaceholderText(example)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("reasonOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.resize(440, 220)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def accept(self) -> None:
        if self.reason():
            super().accept()
