"""The window's link to the newsroom server (docs/server.md, "Sync"): whether this desk has a
server at all, connecting to it for a sync, and waiting for its "something changed". The
server is $EDITOR_APP_SERVER_URL when set (IT's tests, a second desk on one PC), else
site.toml's `[server]` with this person's password from the OS keyring."""

from __future__ import annotations

import os
from collections.abc import Callable

from sqlalchemy import URL

from editor_app.domain.siteconfig import SiteConfig
from editor_app.domain.workflow import User
from editor_app.services import server_link, server_login
from editor_app.services.locks import LockService, desk_id
from editor_app.services.server_admin import URL_ENV, server_url
from editor_app.services.sync import SyncService
from editor_app.store.database import Database
from editor_app.store.pg_listen import ChangeListener
from editor_app.store.server import ServerStore

__all__ = ["Listening", "NotLoggedIn", "SyncLink"]

NotLoggedIn = server_link.NotLoggedIn


class Listening:
    """A running listener: `stop()` ends it."""

    def __init__(self, listener: ChangeListener) -> None:
        self._listener = listener

    def stop(self) -> None:
        self._listener.stop()


class SyncLink:
    def __init__(self, db: Database, site: SiteConfig) -> None:
        self._db = db
        self._site = site
        self._server: ServerStore | None = None
        self._desk_id: str | None = None
        # Read once: the window's server is the one of its environment when it opened.
        self._env_url = os.environ.get(URL_ENV, "").strip()

    def configured(self) -> bool:
        """Whether this desk has a newsroom server (else it works alone, as ever). A data
        folder open read-only (another window writes it) leaves the syncing to that window."""
        if self._db.read_only:
            return False
        if self._env_url:
            return True
        return server_link.site_server_url(self._site) is not None

    def shown(self) -> str:
        """The server's address without any password (for the status bar's details)."""
        env = self._env_url
        raw = server_url(env) if env else server_link.site_server_url(self._site)
        return "" if raw is None else _shown(raw)

    def connect(self, user: User | None) -> SyncService:
        """A sync over a fresh connection pool (StoreError when the server cannot be reached,
        NotLoggedIn when this PC keeps no password for it)."""
        self.close()
        env = self._env_url
        url = server_url(env) if env else server_link.server_url_for_desk(self._site)
        if url is None:
            raise NotLoggedIn("Máy này chưa có máy chủ tòa soạn ([server] url trong site.toml).")
        self._server = ServerStore.open(url, migrate=False)
        return SyncService.for_desk(self._db, self._server, user)

    def listen(self, on_change: Callable[[str | None], None]) -> Listening:
        """Calls `on_change` (from another thread) whenever the server says a story changed,
        and after each reconnection; needs `connect` first."""
        assert self._server is not None
        listener = ChangeListener(self._server.engine, on_change)
        listener.start()
        return Listening(listener)

    def can_log_in(self) -> bool:
        """Whether a person logs in here (site.toml's `[server]`), not IT's environment URL."""
        return not self._env_url and server_link.site_server_url(self._site) is not None

    def login_name(self) -> str:
        """The login kept in the keyring, else the one in `[server] url` ("" when neither)."""
        base = server_link.site_server_url(self._site)
        if base is None:
            return ""
        found = server_link.stored_credentials(base)
        return found.login if found is not None else base.username or ""

    def log_in(self, login: str, password: str) -> str:
        """Checks the password with the server and keeps it in the keyring (UserError when the
        server refuses it); returns who the server says it is."""
        done = server_login.login(server_login.target(None, login, self._site), password)
        who = done.identity
        return who.name if who is not None else done.login

    def locks(self) -> LockService | None:
        """Story locks on the server this desk is connected to (None: not connected)."""
        server = self._server
        if server is None:
            return None
        if self._desk_id is None:
            self._desk_id = desk_id(self._db)
        return LockService(server, self._desk_id)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)
