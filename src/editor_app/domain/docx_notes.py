"""What a Word file held that a story cannot keep, said in one message after the import.

The importer counts them while checking the file (`DocxFindings`); `notes` says each in a line
of Vietnamese: what it was and what became of it. Nothing is left out silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DocxFindings", "notes", "notes_message"]


@dataclass
class DocxFindings:
    comments: int = 0
    tracked_changes: int = 0  # insertions, deletions, moves, formatting changes
    text_boxes: int = 0
    footnotes: int = 0
    endnotes: int = 0
    fields: int = 0  # fields other than links (page numbers, dates, tables of contents…)
    equations: int = 0
    charts: int = 0  # charts and SmartArt
    objects: int = 0  # embedded OLE objects (a spreadsheet, a slide…)
    headers_footers: int = 0  # headers and footers that hold text
    skipped_images: list[str] = field(default_factory=list)  # their formats, e.g. "EMF"


def _skipped(formats: list[str]) -> str:
    kinds = ", ".join(sorted(set(formats)))
    return (
        f"{len(formats)} hình không nhập được vì ở định dạng {kinds} (ảnh của bài chỉ nhận "
        "JPEG, PNG, WebP, HEIC, TIFF): hãy lưu hình thành JPEG hoặc PNG rồi đính kèm."
    )


def notes(found: DocxFindings) -> list[str]:
    """One line per kind of thing not kept, in the order a reader of the file meets them."""
    lines: list[str] = []
    if found.tracked_changes:
        lines.append(
            f"{found.tracked_changes} thay đổi được theo dõi (Track Changes) đã được chấp nhận "
            "hết: bài lấy văn bản sau khi sửa, không còn dấu vết chỗ thêm, chỗ xoá."
        )
    if found.comments:
        lines.append(
            f"{found.comments} nhận xét (comment) không được nhập: xem lại trong tệp Word."
        )
    if found.text_boxes:
        lines.append(
            f"{found.text_boxes} khung chữ (text box): chữ trong khung được đưa vào thân bài, "
            "ở chỗ khung được neo; khung và vị trí của nó không giữ được."
        )
    notes_count = found.footnotes + found.endnotes
    if notes_count:
        lines.append(
            f"{notes_count} chú thích cuối trang/cuối bài (footnote): đưa xuống cuối thân bài "
            "thành danh sách đánh số, dấu [1], [2]… ở lại trong câu."
        )
    if found.fields:
        lines.append(
            f"{found.fields} trường tự động (field: số trang, ngày, mục lục…): chỉ giữ chữ "
            "như lần cập nhật cuối trong Word, không còn tự cập nhật."
        )
    if found.equations:
        lines.append(f"{found.equations} công thức toán không nhập được.")
    if found.charts:
        lines.append(f"{found.charts} biểu đồ hoặc sơ đồ (SmartArt) không nhập được.")
    if found.objects:
        lines.append(
            f"{found.objects} đối tượng nhúng (bảng tính, trang trình chiếu…) không nhập được."
        )
    if found.headers_footers:
        lines.append(
            f"{found.headers_footers} đầu trang/chân trang có chữ không được nhập (trang "
            "báo không có đầu trang, chân trang)."
        )
    if found.skipped_images:
        lines.append(_skipped(found.skipped_images))
    return lines


def notes_message(lines: list[str]) -> str:
    """The one message: a heading and a bullet per line; "" when there is nothing to say."""
    if not lines:
        return ""
    return "Một số phần của tệp Word không giữ nguyên được:\n" + "\n".join(
        f"• {line}" for line in lines
    )
