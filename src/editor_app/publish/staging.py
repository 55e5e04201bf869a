"""An export's staging folder (``<out_dir>/.<slug>.<random>.export``): held while the export
runs, swept by the next export when a killed one left it behind.

A bundle is built in a hidden staging folder beside its place, then moved in (bundle.py). An
export that is killed (the laptop's battery, Task Manager) leaves that folder, with every
rendition it had written, and, when it died between the two renames of a replacement, the
previous bundle in ``previous/``. The next export into the same folder removes such folders,
first putting a ``previous/`` bundle back when its place is empty.

Which folders are left over: an export holds ``.in-use`` in its folder open from start to end
(on POSIX with an exclusive `flock`; on Windows an open file cannot be deleted) and the sweep
leaves alone every folder whose ``.in-use`` it cannot take or delete: a live export, of this
process or another (the CLI while the window runs). A folder without that file is left alone
for `YOUNG` seconds (the instant between its creation and the lock).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["IN_USE", "SUFFIX", "YOUNG", "Swept", "staging_folder", "sweep"]

SUFFIX = ".export"
IN_USE = ".in-use"
#: Seconds a staging folder without its `IN_USE` file is taken as just being created.
YOUNG = 60.0


@dataclass(frozen=True)
class Swept:
    path: Path
    #: The bundle put back from the folder's ``previous/`` (None: nothing was).
    restored: Path | None = None


def _lock(handle: IO[bytes]) -> bool:
    """Takes `handle`'s file for this process alone (POSIX: flock); False when another holds it.
    On Windows the open handle is the lock: nobody can delete the file while it is open."""
    if os.name == "nt":
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def staging_folder(out: Path, slug: str) -> Iterator[Path]:
    """A new staging folder in `out` for `slug`, held for the block and removed after it."""
    path = Path(tempfile.mkdtemp(prefix=f".{slug}.", suffix=SUFFIX, dir=out))
    try:
        with open(path / IN_USE, "wb") as handle:
            _lock(handle)
            yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _in_use(folder: Path, now: float) -> bool:
    marker = folder / IN_USE
    try:
        handle = open(marker, "rb+")  # noqa: SIM115 (closed below, on every path)
    except FileNotFoundError:
        try:
            return now - folder.stat().st_mtime < YOUNG
        except OSError:
            return True
    except OSError:  # Windows: open in another process; or not ours to open
        return True
    try:
        if not _lock(handle):
            return True
    finally:
        handle.close()
    if os.name == "nt":
        try:
            marker.unlink()
        except OSError:
            return True
    return False


def _slug_of(name: str) -> str:
    """`.<slug>.<random>.export` → slug ('' when the name is not a staging folder's)."""
    inner = name[1 : -len(SUFFIX)]
    return inner.rsplit(".", 1)[0] if "." in inner else ""


def sweep(out: Path, now: float | None = None) -> list[Swept]:
    """Removes the staging folders in `out` that no export holds; a bundle left in one's
    ``previous/`` goes back to its place when that place is empty. Returns what was swept."""
    now = time.time() if now is None else now
    try:
        entries = [e for e in os.scandir(out) if e.name.startswith(".")]
    except OSError:
        return []
    swept: list[Swept] = []
    for entry in entries:
        if not entry.name.endswith(SUFFIX) or not entry.is_dir(follow_symlinks=False):
            continue
        folder = Path(entry.path)
        if _in_use(folder, now):
            continue
        restored = None
        slug = _slug_of(entry.name)
        previous = folder / "previous"
        place = out / slug
        if slug and previous.is_dir() and not (place.exists() or place.is_symlink()):
            with contextlib.suppress(OSError):
                os.rename(previous, place)
                restored = place
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            swept.append(Swept(folder, restored))
    return swept
