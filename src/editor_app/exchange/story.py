"""What the JSON parts of a package hold, both ways: domain objects → JSON values for writing,
and JSON read from another PC → checked domain objects (every field used is checked for type
and sense; a problem raises `PackageError` naming the part and the field).

``article.json``: ``{"id", "created_at", "updated_at", "snapshot": <services.articles.snapshot>,
"photo_files": [{"id", "sha256", "filename", "format", "width", "height", "size_bytes",
"taken_at", "camera"}], "officials": [{"id", "full_name", "organization", "aliases",
"retired", "titles": [{"text", "start", "end"}]}]}`` — the officials the story is tagged with,
so a desk whose directory lacks them gets them. ``revisions.json``: ``[{"id", "created_at",
"author", "role", "kind", "reason", "snapshot"}]``, oldest first. ``comments.json``: the
comments and replies. ``conflicts.json``: the sender's unsettled conflicts.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from editor_app.domain.article import Photo, utcnow
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.review import (
    REVISION_KINDS,
    Anchor,
    Comment,
    Conflict,
    RevisionInfo,
    anchor_field_ok,
)
from editor_app.domain.workflow import Role
from editor_app.exchange.fields import Fields, snapshot_from_json
from editor_app.exchange.limits import CLOCK_SKEW
from editor_app.exchange.package import (
    ARTICLE,
    COMMENTS,
    CONFLICTS,
    REVISIONS,
    Package,
)

__all__ = [
    "PhotoFile",
    "Story",
    "decode_story",
    "encode_article",
    "encode_comment",
    "encode_conflict",
    "encode_revision",
]


@dataclass(frozen=True)
class PhotoFile:
    """What a photo row needs beyond the snapshot (the original itself is in the package)."""

    id: uuid.UUID
    sha256: str
    filename: str
    format: str
    width: int
    height: int
    size_bytes: int
    taken_at: datetime | None = None
    camera: str = ""


@dataclass
class Story:
    """A package's content, checked."""

    article_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    snapshot: dict[str, Any]
    photo_files: dict[uuid.UUID, PhotoFile] = field(default_factory=dict)
    officials: list[Official] = field(default_factory=list)
    revisions: list[tuple[RevisionInfo, dict[str, Any]]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


# --- writing -------------------------------------------------------------------------------------


def _iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def encode_article(
    article_id: uuid.UUID,
    created_at: datetime,
    updated_at: datetime,
    snapshot: Mapping[str, Any],
    photos: Sequence[Photo],
    officials: Sequence[Official],
) -> dict[str, Any]:
    return {
        "id": str(article_id),
        "created_at": created_at.isoformat(),
        "updated_at": updated_at.isoformat(),
        "snapshot": dict(snapshot),
        "photo_files": [
            {
                "id": str(p.id),
                "sha256": p.sha256,
                "filename": p.filename,
                "format": p.format,
                "width": p.width,
                "height": p.height,
                "size_bytes": p.size_bytes,
                "taken_at": _iso(p.taken_at),
                "camera": p.camera,
            }
            for p in photos
        ],
        "officials": [
            {
                "id": str(o.id),
                "full_name": o.full_name,
                "organization": o.organization,
                "aliases": list(o.aliases),
                "retired": o.retired,
                "titles": [
                    {"text": t.text, "start": _iso(t.start), "end": _iso(t.end)} for t in o.titles
                ],
            }
            for o in officials
        ],
    }


def encode_revision(info: RevisionInfo, snapshot: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": str(info.id),
        "created_at": info.created_at.isoformat(),
        "author": info.author,
        "role": str(info.role),
        "kind": info.kind,
        "reason": info.reason,
        "snapshot": dict(snapshot),
    }


def encode_comment(c: Comment) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "parent_id": None if c.parent_id is None else str(c.parent_id),
        "anchor": None if c.anchor is None else c.anchor.to_json(),
        "author": c.author,
        "role": str(c.role),
        "text": c.text,
        "created_at": c.created_at.isoformat(),
        "updated_at": c.updated_at.isoformat(),
        "resolved_at": _iso(c.resolved_at),
        "resolved_by": c.resolved_by,
    }


