"""The server decides who may do what (issue 16, point 3; migration 0008): logins made by
`server add-user` connect straight to the real PostgreSQL (tests/helpers/postgres.py) as a
forged desk would, without the app's checks, and the database itself refuses a reporter's
approval, publication, edits of an approved story — with the workflow's Vietnamese message."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy import exc as sa_exc

from editor_app.domain.workflow import Role, Status, allowed_moves
from editor_app.services import server_users
from editor_app.store import pg_refusals, postgres
from editor_app.store.pg_roles import session_identity

T0 = datetime(2026, 3, 9, 1, 30, tzinfo=UTC)
PASSWORD = "mật-khẩu-dài-42"


@dataclass
class Newsroom:
    admin: Engine  # the superuser (IT): counts as an editor
    reporter: Engine
    editor: Engine
    reporter_login: str
    editor_login: str


def _engine(url: str, login: str | None = None) -> Engine:
    parsed = make_url(url)
    if login is not None:
        parsed = parsed.set(username=login)  # the test cluster trusts local logins
    return create_engine(parsed, poolclass=None)


@pytest.fixture
def newsroom(pg_url: str) -> Iterator[Newsroom]:
    postgres.migrate(pg_url)
    tag = uuid.uuid4().hex[:8]
    logins = (f"pv{tag}", f"btv{tag}")
    server_users.add_user(make_url(pg_url), logins[0], "Trần Văn Bình", Role.REPORTER, PASSWORD)
    server_users.add_user(make_url(pg_url), logins[1], "Lê Thị Hoa", Role.EDITOR, PASSWORD)
    engines = [_engine(pg_url), _engine(pg_url, logins[0]), _engine(pg_url, logins[1])]
    try:
        yield Newsroom(engines[0], engines[1], engines[2], logins[0], logins[1])
    finally:
        for engine in engines:
            engine.dispose()


def _story(engine: Engine, status: Status) -> str:
    story = str(uuid.uuid4())
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, headline, sapo, body, secondary_sections, keywords,"
                " byline, location, status, created_at, updated_at, search_dirty) VALUES"
                " (:id, 'Tiêu đề', 'Sapo', 'Thân bài', '[]', '[]', '', '', :status, :t, :t, true)"
            ),
            {"id": story, "status": status.value, "t": T0},
        )
    return story


def _write(engine: Engine, sql: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def _refused(engine: Engine, sql: str, **params: object) -> str:
    with pytest.raises(sa_exc.DBAPIError) as caught:
        _write(engine, sql, **params)
    message = pg_refusals.refusal(caught.value)
    assert message is not None, caught.value
    return message


def _status(engine: Engine, story: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(text("SELECT status FROM articles WHERE id = :id"), {"id": story}).scalar()
        )


MOVE = "UPDATE articles SET status = :to WHERE id = :id"


def test_a_reporter_cannot_approve_even_with_a_forged_desk(newsroom: Newsroom) -> None:
    story = _story(newsroom.reporter, Status.SUBMITTED)
    message = _refused(newsroom.reporter, MOVE, to="approved", id=story)
    assert message == "Phóng viên không được chuyển bài từ Chờ duyệt sang Đã duyệt."
    assert _status(newsroom.admin, story) == "submitted"

    _write(newsroom.reporter, MOVE, to="draft", id=story)  # withdrawn before an editor takes it
    assert _status(newsroom.admin, story) == "draft"

    _write(newsroom.editor, MOVE, to="editing", id=story)
    _write(newsroom.editor, MOVE, to="approved", id=story)
    assert _status(newsroom.admin, story) == "approved"


def test_every_move_is_allowed_exactly_as_the_workflow_says(newsroom: Newsroom) -> None:
    for current in Status:
        story = _story(newsroom.admin, current)
        allowed = set(allowed_moves(current, Role.REPORTER))
        for target in Status:
            if target is current:
                continue
            with newsroom.reporter.connect() as conn:
                trans = conn.begin()
                try:
                    conn.execute(text(MOVE), {"to": target.value, "id": story})
                    went = True
                except sa_exc.DBAPIError as e:
                    assert pg_refusals.refusal(e) == (
                        f"Phóng viên không được chuyển bài từ {current.label_vi} sang "
                        f"{target.label_vi}."
                    )
                    went = False
                finally:
                    trans.rollback()
            assert went == (target in allowed), (current, target)


def test_a_reporter_cannot_create_an_approved_story(newsroom: Newsroom) -> None:
    with pytest.raises(sa_exc.DBAPIError) as caught:
        _story(newsroom.reporter, Status.APPROVED)
    assert (
        pg_refusals.refusal(caught.value) == "Phóng viên không được tạo bài ở trạng thái Đã duyệt."
    )
    _story(newsroom.reporter, Status.DRAFT)
    _story(newsroom.reporter, Status.SUBMITTED)
    _story(newsroom.editor, Status.APPROVED)


def test_an_approved_story_is_read_only_for_a_reporter_only(newsroom: Newsroom) -> None:
    story = _story(newsroom.admin, Status.APPROVED)
    edit = "UPDATE articles SET headline = :h WHERE id = :id"
    message = _refused(newsroom.reporter, edit, h="Sửa lén", id=story)
    assert message == "Bài đang ở trạng thái Đã duyệt: phóng viên không được sửa bài này."
    assert "không được xóa" in _refused(
        newsroom.reporter, "DELETE FROM articles WHERE id = :id", id=story
    )
    # What is not the story's content passes (a search by a reporter reindexes every story).
    _write(newsroom.reporter, "UPDATE articles SET search_dirty = false WHERE id = :id", id=story)
    _write(newsroom.editor, edit, h="Biên tập viên sửa", id=story)
    _write(newsroom.admin, edit, h="Quản trị sửa", id=story)  # the superuser counts as an editor
    with newsroom.admin.connect() as conn:
        headline = conn.execute(text("SELECT headline FROM articles WHERE id = :id"), {"id": story})
        assert headline.scalar() == "Quản trị sửa"
    draft = _story(newsroom.reporter, Status.DRAFT)
    _write(newsroom.reporter, edit, h="Bài của tôi", id=draft)


def test_only_editors_publish_and_correct(newsroom: Newsroom) -> None:
    story = _story(newsroom.admin, Status.APPROVED)
    with newsroom.admin.connect() as conn:
        pk = conn.execute(text("SELECT pk FROM articles WHERE id = :id"), {"id": story}).scalar()
    publish = (
        "INSERT INTO publications (article_pk, version, content_hash, headline, sapo, thumbnail,"
        " withdrawn_reason, withdrawn_by) VALUES (:pk, 1, '', '', '', '', '', '')"
    )
    message = _refused(newsroom.reporter, publish, pk=pk)
    assert message.startswith("Phóng viên không được xuất bản")
    _write(newsroom.editor, publish, pk=pk)
    _write(newsroom.reporter, "UPDATE publications SET version = 1 WHERE article_pk = :pk", pk=pk)
    _refused(newsroom.reporter, "UPDATE publications SET version = 2 WHERE article_pk = :pk", pk=pk)
    _refused(newsroom.reporter, "DELETE FROM publications WHERE article_pk = :pk", pk=pk)
    correct = (
        "INSERT INTO corrections (article_pk, version, note, at, by)"
        " VALUES (:pk, 1, 'Sửa tên', :t, 'x')"
    )
    _refused(newsroom.reporter, correct, pk=pk, t=T0)
    _write(newsroom.editor, correct, pk=pk, t=T0)


def test_set_role_does_not_make_a_reporter_an_editor(newsroom: Newsroom) -> None:
    story = _story(newsroom.reporter, Status.SUBMITTED)
    # Not a member: SET ROLE itself is refused (and the triggers look at the session's login).
    with newsroom.reporter.connect() as conn, pytest.raises(sa_exc.DBAPIError):
        conn.execute(text('SET ROLE "editor_app_editor"'))
    _refused(newsroom.reporter, MOVE, to="approved", id=story)


def test_the_server_says_who_is_connected(newsroom: Newsroom) -> None:
    with newsroom.reporter.connect() as conn:
        me = session_identity(conn)
    assert (me.login, me.name, me.role) == (newsroom.reporter_login, "Trần Văn Bình", Role.REPORTER)
    with newsroom.editor.connect() as conn:
        assert session_identity(conn).role is Role.EDITOR
    # Reporters may read who is who, but not rename anyone.
    _write(newsroom.reporter, "SELECT * FROM staff")
    with pytest.raises(sa_exc.ProgrammingError):
        _write(newsroom.reporter, "UPDATE staff SET full_name = 'Tổng biên tập'")
