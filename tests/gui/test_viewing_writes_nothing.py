"""Opening a story without typing writes nothing (issue 20, point 10): no revision, no new
`updated_at`, the list keeps its order, and the recovery notice after a crash does not list
stories that were only viewed. Before, the dictionary loading after the last story reopened at
start re-highlighted the body, which Qt reports as a text change: the story was saved, moved to
the top of the list and got an autosave revision."""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.vi_typing import commit
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Role, User
from editor_app.gui.autosave import IDLE_MS, MAX_INTERVAL_MS
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import LAST_STORY, Settings
from editor_app.gui.story_list.model import StoryListModel
from editor_app.services.session import SessionService
from editor_app.services.workspace import Workspace

MINH = User("Nguyễn Văn Minh", Role.REPORTER)
MARKDOWN = (
    "Đồng chí **Dương Đức Huy** phát biểu tại [hội nghị](https://baobacninh.vn). "
    "Những chữ sai chính tả: hoà thuỷ xyzq khôgn.\n\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "data")
    ws.identity.set(MINH)  # autosave revisions are recorded for this user
    yield ws
    ws.close()


def _stories(ws: Workspace, tmp_path: Path) -> list[uuid.UUID]:
    """Three stories, the oldest first; two with text stored as other tools leave it."""
    photo = tmp_path / "ảnh.jpg"
    Image.new("RGB", (64, 48), (200, 0, 0)).save(photo)
    long = ws.articles.create(
        headline="Hội nghị giao ban công tác Đảng quý I",
        sapo="Sáng nay, hoà thuỷ khôgn…",
        body=MARKDOWN * 120,
        keywords=["Bầu cử"],
        section="Chính trị/Xây dựng Đảng",
    ).article.id
    ws.photos.attach(long, [photo], caption="Đại biểu dự hội nghị")
    odd = ws.articles.create(headline="Tin lạ").article.id
    plain = ws.articles.create(headline="Tin ngắn", body="Một dòng.").article.id
    conn = sqlite3.connect(ws.data_dir / "editor_app.db")
    with conn:  # decomposed text, trailing spaces, CRLF, a tab: left as stored
        conn.execute(
            "UPDATE articles SET headline = ?, sapo = ?, body = ? WHERE id = ?",
            (
                unicodedata.normalize("NFD", "Tin lạ  về\tđất đai "),
                "Sapo có khoảng trắng cuối   ",
                unicodedata.normalize("NFD", "Dòng một  \r\nDòng hai\t\r\n\r\n"),
                str(odd),
            ),
        )
        conn.execute(
            "UPDATE photos SET caption = ? WHERE caption = ?",
            (" Đại biểu dự hội nghị  ", "Đại biểu dự hội nghị"),
        )
    conn.close()
    return [long, odd, plain]


def _state(ws: Workspace, ids: list[uuid.UUID]) -> tuple[object, ...]:
    return (
        [s.id for s in ws.articles.list_stories()],
        {a: ws.articles.get(a).updated_at for a in ids},
        {a: ws.articles.revision_count(a) for a in ids},
    )


def _click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.ui.storyList
    rect = view.visualRect(window.model.index(row, StoryListModel.HEADLINE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_opening_stories_without_typing_writes_nothing(
    qtbot: QtBot, folder: Workspace, tmp_path: Path
) -> None:
    ids = _stories(folder, tmp_path)
    before = _state(folder, ids)
    assert SessionService(folder.db).begin() is None  # a session that will not end cleanly
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(LAST_STORY, str(ids[0]))  # reopened at start, before the dictionary loads

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach(folder)
    window.show()
    assert window.editor.article is not None and window.editor.article.id == ids[0]
    body = window.ui.bodyEdit
    qtbot.waitUntil(lambda: body.spell_checker() is not None, timeout=15000)
    qtbot.wait(50)  # the checker is set and the body re-highlighted
    assert not window.editor.saver.dirty
    for row in range(window.model.rowCount()):
        _click_row(qtbot, window, row)
        assert window.editor.article is not None
        assert window.editor.article.id == window.model.id_at(row)
        assert not window.editor.saver.dirty, window.editor.article.headline
    qtbot.wait(IDLE_MS + MAX_INTERVAL_MS + 500)  # past every autosave timer
    window.editor.saver.flush()

    assert _state(folder, ids) == before
    assert not window.editor.saver.dirty
    recovery = SessionService(folder.db).begin()  # what the next start would say
    assert recovery is not None and recovery.articles == []

    # Not vacuous: one keystroke is saved, with a revision, and moves the story to the top.
    _click_row(qtbot, window, window.model.row_of(ids[1]) or 0)
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    commit(body, "x")
    qtbot.waitUntil(lambda: folder.articles.get(ids[1]).body.endswith("x"), timeout=5000)
    window.close()
    order, _, revisions = _state(folder, ids)
    assert order[0] == ids[1] and revisions[ids[1]] == 1  # type: ignore[index]