def encode_conflict(c: Conflict) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "key": c.key,
        "label_vi": c.label_vi,
        "ours": c.ours,
        "theirs": c.theirs,
        "ours_value": c.ours_value,
        "theirs_value": c.theirs_value,
        "ours_revision_id": str(c.ours_revision_id),
        "theirs_revision_id": str(c.theirs_revision_id),
        "created_at": c.created_at.isoformat(),
    }


# --- reading -------------------------------------------------------------------------------------


def _photo_file(c: Fields, value: Any, where: str) -> PhotoFile:
    p = c.obj(value, where)
    w = f"{where}."
    return PhotoFile(
        id=c.ident(p, "id", w),
        sha256=c.sha(p, "sha256", w),
        filename=c.text(p, "filename", w),
        format=c.text(p, "format", w),
        width=c.integer(p, "width", w),
        height=c.integer(p, "height", w),
        size_bytes=c.integer(p, "size_bytes", w),
        taken_at=c.maybe_when(p, "taken_at", w, future_ok=True),  # a camera's clock
        camera=c.text(p, "camera", w, ""),
    )


def _official(c: Fields, value: Any, where: str) -> Official:
    o = c.obj(value, where)
    w = f"{where}."
    titles = []
    for i, t in enumerate(c.arr(o.get("titles", []), f"{w}titles")):
        tw = f"{w}titles[{i}]."
        t = c.obj(t, tw[:-1])
        titles.append(Title(c.text(t, "text", tw), c.day(t, "start", tw), c.day(t, "end", tw)))
    official = Official(
        id=c.ident(o, "id", w),
        full_name=c.text(o, "full_name", w),
        organization=c.text(o, "organization", w, ""),
        aliases=c.texts(o, "aliases", w),
        retired=c.boolean(o, "retired", w),
        titles=titles,
    )
    if not official.full_name:
        raise c.fail(f"{w}full_name", "không được để trống")
    return official


def _article(package: Package, latest: datetime) -> Story:
    c = Fields(package.path.name, ARTICLE, latest)
    a = c.obj(package.parts[ARTICLE], "(gốc)")
    article_id = c.ident(a, "id", "")
    if article_id != package.manifest.article_id:
        raise c.fail("id", "khác mã bài trong manifest")
    story = Story(
        article_id=article_id,
        created_at=c.when(a, "created_at", ""),
        updated_at=c.when(a, "updated_at", ""),
        snapshot=snapshot_from_json(c, a.get("snapshot"), "snapshot", complete=True),
    )
    files = [
        _photo_file(c, p, f"photo_files[{i}]")
        for i, p in enumerate(c.arr(a.get("photo_files"), "photo_files"))
    ]
    c.unique([f.id for f in files], "photo_files")
    story.photo_files = {f.id: f for f in files}
    for i, p in enumerate(story.snapshot["photos"]):
        f = story.photo_files.get(uuid.UUID(p["id"]))
        if f is None or f.sha256 != p["sha256"]:
            raise c.fail(f"snapshot.photos[{i}]", "không có tệp ảnh tương ứng trong photo_files")
        if f.sha256 not in package.photos:
            raise c.fail(f"snapshot.photos[{i}]", "thiếu ảnh gốc trong gói")
    story.officials = [
        _official(c, o, f"officials[{i}]")
        for i, o in enumerate(c.arr(a.get("officials"), "officials"))
    ]
    c.unique([o.id for o in story.officials], "officials")
    known = {str(o.id) for o in story.officials}
    for i, oid in enumerate(story.snapshot["officials"]):
        if oid not in known:
            raise c.fail(f"snapshot.officials[{i}]", "không có trong danh sách officials")
    return story


def _role(c: Fields, obj: Mapping[str, Any], where: str, allow_empty: bool) -> str:
    role = c.text(obj, "role", where, "")
    if role not in {r.value for r in Role} and not (allow_empty and role == ""):
        raise c.fail(f"{where}role", "phải là “reporter” hoặc “editor”")
    return role


