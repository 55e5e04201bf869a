"""The newsroom's people on the server, for IT (`editor-app server add-user`, `server users`):
each person logs in as their own PostgreSQL role, in the reporters' or the editors' group, and
the server — not the desk — decides what they may do (docs/server.md, "Roles")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import URL
from sqlalchemy import exc as sa_exc

from editor_app.domain.collation import sort_key
from editor_app.domain.errors import UserError
from editor_app.domain.staff import StaffMember, check_password, parse_full_name, parse_login
from editor_app.domain.workflow import Role
from editor_app.services.server_admin import connected, hide_password, shown
from editor_app.store import pg_users
from editor_app.store.errors import StoreError

__all__ = ["AddedUser", "add_user", "list_users"]

_NO_PRIVILEGE = "42501"


@dataclass(frozen=True)
class AddedUser:
    login: str
    name: str
    role: Role
    created: bool  # False: the login existed; its group, name (and password) were changed
    password_set: bool


def _no_privilege(url: URL, login: str) -> UserError:
    return UserError(
        f"Tài khoản {url.username or '?'} trên {shown(url)} không có quyền tạo hay sửa người "
        f"dùng “{login}” (cần CREATEROLE): dùng tài khoản quản trị của tòa soạn."
    )


def _failed(e: sa_exc.DBAPIError, url: URL, login: str) -> UserError:
    orig = getattr(e, "orig", None)
    if getattr(orig, "sqlstate", None) == _NO_PRIVILEGE:
        return _no_privilege(url, login)
    first = str(orig or e).strip().splitlines()[0] if str(orig or e).strip() else type(e).__name__
    return UserError(hide_password(f"Máy chủ {shown(url)} từ chối: {first}", url))


def add_user(url: URL, login: str, name: str, role: Role, password: str | None) -> AddedUser:
    """Creates `login` (or changes it: the group `role` moves it to, the name, the password
    when one is given) on the server at `url`. Everything or nothing (one transaction)."""
    login = parse_login(login)
    name = parse_full_name(name)
    role = Role(role)
    if password is not None:
        check_password(password)
    with connected(url) as conn:
        try:
            created = pg_users.upsert_login(conn, login, name, role, password)
            conn.commit()
        except pg_users.PrivilegeMissing:
            raise _no_privilege(url, login) from None
        except StoreError as e:
            raise UserError(hide_password(f"Máy chủ {shown(url)}: {e}", url)) from None
        except sa_exc.DBAPIError as e:
            raise _failed(e, url, login) from None
    return AddedUser(login, name, role, created, password is not None)


def list_users(url: URL) -> list[StaffMember]:
    """The people on the server, in Vietnamese alphabetical order of their names (then login)."""
    with connected(url) as conn:
        try:
            people = pg_users.list_staff(conn)
        except StoreError as e:
            raise UserError(str(e)) from None
    return sorted(people, key=lambda p: (sort_key(p.name), p.login))
