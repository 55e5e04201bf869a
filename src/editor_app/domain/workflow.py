"""Workflow statuses of an article."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an article stands; values are the CLI's and the database's words."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    EDITING = "editing"
    APPROVED = "approved"
    PUBLISHED = "published"
    RETURNED = "returned"

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]


_LABELS_VI = {
    Status.DRAFT: "Nháp",
    Status.SUBMITTED: "Chờ duyệt",
    Status.EDITING: "Đang biên tập",
    Status.APPROVED: "Đã duyệt",
    Status.PUBLISHED: "Đã xuất bản",
    Status.RETURNED: "Trả lại",
}
