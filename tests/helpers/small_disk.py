"""A small file system of its own for a test: filled to the last byte, or remounted read-only
(the tests run as root, where `chmod a-w` stops nothing). Skips, saying why, where mounting is
not allowed."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Disk:
    """A small file system of its own, mounted at `root`."""

    root: Path

    def fill(self, leave: int = 0) -> None:
        """Writes zeros until the file system has only `leave` bytes left (default: none)."""
        if leave:
            free = shutil.disk_usage(self.root).free
            (self.root / "filler").write_bytes(b"\0" * (free - leave))
            return
        # Unbuffered: a buffered file would raise ENOSPC again when closed, with what it held.
        with open(self.root / "filler", "wb", buffering=0) as f:
            block = b"\0" * 65536
            try:
                while True:
                    f.write(block)
            except OSError:
                pass
        with open(self.root / "filler-tail", "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0")
            except OSError:
                pass
        assert shutil.disk_usage(self.root).free == 0

    def make_read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.root)], check=True)


def mounted(tmp_path: Path) -> Iterator[Disk]:
    """A 4 MB tmpfs at tmp_path/disk, unmounted afterwards."""
    root = tmp_path / "disk"
    root.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (these tests fake no fault)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(root)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)
