"""The newsroom server for IT (`editor-app server init|upgrade|check`): where its URL comes
from, what state its schema is in, creating and upgrading it. Every message names the server
without its password; an unreachable server or a refused login is a UserError, never a
traceback. The backup is `services/server_backup.py`."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import quote, quote_plus

from sqlalchemy import URL, Connection, Engine, make_url, text
from sqlalchemy import exc as sa_exc

from editor_app.domain.errors import UserError
from editor_app.store import pg_refusals, postgres
from editor_app.store.database import SCHEMA_HEAD
from editor_app.store.errors import StoreError
from editor_app.store.pg_roles import session_identity

URL_ENV = "EDITOR_APP_SERVER_URL"
# IT is at the keyboard: an unreachable server says so quickly.
CONNECT_TIMEOUT_S = 5

#: empty: no table at all; current/older/newer: editor_app's schema at, before or after this
#: app's head; foreign: tables that are not editor_app's.
SchemaState = Literal["empty", "current", "older", "newer", "foreign"]


def server_url(given: str | None) -> URL:
    """The server's URL: `--url`, else $EDITOR_APP_SERVER_URL, else this PC's link (site.toml's
    `[server]` with the password `server login` kept); UserError when none."""
    raw = given or os.environ.get(URL_ENV, "").strip()
    if not raw:
        from editor_app.services import server_link
        from editor_app.services.siteconfig import load_site

        desk = server_link.server_url_for_desk(load_site().config)
        if desk is not None:
            return desk
        raise UserError(
            f"Chưa có địa chỉ máy chủ: dùng --url postgresql://…, biến {URL_ENV} hoặc [server] "
            "url trong tệp cấu hình site."
        )
    try:
        url = make_url(raw)
    except sa_exc.ArgumentError:
        raise UserError("Địa chỉ máy chủ không hợp lệ (cần dạng postgresql://…).") from None
    try:
        postgres.server_url(url)
    except StoreError as e:
        raise UserError(hide_password(str(e), url)) from None
    return url


def shown(url: URL) -> str:
    """The URL for a message: `postgresql://huy:***@host/db`."""
    return url.render_as_string(hide_password=True)


def where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def hide_password(message: str, url: URL) -> str:
    """`message` with the URL's password (as typed, or percent-encoded) masked."""
    password = url.password
    if password:
        for form in {str(password), quote(str(password), safe=""), quote_plus(str(password))}:
            message = message.replace(form, "***")
    return message


def _reason(e: BaseException, url: URL) -> str:
    """The driver's first line, without its "connection failed:" prefix or the password."""
    message = str(getattr(e, "orig", None) or e).strip()
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    first = re.sub(r"^connection failed:\s*", "", lines[0] if lines else type(e).__name__)
    return hide_password(first, url)


@contextmanager
def connected(url: URL) -> Iterator[Connection]:
    """One connection to the server; any failure to reach it or log in is a UserError naming
    the host and port (never the password)."""
    engine: Engine = postgres.create_server_engine(
        url,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "editor_app server",
            "options": "-c timezone=UTC",
        },
    )
    try:
        try:
            conn = engine.connect()
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as e:
            raise UserError(
                f"Không kết nối được máy chủ PostgreSQL {where(url)} ({shown(url)}): "
                f"{_reason(e, url)}"
            ) from None
        with conn:
            yield conn
    finally:
        engine.dispose()


def _known(revision: str) -> bool:
    try:
        postgres.refuse_unknown(revision)
    except StoreError:
        return False
    return True


