"""The user's own settings that a site policy may lock, read without Qt (for `editor-app check`,
which shows the configuration the window would use and must not load Qt).

The window keeps its settings in QSettings' native store for the organisation and application
"editor_app" (`gui/settings.user_settings`). On Linux that is an INI file,
`$XDG_CONFIG_HOME/editor_app/editor_app.conf` (else `~/.config/…`), then, for a key not found
there, the organisation's file and the system folders' files in Qt's order; on Windows the
registry, `HKEY_CURRENT_USER\\Software\\editor_app\\editor_app` (then the organisation's defaults
and the machine's). Both are read here as Qt reads them: in the INI file quotes keep spaces,
commas and semicolons, `;` starts a comment, backslash escapes, `@@` for a leading `@`. macOS
keeps them in its preferences, which only Qt reads: there nothing is read, and `read` says so.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from editor_app.services.safe_read import UnreadableFile, read_regular

__all__ = [
    "APPLICATION",
    "LOCKABLE_KEYS",
    "ORGANIZATION",
    "UserSettings",
    "ini_files",
    "parse_ini",
    "read_user_settings",
]

ORGANIZATION = "editor_app"
APPLICATION = "editor_app"

#: The settings a site policy (`user_may_change`) may lock, by the policy's name, and the key the
#: window keeps each under.
LOCKABLE_KEYS: dict[str, str] = {
    "language": "preferences/language",
    "export_folder": "preferences/export_folder",
}

#: The largest settings file read (it also holds window geometry: a few kB).
MAX_SETTINGS_BYTES = 1 << 20

Value = str | list[str] | None  # None: not a text (Qt's @Invalid(), @ByteArray(…), …)


@dataclass(frozen=True)
class UserSettings:
    """The lockable settings the user set (by the policy's name; blank ones left out), where the
    window writes them, whether this platform's store was read, and the files that were not."""

    values: dict[str, str]
    where: str
    read: bool = True
    problems: tuple[str, ...] = ()


def read_user_settings(
    platform: str = sys.platform, env: Mapping[str, str] = os.environ
) -> UserSettings:
    """The user's lockable settings as the window reads them (`Settings.overrides()`)."""
    if platform == "win32":
        return _from_registry()
    if platform == "darwin":
        return UserSettings({}, f"macOS preferences of {ORGANIZATION}", read=False)
    return _from_ini_files(ini_files(env))


# --- Linux and other Unix: Qt's INI file ---------------------------------------------------------


def ini_files(env: Mapping[str, str] = os.environ) -> list[Path]:
    """The files Qt looks in, first one holding a key wins: the user's application file and
    organisation file, then each system folder's application file, then each one's organisation
    file (`XDG_CONFIG_DIRS`, else /etc/xdg). Relative XDG paths are ignored, as Qt does."""
    home = env.get("XDG_CONFIG_HOME", "")
    user = Path(home) if os.path.isabs(home) else Path(env.get("HOME") or Path.home()) / ".config"
    dirs = [Path(d) for d in env.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
    dirs = dirs or [Path("/etc/xdg")]
    app, org = f"{ORGANIZATION}/{APPLICATION}.conf", f"{ORGANIZATION}.conf"
    return [user / app, user / org, *(d / app for d in dirs), *(d / org for d in dirs)]


def _from_ini_files(files: list[Path]) -> UserSettings:
    parsed: list[dict[str, Value]] = []
    problems: list[str] = []
    for path in files:
        if not os.path.lexists(path):
            continue
        try:
            text = read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8-sig", errors="replace")
        except UnreadableFile as e:
            problems.append(str(e))
            continue
        parsed.append(parse_ini(text))
    values: dict[str, str] = {}
    for name, key in LOCKABLE_KEYS.items():
        found = next((p[key] for p in parsed if key in p), None)
        text = _as_text(found)
        if text.strip():
            values[name] = text
    return UserSettings(values, str(files[0]), problems=tuple(problems))


def _as_text(value: Value) -> str:
    """A value as a text setting: a list (an unquoted comma, hand-written) joined back; UTF-16
    halves written as escapes paired as Qt pairs them, a lone one replaced."""
    if value is None:
        return ""
    text = ", ".join(value) if isinstance(value, list) else value
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")


def parse_ini(text: str) -> dict[str, Value]:
    """The keys ("group/key") and values of an INI file as QSettings reads it. `[General]` holds
    the keys without a group; sections of one name are joined, and read in the order of their
    names (so a `group\\key` line in `[General]` yields to the same key in `[group]`); a later
    line of a section wins."""
    sections: dict[str, list[str]] = {}
    section = ""
    for line in _ini_lines(text):
        if line.startswith("["):
            end = line.find("]")
            name = (line[1:end] if end != -1 else line[1:]).strip()
            if name.lower() == "general":
                section = ""
            elif name.lower() == "%general":
                section = name[1:] + "/"
            else:
                section = _unescape_key(name) + "/"
            sections.setdefault(section, [])
        else:
            sections.setdefault(section, []).append(line)
    out: dict[str, Value] = {}
    for name in sorted(sections):
        for line in sections[name]:
            equals = _equals_at(line)
            if equals != -1:
                key = _unescape_key(line[:equals].rstrip(" \t"))
                out[name + key] = _string_value(_unescape_value(line[equals + 1 :]))
    return out


def _ini_lines(text: str) -> list[str]:
    """Logical lines: a newline inside quotes or after a backslash continues the line; `;` at
    the start of a line, or outside quotes, starts a comment to the end of the line."""
    lines: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\n\r\f\v":
            i += 1
        start, in_quotes = i, False
        while i < n:
            ch = text[i]
            if ch == "\\":
                i += 2
                if i < n and {text[i - 1], text[i]} == {"\r", "\n"}:
                    i += 1
                continue
            if ch == '"':
                in_quotes = not in_quotes
            elif ch in "\r\n" and not in_quotes:
                break
            elif ch == ";" and not in_quotes:
                if i > start:
                    lines.append(text[start:i])
                while i < n and text[i] not in "\r\n":
                    i += 1
                start = i
                break
            i += 1
        if i > start:
            lines.append(text[start : min(i, n)])
    return lines


def _equals_at(line: str) -> int:
    """Where the first `=` outside quotes is (-1: none)."""
    in_quotes = False
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "=" and not in_quotes:
            return i
        i += 1
    return -1


def _unescape_key(raw: str) -> str:
    """`%XX` and `%UXXXX` are characters, a backslash is a `/` (a group)."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            out.append("/")
            i += 1
            continue
        if ch == "%" and i + 1 < len(raw):
            digits = 4 if raw[i + 1] == "U" else 2
            first = i + 2 if digits == 4 else i + 1
            code = raw[first : first + digits]
            if len(code) == digits and all(c in _HEX for c in code):
                out.append(chr(int(code, 16)))
                i = first + digits
                continue
        out.append(ch)
        i += 1
    return "".join(out)


_HEX = "0123456789abcdefABCDEF"
_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    '"': '"',
    "?": "?",
    "'": "'",
    "\\": "\\",
}


class _Value:
    """Qt's value reader (`iniUnescapedStringList`): quotes, escapes, a comma outside quotes
    making a list; trailing spaces and tabs of an unquoted part are dropped."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.i = 0
        self.current = ""
        self.keep = 0  # characters of `current` that trailing-space trimming leaves alone
        self.items: list[str] | None = None
        self.quoted = False

    def skip_spaces(self) -> None:
        while self.i < len(self.raw) and self.raw[self.i] in " \t":
            self.i += 1
        self.keep = len(self.current)

    def trim(self) -> None:
        if not self.quoted:
            trimmed = self.current[self.keep :].rstrip(" \t")
            self.current = self.current[: self.keep] + trimmed

    def escape(self) -> None:
        raw = self.raw
        ch = raw[self.i]
        self.i += 1
        if ch in _ESCAPES:
            self.current += _ESCAPES[ch]
        elif ch == "x" or ch in "01234567":
            digits, base = (_HEX, 16) if ch == "x" else ("01234567", 8)
            start = self.i if ch == "x" else self.i - 1
            end = self.i
            while end < len(raw) and raw[end] in digits:
                end += 1
            if end > start:
                self.current += chr(int(raw[start:end], base) & 0xFFFF)
            self.i = end
        elif ch in "\r\n" and self.i < len(raw) and raw[self.i] in "\r\n" and raw[self.i] != ch:
            self.i += 1  # a continued line
        elif not ch.isascii():  # Qt skips one byte: the rest of the character is not UTF-8
            self.current += ch.encode()[1:].decode("utf-8", errors="replace")
        self.keep = len(self.current)

    def read(self) -> str | list[str]:
        raw, in_quotes = self.raw, False
        self.skip_spaces()
        while self.i < len(raw):
            ch = raw[self.i]
            if ch == "\\":
                self.i += 1
                if self.i >= len(raw):  # a backslash ends the value: Qt then trims nothing
                    self.keep = len(self.current)
                    break
                self.escape()
            elif ch == '"':
                self.i += 1
                self.quoted, in_quotes = True, not in_quotes
                if not in_quotes:
                    self.skip_spaces()
            elif ch == "," and not in_quotes:
                self.trim()
                self.items = [*(self.items or []), self.current]
                self.current, self.quoted = "", False
                self.i += 1
                self.skip_spaces()
            else:
                end = self.i + 1
                while end < len(raw) and raw[end] not in '\\",':
                    end += 1
                self.current += raw[self.i : end]
                self.i = end
        self.trim()
        return self.current if self.items is None else [*self.items, self.current]


def _unescape_value(raw: str) -> str | list[str]:
    return _Value(raw).read()


def _string_value(value: str | list[str]) -> Value:
    """Qt's `@` forms: `@@x` is the text "@x", `@String(x)` is "x"; `@Invalid()`, a byte array
    or another type is not a text."""
    if isinstance(value, list):  # each item as a text (Qt: `stringListToVariantList`)
        return [t for t in map(_string_value, value) if isinstance(t, str)]
    if not value.startswith("@"):
        return value
    if value.startswith("@@"):
        return value[1:]
    if value.endswith(")"):
        if value.startswith("@String("):
            return value[len("@String(") : -1]
        if value == "@Invalid()" or value.startswith(_OTHER_TYPES):
            return None
    return value


_OTHER_TYPES = ("@ByteArray(", "@Variant(", "@DateTime(", "@Rect(", "@Size(", "@Point(")


# --- Windows: the registry -----------------------------------------------------------------------


def _from_registry() -> UserSettings:
    base = rf"Software\{ORGANIZATION}"
    where = rf"HKEY_CURRENT_USER\{base}\{APPLICATION}"
    if sys.platform != "win32":  # only reached on Windows; this keeps type checkers on Linux calm
        return UserSettings({}, where, read=False)
    import winreg

    places = [
        (winreg.HKEY_CURRENT_USER, rf"{base}\{APPLICATION}"),
        (winreg.HKEY_CURRENT_USER, rf"{base}\OrganizationDefaults"),
        (winreg.HKEY_LOCAL_MACHINE, rf"{base}\{APPLICATION}"),
        (winreg.HKEY_LOCAL_MACHINE, rf"{base}\OrganizationDefaults"),
    ]
    values: dict[str, str] = {}
    for name, key in LOCKABLE_KEYS.items():
        group, _, leaf = key.rpartition("/")
        for root, path in places:
            try:
                with winreg.OpenKey(root, path + "\\" + group.replace("/", "\\")) as handle:
                    raw, _kind = winreg.QueryValueEx(handle, leaf)
            except OSError:
                continue
            text = _as_text(_registry_value(raw))
            if text.strip():
                values[name] = text
            break
    return UserSettings(values, where)


def _registry_value(raw: object) -> Value:
    """A registry value as Qt reads it: strings with Qt's `@` forms, a multi-string as a list,
    numbers as their digits."""
    if isinstance(raw, str):
        return _string_value(raw)
    if isinstance(raw, list):
        return [str(v) for v in raw]
    if isinstance(raw, bytes):  # Qt writes a text holding NUL characters as REG_BINARY
        return _string_value(raw.decode("utf-16-le", errors="replace"))
    return None if raw is None else str(raw)
