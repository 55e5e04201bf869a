"""Text files IT and reporters hand the app (the officials CSV, the sections list, an
article's text): read only when they are regular files within a size cap, decoded as UTF-8 with
or without BOM, with Vietnamese messages."""

from __future__ import annotations

from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.site_limits import MAX_OFFICIALS_BYTES
from editor_app.services.safe_read import read_regular

#: Largest text file read when the caller names no limit (an article's text, the officials CSV).
MAX_TEXT_FILE_BYTES = MAX_OFFICIALS_BYTES


def read_text_file(
    path: Path, limit: int = MAX_TEXT_FILE_BYTES, *, save_as: str = "CSV UTF-8"
) -> str:
    """A text file as IT or Excel writes it: UTF-8 with or without BOM; clear errors (one not
    in UTF-8 is to be saved again as `save_as`).

    Only a regular file of at most `limit` bytes is read (`safe_read.read_regular`): a FIFO,
    a device (/dev/zero), a folder or a file too big is refused at once with a Vietnamese
    `UnreadableFile`, instead of blocking or reading until memory runs out."""
    data = read_regular(Path(path), limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            f"Tệp {path} không phải văn bản UTF-8. Hãy lưu lại dưới dạng “{save_as}”."
        ) from None
