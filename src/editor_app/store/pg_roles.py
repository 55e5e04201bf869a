"""Who is connected to the newsroom server, as the server decides it (issue 16, "Who is who").

Each person logs in as their own PostgreSQL role; IT makes it a member of one of two group roles,
`editor_app_reporter` or `editor_app_editor` (`editor-app server add-user`). A superuser (IT
itself) counts as an editor. The person's name shown on revisions and locks comes from the
`staff` table when there is one, else it is the login.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from editor_app.domain.workflow import Role

__all__ = ["EDITOR_GROUP", "REPORTER_GROUP", "ServerIdentity", "session_identity"]

EDITOR_GROUP = "editor_app_editor"
REPORTER_GROUP = "editor_app_reporter"

_IDENTITY = text(
    """
    SELECT session_user AS login,
      (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser,
      CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :editor)
           THEN pg_has_role(session_user, :editor, 'MEMBER') ELSE false END AS editor,
      CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :reporter)
           THEN pg_has_role(session_user, :reporter, 'MEMBER') ELSE false END AS reporter,
      to_regclass('staff') IS NOT NULL AS has_staff
    """
)


@dataclass(frozen=True)
class ServerIdentity:
    login: str
    name: str
    role: Role | None
    """None: the login is in neither group (it may read nothing the app needs)."""


def session_identity(conn: Connection) -> ServerIdentity:
    row = conn.execute(_IDENTITY, {"editor": EDITOR_GROUP, "reporter": REPORTER_GROUP}).one()
    role = Role.EDITOR if row.superuser or row.editor else Role.REPORTER if row.reporter else None
    name = str(row.login)
    if row.has_staff:
        found = conn.execute(
            text("SELECT full_name FROM staff WHERE login = :login"), {"login": row.login}
        ).scalar()
        if found:
            name = str(found)
    return ServerIdentity(str(row.login), name, role)
