"""The one error a photo can cause: a one-line Vietnamese message that names the file."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.text import nfc

__all__ = ["PhotoError", "Reason"]


class Reason(StrEnum):
    """Why a photo was refused (machine-readable: the CLI's --json output, tests, logs)."""

    EMPTY = "empty"
    TRUNCATED = "truncated"
    NOT_IMAGE = "not_image"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    FILE_TOO_BIG = "file_too_big"
    ANIMATED = "animated"
    CORRUPT = "corrupt"
    MISSING = "missing"
    PERMISSION = "permission"
    UNREADABLE = "unreadable"


_TEXT: dict[Reason, str] = {
    Reason.EMPTY: "tệp rỗng (0 byte)",
    Reason.TRUNCATED: "tệp bị cắt cụt, thiếu dữ liệu (có thể chép chưa xong)",
    Reason.NOT_IMAGE: "không phải là tệp ảnh",
    Reason.UNSUPPORTED: (
        "định dạng {detail} không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, HEIC, TIFF)"
    ),
    Reason.TOO_LARGE: "ảnh quá lớn (trên {detail} megapixel), có thể là tệp độc hại",
    Reason.FILE_TOO_BIG: "tệp quá lớn (trên {detail} MB)",
    Reason.ANIMATED: "ảnh động hoặc nhiều khung hình ({detail} khung); chỉ nhận ảnh tĩnh",
    Reason.CORRUPT: "tệp ảnh bị hỏng, không giải mã được",
    Reason.MISSING: "tệp không còn tồn tại (đã bị xoá hoặc di chuyển)",
    Reason.PERMISSION: "không có quyền đọc tệp",
    Reason.UNREADABLE: "không đọc được tệp ({detail})",
}


def _one_line(text: str) -> str:
    """A file name can hold newlines and control characters: show them as '?'."""
    return "".join("?" if unicodedata.category(c).startswith("C") else c for c in nfc(text))


class PhotoError(UserError):
    """A photo the app refuses, e.g. 'Ảnh "x.jpg": tệp rỗng (0 byte).'."""

    def __init__(self, path: Path | str, reason: Reason, detail: str = "") -> None:
        self.path = Path(path)
        self.reason = reason
        self.detail = detail
        name = _one_line(self.path.name or str(path))
        why = _TEXT[reason].format(detail=_one_line(detail))
        super().__init__(f'Ảnh "{name}": {why}.')

    def __reduce__(self) -> tuple[type[PhotoError], tuple[Path, Reason, str]]:
        # Crosses process boundaries intact (the batch runs in worker processes).
        return (type(self), (self.path, self.reason, self.detail))
