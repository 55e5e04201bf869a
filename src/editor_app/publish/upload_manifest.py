"""What a web server holds of the site, and what an upload must change there.

The server keeps its own manifest, `.editor-app-manifest.json` in the site's folder: every file
an upload put there with its SHA-256 and size, and the files an upload was changing when it
stopped (`pending`, with the run whose temporary copies may be left beside them). An upload
compares the local folder with it and sends only what differs; a pending file is sent again
whatever its hash, so a cut upload never leaves a file the manifest vouches for wrongly.

Only files the manifest lists are ever removed from the server: a file IT put there by hand is
not the app's to delete. Order: story files before the listing pages that link to them (the
listing pages go last, the deepest first), removals after every upload.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from editor_app.domain.errors import UserError

__all__ = [
    "MANIFEST_NAME",
    "FileState",
    "Manifest",
    "Plan",
    "is_own_file",
    "plan_upload",
    "scan_local",
    "temp_name",
    "upload_order",
]

MANIFEST_NAME = ".editor-app-manifest.json"
FORMAT = "editor-app upload manifest"
VERSION = 1
#: A temporary copy's suffix: `.<name>.<run>.part` beside the file it becomes.
PART = ".part"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class FileState:
    sha256: str
    size: int


@dataclass
class Manifest:
    """The server's manifest: what it holds (`files`) and what an upload was changing when it
    stopped (`pending`: path → that run's id)."""

    files: dict[str, FileState] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "files": {p: [s.sha256, s.size] for p, s in sorted(self.files.items())},
            "pending": dict(sorted(self.pending.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """The manifest read back; `UserError` when it is not one this app wrote."""
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("format") != FORMAT or raw.get("version") != VERSION:
                raise ValueError("format")
            files = {
                _checked_path(p): FileState(str(v[0]), int(v[1])) for p, v in raw["files"].items()
            }
            pending = {_checked_path(p): str(run) for p, run in raw.get("pending", {}).items()}
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            raise UserError(
                f"Tệp {MANIFEST_NAME} trên máy chủ bị hỏng hoặc không phải của editor_app."
            ) from None
        return cls(files, pending)


def _checked_path(path: str) -> str:
    """A path the manifest may name: relative, POSIX, without `.` or `..` parts."""
    parts = path.split("/")
    if not path or path.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(path)
    return path


def temp_name(path: str, run: str) -> str:
    """The temporary copy of `path` an upload `run` writes before renaming it over `path`."""
    pure = PurePosixPath(path)
    hidden = f".{pure.name}.{run}{PART}"
    return hidden if str(pure.parent) == "." else f"{pure.parent}/{hidden}"


def is_own_file(name: str) -> bool:
    """Whether a file name is one of the app's own working files, never published: its
    manifests (`.editor-app-…`, the site build's `.editor_app-…`), temporary copies being
    written (`.tmp-…`, `.….part`), an export's lock (`.in-use`)."""
    return (
        name.startswith((".editor-app", ".editor_app", ".tmp-"))
        or (name.startswith(".") and name.endswith(PART))
        or name == ".in-use"
    )


def _own_folder(name: str) -> bool:
    """An export's staging folder (`.<slug>.<random>.export`), never published."""
    return name.startswith(".") and name.endswith(".export")


def _digest(path: Path) -> FileState:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return FileState(h.hexdigest(), size)


def scan_local(root: Path) -> dict[str, FileState]:
    """Every file of the built site under `root` (relative POSIX path → hash and size), the
    app's own working files left out; symbolic links to files are followed, anything that is
    not a file (a FIFO, a device) is left out."""
    out: dict[str, FileState] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _own_folder(d))
        base = Path(folder)
        rel = base.relative_to(root).as_posix()
        for name in sorted(files):
            path = base / name
            if is_own_file(name) or not path.is_file():
                continue
            out[name if rel == "." else f"{rel}/{name}"] = _digest(path)
    return out


def upload_order(paths: Iterable[str], listing: Collection[str] | None = None) -> list[str]:
    """The order files go up in: the listing pages last (`listing`: their paths, as the site
    build gives them; without it, every file is ordered by depth alone), and within each group
    the deepest first — a story's photos before its page, a story's folder before the top-level
    pages, a section's second page before its first."""
    chosen = frozenset(listing or ())

    def key(path: str) -> tuple[bool, int, str]:
        return (path in chosen, -path.count("/"), path)

    return sorted(paths, key=key)


@dataclass(frozen=True)
class Plan:
    """What an upload sends (in order) and removes (after every upload)."""

    upload: tuple[str, ...]
    remove: tuple[str, ...]
    unchanged: int


def plan_upload(
    local: Mapping[str, FileState], server: Manifest, listing: Collection[str] | None = None
) -> Plan:
    """What changes on the server: local files whose hash or size the manifest does not vouch
    for (new, changed, or pending from a cut upload), and files the manifest lists (or had
    pending) that are no longer in the local folder."""
    send = [p for p, state in local.items() if p in server.pending or server.files.get(p) != state]
    gone = sorted(p for p in {*server.files, *server.pending} if p not in local)
    gone.sort(key=lambda p: (-p.count("/"), p))
    return Plan(tuple(upload_order(send, listing)), tuple(gone), len(local) - len(send))
