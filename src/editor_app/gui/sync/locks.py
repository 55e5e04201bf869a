"""Story locks in the window (issue 16 point 4; docs/server.md, "Story locks"): opening a story
it may edit on a connected desk takes the story's lock; another desk holding it makes the story
read-only here, with who holds it and a "Tiếp quản" button; every heartbeat renews the lock, and
a lock lost to a take-over saves this desk's text as a revision, syncs it and turns the story
read-only. Offline nothing is ever blocked. Lock calls run on a thread of their own (a network
that hangs never holds up typing, autosave or a sync round)."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.domain.article import Article
from editor_app.domain.errors import UserError
from editor_app.domain.locks import HEARTBEAT, LockLost, lost_revision_reason
from editor_app.domain.sync_status import Link, SyncState
from editor_app.domain.workflow import can_edit
from editor_app.gui.desk import Desk
from editor_app.gui.editor.lock_notice import LockNotice
from editor_app.gui.sync.runner import SyncRunner
from editor_app.gui.worker import Worker
from editor_app.services.locks import LockOutcome, LockService
from editor_app.services.sync_link import SyncLink

__all__ = ["StoryLocks"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoryLocks(QObject):
    held_changed = Signal(bool)
    """The open story is held on another desk (read-only here) or no longer."""

    def __init__(
        self,
        desk: Desk,
        link: SyncLink,
        runner: SyncRunner,
        notice: LockNotice,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._link = link
        self._runner = runner
        self._notice = notice
        self._worker = Worker(self, name="editor-locks")
        self._mine: uuid.UUID | None = None  # the story whose lock this desk holds
        self._lost_story: uuid.UUID | None = None  # lost to another desk: its notice stays
        self._held = False
        self._closed = False
        self._beat = QTimer(self)
        self._beat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        self._beat.timeout.connect(self._on_beat)
        self._beat.start()
        desk.story.opened.connect(self._on_opened)
        runner.state_changed.connect(self._on_sync_state)
        notice.take_over_requested.connect(self._take_over)

    @property
    def holding(self) -> uuid.UUID | None:
        """The story whose lock this desk holds (None: none, or offline)."""
        return self._mine

    # --- opening and closing stories --------------------------------------------------------------

    def _wants_lock(self, article: Article | None) -> bool:
        user = self._desk.story.user
        return bool(
            article is not None
            and article.trashed_at is None
            and (user is None or can_edit(article.status, user.role))
        )

    def _on_opened(self, article: Article | None) -> None:
        previous, self._mine, self._lost_story = self._mine, None, None
        self._show_free()
        wanted = article.id if article is not None and self._wants_lock(article) else None
        self._call(lambda locks: _switch(locks, previous, wanted), self._taken)

    def _on_sync_state(self, state: SyncState) -> None:
        """Offline, nothing is blocked (what is written merges when the server is back); back
        online, the open story's lock is taken (it could not be while offline)."""
        article = self._desk.story.article
        if state.link is not Link.ONLINE:
            if self._held:
                self._lost_story = None
                self._show_free()
            return
        if self._mine is None and self._wants_lock(article):
            assert article is not None
            self._call(lambda locks: locks.take(article.id), self._taken)

    def _taken(self, outcome: LockOutcome | None) -> None:
        article = self._desk.story.article
        if outcome is None or article is None or outcome.lock.article_id != article.id:
            return  # none wanted, or another story opened meanwhile
        if outcome.held_elsewhere:
            if self._lost_story != article.id:  # "… đã tiếp quản bài này" stays until it is free
                self._notice.show_held(outcome.lock, outcome.now, self._login())
            self._set_held(True)
        else:
            self._mine = article.id
            self._lost_story = None
            self._show_free()

    # --- heartbeat and take-over ----------------------------------------------------------------

    def _on_beat(self) -> None:
        mine = self._mine
        if mine is not None:
            self._call(lambda locks: locks.heartbeat([mine]), self._beaten)
        elif self._held:
            self._on_sync_state(SyncState(Link.ONLINE))  # the holder may have let go

    def _beaten(self, lost: dict[uuid.UUID, LockLost] | None) -> None:
        for aid, what in (lost or {}).items():
            if aid == self._mine:
                self._lost(what)

    def _lost(self, lost: LockLost) -> None:
        """Another desk took the story: what is typed here is kept as a revision and synced
        before the story turns read-only."""
        self._mine = None
        self._lost_story = lost.article_id
        self._desk.story.flush()
        ws, user = self._desk.ws, self._desk.story.user
        reason = lost_revision_reason(lost)
        self._desk.ops.run(lambda: ws.review.save_revision(lost.article_id, user, reason))
        self._runner.request(0)
        self._notice.show_lost(lost)
        self._set_held(True)

    def _take_over(self, article_id: uuid.UUID) -> None:
        def done(outcome: LockOutcome | None) -> None:
            if outcome is None or outcome.held_elsewhere:
                return
            self._mine = article_id
            self._show_free()
            self._runner.request(0)  # the former holder's text comes with the next rounds

        self._call(lambda locks: locks.take_over(article_id), done, say_errors=True)

    # --- plumbing -------------------------------------------------------------------------------

    def _show_free(self) -> None:
        self._notice.clear()
        self._set_held(False)

    def _set_held(self, on: bool) -> None:
        if on != self._held:
            self._held = on
            self.held_changed.emit(on)

    def _login(self) -> str:
        locks = self._link.locks()
        return locks.login if locks is not None else ""

    def _call(
        self,
        work: Callable[[LockService], T],
        on_done: Callable[[T | None], None],
        say_errors: bool = False,
    ) -> None:
        """`work(locks)` on the locks' thread when connected; a server that cannot be reached
        blocks nothing (offline edits are never blocked)."""
        if self._closed:
            return

        def run() -> T | None:
            locks = self._link.locks()
            return None if locks is None else work(locks)

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                if say_errors:
                    self._desk.status(str(error), 10_000)
                return
            log.error("story lock call failed", exc_info=error)

        self._worker.submit(run, on_done, failed)

    def close(self) -> None:
        """Lets go of this desk's locks (best effort) and stops."""
        self._closed = True
        self._beat.stop()
        mine, self._mine = self._mine, None
        if mine is not None:
            self._worker.submit(lambda: _release(self._link.locks()))
        self._worker.wait()
        self._worker.shutdown()


def _switch(
    locks: LockService, previous: uuid.UUID | None, wanted: uuid.UUID | None
) -> LockOutcome | None:
    if previous is not None and previous != wanted:
        with contextlib.suppress(UserError):  # else it expires on its own
            locks.release(previous)
    return None if wanted is None else locks.take(wanted)


def _release(locks: LockService | None) -> None:
    if locks is not None:
        with contextlib.suppress(UserError):
            locks.release_all()
