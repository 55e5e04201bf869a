"""The site configuration IT sets for every PC of the newsroom, as plain data.

Effective configuration = built-in defaults ← the site file (TOML) ← the user's own settings, for
the keys the site's policy lets users change. Every value carries where it came from (`Origin`),
so `editor-app check` can say "site: /etc/editor_app/site.toml:12".

Pure: `parse_site` reads TOML *text* (tomllib) and validates it; finding and reading the file,
and the files it names, is `services/siteconfig.py`. Messages are Vietnamese, fit for IT.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from editor_app.domain.errors import ValidationError
from editor_app.domain.section import SEPARATOR, normalise_path
from editor_app.domain.text import nfc

T = TypeVar("T")

OriginKind = Literal["default", "site", "user"]
#: The built-in outlet: the sample data's (the same as `render.context.SiteSettings()`, which a
#: test checks); a real newsroom sets its own in the site file.
DEFAULT_NAME = "Báo Lào Cai"
DEFAULT_BASE_URL = "https://baolaocai.vn"
DEFAULT_LOCALE = "vi_VN"
LANGUAGES = ("vi", "en")
#: What the policy may let users change → the key it overrides.
USER_KEYS: dict[str, str] = {"language": "ui.language", "export_folder": "export.folder"}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from: a built-in default, a line of the site file, the user."""

    kind: OriginKind
    path: str | None = None
    line: int | None = None

    def label(self) -> str:
        if self.kind == "default":
            return "mặc định"
        if self.kind == "user":
            return "người dùng"
        where = self.path or "?"
        return f"site: {where}:{self.line}" if self.line else f"site: {where}"


DEFAULT = Origin("default")
USER = Origin("user")


@dataclass(frozen=True, slots=True)
class Value(Generic[T]):
    value: T
    origin: Origin = DEFAULT


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the site file. `fatal`: the file is not used (defaults are);
    otherwise a warning (an unknown key, left out)."""

    message: str
    path: str | None = None
    line: int | None = None
    fatal: bool = True

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class SiteConfig:
    """The configuration in effect, each value with its origin. `source`: the site file the
    values came from (None: none was found, or it was broken and defaults are in effect)."""

    name: Value[str]
    base_url: Value[str]
    logo: Value[str | None]
    locale: Value[str]
    sections: Value[tuple[str, ...]]
    sections_file: Value[Path | None]
    officials_csv: Value[Path | None]
    export_folder: Value[Path | None]
    language: Value[str]
    user_may_change: Value[tuple[str, ...]]
    source: Path | None = None

    @classmethod
    def defaults(
        cls,
        name: str = DEFAULT_NAME,
        base_url: str = DEFAULT_BASE_URL,
        locale: str = DEFAULT_LOCALE,
    ) -> SiteConfig:
        """The built-in configuration."""
        return cls(
            name=Value(name),
            base_url=Value(base_url),
            logo=Value(None),
            locale=Value(locale),
            sections=Value(()),
            sections_file=Value(None),
            officials_csv=Value(None),
            export_folder=Value(None),
            language=Value("vi"),
            user_may_change=Value(tuple(USER_KEYS)),
        )

    def entries(self) -> list[tuple[str, Value[Any]]]:
        """(dotted key as in the site file, value), in the file's order."""
        return [(KEYS[f.name], getattr(self, f.name)) for f in fields(self) if f.name in KEYS]

    def user_may(self, what: str) -> bool:
        """Whether users' settings may override `what` ("language", "export_folder")."""
        return what in self.user_may_change.value

    @property
    def logo_url(self) -> str | None:
        """The logo as an absolute URL (a path on the site is joined to the base URL)."""
        logo = self.logo.value
        if logo and logo.startswith("/"):
            return self.base_url.value.rstrip("/") + logo
        return logo

    @property
    def nav_sections(self) -> tuple[str, ...]:
        """The top-level sections, in order: the exported page's menu."""
        seen: dict[str, None] = {}
        for path in self.sections.value:
            seen.setdefault(path.split(SEPARATOR, 1)[0], None)
        return tuple(seen)

    def with_user(self, values: Mapping[str, object]) -> tuple[SiteConfig, list[str]]:
        """The configuration with the user's settings (`{"language": "en", "export_folder":
        "/home/x/Xuất bản"}`) for what the policy allows; returns it and what was refused
        (locked by IT). Empty or unknown values are ignored."""
        out = self
        refused: list[str] = []
        for what, raw in values.items():
            if what not in USER_KEYS or raw is None or str(raw).strip() == "":
                continue
            if not self.user_may(what):
                refused.append(what)
                continue
            text = nfc(str(raw).strip())
            if what == "language":
                if text in LANGUAGES:
                    out = replace(out, language=Value(text, USER))
            else:
                out = replace(out, export_folder=Value(Path(text), USER))
        return out, refused


#: SiteConfig field → dotted key in the site file.
KEYS: dict[str, str] = {
    "name": "outlet.name",
    "base_url": "outlet.base_url",
    "logo": "outlet.logo",
    "locale": "outlet.locale",
    "sections": "directory.sections",
    "sections_file": "directory.sections_file",
    "officials_csv": "directory.officials_csv",
    "export_folder": "export.folder",
    "language": "ui.language",
    "user_may_change": "policy.user_may_change",
}
_FIELD_OF = {key: name for name, key in KEYS.items()}
_TABLES = ("outlet", "directory", "export", "ui", "policy")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
_TOML_AT = re.compile(r"at line (\d+), column (\d+)")


# --- where a key is written ---------------------------------------------------------------------
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


def _bare(key: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in key.split("."))


