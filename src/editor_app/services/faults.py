"""Disk faults told apart for the user: a full disk, a read-only folder, no access, an I/O
error (docs/storage.md). The CLI and the window call this where an unexpected OSError would
otherwise reach the user as raw English."""

from __future__ import annotations

from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.store.errors import os_error


def explain(error: OSError, data_dir: Path | None = None) -> UserError | None:
    """The Vietnamese message for a file system fault, or None when it is not one (a bug).
    `data_dir`: the data folder, named as such when the failing file is in it (None: the
    default one)."""
    if data_dir is None:
        from editor_app.services.workspace import default_data_dir

        data_dir = default_data_dir()
    return os_error(error, data_dir)
