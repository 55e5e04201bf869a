"""The newsroom server's own refusals (migration 0008): the SQLSTATEs its trigger functions
raise, and the Vietnamese message to show for one.

- `WORKFLOW_REFUSED` (EA001): a login that is not an editor tried what only an editor may do
  (approve, publish, edit an approved story…): "Phóng viên không được chuyển bài từ Chờ duyệt
  sang Đã duyệt."
- `GROUPS_MISSING` (EA002): the migration could not create the group roles (the migrating login
  lacks CREATEROLE); the message says what IT runs.
"""

from __future__ import annotations

__all__ = ["GROUPS_MISSING", "WORKFLOW_REFUSED", "refusal"]

WORKFLOW_REFUSED = "EA001"
GROUPS_MISSING = "EA002"


def refusal(error: BaseException) -> str | None:
    """The server's message when `error` (a SQLAlchemy or psycopg error) is one of the app's
    refusals; None for any other error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in (WORKFLOW_REFUSED, GROUPS_MISSING):
            diag = getattr(current, "diag", None)
            message = getattr(diag, "message_primary", None) or str(current)
            return str(message).strip()
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None
