"""The build manifest kept in the site's folder (`.editor_app-site.json`): every file the site
build wrote, its content hash, a fingerprint of what it was made from, and, for a listing page,
the stories it holds. A later build rewrites a file only when what it is made from changed, and
removes only files it wrote itself (never a story's bundle, never a file put there by hand).

Files are written whole or not at all: into a temporary file beside them, flushed, then renamed
over the old one (a reader of the folder never sees half a page).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.domain.errors import UserError

__all__ = ["MANIFEST", "Entry", "Manifest", "sha256", "write_atomic"]

MANIFEST = ".editor_app-site.json"
FORMAT = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    sha256: str
    inputs: str = ""  # fingerprint of what the file was made from ("" none kept)
    stories: tuple[str, ...] = ()  # a listing page's stories (ids)


@dataclass
class Manifest:
    design: str = ""
    files: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The folder's manifest (an empty one when there is none or it cannot be read: the
        next build then compares files by their content)."""
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            files = {
                str(path): Entry(
                    str(e["sha256"]), str(e.get("inputs", "")), tuple(e.get("stories", ()))
                )
                for path, e in data["files"].items()
            }
            return cls(str(data.get("design", "")), files)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def write(self, folder: Path) -> None:
        files: dict[str, Any] = {}
        for path in sorted(self.files):
            e = self.files[path]
            item: dict[str, Any] = {"sha256": e.sha256}
            if e.inputs:
                item["inputs"] = e.inputs
            if e.stories:
                item["stories"] = list(e.stories)
            files[path] = item
        data = {"format": FORMAT, "design": self.design, "files": files}
        text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True)
        write_atomic(folder / MANIFEST, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """`data` into `path`, whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        raise UserError(f"Không ghi được {path}: {e.strerror or e}.") from None


def remove_file(root: Path, relative: str) -> bool:
    """Removes a file the build wrote, and the folders it leaves empty (up to `root`)."""
    path = root / relative
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as e:
        raise UserError(f"Không xóa được {path}: {e.strerror or e}.") from None
    parent = path.parent
    while parent != root and root in parent.parents:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent
    return True
