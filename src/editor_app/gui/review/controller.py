"""The editorial workflow wired into the main window: who is working (status bar, Settings ›
User…), the open story's status (the Status menu and the button above the story, offering only
the moves the user's role allows; a reason asked for "Returned"), read-only for a reporter once
the story is approved (with a banner saying why), the history, conflicts, and send / receive.

The window builds one `ReviewController` in `attach()` (a part of the window: it is given the
window's form to put its menus and its bar in) and calls `set_article()` after the panels have
shown a story; it hears of changes on the bus.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from editor_app.domain.errors import UserError
from editor_app.domain.workflow import Status, User, allowed_moves, can_edit, needs_reason
from editor_app.gui.handoff import Handoff
from editor_app.gui.review.dialogs import ReviewDialogs
from editor_app.gui.review.labels import role_label
from editor_app.gui.review.publish_actions import PublishActions
from editor_app.gui.review.refresh import is_plain_autosave
from editor_app.gui.review.story_bar import ReasonDialog, StoryBar
from editor_app.gui.site_update import SiteUpdate
from editor_app.gui.story_list.model import status_label

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.desk import Desk
    from editor_app.gui.forms.ui_main_window import Ui_MainWindow
    from editor_app.gui.review.comments_panel import CommentsPanel
    from editor_app.gui.review.conflicts import ConflictDialog
    from editor_app.gui.review.history_dialog import HistoryDialog
    from editor_app.services.changes import Changes

log = logging.getLogger(__name__)


class ReviewController(ReviewDialogs, QObject):
    status_moved = Signal(object)  # the new Status
    open_requested = Signal(object)  # uuid.UUID: show this story again (after a restore)

    def __init__(self, desk: Desk, window: QMainWindow, ui: Ui_MainWindow) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.ui = ui
        self.ws = desk.ws
        self.story = desk.story
        self.user: User | None = None
        self.status: Status | None = None
        self.read_only = False
        self.held_elsewhere = False
        self.history_dialog: HistoryDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.conflict_count = 0
        self.comments: CommentsPanel | None = None
        self.handoff = Handoff(desk, window, self)
        self.publishing = PublishActions(desk, window, self)
        self.site_update = SiteUpdate(desk, window)  # Xuất bản › Cập nhật trang
        self.publishing.published.connect(self.site_update.after_publication)
        self.bar = StoryBar(ui.articlePage)
        ui.articleLayout.insertWidget(0, self.bar)
        self.bar.conflicts_clicked.connect(self.open_conflicts)
        self.bar.comments_clicked.connect(self.show_comments)
        self.bar.status_menu.aboutToShow.connect(self._fill_status_menus)
        self.user_label = QLabel(window)
        self.user_label.setObjectName("userLabel")
        self.user_label.setToolTip(self.tr("Who is working: click to change"))
        self.user_label.linkActivated.connect(lambda _l: self.change_user())
        ui.statusbar.addPermanentWidget(self.user_label)
        self._build_menus()
        self.story.set_user_asker(self.change_user)
        desk.bus.subscribe(self, self.on_changes)
        try:
            user = self.ws.identity.get()
        except UserError as e:
            log.warning("identity not read: %s", e)
            user = None
        self.set_user(user)

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        w, ui = self.window, self.ui
        self.menu_status = QMenu(self.tr("S&tatus"), w)
        self.menu_status.setObjectName("menuStatus")
        self.menu_status.aboutToShow.connect(self._fill_status_menus)
        self.menu_review = QMenu(self.tr("&Review"), w)
        self.menu_review.setObjectName("menuReview")
        menubar = w.menuBar()
        menubar.insertMenu(ui.menuSettings.menuAction(), self.menu_status)
        menubar.insertMenu(ui.menuSettings.menuAction(), self.menu_review)
        menubar.insertMenu(ui.menuSettings.menuAction(), self.site_update.menu)

        self.action_history = QAction(self.tr("Version history…"), w)
        self.action_history.setObjectName("actionHistory")
        self.action_history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action_history.triggered.connect(self.open_history)
        self.action_conflicts = QAction(self.tr("Conflicts…"), w)
        self.action_conflicts.setObjectName("actionConflicts")
        self.action_conflicts.triggered.connect(self.open_conflicts)
        self.action_show_comments = QAction(self.tr("Comments panel"), w)
        self.action_show_comments.triggered.connect(self.show_comments)
        self.menu_review.addAction(self.action_show_comments)
        self.menu_review.addSeparator()
        self.menu_review.addAction(self.action_history)
        self.menu_review.addAction(self.action_conflicts)

        self.action_send = QAction(self.tr("Send to the editors…"), w)
        self.action_send.setObjectName("actionSend")
        self.action_send.triggered.connect(lambda: self.handoff.send())
        self.action_receive = QAction(self.tr("Import a story…"), w)
        self.action_receive.setObjectName("actionReceive")
        self.action_receive.triggered.connect(lambda: self.handoff.receive())
        ui.menuFile.insertAction(ui.actionTrash, self.action_send)
        ui.menuFile.insertAction(ui.actionTrash, self.action_receive)
        ui.menuFile.insertSeparator(ui.actionTrash)

        self.action_user = QAction(self.tr("User…"), w)
        self.action_user.setObjectName("actionUser")
        self.action_user.triggered.connect(self.change_user)
        ui.menuSettings.addAction(self.action_user)

    def add_comment_action(self, action: QAction) -> None:
        """The comments panel's "Add comment…" (Ctrl+Alt+M) goes first in the Review menu."""
        actions = self.menu_review.actions()
        if actions:
            self.menu_review.insertAction(actions[0], action)
        else:
            self.menu_review.addAction(action)

    def _fill_status_menus(self) -> None:
        for menu in (self.menu_status, self.bar.status_menu):
            menu.clear()
            moves = self.moves()
            if self.story.article is None:
                menu.addAction(self.tr("(no story open)")).setEnabled(False)
                continue
            if self.status is not None:
                current = menu.addAction(
                    self.tr("Now: {status}").format(status=status_label(self.status))
                )
                current.setEnabled(False)
                menu.addSeparator()
            if not moves:
                menu.addAction(self.tr("(no move allowed for your role)")).setEnabled(False)
            for target in moves:
                text = self.tr("Move to “{status}”").format(status=status_label(target))
                if needs_reason(target):
                    text += "…"
                act = menu.addAction(text)
                act.setData(target.value)
                act.triggered.connect(lambda _c=False, t=target: self.move_to(t))
            self.publishing.add_to(menu)

    # --- who ------------------------------------------------------------------------------------
    def set_user(self, user: User | None) -> None:
        self.user = user
        self.story.set_user(user)
        if user is None:
            who = self.tr("Who are you?")  # outside the f-string, where lupdate finds it
            self.user_label.setText(f"<a href='user'>{who}</a>")
        else:
            self.user_label.setText(
                f"<a href='user' style='color:inherit; text-decoration:none'>"
                f"{_escape(user.name)} · {_escape(role_label(user.role))}</a>"
            )
        self.refresh_state()

    def change_user(self) -> User | None:
        from editor_app.gui.identity_dialog import change_identity

        user = change_identity(self.window, self.ws.identity)
        if user is not None:
            self.set_user(user)
        return user

    def require_user(self) -> User | None:
        """The user, asking once who they are when nobody is set."""
        return self.user if self.user is not None else self.change_user()

    # --- the open story -------------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        """After the window showed another story (or none)."""
        self.status = article.status if article is not None else None
        self.refresh_state()

    def on_changes(self, changes: Changes) -> None:
        article = self.story.article
        if article is None or article.id not in changes.articles:
            return
        if is_plain_autosave(changes):
            return  # neither the status nor the conflicts changed
        self.refresh_state()

    def moves(self) -> tuple[Status, ...]:
        if self.status is None or self.user is None:
            return ()
        return allowed_moves(self.status, self.user.role)

    def refresh_state(self) -> None:
        """Status, read-only, banners and actions of the open story, as stored now."""
        article = self.story.article
        has = article is not None
        trashed = article is not None and article.trashed_at is not None
        if article is not None:
            try:
                summary = self.ws.articles.summaries([article.id]).get(article.id)
            except UserError:
                summary = None
            if summary is not None:
                self.status = summary.status
                article.status = summary.status
                trashed = summary.trashed  # as stored now (trashed or restored since shown)
        status = self.status if has else None
        if status is not None:
            self.bar.set_status_text(status_label(status))
        self.bar.status_button.setEnabled(has)
        approved = bool(
            has
            and status is not None
            and self.user is not None
            and not can_edit(status, self.user.role)
        )
        # A story in the trash is only shown: what is typed there would go nowhere.
        self.read_only = trashed or approved or self.held_elsewhere
        self._apply_read_only(self.read_only)
        if trashed:
            self.bar.show_read_only(self.tr("Story in the trash — restore it to edit."))
        elif approved and status is not None:
            self.bar.show_read_only(
                self.tr(
                    "Story {status} — read only. A reporter cannot change a story once it is "
                    "approved; comments can still be added."
                ).format(status=status_label(status).lower())
            )
        else:
            self.bar.show_read_only(None)
        self.bar.show_returned(self._returned_text() if status is Status.RETURNED else None)
        self.conflict_count = self._count_conflicts()
        self.bar.show_conflicts(self.conflict_count)
        for action in (self.action_history, self.action_send):
            action.setEnabled(has)
        self.action_conflicts.setEnabled(self.conflict_count > 0)
        self._fill_status_menus()

    def set_held_elsewhere(self, on: bool) -> None:
        """Another desk holds the open story's lock (its notice says who): read-only here."""
        self.held_elsewhere = on
        self.refresh_state()

    def _apply_read_only(self, on: bool) -> None:
        self.story.set_read_only(on)  # the editor and the docks follow

    def _returned_text(self) -> str | None:
        article = self.story.article
        if article is None:
            return None
        try:
            history = self.ws.review.history(article.id)
        except UserError:
            return None
        last = next((r for r in history if r.kind == "status"), None)
        if last is None:
            return self.tr("Returned to the reporter.")
        return self.tr("Returned by {name}: {reason}").format(
            name=last.author or "?", reason=last.reason or "—"
        )

    def _count_conflicts(self) -> int:
        article = self.story.article
        if article is None:
            return 0
        try:
            return len(self.ws.review.conflicts(article.id))
        except UserError:
            return 0

    # --- moving the status ----------------------------------------------------------------------
    def move_to(self, target: Status, reason: str | None = None) -> bool:
        """Moves the open story; a move that needs a reason asks for it first (the move then
        happens when the dialog is accepted, and this returns False)."""
        article = self.story.article
        if article is None:
            return False
        user = self.require_user()
        if user is None:
            return False
        if needs_reason(target) and not (reason or "").strip():
            dialog = ReasonDialog(target, self.window)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.accepted.connect(lambda: self.move_to(target, dialog.reason()))
            self.reason_dialog = dialog
            dialog.open()
            return False
        self.reason_dialog = None
        if target is Status.PUBLISHED:  # through the export: the checklist, the bundle
            self.publishing.publish()
            return False
        if target is Status.WITHDRAWN:  # the withdrawn page replaces the bundle
            self.publishing.withdraw(reason or "")
            return False
        self.story.flush()
        if not self.desk.ops.run(
            lambda: self.ws.review.set_status(article.id, target, user, reason or ""),
            initiator=self,
        ):
            return False
        self.status = target
        article.status = target
        self.refresh_state()
        self.desk.status(self.tr("Moved to “{status}”").format(status=status_label(target)), 5000)
        self.status_moved.emit(target)
        return True

    # --- dialogs --------------------------------------------------------------------------------
    def flush(self) -> None:
        """What is typed in the story and its photos' fields reaches the disk."""
        self.story.flush()

    def reload_story(self) -> None:
        article_id = self.story.article_id
        if article_id is not None:
            self.open_requested.emit(article_id)

    def show_comments(self) -> None:
        if self.comments is not None:
            self.comments.show()
            self.comments.raise_()

    def connect_comments(self, panel: CommentsPanel) -> None:
        """The comments dock's "Add comment…" (Ctrl+Alt+M) and its count join the window."""
        self.comments = panel
        self.add_comment_action(panel.add_action)
        self.window.addAction(panel.add_action)
        panel.comments_changed.connect(self.bar.show_comment_count)

    def current_id(self) -> uuid.UUID | None:
        return self.story.article_id


def _escape(text: str) -> str:
    import html

    return html.escape(text)
