"""Sync with the newsroom server (issue 16; docs/server.md, "Sync"): one round pushes every
story changed here since it was last synced, then pulls what changed on the server since this
desk's place in its change feed. `editor-app sync` runs one round; the window runs one whenever
the server is reachable and something changed on either side.

A round cut at any moment leaves both sides consistent: each story is pushed in one server
transaction and brought in in one desk transaction; the feed's place moves only after a pull
is done; a story whose step failed is simply found again next round. Nothing is duplicated:
stories, revisions, comments, conflicts and photos keep their ids everywhere.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from sqlalchemy import exc as sa_exc

from editor_app.domain.article import utcnow
from editor_app.domain.errors import UserError
from editor_app.domain.workflow import Role, User
from editor_app.exchange.package import ARTICLE, PackageError
from editor_app.services.changes import Changes, Progress, no_progress
from editor_app.services.story_import import Imported
from editor_app.services.sync_desk import DeskSide, Sending
from editor_app.services.sync_photos import PhotoTransfer
from editor_app.services.sync_server import ServerSide, ServerState
from editor_app.store.database import Database
from editor_app.store.errors import StoreError
from editor_app.store.repo import sync as srepo
from editor_app.store.server import ServerStore

__all__ = ["SyncReport", "SyncService"]

_CURSOR = "feed_cursor"
_RETRY = "retry"
_SERVER_ID = "server_id"
_LAST = "last_sync"
_PULL_GROUP = 50
"""Stories read from the server at once by a pull."""


@dataclass
class SyncReport:
    """What one round did."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    refused: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    pending: int = 0
    """Stories still to send (their step failed this round)."""
    at: datetime | None = None
    touched: set[uuid.UUID] = field(default_factory=set)
    changed_here: set[uuid.UUID] = field(default_factory=set)
    """Stories whose text or photos here were changed by the server's state (an open one is
    shown again)."""
    new_here: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of(
            self.touched,
            membership=self.new_here,
            revisions=bool(self.touched),
            comments=bool(self.touched),
            conflicts=bool(self.touched),
        )


