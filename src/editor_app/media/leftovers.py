"""Temporary files a killed or failed write leaves in the media folder, found and removed.

A photo being stored is copied to ``originals/.incoming-*`` and a rendition or thumbnail is
written to ``renditions/.tmp/.tmp-*`` before each is moved into place (library.py, cache.py).
A process killed in between leaves that file behind. They are removed when a writer opens the
data folder, by the next operation of the same kind, and by ``editor-app check --repair``; check
lists them (docs/storage.md).

When is a temp file left over rather than being written? Renditions are written by the app's
workers in one call, but also, on a PC without symbolic links, by a command that only reads
the folder (it takes no lock) while the app runs: a rendition temp is a leftover once nothing
has written to it for `GRACE`. Photos are stored only by the writer that holds the folder's
lock (store/sqlite.py), and a copy writes every megabyte: at the writer's open, before it has
started any work, every ``.incoming-*`` is a leftover (`grace=0`); later, by the same process,
only one older than `GRACE` (another attach of this process may be copying).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "GRACE",
    "INCOMING_PREFIX",
    "RENDITION_PREFIX",
    "RENDITION_TEMP_DIR",
    "Leftover",
    "find",
    "remove",
]

#: Seconds without a write after which a temp file is taken as left over.
GRACE = 300.0
INCOMING_PREFIX = ".incoming-"
RENDITION_PREFIX = ".tmp-"
#: Where renditions are written before being moved into place (under ``renditions/``): one
#: small folder to look in, not the thousands of files of the cache's own folders.
RENDITION_TEMP_DIR = ".tmp"

Kind = Literal["incoming", "rendition"]


@dataclass(frozen=True)
class Leftover:
    path: Path
    kind: Kind
    size: int
    #: Seconds since it was last written.
    age: float


def _files(folder: Path, prefix: str) -> Iterator[tuple[Path, os.stat_result]]:
    """Regular files (never a link's target) in `folder` whose names start with `prefix`."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no such folder yet, or not readable: nothing to find
        return
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            yield Path(entry.path), st


def find(
    media_dir: Path,
    *,
    incoming_grace: float | None = GRACE,
    rendition_grace: float | None = GRACE,
    deep: bool = False,
    now: float | None = None,
) -> list[Leftover]:
    """The leftovers in `media_dir` (a data folder's ``media``), oldest first: temp files not
    written for the kind's grace in seconds (0: every one; None: that kind is not looked for).
    `deep`: also rendition temps in the cache's own folders (where they were written before
    the temp folder existed; reads every file name of the cache, for `check`)."""
    now = time.time() if now is None else now
    renditions = media_dir / "renditions"
    places: list[tuple[Path, str, Kind, float]] = []
    if incoming_grace is not None:
        places.append((media_dir / "originals", INCOMING_PREFIX, "incoming", incoming_grace))
    if rendition_grace is not None:
        temps = renditions / RENDITION_TEMP_DIR
        places.append((temps, RENDITION_PREFIX, "rendition", rendition_grace))
    if deep and rendition_grace is not None:
        with contextlib.suppress(OSError):
            places += [
                (Path(e.path), RENDITION_PREFIX, "rendition", rendition_grace)
                for e in os.scandir(renditions)
                if e.is_dir(follow_symlinks=False) and e.name != RENDITION_TEMP_DIR
            ]
    found = [
        Leftover(path, kind, st.st_size, now - st.st_mtime)
        for folder, prefix, kind, grace in places
        for path, st in _files(folder, prefix)
        if grace <= 0 or now - st.st_mtime >= grace
    ]
    return sorted(found, key=lambda f: -f.age)


def remove(leftovers: list[Leftover]) -> list[Leftover]:
    """Deletes them (a file already gone is skipped); returns those deleted."""
    removed = []
    for item in leftovers:
        try:
            item.path.unlink()
        except OSError:
            continue
        removed.append(item)
    return removed
