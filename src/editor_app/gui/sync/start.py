"""Starting the window's sync: nothing when this desk has no newsroom server (it works alone,
as ever), else the indicator in the status bar, the runner, and the story locks with their
notice above the story."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.sync_status import Link
from editor_app.gui.desk import Desk
from editor_app.gui.editor.lock_notice import LockNotice
from editor_app.gui.sync.indicator import SyncIndicator
from editor_app.gui.sync.locks import StoryLocks
from editor_app.gui.sync.login_dialog import ServerLoginDialog
from editor_app.gui.sync.runner import SyncRunner
from editor_app.services.sync_link import SyncLink

__all__ = ["WindowSync", "ask_login", "start_sync"]


@dataclass(frozen=True)
class WindowSync:
    runner: SyncRunner
    locks: StoryLocks
    notice: LockNotice

    def close(self) -> None:
        self.locks.close()  # first: its last word (letting go) needs the runner's connection
        self.runner.close()


def start_sync(
    desk: Desk,
    bar: QStatusBar,
    place_notice: Callable[[QWidget], None],
    menu: QMenu,
    parent: QWidget,
) -> WindowSync | None:
    link = SyncLink(desk.ws.db, desk.ws.site.config)
    try:
        if not link.configured():
            return None
    except UserError as e:  # a broken [server] url: said once, the desk works alone
        desk.status(str(e), 15_000)
        return None
    indicator = SyncIndicator(bar)
    bar.addPermanentWidget(indicator)
    runner = SyncRunner(desk, link, parent)
    runner.state_changed.connect(indicator.show_state)
    indicator.show_state(runner.state)
    notice = LockNotice()
    place_notice(notice)
    locks = StoryLocks(desk, link, runner, notice, parent)
    if link.can_log_in():
        action = QAction(
            QCoreApplication.translate("SyncLogin", "Log in to the newsroom server…"), menu
        )
        action.setObjectName("actionServerLogin")
        action.triggered.connect(lambda: ask_login(parent, link, runner, desk))
        menu.addAction(action)

    def clicked() -> None:
        if runner.state.link is Link.NOT_LOGGED_IN and link.can_log_in():
            ask_login(parent, link, runner, desk)
        else:
            runner.request(0)

    indicator.clicked.connect(clicked)
    runner.start()
    return WindowSync(runner, locks, notice)


def ask_login(
    parent: QWidget, link: SyncLink, runner: SyncRunner, desk: Desk, problem: str = ""
) -> None:
    """The login dialog; the password checked by the server and kept off the UI thread; asked
    again, saying why, when the server refuses it."""
    dialog = ServerLoginDialog(link.shown(), link.login_name(), problem, parent)
    if dialog.exec() != ServerLoginDialog.DialogCode.Accepted:
        return
    login, password = dialog.credentials()

    def refused(error: BaseException) -> None:
        ask_login(parent, link, runner, desk, str(error))

    def done(name: str) -> None:
        desk.status(
            QCoreApplication.translate(
                "SyncLogin", "Logged in to the newsroom server as {name}."
            ).format(name=name),
            8_000,
        )

    runner.log_in(login, password, done, refused)
