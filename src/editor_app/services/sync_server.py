"""What a desk does on the newsroom server during a sync, each step in one server transaction
(docs/server.md, "Sync"). The desk runs it over its own connection, as its own PostgreSQL
login: the server decides who that is (`store.pg_roles`) and its database refuses what the
role may not do, whatever the desk claims.

- `push`: one story, merged under `SELECT … FOR UPDATE` by the same three-way merge as a
  received package (`services.story_import`), with the base the desk last agreed on; a status
  move the role may not make (a reporter's approval made offline) is refused and reported; the
  change goes into the feed and `NOTIFY editor_app_sync` tells the other desks.
- `fetch_many`: stories as the server has them (the revisions the desk lacks).
- `changes`: the stories changed since the desk's place in the feed.
- photos' originals travel by SHA-256 in chunks (`sync_photos`).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import exc as sa_exc

from editor_app import __version__
from editor_app.domain.article import utcnow
from editor_app.domain.errors import NotFound, UserError
from editor_app.domain.workflow import Role, Status, User, allowed_moves
from editor_app.exchange.manifest import Manifest, Sender
from editor_app.exchange.package import ARTICLE, REVISIONS, Package
from editor_app.exchange.story import Story, decode_story
from editor_app.services.handoff_ids import check_ids
from editor_app.services.story_import import import_story
from editor_app.services.story_parts import parts_of
from editor_app.services.sync_publication import (
    encode_publication,
    merge_publication,
    read_publication,
)
from editor_app.store.pg_roles import ServerIdentity, session_identity
from editor_app.store.repo import review as rrepo
from editor_app.store.repo import story_batch
from editor_app.store.repo import sync as srepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from editor_app.store.server import ServerStore
    from editor_app.store.sessions import Sessions

__all__ = ["Outgoing", "ServerSide", "ServerState", "decode_parts"]

SERVER_NAME = "máy chủ tòa soạn"
_REPORTER_NEW = (Status.DRAFT, Status.SUBMITTED)


@dataclass(frozen=True)
class Outgoing:
    """A story as a desk sends it: its parts (without the revisions the server has), the
    snapshot it last agreed on with the server (None: never synced), the revision ids the
    server has, and the conflicts settled on the desk (id → by whom)."""

    article_id: uuid.UUID
    parts: dict[str, Any]
    base: dict[str, Any] | None
    known_revisions: frozenset[str]
    settled: Mapping[str, str]
    publication: dict[str, Any] | None = None


@dataclass(frozen=True)
class ServerState:
    """A story as the server has it after a push or for a fetch: its parts (the revisions the
    desk lacks), its settled conflicts, the ids of all its revisions, what a push opened and
    what the server refused."""

    article_id: uuid.UUID
    parts: dict[str, Any]
    settled: dict[str, str]
    revision_ids: frozenset[str]
    opened: int = 0
    refused: tuple[str, ...] = ()
    publication: dict[str, Any] | None = None
    txid: int | None = None
    """The push's transaction on the server (None: it changed nothing there): the feed's rows
    of this transaction are the desk's own change, not one to pull."""
    as_sent: bool = False
    """The push created the story from the desk's parts, as they were (nothing refused): the
    server's state is the desk's, not read back (`parts` are the desk's, without revisions)."""


def decode_parts(
    parts: Mapping[str, Any], name: str, originals: Mapping[str, Path], sender: Sender
) -> Story:
    """The parts checked as a package's are (`exchange.story.decode_story`): `originals` are
    the photos' originals present (by digest); PackageError names what is wrong."""
    article = parts.get(ARTICLE)
    raw_id = article.get("id") if isinstance(article, Mapping) else None
    try:
        article_id = uuid.UUID(str(raw_id))
    except ValueError:
        article_id = uuid.UUID(int=0)  # decode_story then says the id is wrong
    manifest = Manifest(__version__, utcnow(), sender, article_id, {})
    return decode_story(Package(Path(name), manifest, dict(parts), dict(originals)))


