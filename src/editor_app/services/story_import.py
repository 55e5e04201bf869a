"""Bringing a story from elsewhere into a store, inside its transaction: the one merge code of
a received `.story.zip` (`services.handoff`) and of the newsroom server's sync
(`services.sync_server`, `services.sync_desk`).

A story not in the store is created as it is; one that is, is merged field by field
(`domain.merge`): with `base` the snapshot both sides last agreed on (sync), or else the newest
revision both have (a package). Their revisions and comments are added; where a field changed
differently on both sides, ours stays, both versions are kept as revisions and a conflict is
opened for each field — unless `open_conflicts` is off (a desk taking the server's state: the
conflicting fields are left as they are here and reported, to be merged on the server).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from editor_app.domain.article import Article, Photo, utcnow
from editor_app.domain.errors import NotFound
from editor_app.domain.merge import MergeResult, merge_snapshots, newest_common
from editor_app.domain.review import Conflict
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role, Status, User, can_edit
from editor_app.exchange.package import Sender
from editor_app.exchange.story import Story
from editor_app.services import revision_apply as apply
from editor_app.services.articles import _clean_fields, snapshot
from editor_app.store.repo import articles as repo
from editor_app.store.repo import articles_bulk
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["AGREED_REVISIONS", "Imported", "Outcome", "import_story"]

Outcome = Literal["new", "merged", "conflict"]


class _FromRevisions:
    """`base` for a package: the newest revision both sides have."""


AGREED_REVISIONS: Any = _FromRevisions()


@dataclass(frozen=True)
class Imported:
    """What importing did: how it went, the conflicts opened, whether anything was written,
    the story's photos before (None: it was new here), whether officials were added, and the
    keys that conflicted but were left as they are here (`open_conflicts` off)."""

    outcome: Outcome
    opened: list[Conflict]
    wrote: bool
    before: dict[uuid.UUID, str] | None
    officials_added: bool
    left: tuple[str, ...] = ()
    taken: tuple[str, ...] = ()
    """Keys where their value was put on the story here."""


@dataclass(frozen=True)
class _Who:
    user: User
    sender: Sender


def import_story(
    s: Session,
    story: Story,
    user: User,
    sender: Sender,
    find_original: apply.OriginalFinder,
    *,
    base: Mapping[str, Any] | None = AGREED_REVISIONS,
    open_conflicts: bool = True,
    exists: bool | None = None,
) -> Imported:
    """Creates or merges `story` (see the module). `find_original` gives a photo's facts by
    its digest (the original must be in the store before). `exists`: whether the store has
    the story, when the caller knows (None: asked)."""
    aid = story.article_id
    officials_added = _add_officials(s, story)
    before = None if exists is False else _photos_here(s, aid)
    left: tuple[str, ...] = ()
    taken: tuple[str, ...] = ()
    if before is None:
        outcome: Outcome = "new"
        opened: list[Conflict] = []
        pk = _create(s, story, find_original)
        rrepo.import_revisions(s, aid, story.revisions, created_pk=pk)
        wrote = True
    else:
        who = _Who(user, sender)
        result, imported, ours = _merge(s, story, who, find_original, base)
        if open_conflicts:
            opened = _open_conflicts(s, aid, result, (ours, story.snapshot), who)
        else:
            opened, left = [], tuple(c.key for c in result.conflicts)
        wrote = imported > 0 or bool(opened) or bool(result.taken)
        outcome = "conflict" if opened else "merged"
        taken = result.taken
    for c in story.comments:
        wrote = rrepo.upsert_comment(s, c) or wrote
    s.flush()
    s.expire_all()
    return Imported(outcome, opened, wrote or officials_added, before, officials_added, left, taken)


def _photos_here(s: Session, article_id: uuid.UUID) -> dict[uuid.UUID, str] | None:
    """The story's photos here (id → sha256), or None when the story is not here."""
    try:
        return {p.id: p.sha256 for p in repo.get_article(s, article_id).photos}
    except NotFound:
        return None


def _add_officials(s: Session, story: Story) -> bool:
    """Adds the officials the story is tagged with that this directory lacks (an official
    already here is left as it is: each desk keeps its own directory)."""
    added = False
    for official in story.officials:
        try:
            officials_repo.get_official(s, official.id)
        except NotFound:
            officials_repo.upsert_official(s, official)
            added = True
    return added


