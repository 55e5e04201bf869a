"""What every command shares: the open workspace, JSON output, progress on stderr."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

from editor_app.domain.errors import UserError
from editor_app.services.workspace import Workspace


class CommandFailed(Exception):
    """A command that ran but did not succeed (its output already said why)."""


#: How a command opens the data folder. "read": without the lock and without writing (it may
#: be read-only, its disk full, or the app may hold it; a damaged database still opens).
#: "write-or-read": as a writer when it can, else as a reader.
Access = Literal["write", "read", "write-or-read"]


@dataclass
class Context:
    data_dir: Path | None
    json: bool = False
    access: Access = "write"
    _workspace: Workspace | None = field(default=None, repr=False)

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = self._open()
        return self._workspace

    def _open(self) -> Workspace:
        return Workspace.open(
            self.data_dir,
            read_only=self.access == "read",
            or_read_only=self.access == "write-or-read",
        )

    @property
    def damage(self) -> UserError | None:
        """The open database's damage (it was opened read-only), if any."""
        return self._workspace.db.corrupt if self._workspace is not None else None

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None


def _default(value: Any) -> Any:
    if isinstance(value, UUID | Path):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def parse_uuid(text: str) -> UUID:
    try:
        return UUID(text.strip())
    except ValueError:
        raise UserError(f"Mã bài viết không hợp lệ: “{text}”.") from None


def stderr_progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty() and total:
        sys.stderr.write(f"\r[{done}/{total}] {message[:60]:<60}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
