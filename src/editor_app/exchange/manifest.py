"""The manifest of a `.story.zip` package, and what both writing and reading need: the names
of the parts, the entry-name rules, and the checked shape of ``manifest.json``:
``{"format": "editor_app.story", "version": 1, "app_version", "created_at", "sender": {"name",
"role"}, "article_id", "parts": {name: {"sha256", "size"}}}``.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from editor_app.domain.errors import UserError
from editor_app.domain.text import nfc, slugify
from editor_app.exchange.strict_json import dump_json, parse_json, printable

__all__ = [
    "ARTICLE",
    "COMMENTS",
    "CONFLICTS",
    "FORMAT",
    "JSON_PARTS",
    "MANIFEST",
    "PHOTO_RE",
    "REVISIONS",
    "SUFFIX",
    "VERSION",
    "Manifest",
    "PackageError",
    "PartInfo",
    "Refused",
    "Sender",
    "allowed_part",
    "dump_json",
    "manifest_from_json",
    "name_problem",
    "package_name",
    "parse_json",
    "printable",
]

FORMAT = "editor_app.story"
VERSION = 1
SUFFIX = ".story.zip"
MANIFEST = "manifest.json"
ARTICLE = "article.json"
REVISIONS = "revisions.json"
COMMENTS = "comments.json"
CONFLICTS = "conflicts.json"
JSON_PARTS = (ARTICLE, COMMENTS, CONFLICTS, REVISIONS)
ROLES = ("reporter", "editor")

PHOTO_RE = re.compile(r"photos/([0-9a-f]{64})(\.[a-z0-9]{1,5})")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_MAX_TEXT = 10_000  # characters in a manifest string (a name, a version)


class PackageError(UserError):
    """A package refused: broken, hostile, or from a newer app. Nothing was imported."""


@dataclass(frozen=True)
class Sender:
    name: str
    role: str


@dataclass(frozen=True)
class PartInfo:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    app_version: str
    created_at: datetime
    sender: Sender
    article_id: uuid.UUID
    parts: dict[str, PartInfo]
    version: int = VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "app_version": self.app_version,
            "created_at": self.created_at.isoformat(),
            "sender": {"name": self.sender.name, "role": self.sender.role},
            "article_id": str(self.article_id),
            "parts": {
                name: {"sha256": p.sha256, "size": p.size} for name, p in sorted(self.parts.items())
            },
        }

    @property
    def photo_parts(self) -> dict[str, str]:
        """sha256 → entry name, for the photos the package carries."""
        out: dict[str, str] = {}
        for name in self.parts:
            m = PHOTO_RE.fullmatch(name)
            if m:
                out[m.group(1)] = name
        return out


# --- names -------------------------------------------------------------------------------------


def package_name(headline: str, article_id: uuid.UUID) -> str:
    """`<slug-of-headline>-<short id>.story.zip` (the slug is `bai-viet` for no headline)."""
    slug = slugify(headline, max_length=60) or "bai-viet"
    return f"{slug}-{article_id.hex[:8]}{SUFFIX}"


def name_problem(name: str) -> str | None:
    """Why an entry name cannot be accepted, or None. Checked on the raw name in the zip."""
    if not name:
        return "tên mục rỗng"
    if "\\" in name:
        return "tên có dấu gạch ngược “\\” (đường dẫn kiểu Windows)"
    if name.startswith("/"):
        return "đường dẫn tuyệt đối"
    if _DRIVE_RE.match(name):
        return "đường dẫn có tên ổ đĩa"
    parts = name.split("/")
    if ".." in parts:
        return "đường dẫn thoát ra ngoài thư mục (“..”)"
    if any(unicodedata.category(c).startswith("C") for c in name):
        return "tên có ký tự điều khiển"
    if "" in parts or "." in parts:
        return "đường dẫn không chuẩn"
    return None


def allowed_part(name: str) -> bool:
    return name in JSON_PARTS or PHOTO_RE.fullmatch(name) is not None


# --- the manifest ------------------------------------------------------------------------------


def _want(cond: bool, problem: str) -> None:
    if not cond:
        raise Refused(f"{MANIFEST}: {problem}")


def _text(obj: dict[str, Any], key: str, where: str = "") -> str:
    value = obj.get(key)
    _want(
        isinstance(value, str) and len(value) <= _MAX_TEXT,
        f"trường “{where}{key}” phải là một chuỗi",
    )
    assert isinstance(value, str)
    return value


def manifest_from_json(data: Any) -> Manifest:
    """The manifest, every field checked for type and sense; _Refused naming the field."""
    _want(isinstance(data, dict), "phải là một đối tượng JSON")
    _want(data.get("format") == FORMAT, f"không phải gói bài viết (format khác “{FORMAT}”)")
    version = data.get("version")
    _want(
        isinstance(version, int) and not isinstance(version, bool) and version >= 1,
        "trường “version” phải là số nguyên dương",
    )
    if version > VERSION:
        raise Refused(
            f"gói được tạo bởi phiên bản ứng dụng mới hơn (định dạng {version}, "
            f"bản này đọc đến {VERSION}); hãy cập nhật editor_app"
        )
    app_version = _text(data, "app_version")
    try:
        created_at = datetime.fromisoformat(_text(data, "created_at"))
    except ValueError:
        raise Refused(f"{MANIFEST}: trường “created_at” không phải thời điểm hợp lệ") from None
    _want(created_at.tzinfo is not None, "trường “created_at” thiếu múi giờ")
    sender = data.get("sender")
    _want(isinstance(sender, dict), "trường “sender” phải là một đối tượng")
    name = " ".join(nfc(_text(sender, "name", "sender.")).split())  # as a `User`'s name
    role = _text(sender, "role", "sender.")
    _want(role in ROLES, "trường “sender.role” phải là “reporter” hoặc “editor”")
    try:
        article_id = uuid.UUID(_text(data, "article_id"))
    except ValueError:
        raise Refused(f"{MANIFEST}: trường “article_id” không phải mã hợp lệ") from None
    raw_parts = data.get("parts")
    _want(isinstance(raw_parts, dict), "trường “parts” phải là một đối tượng")
    parts: dict[str, PartInfo] = {}
    for part_name, info in raw_parts.items():
        shown = printable(part_name)
        problem = name_problem(part_name)
        if problem is not None:
            raise Refused(f"{MANIFEST}: mục “{shown}” được liệt kê có {problem}")
        _want(part_name != MANIFEST, "manifest không được tự liệt kê chính nó")
        _want(allowed_part(part_name), f"mục “{shown}” không được phép trong gói")
        _want(isinstance(info, dict), f"trường “parts.{shown}” phải là một đối tượng")
        digest, size = info.get("sha256"), info.get("size")
        _want(
            isinstance(digest, str) and _SHA256_RE.fullmatch(digest) is not None,
            f"trường “parts.{shown}.sha256” phải là 64 chữ số hex thường",
        )
        _want(
            isinstance(size, int) and not isinstance(size, bool) and size >= 0,
            f"trường “parts.{shown}.size” phải là số nguyên không âm",
        )
        m = PHOTO_RE.fullmatch(part_name)
        _want(m is None or m.group(1) == digest, f"ảnh “{shown}” không mang đúng mã băm của nó")
        _want(
            m is None or all(p.sha256 != digest for p in parts.values()),
            f"ảnh “{shown}” được liệt kê hai lần",
        )
        parts[part_name] = PartInfo(digest, size)
    for required in JSON_PARTS:
        _want(required in parts, f"thiếu mục bắt buộc “{required}”")
    return Manifest(
        app_version=app_version,
        created_at=created_at,
        sender=Sender(name, role),
        article_id=article_id,
        parts=parts,
        version=version,
    )


class Refused(Exception):
    """A problem found while reading; turned into PackageError with the package's name."""
