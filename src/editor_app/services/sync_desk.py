"""The desk's side of a sync (docs/server.md, "Sync"): which stories changed here since they
were last synced, each as it is sent, and the server's state of a story brought in — by the
same merge as a received package, with the snapshot both sides last agreed on as the base.

A field that changed here while the server's state was on its way stays as it is here (the
desk never opens conflicts itself): the base keeps the value it was changed from, so the next
push merges it on the server, which opens the conflict if there is one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor_app.domain.article import utcnow
from editor_app.domain.errors import NotFound
from editor_app.domain.workflow import Role, User
from editor_app.exchange.manifest import Sender
from editor_app.exchange.package import ARTICLE
from editor_app.services.articles import snapshot
from editor_app.services.handoff_ids import check_ids
from editor_app.services.handoff_photos import PackagePhotos
from editor_app.services.story_import import Imported, import_story
from editor_app.services.story_parts import parts_of
from editor_app.services.sync_publication import (
    encode_publication,
    merge_publication,
    read_publication,
)
from editor_app.services.sync_server import SERVER_NAME, Outgoing, ServerState, decode_parts
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import review as rrepo
from editor_app.store.repo import story_batch
from editor_app.store.repo import sync as srepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from editor_app.media.library import MediaLibrary

__all__ = ["Applied", "DeskSide", "Sending"]

_SERVER = Sender(SERVER_NAME, Role.EDITOR.value)


@dataclass(frozen=True)
class Sending:
    """A story on its way: what is sent, when it was read, its originals (digest → file)."""

    outgoing: Outgoing
    read_at: datetime
    originals: dict[str, Path]


@dataclass(frozen=True)
class Applied:
    imported: Imported
    conflicts_added: int
    headline: str


class DeskSide:
    def __init__(self, db: Database, user: User) -> None:
        self.db = db
        self.user = user

    def library(self) -> MediaLibrary:
        from editor_app.media.library import MediaLibrary  # Pillow: loaded only when needed

        return MediaLibrary(self.db.media_dir)

    # --- what to send ----------------------------------------------------------------------------

    def pending(self) -> list[uuid.UUID]:
        """The stories changed here since they were last synced (never synced ones too);
        stories found unchanged have their sync time brought forward."""
        now = utcnow()
        with self.db.read() as s:
            found = srepo.candidates(s)
            bases: dict[uuid.UUID, srepo.Base] = {}
            for at in range(0, len(found), story_batch.MAX_STORIES):
                bases.update(srepo.get_bases(s, found[at : at + story_batch.MAX_STORIES]))
            dirty = [aid for aid in found if _dirty(s, aid, bases.get(aid))]
        clean = set(found) - set(dirty)
        if clean:
            with self.db.transaction() as s:
                for aid in clean:
                    base = srepo.get_base(s, aid)
                    if base is not None and not _dirty(s, aid, base):
                        srepo.set_base(s, aid, srepo.Base(base.snapshot, base.revisions, now))
        return dirty

    def sending(self, article_id: uuid.UUID) -> Sending:
        """The story as it is sent (NotFound when it is no longer here)."""
        sending = dict(self.sending_many([article_id])).get(article_id)
        if sending is None:
            raise NotFound(f"Không tìm thấy bài viết {article_id}.")
        return sending

    def sending_many(self, ids: Sequence[uuid.UUID]) -> Iterator[tuple[uuid.UUID, Sending | None]]:
        """Each story as it is sent (None: no longer here), read in groups — a few queries a
        group (`store.repo.story_batch`), not a dozen a story. A group's read time is taken
        before it is read: a change made here after that is sent next round."""
        library = self.library()
        for at in range(0, len(ids), _GROUP):
            group = ids[at : at + _GROUP]
            read_at = utcnow()
            with self.db.read() as s:
                stories = story_batch.read_stories(s, group)
                bases = srepo.get_bases(s, group)
                ready = {
                    aid: _sending(s, rows, bases.get(aid), read_at, library)
                    for aid, rows in stories.items()
                }
            for aid in group:
                yield aid, ready.get(aid)

    def bases_of(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, srepo.Base | None]:
        """The base (the snapshot last agreed with the server, None: never synced) of each of a
        few stories (at most `story_batch.MAX_STORIES`)."""
        with self.db.read() as s:
            found = srepo.get_bases(s, ids)
        return {aid: found.get(aid) for aid in ids}

    def changed_among(self, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Those of a few stories (at most `story_batch.MAX_STORIES`) waiting to be sent
        (`pending`, for them only: a round pulling many stories asks for each group, and must
        not compare every story here each time)."""
        with self.db.read() as s:
            found = srepo.candidates(s, among=ids)
            bases = srepo.get_bases(s, found)
            return {aid for aid in found if _dirty(s, aid, bases.get(aid))}

    # --- what comes back -------------------------------------------------------------------------

    def apply(
        self,
        state: ServerState,
        merge_base: Mapping[str, Any] | None,
        read_at: datetime,
        sent_revisions: frozenset[str] = frozenset(),
    ) -> Applied:
        """Brings the server's state of a story in (its originals already stored here)."""
        library = self.library()
        photos = PackagePhotos(library)
        files = state.parts.get(ARTICLE, {}).get("photo_files", [])
        originals = {}
        for f in files:
            sha = str(f.get("sha256")) if isinstance(f, Mapping) else ""
            path = library.original_path(sha) if sha else None
            if path is not None:
                originals[sha] = path
        story = decode_parts(state.parts, SERVER_NAME, originals, _SERVER)
        with self.db.transaction() as s:
            check_ids(s, story, SERVER_NAME)
            done = import_story(
                s, story, self.user, _SERVER, photos.meta, base=merge_base, open_conflicts=False
            )
            added = _conflicts(s, state, story, read_at)
            # The server's record is the newsroom's (it took only an editor's).
            merge_publication(s, state.article_id, read_publication(state.publication), Role.EDITOR)
            base = _compose_base(story.snapshot, merge_base, done.left)
            revisions = state.revision_ids | sent_revisions
            synced = _synced_at(done, read_at)
            srepo.set_base(s, state.article_id, srepo.Base(base, revisions, synced))
            headline = repo.get_article(s, state.article_id).headline
        return Applied(done, added, headline)

    def agreed(self, state: ServerState, sent: Mapping[str, Any], read_at: datetime) -> None:
        """The server took the story exactly as sent (`ServerState.as_sent`): nothing to bring
        in, only the base to record — the snapshot sent, the revisions both sides now have."""
        with self.db.transaction() as s:
            srepo.set_base(s, state.article_id, srepo.Base(dict(sent), state.revision_ids, read_at))