def _create(s: Session, story: Story, find_original: apply.OriginalFinder) -> int:
    """Writes the new story's row, photos and officials; returns its pk."""
    snap = story.snapshot
    photos = []
    for i, p in enumerate(snap["photos"]):
        pid = uuid.UUID(p["id"])  # not another story's: `handoff_ids.check_ids`
        f = story.photo_files[pid]
        info = find_original(p["sha256"])
        if info is None:
            raise NotFound(f"Không tìm thấy ảnh gốc {p['sha256'][:12]}.")
        photos.append(
            Photo(
                id=pid,
                sha256=f.sha256,
                filename=f.filename,
                format=str(info["format"]),
                width=int(info["width"]),
                height=int(info["height"]),
                size_bytes=int(info["size_bytes"]),
                caption=p["caption"],
                credit=p["credit"],
                alt_text=p["alt_text"],
                featured=p["featured"],
                focus=apply.focus_of(p.get("focus")),
                position=i,
                taken_at=f.taken_at,
                camera=nfc(f.camera),
            )
        )
    # The row is written once, with its fields (not added, then updated), by Core statements.
    fields = _clean_fields(
        {k: apply.article_value(k, snap[k]) for k in (*apply.ARTICLE_KEYS, "status")}
    )
    pk = articles_bulk.insert_article(
        s,
        Article(
            id=story.article_id,
            photos=photos,
            created_at=story.created_at,
            updated_at=utcnow(),
            **fields,
        ),
    )
    if snap["officials"]:  # (the new row has none: nothing to take off, no query to make)
        apply.apply_officials(s, story.article_id, snap["officials"])
    return pk


def _merge(
    s: Session,
    story: Story,
    who: _Who,
    find_original: apply.OriginalFinder,
    base: Mapping[str, Any] | None,
) -> tuple[MergeResult, int, dict[str, Any]]:
    """Merges the story into the one here and puts the values taken on it: the merge, how
    many of their revisions were new here, and the story here before."""
    aid = story.article_id
    ours = snapshot(repo.get_article(s, aid))
    if base is AGREED_REVISIONS:
        theirs_ids = {str(info.id) for info, _ in story.revisions}
        mine = [
            (str(i.id), i.created_at, snap) for i, snap in rrepo.revisions_with_snapshots(s, aid)
        ]
        common = newest_common(mine, theirs_ids)
        base = None if common is None else common[2]
    names = {str(o.id): o.full_name for o in officials_repo.list_officials(s)}
    names.update({str(o.id): o.full_name for o in story.officials})
    # A story the sender's role may not edit here (a reporter's package, a story approved
    # here) takes nothing silently: each change of theirs is a conflict for this desk.
    locked = not can_edit(Status(ours["status"]), Role(who.sender.role))
    result = merge_snapshots(base, ours, story.snapshot, names, keep_ours=locked)
    imported = rrepo.import_revisions(s, aid, story.revisions)
    _apply(s, aid, result, find_original)
    return result, imported, ours


def _open_conflicts(
    s: Session,
    aid: uuid.UUID,
    result: MergeResult,
    sides: tuple[dict[str, Any], dict[str, Any]],
    who: _Who,
) -> list[Conflict]:
    """Both whole versions (ours, theirs) kept as revisions, and a conflict per field."""
    ours, theirs = sides
    if not result.conflicts:
        return []
    sender, user = who.sender, who.user
    role = sender.role if sender.role in {r.value for r in Role} else ""
    theirs_rev = rrepo.add_revision(
        s, aid, theirs, sender.name, role, "received", f"Bản nhận từ {sender.name} (xung đột)"
    )
    ours_rev = rrepo.add_revision(
        s, aid, ours, user.name, user.role, "conflict", "Bản của máy này trước khi nhận"
    )
    now = utcnow()
    opened = [
        Conflict(
            id=uuid.uuid4(),
            article_id=aid,
            key=c.key,
            label_vi=c.label_vi,
            ours=c.ours,
            theirs=c.theirs,
            ours_value=c.ours_value,
            theirs_value=c.theirs_value,
            ours_revision_id=ours_rev.id,
            theirs_revision_id=theirs_rev.id,
            created_at=now,
        )
        for c in result.conflicts
    ]
    # An open conflict on a field that conflicts again is replaced by the new one (its
    # values are out of date; it stays in the list of settled ones).
    keys = {c.key for c in opened}
    for stale in rrepo.list_conflicts(s, aid):
        if stale.key in keys:
            rrepo.settle_conflict(s, stale.id, f"{user.name} (thay bằng xung đột mới)")
    for c in opened:
        rrepo.add_conflict(s, c)
    return opened


def _apply(
    s: Session, aid: uuid.UUID, result: MergeResult, find_original: apply.OriginalFinder
) -> None:
    """Puts the values taken from theirs on the story."""
    taken = set(result.taken)
    fields = {k: result.merged[k] for k in (*apply.ARTICLE_KEYS, "status") if k in taken}
    if fields:
        apply.apply_article_fields(s, aid, fields)
    if "officials" in taken:
        apply.apply_officials(s, aid, result.merged["officials"])
    if any(k == "photos" or k.startswith("photo:") for k in taken):
        apply.apply_photos(s, aid, result.merged["photos"], find_original)
