"""The site file's `[updates]` table: where IT publishes the app's releases, and whether the
window may offer to install one.

`source`: a folder (local, or a share: `\\\\may-chu\\phat-hanh\\editor_app`) or an `https://`
address, holding the installers and `editor-app-release.json` (docs/updates.md). A relative
folder is taken from the site file's folder. Plain `http://` is refused: the manifest says
which installer to trust, so it must come over a checked connection or from IT's own share.
`allow_install = true`: the window's notice becomes a button that opens the installer after
checking its SHA-256 (otherwise it says to contact IT). Checked here, with Vietnamese messages
for IT, for `domain/site_parse.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from editor_app.domain.site_limits import shorten

__all__ = ["UPDATES_CHECKERS", "check_updates", "is_url"]


class Reporter(Protocol):
    """What the site file's reader gives a checker (`site_parse._Reader`)."""

    def problem(
        self, key: str, message: str, fatal: bool = True, line: int | None = None
    ) -> None: ...

    def string(self, key: str, raw: object) -> str | None: ...

    def path_value(self, key: str, raw: object) -> Path | None: ...


def is_url(source: str) -> bool:
    """Whether an [updates] source is an address (else a folder)."""
    return source.lower().startswith(("https://", "http://"))


def _https(text: str) -> bool:
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # a port that is not a number
        return False
    return (
        parts.scheme == "https"
        and bool(parts.hostname)
        and parts.username is None
        and port != 0
        and not any(c.isspace() for c in text)
    )


def _source(r: Reporter, key: str, raw: object) -> str | None:
    text = r.string(key, raw)
    if text is None:
        return None
    if not is_url(text):
        folder = r.path_value(key, text)
        return None if folder is None else str(folder)
    if not _https(text):
        r.problem(
            key,
            f"“{shorten(text)}” không dùng được: cần một thư mục hoặc một địa chỉ https://… "
            "(không dùng http://, không ghi tên đăng nhập trong địa chỉ).",
        )
        return None
    return text.rstrip("/")


def _allow(r: Reporter, key: str, raw: object) -> bool | None:
    if not isinstance(raw, bool):
        r.problem(key, "cần true hoặc false (không có ngoặc kép).")
        return None
    return raw


UPDATES_CHECKERS: Mapping[str, Callable[[Reporter, str, object], object | None]] = {
    "updates.source": _source,
    "updates.allow_install": _allow,
}


def check_updates(r: Reporter, values: Mapping[str, Any]) -> None:
    """allow_install without a source does nothing: a warning."""
    if "updates_allow_install" in values and "updates_source" not in values:
        r.problem("updates.allow_install", "không có source: không dùng đến.", fatal=False)