def key_lines(text: str) -> dict[str, int]:
    """Dotted key ("outlet.name") → the 1-based line where it is set; tables ("outlet") → their
    header's line. A plain line scan (good for the files IT writes; tomllib has checked the
    syntax already): lines inside multi-line strings are skipped."""
    found: dict[str, int] = {}
    table = ""
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _bare(header.group(1))
            found.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            full = _bare(key.group(1))
            found.setdefault(f"{table}.{full}" if table else full, number)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 == 1:
                in_string = quotes
                break
    return found


def _value_line(text: str, start: int | None, item: str) -> int | None:
    """The first line from `start` on that contains the list item `item`."""
    if start is None:
        return None
    raw = item or '""'
    lines = text.splitlines()
    for number in range(start, min(len(lines), start + 500) + 1):
        if raw in lines[number - 1]:
            return number
    return start


# --- parsing -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Parsed:
    """What `parse_site` made of a site file: the configuration (None when a problem is fatal:
    the defaults are in effect then) and every problem found."""

    config: SiteConfig | None
    problems: tuple[Problem, ...]


def _type_name(value: object) -> str:
    names = {bool: "đúng/sai", int: "số", float: "số", list: "danh sách", dict: "bảng"}
    return names.get(type(value), "chuỗi" if isinstance(value, str) else type(value).__name__)


class _Reader:
    def __init__(self, text: str, path: Path, expand: Callable[[str], str]) -> None:
        self.text = text
        self.path = path
        self.where = str(path)
        self.expand = expand
        self.lines = key_lines(text)
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str, fatal: bool = True, line: int | None = None) -> None:
        table, _, name = key.rpartition(".")
        label = f"[{table}] {name}" if table else name
        at = line if line is not None else self.lines.get(key) or self.lines.get(table)
        self.problems.append(Problem(f"{label}: {message}", self.where, at, fatal))

    def origin(self, key: str) -> Origin:
        return Origin("site", self.where, self.lines.get(key) or self.lines.get(key.split(".")[0]))

    def string(self, key: str, raw: object) -> str | None:
        if not isinstance(raw, str):
            self.problem(key, f"cần một chuỗi trong ngoặc kép, không phải {_type_name(raw)}.")
            return None
        return nfc(raw.strip())

    def strings(self, key: str, raw: object) -> list[str] | None:
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.problem(key, 'cần một danh sách chuỗi, ví dụ ["Thời sự", "Kinh tế"].')
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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        detail = str(e)
        at = _TOML_AT.search(detail)
        line = int(at.group(1)) if at else None
        problem = Problem(f"Sai cú pháp TOML: {detail}", str(path), line)
        return Parsed(None, (problem,))
    r = _Reader(text, path, expand)
    values: dict[str, Value[Any]] = {}
    for table, content in data.items():
        if table not in _TABLES:
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
    if any(p.fatal for p in r.problems):
        return Parsed(None, tuple(r.problems))
    config = replace(defaults, source=path, **values)
    return Parsed(config, tuple(r.problems))


def _check(r: _Reader, key: str, raw: object) -> object | None:
    """The checked value of one key (None after reporting a problem)."""
    if key in ("directory.sections_file", "directory.officials_csv", "export.folder"):
        return r.path_value(key, raw)
    if key == "directory.sections":
        return _sections(r, key, raw)
    if key == "policy.user_may_change":
        items = r.strings(key, raw)
        if items is None:
            return None
        for item in items:
            if item not in USER_KEYS:
                known = ", ".join(USER_KEYS)
                line = _value_line(r.text, r.lines.get(key), item)
                r.problem(key, f"không biết “{item}” (chỉ có: {known}).", fatal=False, line=line)
        return tuple(dict.fromkeys(i for i in items if i in USER_KEYS))
    text = r.string(key, raw)
    if text is None:
        return None
    if key == "outlet.name" and not text:
        r.problem(key, "tên tòa soạn không được để trống.")
        return None
    if key == "outlet.base_url":
        return _base_url(r, key, text)
    if key == "outlet.logo":
        if not text:
            return None
        parts = urlsplit(text)
        if not (text.startswith("/") and not text.startswith("//")) and not (
            parts.scheme in ("http", "https") and parts.netloc
        ):
            r.problem(
                key,
                f"“{text}” không phải địa chỉ https://… hay đường dẫn trên trang báo "
                "(bắt đầu bằng /, ví dụ /images/logo.png).",
            )
            return None
        return text
    if key == "outlet.locale" and not _LOCALE.match(text):
        r.problem(key, f"mã ngôn ngữ của trang không hợp lệ: “{text}” (ví dụ vi_VN).")
        return None
    if key == "ui.language" and text not in LANGUAGES:
        r.problem(key, f"ngôn ngữ giao diện phải là “vi” hoặc “en”, không phải “{text}”.")
        return None
    return text


def _base_url(r: _Reader, key: str, text: str) -> str | None:
    parts = urlsplit(text)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() for c in text)
        or parts.query
        or parts.fragment
    ):
        r.problem(key, f"địa chỉ trang báo không hợp lệ: “{text}” (cần dạng https://ten-bao.vn).")
        return None
    return text.rstrip("/")


def _sections(r: _Reader, key: str, raw: object) -> tuple[str, ...] | None:
    items = r.strings(key, raw)
    if items is None:
        return None
    out: dict[str, None] = {}
    for item in items:
        try:
            path = normalise_path(item)
        except ValidationError as e:
            line = _value_line(r.text, r.lines.get(key), item)
            r.problem(key, str(e), line=line)
            return None
        parts = path.split(SEPARATOR)
        for i in range(1, len(parts) + 1):
            out.setdefault(SEPARATOR.join(parts[:i]), None)
    return tuple(out)
