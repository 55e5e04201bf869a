"""The site file's `[publish]` table: where `editor-app site upload` puts the outlet's site.

`target = "folder"` (the default: the site stays in the folder it was built in, or is copied
into `folder`, a web server's folder this PC can write to) or `"sftp"` (host, port, user,
key_file, remote_path, known_hosts: the server's host key is checked against IT's known_hosts
file, never taken on trust). Checked here, with Vietnamese messages for IT, for
`domain/site_parse.py`; the key and known_hosts files are read when an upload starts, not when
the app starts (only the PC that publishes has them: the others must still start).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from editor_app.domain.site_limits import shorten

__all__ = [
    "PUBLISH_CHECKERS",
    "PUBLISH_PATH_KEYS",
    "SFTP_NEEDS",
    "TARGETS",
    "check_publish",
]

TARGETS = ("folder", "sftp")
#: What an sftp target needs (SiteConfig field → key in [publish]).
SFTP_NEEDS = {
    "publish_host": "host",
    "publish_user": "user",
    "publish_key_file": "key_file",
    "publish_remote_path": "remote_path",
    "publish_known_hosts": "known_hosts",
}
PUBLISH_PATH_KEYS = frozenset({"publish.folder", "publish.key_file", "publish.known_hosts"})

#: A host name or an IPv4 address; an IPv6 address in brackets.
_HOST = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*\.?|\[[0-9A-Fa-f:.]+\])$"
)
#: A login name as POSIX and Windows servers allow it.
_USER = re.compile(r"^[A-Za-z0-9_.][A-Za-z0-9_.\-]{0,63}$")


class Reporter(Protocol):
    """What the site file's reader gives a checker (`site_parse._Reader`)."""

    def problem(
        self, key: str, message: str, fatal: bool = True, line: int | None = None
    ) -> None: ...

    def string(self, key: str, raw: object) -> str | None: ...


def _target(r: Reporter, key: str, raw: object) -> str | None:
    text = r.string(key, raw)
    if text is None:
        return None
    if text not in TARGETS:
        r.problem(
            key,
            f"“{shorten(text)}” không phải đích xuất bản: ghi “folder” (một thư mục) hoặc "
            "“sftp” (máy chủ web qua SFTP).",
        )
        return None
    return text


def _host(r: Reporter, key: str, raw: object) -> str | None:
    text = r.string(key, raw)
    if text is None:
        return None
    if not _HOST.match(text):
        r.problem(
            key,
            f"tên máy chủ không hợp lệ: “{shorten(text)}” (ví dụ web.baoyenbai.com.vn hoặc "
            "10.0.0.8; cổng ghi ở port, tên đăng nhập ở user).",
        )
        return None
    return text


def _port(r: Reporter, key: str, raw: object) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw < 65536:
        r.problem(key, f"cần một số cổng từ 1 đến 65535, không phải {shorten(str(raw))}.")
        return None
    return raw


def _user(r: Reporter, key: str, raw: object) -> str | None:
    text = r.string(key, raw)
    if text is None:
        return None
    if not _USER.match(text):
        r.problem(key, f"tên đăng nhập không hợp lệ: “{shorten(text)}” (ví dụ xuatban).")
        return None
    return text


def _remote_path(r: Reporter, key: str, raw: object) -> str | None:
    """The site's folder on the server: an absolute POSIX path, without `..`."""
    text = r.string(key, raw)
    if text is None:
        return None
    parts = text.split("/")
    if not text.startswith("/") or ".." in parts or "\\" in text:
        r.problem(
            key,
            f"“{shorten(text)}” không phải đường dẫn tuyệt đối trên máy chủ (bắt đầu bằng /, "
            "không có ..; ví dụ /var/www/baoyenbai).",
        )
        return None
    return "/" + "/".join(p for p in parts if p and p != ".")


PUBLISH_CHECKERS: Mapping[str, Callable[[Reporter, str, object], object | None]] = {
    "publish.target": _target,
    "publish.host": _host,
    "publish.port": _port,
    "publish.user": _user,
    "publish.remote_path": _remote_path,
}


def check_publish(r: Reporter, values: Mapping[str, Any]) -> None:
    """An sftp target without everything it needs is an error (the whole file is left out, as
    for any error: half a target would upload to the wrong place or not at all); settings of
    the other target are warnings (not used)."""
    target = values["publish_target"].value if "publish_target" in values else "folder"
    if target == "sftp":
        missing = [name for field, name in SFTP_NEEDS.items() if field not in values]
        if missing:
            r.problem(
                "publish.target",
                f"đích sftp cần thêm {', '.join(missing)} trong [publish] (known_hosts: tệp "
                "khóa của máy chủ do IT cung cấp; không bao giờ tin một máy chủ lạ).",
            )
        if "publish_folder" in values:
            r.problem("publish.folder", "chỉ dùng khi target = “folder” (bỏ qua).", fatal=False)
        return
    unused = [f for f in (*SFTP_NEEDS, "publish_port") if f in values]
    if unused:
        names = ", ".join(SFTP_NEEDS.get(f, "port") for f in unused)
        r.problem("publish", f"{names} chỉ dùng khi target = “sftp” (bỏ qua).", fatal=False)