def _role_move_refused(
    story: Story, ours: Status | None, base: Mapping[str, Any] | None, role: Role
) -> str | None:
    """A reporter's status move the workflow does not allow from the server's status is taken
    back (the story keeps the server's status; a new story lands as submitted); the message
    says what was refused."""
    if role is Role.EDITOR:
        return None
    theirs = Status(story.snapshot["status"])
    if ours is None:
        if theirs in _REPORTER_NEW:
            return None
        story.snapshot["status"] = Status.SUBMITTED.value
        ours = Status.SUBMITTED
    elif theirs is ours or (base is not None and base.get("status") == theirs.value):
        return None  # not moved on the desk (the server's own move stands)
    elif theirs in allowed_moves(ours, role):
        return None
    else:
        story.snapshot["status"] = ours.value
    headline = story.snapshot.get("headline") or "(chưa có tiêu đề)"
    return (
        f"Máy chủ không nhận việc chuyển bài “{headline}” sang {theirs.label_vi}: "
        f"{role.label_vi.lower()} không được chuyển bài từ {ours.label_vi} "
        f"sang {theirs.label_vi}. Bài giữ trạng thái {ours.label_vi}."
    )


class ServerSide:
    """The sync's steps on one server."""

    def __init__(self, server: ServerStore) -> None:
        self.server = server
        self._store: Sessions = server  # where pushes run (`holding`)
        self._who: _Who | None = None

    @contextmanager
    def holding(self) -> Iterator[None]:
        """The pushes in the block share one server connection (still one transaction a
        story): the pool's check-out and ping once, not per story."""
        with self.server.held() as held:
            self._store = held
            try:
                yield
            finally:
                self._store = self.server

    def new_round(self) -> None:
        """Who the login is, asked again at the next push (then once a round, not per story:
        IT may have moved the login to the other group meanwhile)."""
        self._who = None

    def server_id(self) -> str:
        with self.server.transaction() as s:
            return srepo.server_id(s)

    def identity(self) -> ServerIdentity:
        with self.server.read() as s:
            return session_identity(s.connection())

    # --- push ------------------------------------------------------------------------------------

    def push(self, out: Outgoing) -> ServerState:
        """Merges the desk's story into the server's (one transaction); a new story created by
        two desks at once is merged by the second."""
        try:
            return self._push(out)
        except sa_exc.IntegrityError:
            return self._push(out)

    def _push(self, out: Outgoing) -> ServerState:
        with self._store.transaction() as s:
            who = self._who or _identity_with_role(s)
            self._who = who
            status = srepo.lock_story(s, out.article_id)
            present = status is not None
            files = out.parts.get(ARTICLE, {}).get("photo_files", [])
            shas = {str(f.get("sha256")) for f in files if isinstance(f, Mapping)}
            have = srepo.complete_blobs(s, shas)
            sender = Sender(who.name, who.role.value)
            story = decode_parts(out.parts, SERVER_NAME, {h: Path(h) for h in have}, sender)
            check_ids(s, story, SERVER_NAME)
            ours = Status(status) if status is not None else None
            refused = _role_move_refused(story, ours, out.base, who.role)
            done = import_story(
                s,
                story,
                User(SERVER_NAME, Role.EDITOR),
                sender,
                _facts_of(story),
                base=out.base if present else None,
                exists=present,
            )
            settled = _settle(s, out.article_id, out.settled)
            published, refused_pub = merge_publication(
                s, out.article_id, read_publication(out.publication), who.role
            )
            txid = None
            if done.wrote or settled or published:
                txid = srepo.record_change(s, out.article_id, utcnow())
            sent = {str(info.id) for info, _ in story.revisions}
            if done.outcome == "new" and refused is None and refused_pub is None:
                state = _as_sent(out, sent)
            else:
                state = self._state(s, out.article_id, out.known_revisions | sent)
        return dataclasses.replace(
            state,
            txid=txid,
            opened=len(done.opened),
            refused=tuple(r for r in (refused, refused_pub) if r is not None),
        )

    # --- pull ------------------------------------------------------------------------------------

    def fetch_many(
        self, wanted: Mapping[uuid.UUID, frozenset[str]]
    ) -> dict[uuid.UUID, ServerState]:
        """Several stories (id → the revisions the desk has) as the server has them, those it
        has, read in one snapshot with a few queries for them all (`story_batch`)."""
        with self.server.read() as s:
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            found = story_batch.read_stories(s, list(wanted))
            return {aid: _state_of(s, rows, wanted[aid]) for aid, rows in found.items()}

    def changes(self, cursor: int) -> tuple[dict[uuid.UUID, frozenset[int]], int]:
        """The stories changed by transactions from `cursor` on (with those transactions' ids),
        and the next cursor (the oldest transaction still running: one that commits late is
        read next time)."""
        with self.server.read() as s:
            horizon = srepo.feed_horizon(s)
            found = srepo.feed_since(s, cursor, horizon)
        return {uuid.UUID(i): txids for i, txids in found.items()}, max(horizon, cursor)

    @staticmethod
    def _state(s: Session, article_id: uuid.UUID, known: frozenset[str] | set[str]) -> ServerState:
        found = story_batch.read_stories(s, [article_id])
        if article_id not in found:
            raise NotFound(f"Không tìm thấy bài viết {article_id}.")
        return _state_of(s, found[article_id], known)


