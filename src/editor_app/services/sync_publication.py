"""A story's publication record (slug for life, versions, corrections, take-down, embargo)
between a desk and the newsroom server (docs/server.md, "Sync"): a record only moves forward —
a new version, a take-down, a correction — so the newer record wins whole: the one with more
published versions, or at the same version the one changed last; corrections are only ever
added. Only an editor's login may change it on the server (its database refuses anyone else's:
migration 0008); a reporter's desk sending a newer one is reported, not obeyed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from editor_app.domain.errors import UserError
from editor_app.domain.publication import Correction, Publication
from editor_app.domain.workflow import Role
from editor_app.store.repo import publication as prepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["encode_publication", "merge_publication", "read_publication"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TIMES = ("first_published_at", "version_at", "withdrawn_at", "embargo_until")
_TEXTS = (
    "slug",
    "content_hash",
    "headline",
    "sapo",
    "thumbnail",
    "withdrawn_reason",
    "withdrawn_by",
)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def encode_publication(pub: Publication) -> dict[str, Any] | None:
    if pub == Publication():
        return None
    out: dict[str, Any] = {k: getattr(pub, k) for k in _TEXTS}
    out.update({k: _iso(getattr(pub, k)) for k in _TIMES})
    out["version"] = pub.version
    out["corrections"] = [
        {"note": c.note, "at": c.at.isoformat(), "by": c.by, "version": c.version}
        for c in pub.corrections
    ]
    return out


def _when(raw: Any, key: str) -> datetime | None:
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(str(raw))
    except ValueError:
        raise UserError(f"Bản ghi xuất bản có {key} không hợp lệ: {raw!r}.") from None
    if value.tzinfo is None:
        raise UserError(f"Bản ghi xuất bản có {key} thiếu múi giờ.")
    return value.astimezone(UTC)


def read_publication(raw: Mapping[str, Any] | None) -> Publication | None:
    """The record sent (None: none); UserError when it is not one."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise UserError("Bản ghi xuất bản không hợp lệ.")
    texts = {k: str(raw.get(k) or "") for k in _TEXTS}
    times = {k: _when(raw.get(k), k) for k in _TIMES}
    version = raw.get("version")
    if not isinstance(version, int) or version < 0:
        raise UserError("Bản ghi xuất bản có số phiên bản không hợp lệ.")
    corrections = []
    for c in raw.get("corrections") or []:
        at = _when(c.get("at"), "corrections.at") if isinstance(c, Mapping) else None
        if at is None or not isinstance(c.get("version", 0), int):
            raise UserError("Bản ghi xuất bản có một đính chính không hợp lệ.")
        corrections.append(
            Correction(str(c.get("note") or ""), at, str(c.get("by") or ""), c["version"])
        )
    return Publication(
        slug=texts["slug"],
        first_published_at=times["first_published_at"],
        version_at=times["version_at"],
        version=version,
        content_hash=texts["content_hash"],
        headline=texts["headline"],
        sapo=texts["sapo"],
        thumbnail=texts["thumbnail"],
        corrections=tuple(corrections),
        withdrawn_at=times["withdrawn_at"],
        withdrawn_reason=texts["withdrawn_reason"],
        withdrawn_by=texts["withdrawn_by"],
        embargo_until=times["embargo_until"],
    )


def _freshness(pub: Publication) -> tuple[int, datetime, int]:
    last = max((t for t in (pub.version_at, pub.withdrawn_at) if t is not None), default=_EPOCH)
    return (pub.version, last, len(pub.corrections))


def merge_publication(
    s: Session, article_id: uuid.UUID, incoming: Publication | None, role: Role
) -> tuple[bool, str | None]:
    """Takes `incoming` when it is newer than the record here: (written, what was refused)."""
    if incoming is None:
        return False, None
    here = prepo.get_publication(s, article_id)
    if _freshness(incoming) <= _freshness(here) or incoming == here:
        return False, None
    if role is not Role.EDITOR:
        headline = incoming.headline or "(chưa có tiêu đề)"
        return False, (
            f"Máy chủ không nhận việc xuất bản/gỡ bài “{headline}”: chỉ biên tập viên "
            "được xuất bản, đính chính hoặc gỡ bài."
        )
    prepo.save_publication(s, article_id, incoming)
    return True, None
