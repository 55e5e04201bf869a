"""Workflow: statuses of an article, the roles of the people who move it, and who may move it
where (see docs/workflow.md for the table)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import fold, nfc


class Status(StrEnum):
    """Where an article stands; values are the CLI's and the database's words."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    EDITING = "editing"
    APPROVED = "approved"
    PUBLISHED = "published"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"  # taken down after publication (see domain/publication.py)

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
    Status.WITHDRAWN: "Đã gỡ",
}


class Role(StrEnum):
    """What a user does in the newsroom; decides which moves and edits are allowed."""

    REPORTER = "reporter"
    EDITOR = "editor"

    @property
    def label_vi(self) -> str:
        return _ROLE_LABELS_VI[self]


_ROLE_LABELS_VI = {Role.REPORTER: "Phóng viên", Role.EDITOR: "Biên tập viên"}


def parse_role(text: str) -> Role:
    """`reporter`/`editor`, or the Vietnamese name (with or without marks)."""
    key = " ".join(fold(text).split())
    for role in Role:
        if key in (role.value, fold(role.label_vi)):
            return role
    raise ValidationError(f"Vai trò không hợp lệ: “{text}” (chọn reporter hoặc editor).")


@dataclass(frozen=True)
class User:
    """Who is working: recorded on every revision, comment and status change."""

    name: str
    role: Role

    def __post_init__(self) -> None:
        name = " ".join(nfc(str(self.name)).split())
        if not name:
            raise ValidationError("Tên người dùng không được để trống.")
        role = self.role if isinstance(self.role, Role) else parse_role(str(self.role))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "role", role)

    def __str__(self) -> str:
        return f"{self.name} ({self.role.label_vi})"


class TransitionError(ValidationError):
    """A status change the role does not allow, or one that lacks its reason."""


S = Status
# Moves a reporter may make (an editor may make them too).
_REPORTER_MOVES: dict[Status, tuple[Status, ...]] = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.DRAFT,),  # withdrawn before an editor takes it
    S.RETURNED: (S.SUBMITTED, S.DRAFT),
}
# Moves only an editor may make.
_EDITOR_MOVES: dict[Status, tuple[Status, ...]] = {
    S.DRAFT: (S.EDITING,),
    S.SUBMITTED: (S.EDITING, S.RETURNED),
    S.EDITING: (S.APPROVED, S.RETURNED),
    S.APPROVED: (S.PUBLISHED, S.EDITING),  # published, or reopened
    S.PUBLISHED: (S.EDITING, S.WITHDRAWN),  # reopened for a correction, or taken down
    S.WITHDRAWN: (S.EDITING,),  # reopened, to be published again
}
_ORDER = tuple(Status)


def allowed_moves(current: Status, role: Role) -> tuple[Status, ...]:
    """The statuses `role` may move a story in `current` to, in the workflow's order."""
    current, role = Status(current), Role(role)
    moves = set(_REPORTER_MOVES.get(current, ()))
    if role is Role.EDITOR:
        moves |= set(_EDITOR_MOVES.get(current, ()))
    return tuple(s for s in _ORDER if s in moves)


def can_edit(status: Status, role: Role) -> bool:
    """Whether `role` may change the story's fields: a reporter cannot touch an approved,
    published or withdrawn story; an editor always can."""
    if Role(role) is Role.EDITOR:
        return True
    return Status(status) not in (Status.APPROVED, Status.PUBLISHED, Status.WITHDRAWN)


def may_publish(role: Role) -> bool:
    """Whether `role` may put a story in front of readers (publish, export, correct, take
    down): the role that may move a story from approved to published."""
    return Status.PUBLISHED in allowed_moves(Status.APPROVED, role)


def needs_reason(target: Status) -> bool:
    """Returning a story to its reporter, or taking it down, must say why."""
    return Status(target) in (Status.RETURNED, Status.WITHDRAWN)


def check_move(current: Status, target: Status, role: Role, reason: str = "") -> None:
    """Raises `TransitionError` (a Vietnamese message) unless `role` may move the story."""
    current, target, role = Status(current), Status(target), Role(role)
    if current is target:
        raise TransitionError(f"Bài đã ở trạng thái {target.label_vi}.")
    if target not in allowed_moves(current, role):
        raise TransitionError(
            f"{role.label_vi} không được chuyển bài từ {current.label_vi} sang {target.label_vi}."
        )
    if needs_reason(target) and not nfc(reason).strip():
        raise TransitionError(f"Cần ghi lý do khi chuyển bài sang {target.label_vi}.")


class ReadOnly(ValidationError):
    """A change to a story the user's role may not edit in its status."""


def read_only_error(status: Status, role: Role) -> ReadOnly:
    return ReadOnly(
        f"Bài đang ở trạng thái {Status(status).label_vi}: "
        f"{Role(role).label_vi.lower()} không được sửa bài này."
    )


def locked_statuses(role: Role) -> tuple[Status, ...]:
    """The statuses in which `role` may not edit a story."""
    return tuple(s for s in Status if not can_edit(s, role))
