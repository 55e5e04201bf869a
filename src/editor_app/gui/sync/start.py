"""Starting the window's sync: nothing when this desk has no newsroom server (it works alone,
as ever), else the indicator in the status bar and the runner."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from editor_app.domain.errors import UserError
from editor_app.gui.desk import Desk
from editor_app.gui.sync.indicator import SyncIndicator
from editor_app.gui.sync.runner import SyncRunner
from editor_app.services.sync_link import SyncLink

__all__ = ["start_sync"]


def start_sync(desk: Desk, bar: QStatusBar, parent: QObject) -> SyncRunner | None:
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
    runner.start()
    return runner
