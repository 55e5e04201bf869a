"""A release IT publishes for the newsroom's PCs: its manifest (`editor-app-release.json`: the
version and, for every file, its name, size and SHA-256) and the comparison of versions.

Pure: reading the manifest from a folder or an https:// address, the installer's download and
its hash check are `services/updates.py`; the notice in the window is `gui/update_notice.py`.
Messages are Vietnamese, for the log and for IT (`editor-app check`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Any

__all__ = [
    "MANIFEST_NAME",
    "MAX_MANIFEST_BYTES",
    "Manifest",
    "ManifestError",
    "ReleaseFile",
    "Version",
    "installer_for",
    "manifest_json",
    "parse_manifest",
]

MANIFEST_NAME = "editor-app-release.json"
#: A manifest lists a handful of files: anything larger is not one (read no further).
MAX_MANIFEST_BYTES = 64 * 1024
MAX_FILES = 100
#: An installer's largest size (the app's folder is ~300 MB; a manifest saying more is wrong).
MAX_FILE_BYTES = 2 * 1024**3 - 1  # the progress dialog counts in a 32-bit int
FORMAT = 1

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: A release number: 1 to 4 numbers, then perhaps a pre-release (a1, b2, rc1), as PEP 440.
_VERSION = re.compile(r"^(\d{1,9}(?:\.\d{1,9}){0,3})(?:(a|b|rc)(\d{1,9}))?$")
_PRE_ORDER = {"a": 0, "b": 1, "rc": 2}
#: A file's name in the release folder: no folders, no hidden files, nothing Windows refuses.
_NAME = re.compile(r'^[^\\/:*?"<>|\x00-\x1f.][^\\/:*?"<>|\x00-\x1f]{0,199}$')


class ManifestError(ValueError):
    """The manifest is not one this app can use (said in Vietnamese, for the log and for IT)."""


@total_ordering
@dataclass(frozen=True)
class Version:
    """A release number as `__version__` writes it: 0.2.0, 1.10, 0.3.0rc1. Compared as numbers,
    trailing zeros ignored (1.0 = 1.0.0); a pre-release comes before its release."""

    release: tuple[int, ...]
    pre: tuple[int, int] | None = None  # (a=0 / b=1 / rc=2, number)

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _VERSION.match(text.strip().lower().removeprefix("v"))
        if match is None:
            raise ManifestError(
                f"số phiên bản không hợp lệ: “{text[:40]}” (cần dạng 0.2.0 hoặc 0.3.0rc1)."
            )
        release = tuple(int(part) for part in match.group(1).split("."))
        pre = None
        if match.group(2):
            pre = (_PRE_ORDER[match.group(2)], int(match.group(3)))
        return cls(release, pre)

    def _key(self) -> tuple[tuple[int, ...], tuple[int, int]]:
        release = list(self.release)
        while len(release) > 1 and release[-1] == 0:
            release.pop()
        # A final release sorts after any of its pre-releases.
        return tuple(release), self.pre if self.pre is not None else (3, 0)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Version) -> bool:
        return self._key() < other._key()

    def __str__(self) -> str:
        text = ".".join(str(n) for n in self.release)
        if self.pre is not None:
            text += ("a", "b", "rc")[self.pre[0]] + str(self.pre[1])
        return text


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    version: Version
    files: tuple[ReleaseFile, ...]


def _field(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ManifestError(f"{where}thiếu trường “{key}”.")
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        names = {str: "một chuỗi", int: "một số nguyên", list: "một danh sách"}
        raise ManifestError(f"{where}trường “{key}” cần {names[kind]}.")
    return value


def _file(raw: object, index: int) -> ReleaseFile:
    where = f"tệp thứ {index + 1}: "
    if not isinstance(raw, dict):
        raise ManifestError(f"{where}cần một bảng (name, size, sha256).")
    name = _field(raw, "name", str, where)
    size = _field(raw, "size", int, where)
    sha = _field(raw, "sha256", str, where).lower()
    if not _NAME.match(name) or name.endswith((" ", ".")):
        raise ManifestError(f"{where}tên tệp không hợp lệ: “{name[:60]}”.")
    if not 0 <= size <= MAX_FILE_BYTES:
        raise ManifestError(f"{where}kích thước không hợp lệ: {size}.")
    if not _SHA256.match(sha):
        raise ManifestError(f"{where}sha256 cần 64 chữ số thập lục phân.")
    return ReleaseFile(name, size, sha)


def _no_constants(text: str) -> float:
    raise ManifestError(f"giá trị không phải JSON: {text}.")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ManifestError(f"trường “{key[:40]}” ghi hai lần.")
        out[key] = value
    return out


def parse_manifest(data: bytes) -> Manifest:
    """The manifest read from its bytes (UTF-8 JSON); ManifestError says what is wrong."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(
            f"tệp quá lớn (hơn {MAX_MANIFEST_BYTES // 1024} KB): không phải bản kê."
        )
    try:
        raw = json.loads(
            data.decode("utf-8-sig"),
            parse_constant=_no_constants,
            object_pairs_hook=_no_duplicates,
        )
    except UnicodeDecodeError:
        raise ManifestError("tệp không phải văn bản UTF-8.") from None
    except RecursionError:
        raise ManifestError("JSON lồng quá sâu.") from None
    except json.JSONDecodeError as e:
        raise ManifestError(f"JSON hỏng ở dòng {e.lineno}, cột {e.colno}: {e.msg}.") from None
    if not isinstance(raw, dict):
        raise ManifestError("cần một bảng JSON {…} có version và files.")
    fmt = raw.get("format", FORMAT)
    if fmt != FORMAT or isinstance(fmt, bool):
        raise ManifestError(f"định dạng bản kê không biết: {str(fmt)[:20]} (cần {FORMAT}).")
    version = Version.parse(_field(raw, "version", str, ""))
    files = _field(raw, "files", list, "")
    if len(files) > MAX_FILES:
        raise ManifestError(f"quá nhiều tệp ({len(files)}; tối đa {MAX_FILES}).")
    parsed = tuple(_file(item, i) for i, item in enumerate(files))
    names = [f.name.casefold() for f in parsed]
    if len(set(names)) != len(names):
        raise ManifestError("một tên tệp ghi hai lần.")
    return Manifest(version, parsed)


def manifest_json(version: Version, files: list[ReleaseFile]) -> str:
    """The manifest's text as `editor-app release-manifest` writes it (files by name)."""
    body = {
        "format": FORMAT,
        "version": str(version),
        "files": [
            {"name": f.name, "size": f.size, "sha256": f.sha256}
            for f in sorted(files, key=lambda f: f.name)
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


#: What a PC runs to install, by platform: Inno Setup's .exe (or an .msi) on Windows, the
#: Debian package elsewhere (opened in the system's software installer).
_INSTALLERS = {"win": (".exe", ".msi"), "linux": (".deb",)}


def installer_for(manifest: Manifest, platform: str) -> ReleaseFile | None:
    """The file this kind of PC installs from (the first of its kind, by name); None: none."""
    kinds = next((v for k, v in _INSTALLERS.items() if platform.startswith(k)), ())
    for f in sorted(manifest.files, key=lambda f: f.name):
        if f.name.lower().endswith(kinds):
            return f
    return None