def _has_tables(conn: Connection) -> bool:
    count = conn.execute(
        text(
            "SELECT count(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        )
    ).scalar()
    return bool(count)


def schema_state(conn: Connection) -> tuple[SchemaState, str | None]:
    """Where the database's schema is, and its revision (None: not editor_app's)."""
    revision = postgres.current_revision(conn)
    if revision is None:
        return ("foreign" if _has_tables(conn) else "empty"), None
    if revision == SCHEMA_HEAD:
        return "current", revision
    return ("older" if _known(revision) else "newer"), revision


@dataclass(frozen=True)
class ServerStatus:
    url: str  # without the password
    host: str
    port: int
    database: str
    user: str
    server_version: str
    login: str  # the session's login (`user` is the current role)
    name: str  # from `staff`, else the login
    role: str | None  # reporter/editor as the server decides it; None: in neither group
    revision: str | None
    head: str
    state: SchemaState
    stories: int | None  # None: the schema is not (yet) editor_app's

    def as_json(self) -> dict[str, Any]:
        return {"reachable": True, **asdict(self)}


def status(url: URL) -> ServerStatus:
    """Reachability, PostgreSQL's version, the schema against this app's head, the stories."""
    with connected(url) as conn:
        version = str(conn.execute(text("SHOW server_version")).scalar())
        state, revision = schema_state(conn)
        stories: int | None = None
        if state in ("current", "older"):
            stories = int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
        database = str(conn.execute(text("SELECT current_database()")).scalar())
        user = str(conn.execute(text("SELECT current_user")).scalar())
        identity = session_identity(conn)
    return ServerStatus(
        url=shown(url),
        host=url.host or "localhost",
        port=url.port or 5432,
        database=database,
        user=user,
        server_version=version.split(" ")[0],
        login=identity.login,
        name=identity.name,
        role=identity.role.value if identity.role else None,
        revision=revision,
        head=SCHEMA_HEAD,
        state=state,
        stories=stories,
    )


def _refuse(state: SchemaState, revision: str | None, url: URL) -> None:
    if state == "newer":
        raise UserError(
            f"Cơ sở dữ liệu {shown(url)} có lược đồ {revision}, mới hơn phiên bản này của "
            f"editor_app (lược đồ {SCHEMA_HEAD}) hoặc không phải của editor_app. "
            "Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi."
        )
    if state == "foreign":
        raise UserError(
            f"Cơ sở dữ liệu {shown(url)} đã có bảng nhưng không phải của editor_app: "
            "không thay đổi gì. Hãy dùng một cơ sở dữ liệu trống."
        )


@dataclass(frozen=True)
class Migration:
    before: str | None  # None: the database was empty
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _migrate(url: URL) -> Migration:
    engine = postgres.create_server_engine(url)
    try:
        before = postgres.migrate_engine(engine)
    except StoreError as e:
        raise UserError(hide_password(str(e), url)) from None
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as e:
        raise UserError(
            f"Không kết nối được máy chủ PostgreSQL {where(url)} ({shown(url)}): {_reason(e, url)}"
        ) from None
    except sa_exc.DBAPIError as e:
        refused = pg_refusals.refusal(e)
        if refused is None:
            raise
        raise UserError(hide_password(f"{shown(url)}: {refused}", url)) from None
    finally:
        engine.dispose()
    return Migration(before, SCHEMA_HEAD)


def init(url: URL) -> Migration:
    """Creates the schema on an empty database; one already at head is left as it is. An
    older schema is left to `upgrade`; a newer or a foreign one is refused untouched."""
    with connected(url) as conn:
        state, revision = schema_state(conn)
    _refuse(state, revision, url)
    if state == "current":
        return Migration(revision, SCHEMA_HEAD)
    if state == "older":
        raise UserError(
            f"Cơ sở dữ liệu {shown(url)} đã được khởi tạo (lược đồ {revision}, cũ hơn "
            f"{SCHEMA_HEAD}): chạy editor-app server upgrade."
        )
    return _migrate(url)


def upgrade(url: URL) -> Migration:
    """Brings editor_app's schema to this app's head (nothing to do at head)."""
    with connected(url) as conn:
        state, revision = schema_state(conn)
    _refuse(state, revision, url)
    if state == "empty":
        raise UserError(f"Cơ sở dữ liệu {shown(url)} còn trống: chạy editor-app server init trước.")
    if state == "current":
        return Migration(revision, SCHEMA_HEAD)
    return _migrate(url)
