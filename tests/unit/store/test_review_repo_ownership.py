"""A comment or revision id is never another story's: writing one that is refuses (whatever
calls the store), and the row stays as it was."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

import pytest

from editor_app.domain.article import Article
from editor_app.domain.errors import ValidationError
from editor_app.domain.review import Comment, RevisionInfo
from editor_app.domain.workflow import Role
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import review as rr

T0 = datetime(2024, 3, 15, 1, 5, tzinfo=UTC)
LATER = datetime(2030, 1, 1, tzinfo=UTC)


def _article(db: Database, headline: str) -> uuid.UUID:
    a = Article(headline=headline)
    with db.transaction() as s:
        repo.add_article(s, a)
    return a.id


def test_a_comment_of_another_story_is_not_overwritten(db: Database) -> None:
    mine, other = _article(db, "Bài A"), _article(db, "Bài B")
    note = Comment(uuid.uuid4(), mine, None, None, "Hà", Role.EDITOR, "Góp ý thật", T0, T0)
    with db.transaction() as s:
        rr.upsert_comment(s, note)
    stolen = dataclasses.replace(note, article_id=other, text="Bị ghi đè", updated_at=LATER)
    with pytest.raises(ValidationError, match="thuộc về một bài khác"), db.transaction() as s:
        rr.upsert_comment(s, stolen)
    reply = Comment(uuid.uuid4(), other, note.id, None, "Lạ", Role.EDITOR, "Trả lời", T0, T0)
    with pytest.raises(ValidationError, match="thuộc về một bài khác"), db.transaction() as s:
        rr.upsert_comment(s, reply)
    with db.read() as s:
        assert rr.list_comments(s, mine) == [note]
        assert rr.list_comments(s, other) == []
        assert rr.comment_owners(s, [note.id, reply.id]) == {note.id: mine}


def test_a_revision_of_another_story_is_refused(db: Database) -> None:
    mine, other = _article(db, "Bài A"), _article(db, "Bài B")
    with db.transaction() as s:
        kept = rr.add_revision(s, mine, {"headline": "Bài A"}, "Hà", "editor", "save", "", T0)
    again = RevisionInfo(kept.id, other, T0, "Lạ", "editor", "save", "")
    with pytest.raises(ValidationError, match="thuộc về một bài khác"), db.transaction() as s:
        rr.import_revision(s, again, {"headline": "Giả"})
    with db.transaction() as s:  # the same revision received again: nothing to do
        assert not rr.import_revision(s, dataclasses.replace(again, article_id=mine), {})
    with db.read() as s:
        assert [r.id for r in rr.list_revisions(s, other)] == []
        assert rr.get_revision(s, kept.id)[1] == {"headline": "Bài A"}
        assert rr.revision_owners(s, [kept.id, uuid.uuid4()]) == {kept.id: mine}
