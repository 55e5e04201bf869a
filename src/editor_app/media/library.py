"""Originals, stored once each and never changed, named by the SHA-256 of their bytes.

Layout: ``root/originals/ab/abcdef….jpg`` (the first two hex digits make a folder, so no folder
grows past a few thousand files). A file is copied to a temporary name in ``root/originals``,
hashed on the way (one read), validated, then moved into place with ``os.replace``: a reader
never sees half a file, and a crash leaves at most a ``.incoming-*`` temp, removed when a writer
next opens the folder or by the next photo stored (leftovers.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from editor_app.media import leftovers
from editor_app.media.imaging import EXTENSIONS, file_size, os_error
from editor_app.media.probe import ProbedImage, probe

__all__ = ["MediaLibrary", "check_sha256"]

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1024 * 1024
_TEMP_PREFIX = leftovers.INCOMING_PREFIX
# How often storing photos also looks for leftovers (one listing of `originals`, ~1 ms).
_SWEEP_EVERY = 60.0
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


def check_sha256(sha256: str) -> str:
    """`sha256` itself if it is 64 lower-case hex digits (it becomes a path); else ValueError."""
    if not _SHA256_RE.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return sha256


class MediaLibrary:
    """Content-addressed originals under ``root/originals``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.originals = self.root / "originals"
        self._swept_at: float | None = None

    def _folder(self, sha256: str) -> Path:
        return self.originals / check_sha256(sha256)[:2]

    def original_path(self, sha256: str) -> Path | None:
        """Where the original with this digest is stored, or None if it is not."""
        folder = self._folder(sha256)
        for ext in EXTENSIONS.values():
            candidate = folder / f"{sha256}{ext}"
            if candidate.is_file():
                return candidate
        return None

    def has(self, sha256: str) -> bool:
        return self.original_path(sha256) is not None

    def add(self, path: Path | str) -> ProbedImage:
        """Stores a validated copy of the photo at `path` (once: the same bytes twice are
        stored once) and returns its facts, `path` being the stored original.
        PhotoError when the file is not a photo we take; nothing is stored then."""
        source = Path(path)
        file_size(source)  # empty, huge or missing: refused before copying a byte
        self.originals.mkdir(parents=True, exist_ok=True)
        if self._swept_at is None or time.monotonic() - self._swept_at > _SWEEP_EVERY:
            self.sweep_temporaries()
        fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.originals)
        temp = Path(temp_name)
        try:
            digest = self._copy(source, fd, temp)
            info = probe(temp, sha256=digest, display_name=str(source))
            final = self._folder(digest) / f"{digest}{info.extension}"
            if final.is_file():
                temp.unlink()
            else:
                final.parent.mkdir(exist_ok=True)
                os.chmod(temp, _READ_ONLY)
                os.replace(temp, final)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        return dataclasses.replace(info, path=final)

    @staticmethod
    def _copy(source: Path, fd: int, temp: Path) -> str:
        """Copies `source` into the open temp file `fd`, hashing on the way; returns the hash."""
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            try:
                src = open(source, "rb")  # noqa: SIM115 - closed just below
            except OSError as exc:
                raise os_error(source, exc) from exc
            with src:
                while True:
                    try:
                        chunk = src.read(_CHUNK)
                    except OSError as exc:
                        raise os_error(source, exc) from exc
                    if not chunk:
                        break
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return digest.hexdigest()

    def remove(self, sha256: str) -> bool:
        """Deletes the original with this digest; False when there was none."""
        original = self.original_path(sha256)
        if original is None:
            return False
        with contextlib.suppress(OSError):
            os.chmod(original, _READ_ONLY | stat.S_IWUSR)  # Windows will not delete read-only
        try:
            original.unlink()
        except FileNotFoundError:
            return False
        return True

    def sweep_temporaries(self, grace: float = leftovers.GRACE) -> list[leftovers.Leftover]:
        """Deletes the temp files a killed copy left behind, those not written for `grace`
        seconds (0: all of them, for a writer that has just opened the folder and started no
        copy yet); returns them. Called by `add` now and then."""
        self._swept_at = time.monotonic()
        found = leftovers.find(self.root, incoming_grace=grace, rendition_grace=None)
        return leftovers.remove(found)
