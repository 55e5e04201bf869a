"""The publication record's rules (issue 13, points 3 and 4, corrections, take-downs, embargo)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.errors import ValidationError
from editor_app.domain.publication import (
    Embargoed,
    Publication,
    PublicationError,
    PublishedVersion,
    content_hash,
    embargo_line,
    export_refusals,
    parse_when,
    publish,
    set_embargo,
    unique_slug,
    withdraw,
)
from editor_app.domain.timezone import LOCAL
from editor_app.domain.workflow import Role, Status, allowed_moves, can_edit, may_publish

T0 = datetime(2023, 4, 12, 2, 55, tzinfo=UTC)
V1 = PublishedVersion("h1", "Tiêu đề", "Sapo", "images/a-1-480.jpg")
V2 = PublishedVersion("h2", "Tiêu đề đã sửa", "Sapo", "images/a-1-480.jpg")


def test_a_slug_is_given_once_with_a_suffix_when_taken() -> None:
    assert unique_slug("giao-ban", set(), "x") == "giao-ban"
    assert unique_slug("giao-ban", {"giao-ban"}, "x") == "giao-ban-2"
    assert unique_slug("giao-ban", {"giao-ban", "giao-ban-2", "giao-ban-3"}, "x") == "giao-ban-4"
    assert unique_slug("", set(), "bai-1234abcd") == "bai-1234abcd"
    first = publish(Publication(), T0, V1, "giao-ban")
    later = publish(first, T0 + timedelta(days=1), V2, "giao-ban-da-sua")
    assert later.slug == "giao-ban"  # the headline edit does not move the URL


def test_first_publication_then_versions() -> None:
    first = publish(Publication(), T0, V1, "a")
    assert (first.first_published_at, first.version_at, first.version) == (T0, T0, 1)
    same = publish(first, T0 + timedelta(hours=1), V1, "a")
    assert same == first  # published again unchanged: nothing moves
    t2 = T0 + timedelta(hours=2)
    second = publish(first, t2, V2, "a")
    assert (second.first_published_at, second.version_at, second.version) == (T0, t2, 2)
    assert second.headline == "Tiêu đề đã sửa"


def test_a_correction_is_a_version_with_its_note_and_time() -> None:
    with pytest.raises(PublicationError, match="chưa xuất bản"):
        publish(Publication(), T0, V1, "a", note="Sửa tên")
    first = publish(Publication(), T0, V1, "a")
    t = T0 + timedelta(days=1)
    fixed = publish(first, t, V2, "a", note="  Sửa  tên   đại biểu ", by="Trần Thu Hà")
    assert fixed.version == 2 and fixed.first_published_at == T0
    (c,) = fixed.corrections
    assert (c.note, c.at, c.by, c.version) == ("Sửa tên đại biểu", t, "Trần Thu Hà", 2)
    with pytest.raises(PublicationError, match="tối đa"):
        publish(fixed, t, V1, "a", note="x" * 1001)


def test_withdraw_needs_a_publication_and_a_reason() -> None:
    with pytest.raises(PublicationError, match="chưa xuất bản"):
        withdraw(Publication(), T0, "Sai sự thật", "Hà")
    first = publish(Publication(), T0, V1, "a")
    with pytest.raises(PublicationError, match="lý do"):
        withdraw(first, T0, "   ", "Hà")
    gone = withdraw(first, T0 + timedelta(hours=1), "Theo yêu cầu của cơ quan chức năng", "Hà")
    assert gone.withdrawn and not gone.live(T0 + timedelta(days=1))
    with pytest.raises(PublicationError, match="đã được gỡ"):
        withdraw(gone, T0 + timedelta(hours=2), "Lần nữa", "Hà")
    back = publish(gone, T0 + timedelta(days=2), V1, "a")  # published again: a new version
    assert back.live(T0 + timedelta(days=3)) and back.version == 2 and not back.withdrawn_reason


def test_embargo() -> None:
    until = T0 + timedelta(days=1)
    held = set_embargo(Publication(), until, T0)
    with pytest.raises(Embargoed) as caught:
        publish(held, T0 + timedelta(hours=1), V1, "a")
    assert "Không đăng trước 13/4/2023 09:55 (giờ Việt Nam)" in str(caught.value)
    assert embargo_line(until) == "Không đăng trước 13/4/2023 09:55 (giờ Việt Nam)."
    out = publish(held, until, V1, "a")
    assert out.live(until) and out.embargo_until == until
    with pytest.raises(PublicationError, match="đã xuất bản"):
        set_embargo(out, until + timedelta(days=1), until)
    with pytest.raises(PublicationError, match="đã qua"):
        set_embargo(Publication(), T0 - timedelta(minutes=1), T0)
    assert set_embargo(held, None, T0).embargo_until is None


def test_export_refusals_follow_the_status_and_the_role() -> None:
    assert export_refusals(Status.APPROVED, Role.EDITOR) == []
    assert export_refusals(Status.PUBLISHED, Role.EDITOR) == []
    (why,) = export_refusals(Status.SUBMITTED, Role.EDITOR)
    assert "Chờ duyệt" in why
    assert len(export_refusals(Status.SUBMITTED, Role.REPORTER)) == 2
    (why,) = export_refusals(Status.APPROVED, Role.REPORTER)
    assert why.startswith("Phóng viên không được xuất bản")
    assert may_publish(Role.EDITOR) and not may_publish(Role.REPORTER)


def test_withdrawn_in_the_workflow() -> None:
    assert Status.WITHDRAWN.label_vi == "Đã gỡ"
    assert Status.WITHDRAWN in allowed_moves(Status.PUBLISHED, Role.EDITOR)
    assert Status.WITHDRAWN not in allowed_moves(Status.PUBLISHED, Role.REPORTER)
    assert allowed_moves(Status.WITHDRAWN, Role.EDITOR) == (Status.EDITING,)
    assert not can_edit(Status.WITHDRAWN, Role.REPORTER)


def test_content_hash_ignores_the_status_only() -> None:
    snap = {"headline": "A", "status": "approved", "photos": []}
    assert content_hash(snap) == content_hash({**snap, "status": "published"})
    assert content_hash(snap) != content_hash({**snap, "headline": "B"})


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("15/3/2025 08:00", (2025, 3, 15, 8, 0)),
        ("15/03/2025 8:05", (2025, 3, 15, 8, 5)),
        ("15/3/2025 8h30", (2025, 3, 15, 8, 30)),
        ("15/3/2025 8h", (2025, 3, 15, 8, 0)),
        ("8h30 ngày 15/3/2025", (2025, 3, 15, 8, 30)),
        ("15/3/2025", (2025, 3, 15, 0, 0)),
        ("2025-03-15T08:00", (2025, 3, 15, 8, 0)),
        ("2025-03-15 08:00", (2025, 3, 15, 8, 0)),
    ],
)
def test_times_as_the_newsroom_writes_them(text: str, local: tuple[int, ...]) -> None:
    when = parse_when(text)
    assert when.tzinfo is not None
    assert when.astimezone(LOCAL).timetuple()[:5] == local


def test_an_offset_given_is_kept() -> None:
    assert parse_when("2025-03-15T01:00Z") == datetime(2025, 3, 15, 1, 0, tzinfo=UTC)
    assert parse_when("2025-03-15T08:00+07:00") == datetime(2025, 3, 15, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "mai", "32/1/2025 08:00", "15/3/2025 25:00", "15/13/2025"])
def test_a_time_not_understood_says_how_to_write_it(text: str) -> None:
    with pytest.raises(ValidationError, match="15/3/2025 08:00"):
        parse_when(text)


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1)))
def test_a_time_written_the_vietnamese_way_reads_back(naive: datetime) -> None:
    local = naive.replace(second=0, microsecond=0, tzinfo=LOCAL)
    text = f"{local.day}/{local.month}/{local.year} {local.hour:02d}:{local.minute:02d}"
    assert parse_when(text) == local.astimezone(UTC)


@given(st.text(max_size=80))
def test_any_text_is_a_time_or_a_vietnamese_refusal(text: str) -> None:
    try:
        when = parse_when(text)
    except ValidationError as e:
        assert "Không hiểu thời điểm" in str(e)
    else:
        assert when.tzinfo is UTC
