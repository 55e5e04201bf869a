"""One review thread as a card: the quoted passage (and where it is), the comment and its
replies with author, role and local time, a reply line, and Resolve or Reopen."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.review import Comment
from editor_app.gui.review.labels import local_time, role_label

QUOTE_CHARS = 140

CARD_STYLE = """
QFrame#commentThread { border: 1px solid #d5d9df; border-radius: 8px; background: palette(base); }
QFrame#commentThread[active="true"] { border: 2px solid #e0a800; }
QFrame#commentThread[resolved="true"] { background: palette(window); }
QLabel#detachedMark { color: #b3261e; font-weight: 600; }
QLabel#resolvedInfo { color: #2e7d32; }
"""


def clip(text: str, n: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class ThreadCard(QFrame):
    """One thread: the passage, the comment and its replies, reply / resolve / reopen."""

    activated = Signal(object)  # the root Comment
    reply_requested = Signal(object, str)  # root Comment, text
    resolve_requested = Signal(object)
    reopen_requested = Signal(object)

    def __init__(
        self,
        root: Comment,
        replies: list[Comment],
        where: str,
        detached: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self.setObjectName("commentThread")
        self.setProperty("resolved", root.resolved)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        quote = root.anchor.quote if root.anchor is not None else ""
        self.quote_label = QLabel(
            f"<span style='color:#5f6b7a'>{html.escape(where)}</span> · "
            f"<i style='background:#fff1a8'>“{html.escape(clip(quote))}”</i>",
            self,
        )
        self.quote_label.setObjectName("commentQuote")
        self.quote_label.setWordWrap(True)
        layout.addWidget(self.quote_label)
        self.detached_label = QLabel(
            self.tr("⚠ The passage is no longer in the story (detached)"), self
        )
        self.detached_label.setObjectName("detachedMark")
        self.detached_label.setWordWrap(True)
        self.detached_label.setVisible(detached)
        layout.addWidget(self.detached_label)
        self.text_labels: list[QLabel] = []
        for i, c in enumerate([root, *replies]):
            label = QLabel(self._comment_html(c), self)
            label.setObjectName("commentText" if i == 0 else "replyText")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if i:
                label.setContentsMargins(14, 2, 0, 0)
            layout.addWidget(label)
            self.text_labels.append(label)
        if root.resolved and root.resolved_at is not None:
            info = QLabel(
                self.tr("✓ Resolved by {name}, {time}").format(
                    name=root.resolved_by or "?", time=local_time(root.resolved_at)
                ),
                self,
            )
            info.setObjectName("resolvedInfo")
            layout.addWidget(info)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.reply_edit = QLineEdit(self)
        self.reply_edit.setObjectName("replyEdit")
        self.reply_edit.setPlaceholderText(self.tr("Reply…"))
        self.reply_edit.returnPressed.connect(self._reply)
        self.reply_button = QPushButton(self.tr("Reply"), self)
        self.reply_button.setObjectName("replyButton")
        self.reply_button.clicked.connect(self._reply)
        if root.resolved:
            self.resolve_button = QPushButton(self.tr("Reopen"), self)
            self.resolve_button.setObjectName("reopenButton")
            self.resolve_button.clicked.connect(lambda: self.reopen_requested.emit(self.root))
        else:
            self.resolve_button = QPushButton(self.tr("Resolve"), self)
            self.resolve_button.setObjectName("resolveButton")
            self.resolve_button.clicked.connect(lambda: self.resolve_requested.emit(self.root))
        row.addWidget(self.reply_edit, 1)
        row.addWidget(self.reply_button)
        row.addWidget(self.resolve_button)
        layout.addLayout(row)

    def _comment_html(self, c: Comment) -> str:
        meta = f"{role_label(c.role)} · {local_time(c.created_at)}"
        text = html.escape(c.text).replace("\n", "<br>")
        return (
            f"<b>{html.escape(c.author)}</b> "
            f"<span style='color:#5f6b7a'>· {html.escape(meta)}</span><br>{text}"
        )

    def set_detached(self, detached: bool) -> None:
        self.detached_label.setVisible(detached)

    def set_active(self, on: bool) -> None:
        self.setProperty("active", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def _reply(self) -> None:
        text = self.reply_edit.text().strip()
        if text:
            self.reply_requested.emit(self.root, text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.root)
        super().mousePressEvent(event)
