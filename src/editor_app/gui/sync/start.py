"""Starting the window's sync: nothing when this desk has no newsroom server (it works alone,
as ever), else the indicator in the status bar, the runner, and the story locks with their
notice above the story."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from editor_app.domain.errors import UserError
from editor_app.gui.desk import Desk
from editor_app.gui.editor.lock_notice import LockNotice
from editor_app.gui.sync.indicator import SyncIndicator
from editor_app.gui.sync.locks import StoryLocks
from editor_app.gui.sync.runner import SyncRunner
from editor_app.services.sync_link import SyncLink

__all__ = ["WindowSync", "start_sync"]


@dataclass(frozen=True)
class WindowSync:
    runner: SyncRunner
    locks: StoryLocks
    notice: LockNotice

    def close(self) -> None:
        self.locks.close()  # first: its last word (letting go) needs the runner's connection
        self.runner.close()


def start_sync(
    desk: Desk, bar: QStatusBar, place_notice: Callable[[QWidget], None], parent: QObject
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
    runner.start()
    return WindowSync(runner, locks, notice)