def _state_of(
    s: Session, rows: story_batch.StoryRows, known: frozenset[str] | set[str]
) -> ServerState:
    """A story read (`story_batch`) as the server sends it: its parts without the revisions
    in `known`, its settled conflicts (id → by whom), the ids of all its revisions."""
    still_open = [c for c in rows.conflicts if c.settled_at is None]
    parts = parts_of(
        s, rows.article, rows.revisions, rows.comments, still_open, known_revisions=known
    )
    return ServerState(
        rows.article.id,
        parts,
        {str(c.id): str(c.settled_by) for c in rows.conflicts if c.settled_at is not None},
        frozenset(str(info.id) for info, _ in rows.revisions),
        publication=encode_publication(rows.publication),
    )


def _as_sent(out: Outgoing, sent: set[str]) -> ServerState:
    """The state of a story the push created as the desk sent it: its parts, no revisions to
    bring back, the revisions it sent (all the server has of it)."""
    parts = {**out.parts, REVISIONS: []}
    return ServerState(
        out.article_id,
        parts,
        dict(out.settled),
        frozenset(sent),
        publication=out.publication,
        as_sent=True,
    )


def _identity_with_role(s: Session) -> _Who:
    who = session_identity(s.connection())
    if who.role is None:
        raise UserError(
            f"Tài khoản “{who.login}” chưa được cấp quyền trên máy chủ tòa soạn: "
            "nhờ bộ phận IT chạy editor-app server add-user."
        )
    return _Who(who.login, who.name, who.role)


@dataclass(frozen=True)
class _Who:
    login: str
    name: str
    role: Role


def _facts_of(story: Story) -> Any:
    """The server keeps the originals as the desks send them and never decodes them: a
    photo's facts are those the desk sent (its digest checked on upload)."""
    by_sha = {f.sha256: f for f in story.photo_files.values()}

    def find(sha256: str) -> dict[str, Any] | None:
        f = by_sha.get(sha256)
        if f is None:
            return None
        return {
            "filename": f.filename,
            "format": f.format,
            "width": f.width,
            "height": f.height,
            "size_bytes": f.size_bytes,
            "taken_at": f.taken_at,
            "camera": f.camera,
        }

    return find


def _settle(s: Session, article_id: uuid.UUID, settled: Mapping[str, str]) -> bool:
    """Settles here the story's conflicts the desk settled; True when one was still open."""
    wrote = False
    for cid, by in settled.items():
        try:
            conflict = rrepo.get_conflict(s, uuid.UUID(cid))
        except (ValueError, NotFound):
            continue
        if conflict.article_id == article_id and conflict.settled_at is None:
            rrepo.settle_conflict(s, conflict.id, by)
            wrote = True
    return wrote
