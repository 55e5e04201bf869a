"""The newsroom's people on the server (issue 16, "Who is who"): each logs in as their own
PostgreSQL role, named by a login IT chooses (`editor-app server add-user`), with the full name
shown on revisions and locks. Pure rules: what a login and a name may be."""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role

__all__ = [
    "GROUP_PREFIX",
    "MAX_LOGIN",
    "MAX_NAME",
    "MIN_PASSWORD",
    "StaffMember",
    "check_password",
    "parse_full_name",
    "parse_login",
]

#: PostgreSQL's identifiers: at most 63 bytes (NAMEDATALEN - 1).
MAX_LOGIN = 63
MAX_NAME = 200
MIN_PASSWORD = 8
#: The group roles' names begin so (`editor_app_reporter`, `editor_app_editor`).
GROUP_PREFIX = "editor_app_"
# Lower-case ASCII letters, digits, `_`, `.` and `-`, starting with a letter: a login that
# reads the same in every tool (psql, pg_hba.conf, a certificate's CN) and needs no quoting.
_LOGIN = re.compile(r"[a-z][a-z0-9_.\-]*")
# Roles PostgreSQL keeps for itself or that IT already uses for administration.
_RESERVED = frozenset({"postgres", "public", "none", "current_user", "session_user", "all"})


def parse_login(text: str) -> str:
    """The login as given, checked; ValidationError (Vietnamese) otherwise."""
    login = text.strip()
    shown = login if len(login) <= 40 else login[:40] + "…"
    rule = (
        "chỉ dùng chữ thường không dấu a–z, chữ số, dấu _ . -, bắt đầu bằng một chữ cái, "
        f"tối đa {MAX_LOGIN} ký tự; ví dụ binh.tv"
    )
    if not login:
        raise ValidationError(f"Tên đăng nhập không được để trống ({rule}).")
    if len(login) > MAX_LOGIN or not _LOGIN.fullmatch(login):
        raise ValidationError(f"Tên đăng nhập không hợp lệ: “{shown}” ({rule}).")
    if login in _RESERVED or login.startswith(("pg_", GROUP_PREFIX)):
        raise ValidationError(
            f"Tên đăng nhập “{login}” được PostgreSQL hoặc editor_app dành riêng: chọn tên khác."
        )
    return login


def parse_full_name(text: str) -> str:
    """The person's name, NFC, spaces collapsed; not empty, no control characters."""
    name = " ".join(nfc(text).split())
    if not name:
        raise ValidationError('Họ tên không được để trống (ví dụ --name "Trần Văn Bình").')
    if len(name) > MAX_NAME:
        raise ValidationError(f"Họ tên quá dài ({len(name)} ký tự; tối đa {MAX_NAME}).")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ValidationError("Họ tên có ký tự điều khiển: hãy gõ lại.")
    return name


def check_password(password: str) -> str:
    """A new password: at least MIN_PASSWORD characters, no NUL, no line break."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu quá ngắn: cần ít nhất {MIN_PASSWORD} ký tự.")
    if any(ch in password for ch in "\x00\r\n"):
        raise ValidationError("Mật khẩu không được chứa ký tự NUL hay xuống dòng.")
    return password


@dataclass(frozen=True)
class StaffMember:
    """One person on the server: the login, the name, the role the server gives it (None: the
    login is in neither group), whether it may log in."""

    login: str
    name: str
    role: Role | None
    can_login: bool = True
