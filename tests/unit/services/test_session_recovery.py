"""The recovery notice after an unexpected stop lists what this desk's unfinished session was
editing, and nothing another process changed: a story imported by the command line after the
crash (or while the window was down) is not "recovered" (issue 15, point 7). Real data
folders; the command line's import runs in a Workspace of its own opened after the crash."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from editor_app.domain.workflow import Role, User
from editor_app.services.session import SessionService, note_edited
from editor_app.services.workspace import Workspace

MINH = User("Nguyễn Văn Minh", Role.REPORTER)
ARTICLE = """Hội nghị giao ban quý I

Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban.

Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị.
"""


def _autosave(ws: Workspace, article_id: uuid.UUID, fields: dict[str, str]) -> None:
    """What the window's autosave does on its worker (gui/article_editor.py)."""
    changes = ws.articles.save_fields(article_id, fields)
    if changes.articles:
        ws.review.autosaved(article_id, MINH)
        note_edited(ws.data_dir, article_id)


def test_stories_imported_after_the_crash_are_not_recovered(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        typed = ws.articles.create(headline="Bài đang viết", body="Thân bài.").article
        viewed = ws.articles.create(headline="Bài chỉ xem").article
        assert SessionService(ws.db).begin() is None  # this session will not end cleanly
        _autosave(ws, typed.id, {"body": "Thân bài. Thêm một câu."})
        _autosave(ws, viewed.id, {"headline": "Bài chỉ xem"})  # unchanged: writes nothing
        # the window's process dies here: the marker stays

    text = tmp_path / "giao-ban.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    with Workspace.open(folder) as cli:  # `editor-app import-text` while the window is down
        imported = cli.importing.import_text(text).article
        made = cli.articles.create(headline="Bài tạo bằng dòng lệnh").article

    with Workspace.open(folder) as ws:
        recovery = SessionService(ws.db).begin()  # the next start of the window
        assert recovery is not None
        listed = {a.id for a in recovery.articles}
        assert listed == {typed.id}, [a.headline for a in recovery.articles]
        assert imported.id not in listed and made.id not in listed
        assert [a.headline for a in recovery.articles] == ["Bài đang viết"]


def test_the_session_s_own_stories_only_once_and_not_after_a_clean_end(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        a = ws.articles.create(headline="A", body="Một").article
        b = ws.articles.create(headline="B", body="Hai").article
        session = SessionService(ws.db)
        session.begin()
        for n in range(3):
            _autosave(ws, a.id, {"body": f"Một {n}"})
        _autosave(ws, b.id, {"body": "Hai nữa"})
        recovery = SessionService(ws.db).begin()  # found after an unclean end
        assert recovery is not None
        assert sorted(x.headline for x in recovery.articles) == ["A", "B"]
        # the session that begins now has edited nothing yet
        recovery = SessionService(ws.db).begin()
        assert recovery is not None and recovery.articles == []
        # a clean end: nothing to say, and nothing is noted without a running session
        session.end()
        note_edited(ws.data_dir, a.id)
        assert not (ws.data_dir / "editor_app.session").exists()
        assert SessionService(ws.db).begin() is None


def test_a_deleted_story_is_not_listed(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        a = ws.articles.create(headline="A").article
        b = ws.articles.create(headline="B").article
        SessionService(ws.db).begin()
        _autosave(ws, a.id, {"body": "Một"})
        _autosave(ws, b.id, {"body": "Hai"})
        ws.articles.delete_forever(b.id)
        recovery = SessionService(ws.db).begin()
        assert recovery is not None and [x.id for x in recovery.articles] == [a.id]


def test_an_older_marker_lists_what_changed_since_the_session_began(tmp_path: Path) -> None:
    """A marker left by a version that did not name its stories: as that version said."""
    with Workspace.open(tmp_path / "data") as ws:
        old = ws.articles.create(headline="Cũ").article
        session = SessionService(ws.db)
        session.begin()
        marker = ws.data_dir / "editor_app.session"
        data = json.loads(marker.read_text(encoding="utf-8"))
        del data["stories"]
        marker.write_text(json.dumps(data), encoding="utf-8")
        changed = ws.articles.create(headline="Mới").article
        recovery = SessionService(ws.db).begin()
        assert recovery is not None
        assert [a.id for a in recovery.articles] == [changed.id]
        assert old.id not in {a.id for a in recovery.articles}
