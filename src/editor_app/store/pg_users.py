"""The newsroom's people as PostgreSQL roles (issue 16, "Who is who"; `editor-app server
add-user` and `server users`). Each person is a login role, member of one group role,
`editor_app_reporter` or `editor_app_editor` (migration 0008), with their name in `staff`.

Identifiers are quoted by psycopg (`psycopg.sql.Identifier`), the password is sent as a
SCRAM-SHA-256 verifier computed by libpq on this side (never in clear text, so never in the
server's log), names are bound parameters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text

from editor_app.domain.staff import StaffMember
from editor_app.domain.workflow import Role
from editor_app.store.errors import StoreError
from editor_app.store.pg_roles import EDITOR_GROUP, REPORTER_GROUP

__all__ = ["GROUP_OF", "PrivilegeMissing", "list_staff", "upsert_login"]

GROUP_OF = {Role.REPORTER: REPORTER_GROUP, Role.EDITOR: EDITOR_GROUP}

_READY = text(
    """
    SELECT (SELECT count(*) FROM pg_roles WHERE rolname IN (:reporter, :editor)) AS groups,
           to_regclass('staff') IS NOT NULL AS has_staff
    """
)
_EXISTING = text("SELECT rolsuper, session_user AS me FROM pg_roles WHERE rolname = :login")
_MEMBER_OF = text(
    """
    SELECT g.rolname FROM pg_auth_members m
      JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
     WHERE r.rolname = :login AND g.rolname IN (:reporter, :editor)
    """
)
_STAFF = text(
    """
    INSERT INTO staff (login, full_name, created_at) VALUES (:login, :name, :now)
    ON CONFLICT (login) DO UPDATE SET full_name = EXCLUDED.full_name
    """
)
_MEMBERS = text(
    """
    SELECT r.rolname AS login, r.rolcanlogin AS can_login, g.rolname AS grp
      FROM pg_auth_members m
      JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
     WHERE g.rolname IN (:reporter, :editor)
    """
)
_GROUPS = {"reporter": REPORTER_GROUP, "editor": EDITOR_GROUP}


class PrivilegeMissing(StoreError):
    """The connected login may not create or change roles (it lacks CREATEROLE)."""


def _run(driver: Any, statement: sql.Composable, login: str) -> None:
    """One role statement on the psycopg connection; its refusal as a StoreError."""
    try:
        driver.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        raise PrivilegeMissing(
            f"tài khoản đang dùng không có quyền tạo hay sửa người dùng “{login}” (cần "
            "CREATEROLE; từ PostgreSQL 16 còn cần quyền ADMIN trên hai nhóm vai trò)"
        ) from None
    except psycopg.Error as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise StoreError(f"máy chủ từ chối: {first}") from None


def _driver(conn: Connection) -> Any:
    """The psycopg connection under SQLAlchemy's (same transaction)."""
    return conn.connection.driver_connection


def _check_ready(conn: Connection) -> None:
    row = conn.execute(_READY, _GROUPS).one()
    if row.groups < 2 or not row.has_staff:
        raise StoreError(
            "Máy chủ chưa có nhóm vai trò hay bảng staff của editor_app: chạy "
            "editor-app server init (hoặc upgrade) trước."
        )


def upsert_login(
    conn: Connection, login: str, full_name: str, role: Role, password: str | None
) -> bool:
    """Creates the login role in `role`'s group (or moves an existing one there, setting its
    password when one is given) and records the name. True when the role was created. The
    caller commits. Refuses a superuser's login and the session's own."""
    _check_ready(conn)
    existing = conn.execute(_EXISTING, {"login": login}).first()
    if existing is not None and (existing.rolsuper or existing.me == login):
        raise StoreError(
            f"“{login}” là tài khoản quản trị (superuser) hoặc chính tài khoản đang dùng: "
            "không đổi được bằng lệnh này."
        )
    driver = _driver(conn)
    who = sql.Identifier(login)
    group = GROUP_OF[role]
    secret: sql.Composable = sql.SQL("")
    if password is not None:
        verifier = driver.pgconn.encrypt_password(
            password.encode(), login.encode(), b"scram-sha-256"
        )
        secret = sql.SQL(" PASSWORD {}").format(sql.Literal(verifier.decode("ascii")))
    if existing is None:
        create = sql.SQL("CREATE ROLE {} LOGIN{} IN ROLE {}")
        _run(driver, create.format(who, secret, sql.Identifier(group)), login)
    else:
        _run(driver, sql.SQL("ALTER ROLE {} LOGIN{}").format(who, secret), login)
        groups = {str(g) for (g,) in conn.execute(_MEMBER_OF, {"login": login, **_GROUPS})}
        for other in groups - {group}:
            _run(driver, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), who), login)
        if group not in groups:
            _run(driver, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), who), login)
    conn.execute(_STAFF, {"login": login, "name": full_name, "now": datetime.now(UTC)})
    return existing is None


def list_staff(conn: Connection) -> list[StaffMember]:
    """Every login in one of the two groups (editor wins when in both), with its name from
    `staff`, and the people of `staff` whose role is gone (role None), unsorted."""
    _check_ready(conn)
    roles: dict[str, tuple[Role, bool]] = {}
    for row in conn.execute(_MEMBERS, _GROUPS):
        role = Role.EDITOR if row.grp == EDITOR_GROUP else Role.REPORTER
        if roles.get(row.login, (None, False))[0] is not Role.EDITOR:
            roles[str(row.login)] = (role, bool(row.can_login))
    names = {
        str(login): str(name)
        for login, name in conn.execute(text("SELECT login, full_name FROM staff"))
    }
    out = []
    for login in roles.keys() | names.keys():
        role_found, can_login = roles.get(login, (None, False))
        out.append(StaffMember(login, names.get(login) or login, role_found, can_login))
    return out