_GROUP = 50
"""Stories read at once to be sent."""


def _sending(
    s: Session,
    rows: story_batch.StoryRows,
    base: srepo.Base | None,
    read_at: datetime,
    library: MediaLibrary,
) -> Sending:
    article = rows.article
    known = base.revisions if base is not None else frozenset[str]()
    still_open = [c for c in rows.conflicts if c.settled_at is None]
    parts = parts_of(s, article, rows.revisions, rows.comments, still_open, known_revisions=known)
    settled = {str(c.id): c.settled_by for c in rows.conflicts if c.settled_at is not None}
    originals: dict[str, Path] = {}
    for p in article.photos:
        path = library.original_path(p.sha256)
        if path is not None:
            originals[p.sha256] = path
    snap = None if base is None else base.snapshot
    publication = encode_publication(rows.publication)
    out = Outgoing(article.id, parts, snap, known, settled, publication)
    return Sending(out, read_at, originals)


def _synced_at(done: Imported, read_at: datetime) -> datetime:
    """The base's sync time: the round's read time (a change made here after it is sent next
    round) — but for a story new here, now, inside the transaction that wrote it: nothing of it
    can have been changed here before, and its row, written now, is then not taken for a change
    of this desk's to compare at the end of the round (`pending`)."""
    return utcnow() if done.outcome == "new" else read_at


def _dirty(s: Session, article_id: uuid.UUID, base: srepo.Base | None) -> bool:
    if base is None:
        return True
    try:
        article = repo.get_article(s, article_id)
    except NotFound:
        return False
    if snapshot(article) != base.snapshot:
        return True
    if any(str(r.id) not in base.revisions for r in rrepo.list_revisions(s, article_id)):
        return True
    if any(c.updated_at > base.synced_at for c in rrepo.list_comments(s, article_id)):
        return True
    return any(
        c.settled_at is not None and c.settled_at > base.synced_at
        for c in rrepo.list_conflicts(s, article_id, open_only=False)
    )


def _conflicts(s: Session, state: ServerState, story: Any, read_at: datetime) -> int:
    """The server's open conflicts added here; those it settled, settled here — dated no later
    than the round's read time (`read_at`, the base's sync time), so that the desk does not take
    the server's settlement for one of its own to send (`_dirty`)."""
    here = {str(c.id): c for c in rrepo.list_conflicts(s, state.article_id, open_only=False)}
    added = 0
    for c in story.conflicts:
        if str(c.id) not in here:
            rrepo.add_conflict(s, c)
            added += 1
    for cid, by in state.settled.items():
        mine = here.get(cid)
        if mine is not None and mine.settled_at is None:
            rrepo.settle_conflict(s, mine.id, by, max(read_at, mine.created_at))
    return added


def _compose_base(
    server: Mapping[str, Any], sent: Mapping[str, Any] | None, left: tuple[str, ...]
) -> dict[str, Any]:
    """The server's snapshot, but for the fields left as they are here: for those, the value
    they were changed from (what was sent), so the next push merges them on the server."""
    base = dict(server)
    if sent is None:
        return base
    for key in left:
        field = "photos" if key.startswith("photo:") else key
        if field in sent:
            base[field] = sent[field]
    return base
