"""Who may move a story where, and who may edit it."""

from __future__ import annotations

import pytest

from editor_app.domain.errors import ValidationError
from editor_app.domain.workflow import (
    Role,
    Status,
    TransitionError,
    User,
    allowed_moves,
    can_edit,
    check_move,
    needs_reason,
    parse_role,
)

S = Status
REPORTER_TABLE = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.DRAFT,),
    S.EDITING: (),
    S.APPROVED: (),
    S.PUBLISHED: (),
    S.RETURNED: (S.DRAFT, S.SUBMITTED),
    S.WITHDRAWN: (),
}
EDITOR_TABLE = {
    S.DRAFT: (S.SUBMITTED, S.EDITING),
    S.SUBMITTED: (S.DRAFT, S.EDITING, S.RETURNED),
    S.EDITING: (S.APPROVED, S.RETURNED),
    S.APPROVED: (S.EDITING, S.PUBLISHED),
    S.PUBLISHED: (S.EDITING, S.WITHDRAWN),
    S.RETURNED: (S.DRAFT, S.SUBMITTED),
    S.WITHDRAWN: (S.EDITING,),
}


@pytest.mark.parametrize("current", list(Status))
def test_allowed_moves_follow_the_table(current: Status) -> None:
    assert allowed_moves(current, Role.REPORTER) == REPORTER_TABLE[current]
    assert allowed_moves(current, Role.EDITOR) == EDITOR_TABLE[current]
    # an editor can do everything a reporter can
    assert set(REPORTER_TABLE[current]) <= set(EDITOR_TABLE[current])


def test_every_move_off_the_table_is_refused_in_vietnamese() -> None:
    for role, table in ((Role.REPORTER, REPORTER_TABLE), (Role.EDITOR, EDITOR_TABLE)):
        for current in Status:
            for target in Status:
                reason = "Thiếu nguồn" if needs_reason(target) else ""
                if target in table[current]:
                    check_move(current, target, role, reason)
                else:
                    with pytest.raises(TransitionError):
                        check_move(current, target, role, reason)


def test_messages() -> None:
    with pytest.raises(TransitionError) as e:
        check_move(S.SUBMITTED, S.APPROVED, Role.REPORTER)
    assert str(e.value) == "Phóng viên không được chuyển bài từ Chờ duyệt sang Đã duyệt."
    with pytest.raises(TransitionError, match="Cần ghi lý do"):
        check_move(S.EDITING, S.RETURNED, Role.EDITOR, " \n\t ")
    with pytest.raises(TransitionError, match="đã ở trạng thái Nháp"):
        check_move(S.DRAFT, S.DRAFT, Role.EDITOR)
    assert isinstance(e.value, ValidationError)
    assert needs_reason(S.RETURNED) and not needs_reason(S.APPROVED)
    assert needs_reason(S.WITHDRAWN)


def test_a_reporter_cannot_edit_approved_published_or_withdrawn_stories() -> None:
    locked = [s for s in Status if not can_edit(s, Role.REPORTER)]
    assert locked == [S.APPROVED, S.PUBLISHED, S.WITHDRAWN]
    assert all(can_edit(s, Role.EDITOR) for s in Status)


def test_users_are_nfc_trimmed_and_have_a_known_role() -> None:
    u = User("  Le\u0302   Minh ", "editor")  # type: ignore[arg-type]
    assert u == User("Lê Minh", Role.EDITOR)
    assert u.role is Role.EDITOR and str(u) == "Lê Minh (Biên tập viên)"
    with pytest.raises(ValidationError, match="không được để trống"):
        User(" \t", Role.REPORTER)
    with pytest.raises(ValidationError, match="Vai trò không hợp lệ"):
        User("Lê Minh", "boss")  # type: ignore[arg-type]
    assert parse_role("Phong vien") is Role.REPORTER
    assert parse_role(" BIÊN TẬP VIÊN ") is Role.EDITOR
    assert Role.REPORTER.label_vi == "Phóng viên"
