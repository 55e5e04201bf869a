"""`editor-app server login`: a person keeps their server password in this PC's keyring, once,
after the server accepted it (services/server_link.py reads it back for every connection)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import URL

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import SiteConfig
from editor_app.services import server_admin, server_link
from editor_app.services.siteconfig import load_site
from editor_app.store.pg_roles import ServerIdentity, session_identity

__all__ = ["LoginDone", "LoginTarget", "login", "target"]


@dataclass(frozen=True)
class LoginTarget:
    """The server to log in to (no password) and who logs in (None: to be asked)."""

    base: URL
    login: str | None
    site: SiteConfig

    def with_login(self, login: str) -> LoginTarget:
        return replace(self, login=login.strip() or None)


@dataclass(frozen=True)
class LoginDone:
    login: str
    where: str  # the server, without a password
    identity: ServerIdentity | None  # None: not checked (--no-check)


def target(url_text: str | None, login: str | None, site: SiteConfig | None = None) -> LoginTarget:
    """`--url` (no password in it), else the site file's `[server] url`; the login from
    `--user`, else the URL's."""
    site = site if site is not None else load_site().config
    if url_text:
        base = server_admin.server_url(url_text)
        if base.password is not None:
            raise UserError(
                "Đừng ghi mật khẩu trong địa chỉ: bỏ nó đi, lệnh sẽ hỏi mật khẩu (không hiện lên "
                "màn hình)."
            )
    else:
        found = server_link.site_server_url(site)
        if found is None:
            raise UserError(
                "Tệp cấu hình site chưa có [server] url: nhờ IT thêm vào, hoặc dùng --url."
            )
        base = found
    return LoginTarget(base, (login or "").strip() or base.username or None, site)


def login(to: LoginTarget, password: str, *, check: bool = True) -> LoginDone:
    """Checks the password with the server (unless `check` is False), then keeps it in the
    keyring. A refused password is not kept."""
    if not to.login:
        raise UserError("Cần tên đăng nhập: dùng --user LOGIN.")
    if not password:
        raise UserError("Mật khẩu trống: không lưu gì.")
    url = to.base.set(username=to.login, password=password)
    identity = None
    if check:
        with server_admin.connected(
            url.update_query_dict(server_link.tls_connect_args(to.site))
        ) as conn:
            identity = session_identity(conn)
    server_link.remember(to.base, to.login, password)
    return LoginDone(to.login, server_admin.shown(to.base.set(username=to.login)), identity)
