"""Revisions with roles, comments and conflicts in a real SQLite file; migration 0003."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from editor_app.domain.article import Article, utcnow
from editor_app.domain.errors import NotFound
from editor_app.domain.review import Comment, Conflict, RevisionInfo, make_anchor
from editor_app.domain.workflow import Role
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import review as rr

T0 = datetime(2024, 3, 15, 1, 5, tzinfo=UTC)


def _article(db: Database) -> uuid.UUID:
    a = Article(headline="Hội nghị giao ban", body="Đồng chí Dương Đức Huy phát biểu.")
    with db.transaction() as s:
        repo.add_article(s, a)
    return a.id


def test_revisions_keep_author_role_and_snapshot(db: Database) -> None:
    aid = _article(db)
    with db.transaction() as s:
        first = rr.add_revision(s, aid, {"headline": "A"}, "Lê Minh", "reporter", "save", "", T0)
        second = rr.add_revision(
            s, aid, {"headline": "B"}, "Trần Huy", "editor", "status", "Nháp → Chờ duyệt"
        )
    with db.read() as s:
        assert [r.id for r in rr.list_revisions(s, aid)] == [second.id, first.id]
        assert rr.last_revision(s, aid) == second
        info, snap = rr.get_revision(s, first.id)
        assert (info.author, info.role, info.created_at, snap) == (
            "Lê Minh",
            "reporter",
            T0,
            {"headline": "A"},
        )
        pairs = rr.revisions_with_snapshots(s, aid)  # oldest first
        assert [(i.id, snap["headline"]) for i, snap in pairs] == [
            (first.id, "A"),
            (second.id, "B"),
        ]
        assert repo.revision_count(s, aid) == 2
        with pytest.raises(NotFound):
            rr.get_revision(s, uuid.uuid4())
    with db.transaction() as s:
        assert rr.delete_revisions(s, [first.id]) == 1
        assert rr.delete_revisions(s, []) == 0
    with db.read() as s:
        assert [r.id for r in rr.list_revisions(s, aid)] == [second.id]


def test_import_revision_keeps_id_and_time_and_never_duplicates(db: Database) -> None:
    aid = _article(db)
    info = RevisionInfo(uuid.uuid4(), aid, T0, "Lê Minh", "reporter", "handoff", "Gửi ban biên tập")
    with db.transaction() as s:
        assert rr.import_revision(s, info, {"headline": "Của phóng viên"})
        assert not rr.import_revision(s, info, {"headline": "khác"})
    with db.read() as s:
        assert rr.revisions_with_snapshots(s, aid) == [(info, {"headline": "Của phóng viên"})]
    with pytest.raises(NotFound), db.transaction() as s:
        rr.import_revision(s, RevisionInfo(uuid.uuid4(), uuid.uuid4(), T0, "", "", "save", ""), {})


def test_upsert_comment_takes_the_newer_version(db: Database) -> None:
    aid = _article(db)
    anchor = make_anchor("body", "Đồng chí Dương Đức Huy phát biểu.", 9, 22)
    c = Comment(uuid.uuid4(), aid, None, anchor, "Trần Huy", Role.EDITOR, "Ghi chức vụ", T0, T0)
    reply = Comment(uuid.uuid4(), aid, c.id, None, "Lê Minh", Role.REPORTER, "Đã sửa", T0, T0)
    with db.transaction() as s:
        assert rr.upsert_comment(s, reply)  # a reply may arrive before its parent
        assert rr.upsert_comment(s, c)
        assert not rr.upsert_comment(s, c)
    resolved = Comment(
        c.id, aid, None, anchor, "Trần Huy", Role.EDITOR, "Ghi chức vụ", T0,
        T0 + timedelta(minutes=5), T0 + timedelta(minutes=5), "Trần Huy",
    )  # fmt: skip
    older = Comment(
        c.id, aid, None, anchor, "Trần Huy", Role.EDITOR, "cũ", T0, T0 - timedelta(minutes=1)
    )
    with db.transaction() as s:
        assert rr.upsert_comment(s, resolved)
        assert not rr.upsert_comment(s, older)
    with db.read() as s:
        got = rr.get_comment(s, c.id)
        assert got == resolved and got.resolved and got.anchor == anchor
        assert {x.id for x in rr.list_comments(s, aid)} == {c.id, reply.id}
        assert rr.get_comment(s, reply.id).parent_id == c.id
        assert rr.comment_count(s, aid) == 0
        assert rr.comment_count(s, aid, open_only=False) == 1


def test_conflicts_keep_values_including_none(db: Database) -> None:
    aid = _article(db)
    k = Conflict(
        uuid.uuid4(), aid, "section", "Chuyên mục", "", "Thời sự", None, "Thời sự",
        uuid.uuid4(), uuid.uuid4(), T0,
    )  # fmt: skip
    with db.transaction() as s:
        rr.add_conflict(s, k)
    with db.read() as s:
        assert rr.list_conflicts(s, aid) == [k]
        assert rr.get_conflict(s, k.id).ours_value is None
    with db.transaction() as s:
        rr.settle_conflict(s, k.id, "Trần Huy", T0 + timedelta(hours=1))
    with db.read() as s:
        assert rr.list_conflicts(s, aid) == []
        (settled,) = rr.list_conflicts(s, aid, open_only=False)
        assert settled.settled and settled.settled_by == "Trần Huy"


def test_deleting_an_article_deletes_its_review_rows(db: Database) -> None:
    aid = _article(db)
    with db.transaction() as s:
        rr.add_revision(s, aid, {}, "Lê Minh", "reporter")
        anchor = make_anchor("headline", "Hội nghị giao ban", 0, 8)
        rr.upsert_comment(
            s, Comment(uuid.uuid4(), aid, None, anchor, "A", Role.EDITOR, "x", utcnow(), utcnow())
        )
    with db.transaction() as s:
        repo.delete_article(s, aid)
    with db.engine.connect() as c:
        for table in ("revisions", "comments", "conflicts"):
            assert c.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_upgrade_from_0002_keeps_revisions_with_an_empty_role(tmp_path: Path) -> None:
    data = tmp_path / "old"
    old = Database.open(data, migrate_to="0002")
    aid = _article(old)
    with old.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO revisions (id, article_pk, created_at, author, kind, reason,"
                " snapshot) SELECT :rid, pk, '2024-03-15 01:05:00', 'Lê Minh', 'save', '',"
                " '{}' FROM articles"
            ),
            {"rid": str(uuid.uuid4())},
        )
    old.close()
    db = Database.open(data)
    try:
        assert db.upgraded_from == "0002"
        with db.read() as s:
            (info,) = rr.list_revisions(s, aid)
            assert (info.author, info.role, info.created_at) == ("Lê Minh", "", T0)
            assert rr.list_comments(s, aid) == [] and rr.list_conflicts(s, aid) == []
    finally:
        db.close()
