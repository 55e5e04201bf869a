"""The `.story.zip` hand-off package as a container: writing it, and reading it back.

A package is a zip holding JSON parts (``article.json``, ``revisions.json``, ``comments.json``,
``conflicts.json``), the original photos (``photos/<sha256>.<ext>``) and ``manifest.json``,
which lists every other entry with its SHA-256 and size. Writing is deterministic (parts in
sorted order, the manifest last, fixed times and permissions) and atomic (a temp file in the
target folder, then ``os.replace``).

A package comes from another PC, by USB stick or e-mail: reading trusts nothing. Every entry
name, type, size, compression ratio and checksum is checked, the actual bytes are counted as
they are inflated (a bomb may lie about its sizes), and JSON is parsed strictly. Any problem
raises `PackageError` naming the problem and the entry; the only thing written is the photos
extracted into the caller's work folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
import uuid
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from editor_app.domain.errors import UserError
from editor_app.domain.text import slugify

__all__ = [
    "ARTICLE",
    "COMMENTS",
    "CONFLICTS",
    "FORMAT",
    "JSON_PARTS",
    "LIMITS",
    "MANIFEST",
    "REVISIONS",
    "SUFFIX",
    "VERSION",
    "Limits",
    "Manifest",
    "Package",
    "PackageError",
    "PartInfo",
    "Sender",
    "dump_json",
    "package_name",
    "read_package",
    "write_package",
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

_PHOTO_RE = re.compile(r"photos/([0-9a-f]{64})(\.[a-z0-9]{1,5})")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1024 * 1024
_MIB = 1024 * 1024
_MAX_TEXT = 10_000  # characters in a manifest string (a name, a version)


@dataclass(frozen=True)
class Limits:
    """What a package may hold. Generous for a real story (a hundred 12 MP photos, years of
    revisions), far below what would fill a disk or memory. Tests pass smaller ones."""

    max_entries: int = 1000
    max_photo_bytes: int = 1024 * _MIB  # as media.imaging.MAX_FILE_BYTES
    max_json_bytes: int = 256 * _MIB  # JSON parts are read into memory
    max_manifest_bytes: int = 4 * _MIB
    max_total_bytes: int = 8 * 1024 * _MIB
    max_ratio: int = 100  # inflated / compressed, for entries above ratio_from bytes
    ratio_from: int = _MIB


LIMITS = Limits()


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
            m = _PHOTO_RE.fullmatch(name)
            if m:
                out[m.group(1)] = name
        return out


@dataclass
class Package:
    """A package read and checked: the manifest, each JSON part parsed, and the photos
    extracted (sha256 → file in the work folder, its bytes checked against the digest)."""

    path: Path
    manifest: Manifest
    parts: dict[str, Any] = field(default_factory=dict)
    photos: dict[str, Path] = field(default_factory=dict)


# --- names -------------------------------------------------------------------------------------


def package_name(headline: str, article_id: uuid.UUID) -> str:
    """`<slug-of-headline>-<short id>.story.zip` (the slug is `bai-viet` for no headline)."""
    slug = slugify(headline, max_length=60) or "bai-viet"
    return f"{slug}-{article_id.hex[:8]}{SUFFIX}"


def _shown(name: str) -> str:
    """An entry name fit for a one-line message (control characters shown as '?')."""
    text = "".join("?" if unicodedata.category(c).startswith("C") else c for c in name)
    return text if len(text) <= 120 else text[:117] + "…"


def _name_problem(name: str) -> str | None:
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


def _allowed_part(name: str) -> bool:
    return name in JSON_PARTS or _PHOTO_RE.fullmatch(name) is not None


# --- JSON --------------------------------------------------------------------------------------


def dump_json(value: Any) -> bytes:
    """Compact, sorted, UTF-8: the same value always gives the same bytes."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"khóa “{_shown(key)}” lặp lại")
        out[key] = value
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"giá trị {name} không hợp lệ trong JSON")


def parse_json(data: bytes, entry: str, error: type[UserError]) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity, no repeated keys, not absurdly deep."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"mục “{entry}” không phải văn bản UTF-8") from None
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as e:
        where = f"dòng {e.lineno}, cột {e.colno}"
        raise error(f"mục “{entry}” không phải JSON hợp lệ ({where})") from None
    except ValueError as e:
        raise error(f"mục “{entry}” không phải JSON hợp lệ ({e})") from None
    except RecursionError:
        raise error(f"mục “{entry}” lồng nhau quá sâu") from None


# --- the manifest ------------------------------------------------------------------------------


