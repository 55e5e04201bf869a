"""The desk's link to the newsroom server: where it is (site.toml's `[server]`: the address and
the TLS settings, the same for every PC), and who this person is on it (their login and
password, kept in the operating system's keyring by `editor-app server login`, never in a
plain file).

`server_url_for_desk(site)` gives the SQLAlchemy URL to connect with: the password from the
keyring, the TLS settings as psycopg's connection arguments (in the URL's query, which
SQLAlchemy hands to `psycopg.connect`; `tls_connect_args` gives them apart).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy import URL, make_url
from sqlalchemy import exc as sa_exc

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import SiteConfig
from editor_app.store import postgres
from editor_app.store.errors import StoreError

__all__ = [
    "NotLoggedIn",
    "ServerCredentials",
    "forget",
    "remember",
    "server_url_for_desk",
    "site_server_url",
    "stored_credentials",
    "tls_connect_args",
]

KEYRING_PREFIX = "editor_app"
# The entry naming who logged in on this PC (its "password" is the login).
_LOGIN_ENTRY = "@login"


class NotLoggedIn(UserError):
    """No password for the server in this PC's keyring (or no keyring at all)."""


@dataclass(frozen=True)
class ServerCredentials:
    login: str
    password: str


def _service(url: URL) -> str:
    """The keyring's service name for a server: one per host, port and database."""
    return f"{KEYRING_PREFIX} {url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def site_server_url(site: SiteConfig) -> URL | None:
    """`[server] url` as a psycopg URL (no password), None when the site has no server."""
    raw = site.server_url.value
    if not raw:
        return None
    try:
        return postgres.server_url(make_url(raw))
    except (sa_exc.ArgumentError, StoreError, ValueError):
        raise UserError(f"[server] url không hợp lệ: {raw}") from None


def tls_connect_args(site: SiteConfig) -> dict[str, str]:
    """libpq's TLS settings from `[server]`: sslmode always, the files when given."""
    args = {"sslmode": site.server_sslmode.value}
    for key in ("sslrootcert", "sslcert", "sslkey"):
        path = getattr(site, f"server_{key}").value
        if path is not None:
            args[key] = str(path)
    return args


def _keyring_error(e: Exception) -> UserError:
    return UserError(
        f"Không dùng được kho mật khẩu của hệ điều hành ({type(e).__name__}): {e}. Trên Linux "
        "cần một kho như GNOME Keyring hoặc KWallet đang chạy."
    )


def remember(url: URL, login: str, password: str) -> None:
    """Keeps `login` and its password for the server at `url` in the OS keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(_service(url), login, password)
        keyring.set_password(_service(url), _LOGIN_ENTRY, login)
    except (KeyringError, RuntimeError) as e:
        raise _keyring_error(e) from None


def forget(url: URL) -> bool:
    """Removes this PC's login for the server at `url`; False when there was none."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    found = stored_credentials(url)
    if found is None:
        return False
    try:
        for entry in (found.login, _LOGIN_ENTRY):
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(_service(url), entry)
    except (KeyringError, RuntimeError) as e:
        raise _keyring_error(e) from None
    return True


def stored_credentials(url: URL) -> ServerCredentials | None:
    """The login (the URL's user, else the one `server login` kept) and its password from the
    keyring; None when either is missing."""
    import keyring
    from keyring.errors import KeyringError

    try:
        login = url.username or keyring.get_password(_service(url), _LOGIN_ENTRY)
        password = keyring.get_password(_service(url), login) if login else None
    except (KeyringError, RuntimeError) as e:
        raise _keyring_error(e) from None
    if not login or password is None:
        return None
    return ServerCredentials(login, password)


def server_url_for_desk(site: SiteConfig) -> URL | None:
    """The URL this PC connects to the newsroom server with (None: the site has no server):
    `[server] url`, this person's login and password from the keyring, the TLS settings.
    `NotLoggedIn` (a Vietnamese message saying to run `editor-app server login`) when the
    keyring holds no password for it."""
    base = site_server_url(site)
    if base is None:
        return None
    found = stored_credentials(base)
    if found is None:
        raise NotLoggedIn(
            f"Máy này chưa lưu mật khẩu máy chủ {_shown(base)}: chạy editor-app server login "
            "(mật khẩu được giữ trong kho mật khẩu của hệ điều hành)."
        )
    url = base.set(username=found.login, password=found.password)
    return url.update_query_dict(tls_connect_args(site))
