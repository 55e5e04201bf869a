"""Sync with the newsroom server while the window is open (docs/server.md, "Sync"): a round
soon after something changes here, at once when the server says something changed there
(`LISTEN`), and every half minute anyway (which is also how a desk that was offline finds the
server again). Rounds run on a thread of their own, never the window's: a slow network never
holds up typing or autosave. What a round brought is published on the change bus like any other
change; the indicator says how things stand."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.domain.errors import UserError
from editor_app.domain.sync_status import Link, SyncState
from editor_app.domain.workflow import Role, User
from editor_app.gui.desk import Desk
from editor_app.gui.review.refresh import is_plain_autosave
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes
from editor_app.services.sync import SyncReport, SyncService
from editor_app.services.sync_desk import DeskSide
from editor_app.services.sync_link import Listening, NotLoggedIn, SyncLink

__all__ = ["SyncRunner"]

log = logging.getLogger(__name__)

PERIOD_MS = 30_000
AFTER_CHANGE_MS = 200  # a status move, a comment, a new story: to the newsroom at once
AFTER_TYPING_MS = 5_000  # autosaves while typing: gathered into one round
_NOBODY = User("—", Role.REPORTER)  # counting what waits needs no one


@dataclass(frozen=True)
class _Offline:
    link: Link
    reason: str
    pending: int


class SyncRunner(QObject):
    state_changed = Signal(object)  # SyncState
    story_changed = Signal(object)  # uuid.UUID: a story the server changed here
    _noticed = Signal()  # from the listener's thread

    def __init__(self, desk: Desk, link: SyncLink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._link = link
        self._server_shown = link.shown()
        self._worker = Worker(self, name="editor-sync")
        self._service: SyncService | None = None
        self._listening: Listening | None = None
        self._running = False
        self._again = False
        self._closed = False
        self.state = SyncState(Link.OFFLINE, server=self._server_shown)
        self._period = QTimer(self)
        self._period.setInterval(PERIOD_MS)
        self._period.timeout.connect(lambda: self.request(0))
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._start_round)
        self._noticed.connect(lambda: self.request(0))
        desk.bus.subscribe(self, self._on_changes)

    def start(self) -> None:
        self._period.start()
        self.request(0)

    def request(self, delay_ms: int = AFTER_CHANGE_MS) -> None:
        """A round soon (an earlier request stands)."""
        if self._closed:
            return
        if not self._soon.isActive() or self._soon.remainingTime() > delay_ms:
            self._soon.start(delay_ms)

    def _on_changes(self, changes: Changes) -> None:
        self.request(AFTER_TYPING_MS if is_plain_autosave(changes) else AFTER_CHANGE_MS)

    def log_in(
        self,
        login: str,
        password: str,
        on_done: Callable[[str], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Checks and keeps the person's password (on the sync's thread), then a round."""

        def done(name: str) -> None:
            on_done(name)
            self.request(0)

        self._worker.submit(lambda: self._link.log_in(login, password), done, on_error)

    # --- a round ---------------------------------------------------------------------------------

    def _start_round(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._desk.story.flush()  # what is typed is on the disk before the round reads it
        user = self._desk.story.user
        self._worker.submit(lambda: self._round(user), self._done, self._failed)

    def _round(self, user: User | None) -> SyncReport | _Offline:
        """On the sync's thread: connects when needed, then one round."""
        try:
            if self._service is None:
                self._service = self._link.connect(user)
                self._listen()
            return self._service.sync()
        except UserError as e:
            self._drop()
            kind = Link.NOT_LOGGED_IN if isinstance(e, NotLoggedIn) else Link.OFFLINE
            return _Offline(kind, str(e), self._pending())

    def _listen(self) -> None:
        if self._listening is None:
            self._listening = self._link.listen(lambda _id: self._noticed.emit())

    def _pending(self) -> int:
        try:
            return len(DeskSide(self._desk.ws.db, _NOBODY).pending())
        except UserError:
            return 0

    def _drop(self) -> None:
        if self._listening is not None:
            self._listening.stop()
            self._listening = None
        self._service = None
        self._link.close()

    def _done(self, result: SyncReport | _Offline) -> None:
        self._running = False
        if isinstance(result, _Offline):
            state = SyncState(
                result.link,
                self.state.last_sync,
                result.pending,
                reason=result.reason,
                server=self._server_shown,
            )
        else:
            state = SyncState(
                Link.ONLINE,
                result.at,
                result.pending,
                result.conflicts,
                tuple(result.refused),
                tuple(result.problems),
                server=self._server_shown,
            )
            if result.touched:
                self._desk.bus.publish(result.changes, self)
            open_story = self._desk.story.article
            if open_story is not None and open_story.id in result.changed_here:
                self.story_changed.emit(open_story.id)
            for message in result.refused:
                self._desk.status(message, 15_000)
        self._show(state)
        if self._again:
            self._again = False
            self.request(0)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.error("sync round failed", exc_info=error)
        self._show(SyncState(Link.OFFLINE, self.state.last_sync, reason=str(error)))

    def _show(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)

    def close(self) -> None:
        """Stops the timers, waits for a running round, lets the server go."""
        self._closed = True
        self._period.stop()
        self._soon.stop()
        self._worker.wait()
        self._drop()
        self._worker.shutdown()
