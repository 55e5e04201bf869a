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
import os
import stat
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number
from editor_app.exchange.limits import LIMITS, Limits
from editor_app.exchange.manifest import (
    ARTICLE,
    COMMENTS,
    CONFLICTS,
    FORMAT,
    JSON_PARTS,
    MANIFEST,
    PHOTO_RE,
    REVISIONS,
    SUFFIX,
    VERSION,
    Manifest,
    PackageError,
    PartInfo,
    Refused,
    Sender,
    dump_json,
    manifest_from_json,
    name_problem,
    package_name,
    parse_json,
    printable,
)
from editor_app.exchange.strict_json import parse_list

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

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1024 * 1024
# The list parts, with what their items are called in a message.
_LISTS = {REVISIONS: "phiên bản", COMMENTS: "góp ý", CONFLICTS: "xung đột"}


@dataclass
class Package:
    """A package read and checked: the manifest, each JSON part parsed, and the photos
    extracted (sha256 → file in the work folder, its bytes checked against the digest)."""

    path: Path
    manifest: Manifest
    parts: dict[str, Any] = field(default_factory=dict)
    photos: dict[str, Path] = field(default_factory=dict)


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
        raise Refused(f"có quá nhiều mục ({len(infos)}, tối đa {limits.max_entries})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        raw = info.orig_filename
        shown = printable(raw)
        problem = name_problem(raw)
        if problem is not None:
            raise Refused(f"mục “{shown}” có {problem}")
        # The Unix type bits, when the tool that wrote the zip set them (some set only the
        # permission bits, or nothing: a plain file either way).
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise Refused(f"mục “{shown}” là một liên kết tượng trưng (symlink)")
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            raise Refused(f"mục “{shown}” không phải là một tệp thường")
        if info.flag_bits & 0x1:
            raise Refused(f"mục “{shown}” bị mã hóa")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Refused(f"mục “{shown}” dùng kiểu nén không được hỗ trợ")
        if raw in by_name:
            raise Refused(f"mục “{shown}” xuất hiện hai lần")
        by_name[raw] = info
    return by_name


def _check_sizes(info: zipfile.ZipInfo, limit: int, limits: Limits, ratio: int) -> None:
    shown = printable(info.orig_filename)
    if info.file_size > limit:
        raise Refused(f"mục “{shown}” quá lớn ({info.file_size} byte, tối đa {limit})")
    if info.file_size > limits.ratio_from and info.file_size > ratio * max(info.compress_size, 1):
        raise Refused(
            f"mục “{shown}” có tỉ lệ nén bất thường ({info.file_size} byte từ "
            f"{info.compress_size} byte), có thể là bom nén"
        )


def _read_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, declared: int, out: IO[bytes] | None
) -> tuple[str, bytes]:
    """Inflates one entry, counting the bytes (stops as soon as there are more than declared)
    and hashing them; returns (sha256, content — empty when written to `out`)."""
    shown = printable(info.orig_filename)
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
                    raise Refused(
                        f"mục “{shown}” chứa nhiều dữ liệu hơn kích thước khai báo "
                        "(có thể là bom nén)"
                    )
                digest.update(chunk)
                if out is None:
                    kept += chunk
                else:
                    out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise Refused(f"mục “{shown}” bị hỏng hoặc bị cắt cụt") from None
    if count != declared:
        raise Refused(f"mục “{shown}” có kích thước sai ({count} byte, khai báo {declared})")
    return digest.hexdigest(), bytes(kept)


def read_package(path: Path, workdir: Path, limits: Limits = LIMITS) -> Package:
    """Reads and checks the package at `path`; photos are extracted into `workdir` (which the
    caller creates and deletes). PackageError on any problem, naming it and the entry."""
    path = Path(path)
    try:
        return _read(path, Path(workdir), limits)
    except Refused as e:
        raise PackageError(f"Gói “{printable(path.name)}” bị từ chối: {e}.") from None


class _Parse(UserError):
    """parse_json's error inside a read (re-raised as Refused)."""


