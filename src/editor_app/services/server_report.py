"""What `editor-app check` says of the newsroom server when the site file names one: reachable
or not, PostgreSQL's version, the schema against this app's, who this person is there. A desk
may be offline: an unreachable server is information, never a failure of the check."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import SiteConfig
from editor_app.services import server_admin, server_link

__all__ = ["DeskServerReport", "desk_server_report"]

#: ok: connected; offline: not reachable (or the login refused); not_logged_in: no password in
#: this PC's keyring (`editor-app server login`).
ReportState = Literal["ok", "offline", "not_logged_in"]


@dataclass(frozen=True)
class DeskServerReport:
    url: str  # without the password
    state: ReportState
    message: str = ""
    status: server_admin.ServerStatus | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "state": self.state,
            "reachable": self.state == "ok",
            "message": self.message,
            "status": asdict(self.status) if self.status is not None else None,
        }


def desk_server_report(site: SiteConfig) -> DeskServerReport | None:
    """None when the site file has no `[server] url`."""
    base = server_link.site_server_url(site)
    if base is None:
        return None
    shown = server_admin.shown(base)
    try:
        url = server_link.server_url_for_desk(site)
    except server_link.NotLoggedIn as e:
        return DeskServerReport(shown, "not_logged_in", str(e))
    except UserError as e:  # no keyring on this PC
        return DeskServerReport(shown, "not_logged_in", str(e))
    assert url is not None
    try:
        status = server_admin.status(url)
    except UserError as e:
        return DeskServerReport(server_admin.shown(url), "offline", str(e))
    return DeskServerReport(status.url, "ok", status=status)