def _revisions(
    package: Package, article_id: uuid.UUID, latest: datetime
) -> list[tuple[RevisionInfo, dict[str, Any]]]:
    c = Fields(package.path.name, REVISIONS, latest)
    out = []
    for i, value in enumerate(c.arr(package.parts[REVISIONS], "(gốc)")):
        w = f"[{i}]."
        r = c.obj(value, w[:-1])
        kind = c.text(r, "kind", w)
        if kind not in REVISION_KINDS:
            raise c.fail(f"{w}kind", "không phải loại phiên bản đã biết")
        info = RevisionInfo(
            id=c.ident(r, "id", w),
            article_id=article_id,
            created_at=c.when(r, "created_at", w),
            author=c.text(r, "author", w, ""),
            role=_role(c, r, w, allow_empty=True),
            kind=kind,
            reason=c.text(r, "reason", w, ""),
        )
        out.append((info, snapshot_from_json(c, r.get("snapshot"), f"{w}snapshot", complete=False)))
    c.unique([info.id for info, _ in out], "(gốc)")
    return out


def _anchor(c: Fields, value: Any, where: str) -> Anchor | None:
    if value is None:
        return None
    a = c.obj(value, where)
    w = f"{where}."
    anchor = Anchor(
        field=c.text(a, "field", w),
        quote=c.text(a, "quote", w),
        prefix=c.text(a, "prefix", w, ""),
        suffix=c.text(a, "suffix", w, ""),
        start=c.integer(a, "start", w),
    )
    if not anchor_field_ok(anchor.field):
        raise c.fail(f"{w}field", "không phải trường góp ý được")
    return anchor


def _comments(package: Package, article_id: uuid.UUID, latest: datetime) -> list[Comment]:
    c = Fields(package.path.name, COMMENTS, latest)
    out = []
    for i, value in enumerate(c.arr(package.parts[COMMENTS], "(gốc)")):
        w = f"[{i}]."
        m = c.obj(value, w[:-1])
        comment = Comment(
            id=c.ident(m, "id", w),
            article_id=article_id,
            parent_id=c.maybe_ident(m, "parent_id", w),
            anchor=_anchor(c, m.get("anchor"), f"{w}anchor"),
            author=c.text(m, "author", w),
            role=Role(_role(c, m, w, allow_empty=False)),
            text=c.text(m, "text", w),
            created_at=c.when(m, "created_at", w),
            updated_at=c.when(m, "updated_at", w),
            resolved_at=c.maybe_when(m, "resolved_at", w),
            resolved_by=c.text(m, "resolved_by", w, ""),
        )
        if comment.parent_id is not None and comment.anchor is not None:
            raise c.fail(f"{w}anchor", "phải để trống ở một câu trả lời")
        out.append(comment)
    c.unique([m.id for m in out], "(gốc)")
    return out


def _conflicts(package: Package, article_id: uuid.UUID, latest: datetime) -> list[Conflict]:
    c = Fields(package.path.name, CONFLICTS, latest)
    out = []
    for i, value in enumerate(c.arr(package.parts[CONFLICTS], "(gốc)")):
        w = f"[{i}]."
        m = c.obj(value, w[:-1])
        out.append(
            Conflict(
                id=c.ident(m, "id", w),
                article_id=article_id,
                key=c.text(m, "key", w),
                label_vi=c.text(m, "label_vi", w, ""),
                ours=c.text(m, "ours", w, ""),
                theirs=c.text(m, "theirs", w, ""),
                ours_value=m.get("ours_value"),
                theirs_value=m.get("theirs_value"),
                ours_revision_id=c.ident(m, "ours_revision_id", w),
                theirs_revision_id=c.ident(m, "theirs_revision_id", w),
                created_at=c.when(m, "created_at", w),
            )
        )
    c.unique([m.id for m in out], "(gốc)")
    return out


def decode_story(package: Package, now: datetime | None = None) -> Story:
    """The package's parts as checked domain objects; PackageError naming what is wrong: a
    field of the wrong shape or past its limit (`exchange.limits`), or a time later than
    `now` (this machine's clock) and the allowed skew."""
    latest = (now or utcnow()) + CLOCK_SKEW
    story = _article(package, latest)
    story.revisions = _revisions(package, story.article_id, latest)
    story.comments = _comments(package, story.article_id, latest)
    story.conflicts = _conflicts(package, story.article_id, latest)
    return story