def _read(path: Path, workdir: Path, limits: Limits) -> Package:
    with _open_zip(path) as zf:
        entries = _check_entries(zf.infolist(), limits)
        manifest = _read_manifest(zf, entries, limits)
        _check_parts(entries, manifest, limits)
        package = Package(path, manifest)
        for name, part in sorted(manifest.parts.items()):
            info = entries[name]
            m = PHOTO_RE.fullmatch(name)
            if m is None:
                package.parts[name] = _read_json_part(zf, info, name, part, limits)
                continue
            target = workdir / f"{m.group(1)}{m.group(2)}"
            with open(target, "wb") as out:
                digest, _ = _read_entry(zf, info, part.size, out)
            _check_digest(name, digest, part)
            package.photos[m.group(1)] = target
    return package


def _open_zip(path: Path) -> zipfile.ZipFile:
    """The file at `path` opened as a zip, once it is known to be a file with something in it."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise Refused("không tìm thấy tệp") from None
    except OSError as e:
        raise Refused(f"không đọc được tệp ({e.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise Refused("không phải là một tệp")
    if st.st_size == 0:
        raise Refused("tệp rỗng (0 byte)")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise Refused("không phải tệp .story.zip hợp lệ (hỏng hoặc bị cắt cụt)") from None
    except OSError as e:
        raise Refused(f"không đọc được tệp ({e.strerror})") from None


def _read_manifest(
    zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], limits: Limits
) -> Manifest:
    """The manifest entry, within its limits, read and parsed."""
    if MANIFEST not in entries:
        raise Refused(f"thiếu mục “{MANIFEST}”")
    info = entries[MANIFEST]
    _check_sizes(info, limits.max_manifest_bytes, limits, limits.max_json_ratio)
    _, data = _read_entry(zf, info, info.file_size, None)
    try:
        return manifest_from_json(parse_json(data, MANIFEST, _Parse))
    except _Parse as e:
        raise Refused(str(e)) from None


def _check_parts(entries: dict[str, zipfile.ZipInfo], manifest: Manifest, limits: Limits) -> None:
    """The entries are the manifest's parts, of the sizes it gives, within the limits (each
    part's, the photos' count, the total), before a byte of them is read."""
    for name in entries:
        if name != MANIFEST and name not in manifest.parts:
            raise Refused(f"mục “{printable(name)}” không có trong manifest")
    for name in manifest.parts:
        if name not in entries:
            raise Refused(f"thiếu mục “{printable(name)}” mà manifest liệt kê")
    photos = len(manifest.photo_parts)
    if photos > limits.max_photos:
        shown = f"{format_number(photos)}, tối đa {format_number(limits.max_photos)}"
        raise Refused(f"có quá nhiều ảnh ({shown})")
    total = 0
    for name, part in sorted(manifest.parts.items()):
        info = entries[name]
        if info.file_size != part.size:
            raise Refused(
                f"mục “{printable(name)}” có kích thước {info.file_size} byte, "
                f"manifest ghi {part.size}"
            )
        if name in JSON_PARTS:
            _check_sizes(info, limits.max_json_bytes, limits, limits.max_json_ratio)
        else:
            _check_sizes(info, limits.max_photo_bytes, limits, limits.max_ratio)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise Refused(f"tổng dung lượng quá lớn (tối đa {limits.max_total_bytes} byte)")


def _read_json_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, part: PartInfo, limits: Limits
) -> Any:
    """A JSON part, checked against its digest and parsed strictly (a list part with no more
    items than its limit)."""
    digest, data = _read_entry(zf, info, part.size, None)
    _check_digest(name, digest, part)
    try:
        if name in _LISTS:
            return parse_list(data, name, _Parse, _most(limits, name), _LISTS[name])
        return parse_json(data, name, _Parse)
    except _Parse as e:
        raise Refused(str(e)) from None


def _most(limits: Limits, part: str) -> int:
    return {
        REVISIONS: limits.max_revisions,
        COMMENTS: limits.max_comments,
        CONFLICTS: limits.max_conflicts,
    }[part]


def _check_digest(name: str, digest: str, part: PartInfo) -> None:
    if digest != part.sha256:
        shown = printable(name)
        raise Refused(f"mục “{shown}” sai mã kiểm tra SHA-256 (dữ liệu đã bị thay đổi)")