def _want(cond: bool, problem: str) -> None:
    if not cond:
        raise _Refused(f"{MANIFEST}: {problem}")


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
        raise _Refused(
            f"gói được tạo bởi phiên bản ứng dụng mới hơn (định dạng {version}, "
            f"bản này đọc đến {VERSION}); hãy cập nhật editor_app"
        )
    app_version = _text(data, "app_version")
    try:
        created_at = datetime.fromisoformat(_text(data, "created_at"))
    except ValueError:
        raise _Refused(f"{MANIFEST}: trường “created_at” không phải thời điểm hợp lệ") from None
    _want(created_at.tzinfo is not None, "trường “created_at” thiếu múi giờ")
    sender = data.get("sender")
    _want(isinstance(sender, dict), "trường “sender” phải là một đối tượng")
    name = _text(sender, "name", "sender.")
    role = _text(sender, "role", "sender.")
    _want(role in ROLES, "trường “sender.role” phải là “reporter” hoặc “editor”")
    try:
        article_id = uuid.UUID(_text(data, "article_id"))
    except ValueError:
        raise _Refused(f"{MANIFEST}: trường “article_id” không phải mã hợp lệ") from None
    raw_parts = data.get("parts")
    _want(isinstance(raw_parts, dict), "trường “parts” phải là một đối tượng")
    parts: dict[str, PartInfo] = {}
    for part_name, info in raw_parts.items():
        shown = _shown(part_name)
        problem = _name_problem(part_name)
        if problem is not None:
            raise _Refused(f"{MANIFEST}: mục “{shown}” được liệt kê có {problem}")
        _want(part_name != MANIFEST, "manifest không được tự liệt kê chính nó")
        _want(_allowed_part(part_name), f"mục “{shown}” không được phép trong gói")
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
        m = _PHOTO_RE.fullmatch(part_name)
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


class _Refused(Exception):
    """A problem found while reading; turned into PackageError with the package's name."""


# --- writing -----------------------------------------------------------------------------------


