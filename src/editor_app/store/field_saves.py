"""The autosave's write: a story's fields, written only when they differ from what is stored.

Opening a story and saving what was shown must leave it as it was: no new `updated_at` (which
orders the story list and makes the recovery notice list a story) and no autosave revision.
"What is stored" is the story as the app reads it: text in NFC (`domain.article`), so text
another tool stored decomposed (NFD) and sent back composed is not a change. For text, the
usual case, the comparison is part of the one UPDATE (its WHERE clause): typing costs no extra
query; a save that changes nothing costs one small read more, to tell "nothing to write" from
"no such story" and "locked for this role"."""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Connection, TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from editor_app.domain.article import utcnow
from editor_app.domain.errors import NotFound
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role, Status, locked_statuses, read_only_error
from editor_app.store.models import ArticleRow, UTCDateTime
from editor_app.store.repo.articles import EDITABLE_FIELDS, TEXT_COLUMNS, update_article_fields

__all__ = ["save_changed_fields"]


@lru_cache(maxsize=64)
def _guarded_update(columns: tuple[str, ...], locked: tuple[str, ...]) -> TextClause:
    """UPDATE of text `columns` that touches the row only when one of them, read as NFC
    (`editor_nfc`, store/sqlite.py), differs from the given value."""
    sets = ", ".join(f"{c} = :{c}" for c in columns)
    guard = f" AND status NOT IN ({', '.join(repr(s) for s in locked)})" if locked else ""
    differs = " OR ".join(f"editor_nfc({c}) IS NOT :{c}" for c in columns)
    return text(
        f"UPDATE articles SET {sets}, updated_at = :updated_at, search_dirty = :dirty "
        f"WHERE id = :id{guard} AND ({differs})"
    ).bindparams(
        bindparam("updated_at", type_=UTCDateTime()),
        bindparam("dirty", type_=Boolean()),
    )


def _refuse_if_locked(status: Status, role: Role | None) -> None:
    if role is not None and status in locked_statuses(role):
        raise read_only_error(status, role)


def _as_read(column: str, stored: Any) -> Any:
    return nfc(stored) if column in TEXT_COLUMNS and isinstance(stored, str) else stored


def save_changed_fields(
    session: Session | Connection,
    article_id: uuid.UUID,
    fields: dict[str, Any],
    *,
    locked_for: Role | None = None,
) -> datetime | None:
    """Writes `fields` (cleaned as the service cleans them: NFC text, normalised sections)
    when at least one differs from the stored value; returns when, or None when every field
    already held its value (nothing written). NotFound for no such story; ReadOnly when
    `locked_for` may not edit it, changed or not."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if fields and set(fields) <= TEXT_COLUMNS:
        when = utcnow()
        locked = tuple(s.value for s in locked_statuses(locked_for)) if locked_for else ()
        result = session.execute(
            _guarded_update(tuple(sorted(fields)), locked),
            {**fields, "updated_at": when, "dirty": True, "id": str(article_id)},
        )
        if getattr(result, "rowcount", 1):
            return when
        fields = {}  # nothing written: say why (no such story, locked) or that nothing changed
    columns = sorted(fields)
    row = session.execute(
        select(ArticleRow.status, *(getattr(ArticleRow, c) for c in columns)).where(
            ArticleRow.id == str(article_id)
        )
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy bài viết {article_id}.")
    _refuse_if_locked(Status(row[0]), locked_for)
    stored = {c: _as_read(c, v) for c, v in zip(columns, row[1:], strict=True)}
    changed = {c: v for c, v in fields.items() if stored[c] != _plain(v)}
    if not changed:
        return None
    return update_article_fields(session, article_id, fields, locked_for=locked_for)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Status) else value
