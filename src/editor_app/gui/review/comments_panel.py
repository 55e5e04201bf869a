"""Review comments beside the text: threads with the quoted passage, who wrote them (name,
role, local time), replies, resolve and reopen, and a filter for resolved ones. A comment is
added on the selection of the headline, sapo, body or a photo caption (context menu "Add
comment…" or Ctrl+Alt+M); the headline, the sapo and the body show the anchored passages in
soft yellow, found again after every edit; a thread whose passage was removed is marked as
detached, and clicking a thread selects its passage.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.review import Comment, make_anchor
from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.review.comment_passages import CommentPassages
from editor_app.gui.review.labels import field_label
from editor_app.gui.review.marks import AnchorMarks
from editor_app.gui.review.refresh import is_plain_autosave
from editor_app.gui.review.thread_card import CARD_STYLE, ThreadCard, clip

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.desk import Desk
    from editor_app.services.changes import Changes

log = logging.getLogger(__name__)

RELOCATE_MS = 300
_FIELD_ORDER = {"headline": 0, "sapo": 1, "body": 2}


class CommentsPanel(CommentPassages, QDockWidget):
    comments_changed = Signal(int)  # how many threads are open

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Comments"))
        self.setObjectName("commentsPanel")
        self.desk = desk
        self.ws = desk.ws
        self.story = desk.story
        self.article_id: uuid.UUID | None = None
        self.comments: list[Comment] = []
        self.cards: dict[uuid.UUID, ThreadCard] = {}
        self.detached: set[uuid.UUID] = set()
        self.active_id: uuid.UUID | None = None
        self._last_text_widget: QWidget | None = None
        self._menu_targets: dict[QObject, QWidget] = {}
        self.fields = fields = desk.story.fields
        edits = [fields.edit(name) for name in ("headline", "sapo", "body")]
        headline, sapo, body = (e if e is not None else QPlainTextEdit(self) for e in edits)
        self.headline_marks = AnchorMarks(headline)
        self.body_marks = AnchorMarks(body)
        self.sapo_marks = AnchorMarks(sapo)
        self._relocate_timer = QTimer(self, singleShot=True, interval=RELOCATE_MS)
        self._relocate_timer.timeout.connect(self.refresh_marks)
        self._build()
        self.add_action = QAction(self.tr("Add comment…"), self)
        self.add_action.setObjectName("actionAddComment")
        self.add_action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.add_action.triggered.connect(self.add_comment_here)
        for edit in (headline, sapo, body):
            edit.textChanged.connect(self._relocate_timer.start)
            self._menu_targets[edit.viewport()] = edit
            edit.viewport().installEventFilter(self)
        self._caption_hooked = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.set_article(None)
        desk.story.opened.connect(self.set_article)
        desk.bus.subscribe(self, self.on_changes)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        content.setObjectName("commentsPanelContent")
        content.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add comment"), content)
        self.add_button.setObjectName("addCommentButton")
        self.add_button.setToolTip(
            self.tr("Comments on the text selected in the headline, sapo, body or a caption")
        )
        self.add_button.clicked.connect(self.add_comment_here)
        self.show_resolved = QCheckBox(self.tr("Show resolved"), content)
        self.show_resolved.setObjectName("showResolved")
        self.show_resolved.toggled.connect(lambda _on: self._rebuild())
        top.addWidget(self.add_button)
        top.addStretch(1)
        top.addWidget(self.show_resolved)
        layout.addLayout(top)
        self.info = QLabel(content)
        self.info.setObjectName("commentsInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.scroll_area = QScrollArea(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_widget = QWidget(self.scroll_area)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(8)
        self.list_layout.addStretch(1)
        self.scroll_area.setWidget(self.list_widget)
        layout.addWidget(self.scroll_area, 1)
        self.setWidget(content)
        self.setMinimumWidth(300)

    # --- the panel protocol ---------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self._hook_caption()
        self.article_id = article.id if article is not None else None
        self.active_id = None
        self.setEnabled(article is not None)
        self.reload(force=True)

    def on_changes(self, changes: Changes) -> None:
        if self.article_id is None or self.article_id not in changes.articles:
            return
        if is_plain_autosave(changes):
            return
        self.reload()

    # --- loading and showing --------------------------------------------------------------------
    def reload(self, force: bool = False) -> None:
        """Reads the open story's comments again; the list is rebuilt only when they differ."""
        comments: list[Comment] = []
        if self.article_id is not None:
            try:
                comments = list(self.ws.review.comments(self.article_id))
            except UserError as e:
                log.warning("comments not loaded: %s", e)
        if force or comments != self.comments:
            self.comments = comments
            self._rebuild()
        else:
            self.refresh_marks()

    def threads(self) -> list[tuple[Comment, list[Comment]]]:
        """(root, replies oldest first), in the order of the text: headline, sapo, body, then
        captions; by place in the field."""
        roots = [c for c in self.comments if c.parent_id is None]
        replies: dict[uuid.UUID, list[Comment]] = {}
        for c in self.comments:
            if c.parent_id is not None:
                replies.setdefault(c.parent_id, []).append(c)

        def key(c: Comment) -> tuple[int, str, int, Any]:
            a = c.anchor
            field = a.field if a is not None else ""
            return (_FIELD_ORDER.get(field, 3), field, a.start if a else 0, c.created_at)

        return [
            (r, sorted(replies.get(r.id, []), key=lambda c: c.created_at))
            for r in sorted(roots, key=key)
        ]

    def open_count(self) -> int:
        return sum(1 for c in self.comments if c.parent_id is None and not c.resolved)

    def _rebuild(self) -> None:
        drafts = {cid: card.reply_edit.text() for cid, card in self.cards.items()}
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards = {}
        self._compute_detached()
        show_resolved = self.show_resolved.isChecked()
        hidden = 0
        for root, replies in self.threads():
            if root.resolved and not show_resolved:
                hidden += 1
                continue
            card = ThreadCard(
                root,
                replies,
                self._where(root),
                root.id in self.detached,
                self.list_widget,
            )
            card.reply_edit.setText(drafts.get(root.id, ""))
            card.activated.connect(self.show_passage)
            card.reply_requested.connect(lambda c, t: self.reply(c.id, t))
            card.resolve_requested.connect(lambda c: self.resolve(c.id))
            card.reopen_requested.connect(lambda c: self.reopen(c.id))
            card.set_active(root.id == self.active_id)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards[root.id] = card
        n_open = self.open_count()
        if self.article_id is None:
            text = ""
        elif not self.comments:
            text = self.tr(
                "No comments yet. Select a passage and press Ctrl+Alt+M (or right-click › "
                "Add comment…)."
            )
        else:
            text = self.tr("{open} open").format(open=n_open)
            if hidden:
                text += " · " + self.tr("{n} resolved hidden").format(n=hidden)
        self.info.setText(text)
        self._apply_marks()
        self.comments_changed.emit(n_open)

    def _where(self, root: Comment) -> str:
        field = root.anchor.field if root.anchor is not None else ""
        number = None
        if field.startswith("caption:"):
            number = self.fields.photo_number(field)
        return field_label(field, number)

    # --- adding ---------------------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new in self.fields.text_widgets():
            self._last_text_widget = new

    def selection_of(self, widget: QWidget) -> tuple[str, str, int, int] | None:
        return self.fields.selection_of(widget)

    def add_comment_here(self) -> None:
        """Ctrl+Alt+M / the button: on the selection of the field that has (or last had) the
        focus."""
        focus = QApplication.focusWidget()
        widget = focus if focus in self.fields.text_widgets() else self._last_text_widget
        if widget is None:
            self._tell(self.tr("Select a passage of the headline, sapo, body or a caption first."))
            return
        self.add_comment_at(widget)

    def add_comment_at(self, widget: QWidget, text: str | None = None) -> Comment | None:
        """A comment on the selection in `widget`; asks for the text unless given."""
        if self.article_id is None:
            return None
        found = self.selection_of(widget)
        if found is None:
            self._tell(self.tr("Select a passage of the headline, sapo, body or a caption first."))
            return None
        field, full, start, end = found
        try:
            anchor = make_anchor(field, full, start, end)
        except UserError as e:
            self._tell(str(e))
            return None
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Add comment"),
                self.tr("Your comment on “{quote}”:").format(quote=clip(anchor.quote, 80)),
            )
            if not ok:
                return None
        if not text.strip():
            return None
        user = self.story.require_user()
        if user is None:
            return None
        try:
            comment = self.ws.review.add_comment(self.article_id, anchor, text, user)
        except UserError as e:
            self.desk.ops.report(e)
            return None
        self.active_id = comment.id
        self.show()
        if not self.isWindow():  # a tab among the docks: brought to the front
            self.raise_()
        self.reload()
        return comment

    # --- replies and resolving ------------------------------------------------------------------
    def reply(self, comment_id: uuid.UUID, text: str) -> Comment | None:
        user = self.story.require_user()
        if user is None or not text.strip():
            return None
        try:
            reply = self.ws.review.reply(comment_id, text, user)
        except UserError as e:
            self.desk.ops.report(e)
            return None
        card = self.cards.get(comment_id)
        if card is not None:
            card.reply_edit.clear()
        self.reload()
        return reply

    def resolve(self, comment_id: uuid.UUID) -> None:
        self._act(comment_id, "resolve")

    def reopen(self, comment_id: uuid.UUID) -> None:
        self._act(comment_id, "reopen")

    def _act(self, comment_id: uuid.UUID, what: str) -> None:
        user = self.story.require_user()
        if user is None:
            return
        try:
            getattr(self.ws.review, what)(comment_id, user)
        except UserError as e:
            self.desk.ops.report(e)
            return
        self.reload()

    # --- context menus --------------------------------------------------------------------------
    def context_menu(self, widget: QWidget, pos: QPoint) -> QMenu:
        """The field's own menu with "Add comment…" at the end."""
        if isinstance(widget, BodyEditor):
            menu = widget.create_context_menu(pos)
        elif isinstance(widget, QPlainTextEdit):
            menu = widget.createStandardContextMenu()
        else:
            menu = QMenu(widget)
        menu.addSeparator()
        action = menu.addAction(self.tr("Add comment…"))
        action.setObjectName("contextAddComment")
        action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        found = self.selection_of(widget)
        action.setEnabled(
            self.article_id is not None and found is not None and found[2] != found[3]
        )
        action.triggered.connect(lambda _c=False, w=widget: self.add_comment_at(w))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            widget = self._menu_targets.get(watched)
            if widget is not None:
                menu = self.context_menu(widget, event.pos())
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return super().eventFilter(watched, event)

    # --- helpers --------------------------------------------------------------------------------
    def _hook_caption(self) -> None:
        if self._caption_hooked:
            return
        caption = self.fields.caption_widget()
        if caption is None:
            return
        self._caption_hooked = True
        viewport = caption.viewport()
        self._menu_targets[viewport] = caption
        viewport.installEventFilter(self)
        # Showing another photo sets the caption's text: the marks move with it.
        caption.textChanged.connect(self._relocate_timer.start)

    def _tell(self, text: str) -> None:
        self.desk.status(text, 6000)