def _zip_info(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.create_system = 3  # Unix, whatever system writes it
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    return info


def _copy_hashing(source: Path, out: IO[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def write_package(
    target: Path,
    *,
    app_version: str,
    created_at: datetime,
    sender: Sender,
    article_id: uuid.UUID,
    json_parts: Mapping[str, Any],
    photos: Sequence[tuple[str, Path]],
) -> Path:
    """Writes the package to `target` atomically and returns it. `json_parts` maps each of
    JSON_PARTS to its value; `photos` gives (sha256, stored original) pairs, each original
    checked against its digest on the way (a damaged original is refused, naming it)."""
    target = Path(target)
    missing = set(JSON_PARTS) - set(json_parts)
    if missing or set(json_parts) - set(JSON_PARTS):
        raise ValueError(f"json_parts must be exactly {JSON_PARTS}")
    entries: list[tuple[str, bytes | Path]] = [(n, dump_json(v)) for n, v in json_parts.items()]
    for digest, original in dict(photos).items():
        entries.append((f"photos/{digest}{original.suffix.lower()}", original))
    entries.sort(key=lambda e: e[0])
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".story-", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise UserError(f"Không ghi được vào thư mục {target.parent}: {e.strerror}.") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                parts: dict[str, PartInfo] = {}
                for name, content in entries:
                    if isinstance(content, bytes):
                        zf.writestr(_zip_info(name, True), content, compresslevel=9)
                        parts[name] = PartInfo(hashlib.sha256(content).hexdigest(), len(content))
                        continue
                    with zf.open(_zip_info(name, False), "w", force_zip64=True) as out:
                        try:
                            digest, size = _copy_hashing(content, out)
                        except OSError as e:
                            raise UserError(
                                f"Không đọc được ảnh gốc {content}: {e.strerror}."
                            ) from None
                    if f"photos/{digest}{content.suffix.lower()}" != name:
                        raise UserError(
                            f"Ảnh gốc {content} đã bị thay đổi hoặc hỏng (mã băm không khớp)."
                        )
                    parts[name] = PartInfo(digest, size)
                manifest = Manifest(app_version, created_at, sender, article_id, parts)
                zf.writestr(_zip_info(MANIFEST, True), dump_json(manifest.to_json()))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise UserError(f"Không ghi được gói {target}: {e.strerror}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target


# --- reading -----------------------------------------------------------------------------------


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Names, types and flags of every entry, before a byte of them is read."""
    if len(infos) > limits.max_entries:
        raise _Refused(f"có quá nhiều mục ({len(infos)}, tối đa {limits.max_entries})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        raw = info.orig_filename
        shown = _shown(raw)
        problem = _name_problem(raw)
        if problem is not None:
            raise _Refused(f"mục “{shown}” có {problem}")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise _Refused(f"mục “{shown}” là một liên kết tượng trưng (symlink)")
        if info.is_dir() or (mode and not stat.S_ISREG(mode)):
            raise _Refused(f"mục “{shown}” không phải là một tệp thường")
        if info.flag_bits & 0x1:
            raise _Refused(f"mục “{shown}” bị mã hóa")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _Refused(f"mục “{shown}” dùng kiểu nén không được hỗ trợ")
        if raw in by_name:
            raise _Refused(f"mục “{shown}” xuất hiện hai lần")
        by_name[raw] = info
    return by_name


def _check_sizes(info: zipfile.ZipInfo, limit: int, limits: Limits) -> None:
    shown = _shown(info.orig_filename)
    if info.file_size > limit:
        raise _Refused(f"mục “{shown}” quá lớn ({info.file_size} byte, tối đa {limit})")
    if info.file_size > limits.ratio_from and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise _Refused(
            f"mục “{shown}” có tỉ lệ nén bất thường ({info.file_size} byte từ "
            f"{info.compress_size} byte), có thể là bom nén"
        )


def _read_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, declared: int, out: IO[bytes] | None
) -> tuple[str, bytes]:
    """Inflates one entry, counting the bytes (stops as soon as there are more than declared)
    and hashing them; returns (sha256, content — empty when written to `out`)."""
    shown = _shown(info.orig_filename)
    digest = hashlib.sha256()
    kept = bytearray()
    count = 0
    try:
        with zf.open(info) as f:
            while True:
                chunk = f.read(min(_CHUNK, declared - count + 1))
                if not chunk:
                    break
                count += len(chunk)
                if count > declared:
                    raise _Refused(
                        f"mục “{shown}” chứa nhiều dữ liệu hơn kích thước khai báo "
                        "(có thể là bom nén)"
                    )
                digest.update(chunk)
                if out is None:
                    kept += chunk
                else:
                    out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise _Refused(f"mục “{shown}” bị hỏng hoặc bị cắt cụt") from None
    if count != declared:
        raise _Refused(f"mục “{shown}” có kích thước sai ({count} byte, khai báo {declared})")
    return digest.hexdigest(), bytes(kept)


def read_package(path: Path, workdir: Path, limits: Limits = LIMITS) -> Package:
    """Reads and checks the package at `path`; photos are extracted into `workdir` (which the
    caller creates and deletes). PackageError on any problem, naming it and the entry."""
    path = Path(path)
    try:
        return _read(path, Path(workdir), limits)
    except _Refused as e:
        raise PackageError(f"Gói “{_shown(path.name)}” bị từ chối: {e}.") from None


class _Parse(UserError):
    """parse_json's error inside a read (re-raised as _Refused)."""


def _read(path: Path, workdir: Path, limits: Limits) -> Package:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _Refused("không tìm thấy tệp") from None
    except OSError as e:
        raise _Refused(f"không đọc được tệp ({e.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise _Refused("không phải là một tệp")
    if st.st_size == 0:
        raise _Refused("tệp rỗng (0 byte)")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise _Refused("không phải tệp .story.zip hợp lệ (hỏng hoặc bị cắt cụt)") from None
    except OSError as e:
        raise _Refused(f"không đọc được tệp ({e.strerror})") from None
    with zf:
        entries = _check_entries(zf.infolist(), limits)
        if MANIFEST not in entries:
            raise _Refused(f"thiếu mục “{MANIFEST}”")
        info = entries[MANIFEST]
        _check_sizes(info, limits.max_manifest_bytes, limits)
        _, data = _read_entry(zf, info, info.file_size, None)
        try:
            manifest = manifest_from_json(parse_json(data, MANIFEST, _Parse))
        except _Parse as e:
            raise _Refused(str(e)) from None
        for name in entries:
            if name != MANIFEST and name not in manifest.parts:
                raise _Refused(f"mục “{_shown(name)}” không có trong manifest")
        for name in manifest.parts:
            if name not in entries:
                raise _Refused(f"thiếu mục “{_shown(name)}” mà manifest liệt kê")
        total = 0
        for name, part in sorted(manifest.parts.items()):
            info = entries[name]
            if info.file_size != part.size:
                raise _Refused(
                    f"mục “{_shown(name)}” có kích thước {info.file_size} byte, "
                    f"manifest ghi {part.size}"
                )
            limit = limits.max_json_bytes if name in JSON_PARTS else limits.max_photo_bytes
            _check_sizes(info, limit, limits)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise _Refused(f"tổng dung lượng quá lớn (tối đa {limits.max_total_bytes} byte)")
        package = Package(path, manifest)
        for name, part in sorted(manifest.parts.items()):
            info = entries[name]
            m = _PHOTO_RE.fullmatch(name)
            if m is None:
                digest, data = _read_entry(zf, info, part.size, None)
                _check_digest(name, digest, part)
                try:
                    package.parts[name] = parse_json(data, name, _Parse)
                except _Parse as e:
                    raise _Refused(str(e)) from None
                continue
            target = workdir / f"{m.group(1)}{m.group(2)}"
            with open(target, "wb") as out:
                digest, _ = _read_entry(zf, info, part.size, out)
            _check_digest(name, digest, part)
            package.photos[m.group(1)] = target
    return package


def _check_digest(name: str, digest: str, part: PartInfo) -> None:
    if digest != part.sha256:
        raise _Refused(f"mục “{_shown(name)}” sai mã kiểm tra SHA-256 (dữ liệu đã bị thay đổi)")