class SyncService:
    def __init__(self, db: Database, server: ServerStore, user: User) -> None:
        self.desk = DeskSide(db, user)
        self.remote = ServerSide(server)
        self.photos = PhotoTransfer(server)
        self._own_transactions: set[int] = set()  # this round's pushes on the server

    @classmethod
    def for_desk(cls, db: Database, server: ServerStore, user: User | None) -> SyncService:
        """The sync of this desk's user; with none set, the server's name for the login."""
        if user is None:
            who = ServerSide(server).identity()
            user = User(who.name, who.role or Role.REPORTER)
        return cls(db, server, user)

    def pending(self) -> int:
        """How many stories wait to be sent (no server needed)."""
        return len(self.desk.pending())

    def last_sync(self) -> datetime | None:
        with self.desk.db.read() as s:
            value = srepo.get_state(s, _LAST)
        return datetime.fromisoformat(value) if value else None

    def sync(
        self, progress: Progress = no_progress, cancelled: Callable[[], bool] = lambda: False
    ) -> SyncReport:
        """One round. StoreError when the server cannot be reached (nothing is lost: what was
        not sent is sent next time)."""
        report = SyncReport()
        self._own_transactions = set()
        self.remote.new_round()
        self._same_server()
        outgoing = self.desk.pending()
        if outgoing:
            with self.remote.holding():
                for n, (aid, sending) in enumerate(self.desk.sending_many(outgoing)):
                    if cancelled():
                        break
                    progress(n, len(outgoing), "Đang gửi bài lên máy chủ…")
                    step = self._push if sending is None else partial(self._send, sending)
                    self._guarded(report, partial(step, aid, report))
        if not cancelled():
            self._pull(report, progress, cancelled)
        now = utcnow()
        with self.desk.db.transaction() as s:
            srepo.set_state(s, _LAST, now.isoformat())
        report.at = now
        report.pending = len(self.desk.pending())
        return report

    # --- steps -----------------------------------------------------------------------------------

    def _same_server(self) -> None:
        """A desk moved to another server starts over: every story is sent again (merged there
        with no base: what differs becomes a conflict, nothing is overwritten)."""
        server_id = self.remote.server_id()
        with self.desk.db.transaction() as s:
            if srepo.get_state(s, _SERVER_ID) != server_id:
                srepo.clear_bases(s)
                srepo.set_state(s, _SERVER_ID, server_id)
                srepo.set_state(s, _CURSOR, "0")
                srepo.set_state(s, _RETRY, "[]")

    def _push(self, aid: uuid.UUID, report: SyncReport) -> None:
        self._send(self.desk.sending(aid), aid, report)

    def _send(self, sending: Sending, aid: uuid.UUID, report: SyncReport) -> None:
        for sha in self.photos.missing(sending.originals):
            self.photos.upload(sha, sending.originals[sha])
        state = self.remote.push(sending.outgoing)
        if state.txid is not None:
            self._own_transactions.add(state.txid)
        report.refused.extend(state.refused)
        report.conflicts += state.opened
        sent = frozenset(_revision_ids(sending.outgoing.parts))
        pushed = sending.outgoing.parts[ARTICLE]["snapshot"]
        if state.as_sent:  # the server's state is the desk's: only the base to record
            self.desk.agreed(state, pushed, sending.read_at)
        else:
            done = self._bring_in(state, pushed, sending.read_at, sent)
            if done.outcome == "new" or done.taken:
                report.changed_here.add(aid)
        report.pushed += 1
        report.touched.add(aid)

    def _pull(self, report: SyncReport, progress: Progress, cancelled: Callable[[], bool]) -> None:
        """The stories the feed says changed, but those changed only by this round's own
        pushes (whose answer brought them back already): another desk's push of the same
        story in between is pulled, never skipped."""
        with self.desk.db.read() as s:
            cursor = int(srepo.get_state(s, _CURSOR, "0") or 0)
            retry = [uuid.UUID(i) for i in json.loads(srepo.get_state(s, _RETRY, "[]") or "[]")]
        changed, horizon = self.remote.changes(cursor)
        own = self._own_transactions
        theirs = [aid for aid, txids in changed.items() if not txids <= own]
        todo = list(dict.fromkeys([*retry, *theirs]))
        failed: list[uuid.UUID] = []
        for at in range(0, len(todo), _PULL_GROUP):
            if cancelled():
                failed.extend(todo[at:])
                break
            group = todo[at : at + _PULL_GROUP]
            told = partial(_told, progress, at, len(todo))
            failed.extend(self._pull_group(group, report, told, cancelled))
        with self.desk.db.transaction() as s:
            srepo.set_state(s, _CURSOR, str(horizon))
            srepo.set_state(s, _RETRY, json.dumps([str(a) for a in failed]))

    def _pull_group(
        self,
        group: list[uuid.UUID],
        report: SyncReport,
        progress: Callable[[int], None],
        cancelled: Callable[[], bool],
    ) -> list[uuid.UUID]:
        """A few stories pulled: those changed here too are pushed (merged on the server), the
        others read from the server at once and brought in one by one. The read time is taken
        before anything of them is read here: a change made here after it is sent next round.
        Returns those whose step failed (or was not reached)."""
        progress(0)
        read_at = utcnow()
        changed = self.desk.changed_among(group)
        failed = [
            aid
            for aid in group
            if aid in changed and not self._guarded(report, partial(self._push, aid, report))
        ]
        bases = self.desk.bases_of([aid for aid in group if aid not in changed])
        wanted = {aid: b.revisions if b else frozenset[str]() for aid, b in bases.items()}
        states: dict[uuid.UUID, ServerState] = {}
        if not self._guarded(report, lambda: states.update(self.remote.fetch_many(wanted))):
            return [*failed, *wanted]
        for n, aid in enumerate(wanted):
            if cancelled():
                return [*failed, *list(wanted)[n:]]
            progress(len(group) - len(wanted) + n)
            state = states.get(aid)  # none: the server has no such story
            if state is not None:
                step = partial(self._pull_one, state, bases[aid], read_at, report)
                if not self._guarded(report, step):
                    failed.append(aid)
        return failed

    def _pull_one(
        self, state: ServerState, base: srepo.Base | None, read_at: datetime, report: SyncReport
    ) -> None:
        done = self._bring_in(state, None if base is None else base.snapshot, read_at)
        if done.outcome == "new" or done.taken:
            report.changed_here.add(state.article_id)
        report.pulled += 1
        report.touched.add(state.article_id)
        report.new_here = report.new_here or done.outcome == "new"

    def _bring_in(
        self,
        state: ServerState,
        merge_base: dict[str, object] | None,
        read_at: datetime,
        sent: frozenset[str] = frozenset(),
    ) -> Imported:
        """Brings the server's state in: what the merge did here."""
        library = self.desk.library()
        files = state.parts[ARTICLE].get("photo_files", [])
        for f in files:
            sha = str(f.get("sha256"))
            if not library.has(sha):
                part = self.photos.download(sha, self.desk.db.media_dir / "incoming")
                library.add(part)
                part.unlink(missing_ok=True)
        return self.desk.apply(state, merge_base, read_at, sent).imported

    @staticmethod
    def _guarded(report: SyncReport, step: Callable[[], None]) -> bool:
        """Runs one story's step; a refusal or a broken story is reported and the round goes
        on (a lost server stops it: StoreError)."""
        try:
            step()
        except StoreError:
            raise  # the server or this desk's disk: the round stops, nothing is half-done
        except (UserError, PackageError) as e:
            report.problems.append(str(e))
            return False
        except sa_exc.DBAPIError as e:
            if e.connection_invalidated or isinstance(e, sa_exc.OperationalError):
                raise StoreError(f"Mất kết nối với máy chủ tòa soạn: {e.orig}") from e
            report.problems.append(_server_message(e))
            return False
        return True


def _told(progress: Progress, at: int, total: int, n: int) -> None:
    progress(at + n, total, "Đang nhận bài từ máy chủ…")


def _revision_ids(parts: dict[str, object]) -> list[str]:
    from editor_app.exchange.package import REVISIONS

    revisions = parts.get(REVISIONS) or []
    assert isinstance(revisions, list)
    return [str(r.get("id")) for r in revisions if isinstance(r, dict)]


def _server_message(e: sa_exc.DBAPIError) -> str:
    """The server's own words for a refusal (its triggers speak Vietnamese)."""
    diag = getattr(e.orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return f"Máy chủ từ chối: {primary or e.orig}"
