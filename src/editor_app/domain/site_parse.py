"""Reading a site file's text: tomllib, after the nesting check, then every value checked (type,
length, URL, language, section paths), each problem with its line and a Vietnamese message.

Pure: the text comes from `services/siteconfig.py`, which reads the file and the files it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from editor_app.domain.errors import ValidationError
from editor_app.domain.house_style import checked_style
from editor_app.domain.section import SEPARATOR, normalise_path
from editor_app.domain.site_limits import (
    MAX_ITEMS,
    MAX_VALUE_CHARS,
    MAX_WARNINGS,
    long_number_line,
    long_number_message,
    precheck,
    shorten,
    toml_error,
    too_deep_message,
)
from editor_app.domain.site_lines import key_lines, value_line
from editor_app.domain.site_publish import PUBLISH_CHECKERS, PUBLISH_PATH_KEYS, check_publish
from editor_app.domain.site_updates import UPDATES_CHECKERS, check_updates
from editor_app.domain.siteconfig import (
    KEYS,
    LANGUAGES,
    MAX_LENGTH_LIMIT,
    SSLMODES,
    TABLES,
    USER_KEYS,
    Origin,
    Problem,
    SiteConfig,
    Value,
)
from editor_app.domain.text import format_number, nfc

_FIELD_OF = {key: name for name, key in KEYS.items()}
_PATH_KEYS = frozenset(
    {
        "directory.sections_file",
        "directory.officials_csv",
        "export.folder",
        "server.sslrootcert",
        "server.sslcert",
        "server.sslkey",
        *PUBLISH_PATH_KEYS,
    }
)
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


@dataclass(frozen=True)
class Parsed:
    """What `parse_site` made of a site file: the configuration (None when a problem is fatal:
    the defaults are in effect then) and every problem found."""

    config: SiteConfig | None
    problems: tuple[Problem, ...]


def _type_name(value: object) -> str:
    """What TOML value this is, in Vietnamese (str, bool, int, float, list, dict, or a date,
    time or date-time: the only types tomllib returns)."""
    names = {bool: "đúng/sai", int: "số", float: "số", list: "danh sách", dict: "bảng"}
    return names.get(type(value), "chuỗi" if isinstance(value, str) else "ngày giờ")


class _Reader:
    def __init__(self, text: str, path: Path, expand: Callable[[str], str]) -> None:
        self.text = text
        self.path = path
        self.where = str(path)
        self.expand = expand
        self.lines = key_lines(text)
        self.problems: list[Problem] = []
        self.more_warnings = 0  # past MAX_WARNINGS: counted, not listed

    def listing(self, fatal: bool) -> bool:
        """Whether a problem would be listed (a fatal one always is)."""
        return fatal or sum(not p.fatal for p in self.problems) < MAX_WARNINGS

    def problem(self, key: str, message: str, fatal: bool = True, line: int | None = None) -> None:
        if not self.listing(fatal):
            self.more_warnings += 1
            return
        table, _, name = key.rpartition(".")
        label = shorten(f"[{table}] {name}" if table else name)
        at = line if line is not None else self.lines.get(key) or self.lines.get(table)
        self.problems.append(Problem(f"{label}: {message}", self.where, at, fatal))

    def origin(self, key: str) -> Origin:
        return Origin("site", self.where, self.lines.get(key) or self.lines.get(key.split(".")[0]))

    def string(self, key: str, raw: object) -> str | None:
        if not isinstance(raw, str):
            self.problem(key, f"cần một chuỗi trong ngoặc kép, không phải {_type_name(raw)}.")
            return None
        if len(raw) > MAX_VALUE_CHARS:
            self.problem(
                key, f"quá dài ({_count(len(raw))} ký tự; tối đa {_count(MAX_VALUE_CHARS)})."
            )
            return None
        if "\x00" in raw:
            self.problem(key, "có ký tự NUL (\\u0000).")
            return None
        return nfc(raw.strip())

    def strings(self, key: str, raw: object) -> list[str] | None:
        if isinstance(raw, list) and len(raw) > MAX_ITEMS:
            self.problem(key, f"quá nhiều mục ({_count(len(raw))}; tối đa {_count(MAX_ITEMS)}).")
            return None
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.problem(key, 'cần một danh sách chuỗi, ví dụ ["Thời sự", "Kinh tế"].')
            return None
        longest = max((len(x) for x in raw), default=0)
        if longest > MAX_VALUE_CHARS:
            self.problem(
                key, f"có mục quá dài ({_count(longest)} ký tự; tối đa {_count(MAX_VALUE_CHARS)})."
            )
            return None
        if any("\x00" in x for x in raw):
            self.problem(key, "có mục chứa ký tự NUL (\\u0000).")
            return None
        return [nfc(x.strip()) for x in raw]

    def path_value(self, key: str, raw: object) -> Path | None:
        text = self.string(key, raw)
        if text is None:
            return None
        if not text:
            self.problem(key, "đường dẫn trống.")
            return None
        candidate = Path(self.expand(text))
        return candidate if candidate.is_absolute() else self.path.parent / candidate


def _count(n: int) -> str:
    return format_number(n)


def parse_site(
    text: str,
    path: Path,
    defaults: SiteConfig,
    expand: Callable[[str], str] = lambda s: s,
) -> Parsed:
    """Parses and checks a site file's text. Relative paths are resolved against the file's
    folder (`expand` first expands ~ and environment variables: the caller's business)."""
    import tomllib  # only when there is a site file: most starts have none

    text = text.lstrip("\ufeff")
    refused = precheck(text)
    if refused is not None:
        return Parsed(None, (Problem(refused[0], str(path), refused[1]),))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message, line = toml_error(str(e), text)
        return Parsed(None, (Problem(message, str(path), line),))
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        return Parsed(None, (Problem(long_number_message(), str(path), long_number_line(text)),))
    except RecursionError:  # the nesting check above should have caught it
        return Parsed(None, (Problem(too_deep_message(), str(path)),))
    r = _Reader(text, path, expand)
    values: dict[str, Value[Any]] = {}
    for table, content in data.items():
        if table not in TABLES:
            r.problem(table, "mục không dùng đến (bỏ qua).", fatal=False)
            continue
        if not isinstance(content, dict):
            r.problem(table, f"cần một bảng [{table}], không phải {_type_name(content)}.")
            continue
        for name, raw in content.items():
            key = f"{table}.{name}"
            if key not in _FIELD_OF:
                r.problem(key, "khóa không dùng đến (bỏ qua).", fatal=False)
                continue
            value = _check(r, key, raw)
            if value is not None:
                values[_FIELD_OF[key]] = Value(value, r.origin(key))
    if "sections" in values and "sections_file" in values:
        r.problem("directory.sections_file", "chỉ dùng một trong hai: sections hoặc sections_file.")
    _check_limits(r, defaults, values)
    _check_server(r, values)
    check_publish(r, values)
    check_updates(r, values)
    if r.more_warnings:
        more = f"… và {_count(r.more_warnings)} cảnh báo khác (bỏ qua)."
        r.problems.append(Problem(more, r.where, None, fatal=False))
    if any(p.fatal for p in r.problems):
        return Parsed(None, tuple(r.problems))
    config = replace(defaults, source=path, **values)
    return Parsed(config, tuple(r.problems))


def _check(r: _Reader, key: str, raw: object) -> object | None:
    """The checked value of one key (None after reporting a problem)."""
    if key.startswith("checklist."):
        return _limit(r, key, raw)
    checker = PUBLISH_CHECKERS.get(key) or UPDATES_CHECKERS.get(key)
    if checker is not None:
        return checker(r, key, raw)
    if key in _PATH_KEYS:
        return r.path_value(key, raw)
    if key == "directory.sections":
        return _sections(r, key, raw)
    if key == "policy.user_may_change":
        return _user_keys(r, key, raw)
    return _text(r, key, raw)


def _user_keys(r: _Reader, key: str, raw: object) -> tuple[str, ...] | None:
    """The settings a user may change: known keys kept (once each), unknown ones warned of."""
    items = r.strings(key, raw)
    if items is None:
        return None
    known = ", ".join(USER_KEYS)
    for item in items:
        if item in USER_KEYS:
            continue
        line = value_line(r.text, r.lines.get(key), item) if r.listing(False) else None
        r.problem(key, f"không biết “{shorten(item)}” (chỉ có: {known}).", False, line)
    return tuple(dict.fromkeys(i for i in items if i in USER_KEYS))


def _text(r: _Reader, key: str, raw: object) -> str | None:
    """A string value, checked for what its key needs (a name, a URL, a locale, a language)."""
    text = r.string(key, raw)
    if text is None:
        return None
    if key == "outlet.name" and not text:
        r.problem(key, "tên tòa soạn không được để trống.")
        return None
    checker = _CHECKERS.get(key)
    if checker is not None:
        return checker(r, key, text)
    if key == "server.sslmode" and text not in SSLMODES:
        r.problem(key, f"“{shorten(text)}” không phải chế độ TLS (chọn: {', '.join(SSLMODES)}).")
        return None
    if key == "outlet.locale" and not _LOCALE.match(text):
        r.problem(key, f"mã ngôn ngữ của trang không hợp lệ: “{shorten(text)}” (ví dụ vi_VN).")
        return None
    if key == "ui.language" and text not in LANGUAGES:
        r.problem(key, f"ngôn ngữ giao diện phải là “vi” hoặc “en”, không phải “{shorten(text)}”.")
        return None
    return text


def _limit(r: _Reader, key: str, raw: object) -> int | None:
    """A length limit: a whole number of characters, 0 to MAX_LENGTH_LIMIT."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        r.problem(key, f"cần một số nguyên (số ký tự), không phải {_type_name(raw)}.")
        return None
    if not 0 <= raw <= MAX_LENGTH_LIMIT:
        shown = shorten(str(raw))
        r.problem(key, f"cần một số ký tự từ 0 đến {_count(MAX_LENGTH_LIMIT)}, không phải {shown}.")
        return None
    return raw


def _check_limits(r: _Reader, defaults: SiteConfig, values: dict[str, Value[Any]]) -> None:
    """A minimum above its maximum (either of them perhaps the default) is an error."""
    for field in ("headline", "sapo"):
        low_key, high_key = f"{field}_min", f"{field}_max"
        if low_key not in values and high_key not in values:
            continue
        low = values.get(low_key, getattr(defaults, low_key)).value
        high = values.get(high_key, getattr(defaults, high_key)).value
        if low > high:
            key = KEYS[low_key] if low_key in values else KEYS[high_key]
            r.problem(
                key,
                f"{field}_min ({_count(low)}) lớn hơn {field}_max ({_count(high)}): "
                "mức tối thiểu phải nhỏ hơn hoặc bằng mức tối đa.",
            )


def _base_url(r: _Reader, key: str, text: str) -> str | None:
    parts = urlsplit(text)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() for c in text)
        or parts.query
        or parts.fragment
    ):
        r.problem(
            key, f"địa chỉ trang báo không hợp lệ: “{shorten(text)}” (cần dạng https://ten-bao.vn)."
        )
        return None
    return text.rstrip("/")


def _logo(r: _Reader, key: str, text: str) -> str | None:
    """The logo: an http(s) address or a path on the outlet's site; none when empty."""
    if not text:
        return None
    parts = urlsplit(text)
    if not (text.startswith("/") and not text.startswith("//")) and not (
        parts.scheme in ("http", "https") and parts.netloc
    ):
        r.problem(
            key,
            f"“{shorten(text)}” không phải địa chỉ https://… hay đường dẫn trên trang báo "
            "(bắt đầu bằng /, ví dụ /images/logo.png).",
        )
        return None
    return text


def _server_url(r: _Reader, key: str, text: str) -> str | None:
    """The newsroom server: postgresql://[login@]host[:port]/database, never a password (it
    is kept in the OS keyring: `editor-app server login`)."""
    example = "(cần dạng postgresql://10.0.0.5:5432/toasoan)"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        r.problem(key, f"địa chỉ máy chủ không hợp lệ: “{shorten(text)}” {example}.")
        return None
    if parts.password is not None:
        r.problem(
            key,
            "địa chỉ máy chủ không được chứa mật khẩu: mỗi người lưu mật khẩu của mình trong "
            "kho mật khẩu của máy bằng editor-app server login.",
        )
        return None
    database = parts.path.lstrip("/")
    if (
        parts.scheme not in ("postgresql", "postgres")
        or not parts.hostname
        or not database
        or "/" in database
        or parts.fragment
        or any(c.isspace() for c in text)
        or (port is not None and not 0 < port < 65536)
    ):
        r.problem(key, f"địa chỉ máy chủ không hợp lệ: “{shorten(text)}” {example}.")
        return None
    return text


def _check_server(r: _Reader, values: dict[str, Value[Any]]) -> None:
    """TLS settings without a server, a certificate without its key (or the other way round),
    verification without a CA file: warnings (the desk still starts)."""
    tls = [k for k in ("server_sslrootcert", "server_sslcert", "server_sslkey") if k in values]
    if "server_url" not in values and (tls or "server_sslmode" in values):
        r.problem("server", "có thiết lập TLS nhưng không có url: không dùng đến.", fatal=False)
    if ("server_sslcert" in values) != ("server_sslkey" in values):
        key = "server.sslcert" if "server_sslcert" in values else "server.sslkey"
        r.problem(key, "cần cả sslcert và sslkey (chứng chỉ của máy khách và khóa của nó).")
    mode = values.get("server_sslmode")
    if mode is not None and mode.value.startswith("verify") and "server_sslrootcert" not in values:
        r.problem(
            "server.sslmode",
            f"{mode.value} cần sslrootcert (chứng chỉ CA của máy chủ) để kiểm tra máy chủ.",
            fatal=False,
        )


def _sections(r: _Reader, key: str, raw: object) -> tuple[str, ...] | None:
    items = r.strings(key, raw)
    if items is None:
        return None
    out: dict[str, None] = {}
    for item in items:
        try:
            path = normalise_path(item)
        except ValidationError as e:
            line = value_line(r.text, r.lines.get(key), item)
            r.problem(key, str(e), line=line)
            return None
        parts = path.split(SEPARATOR)
        for i in range(1, len(parts) + 1):
            out.setdefault(SEPARATOR.join(parts[:i]), None)
    if len(out) > MAX_ITEMS:
        r.problem(key, too_many_sections(len(out)))
        return None
    return tuple(out)


_CHECKERS: dict[str, Callable[[_Reader, str, str], str | None]] = {
    "outlet.base_url": _base_url,
    "outlet.logo": _logo,
    "server.url": _server_url,
    "style.tone_marks": lambda r, key, text: checked_style(text, lambda m: r.problem(key, m)),
}


def too_many_sections(count: int) -> str:
    """The message for more sections than a newsroom has (`MAX_ITEMS`)."""
    return f"quá nhiều chuyên mục ({_count(count)}; tối đa {_count(MAX_ITEMS)})."
