"""After a restart the body's cursor (and scroll) is where the reporter left it in each story,
not at the start (issue 15, point 7). Kept in the user's settings, a bounded map of the last
stories, written when another story opens and on close: nothing goes to the database."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import CursorState
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import BODY_CURSORS, BODY_CURSORS_MAX, Settings
from editor_app.services.workspace import Workspace

PARAGRAPH = (
    "Dự hội nghị có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy; "
    "lãnh đạo Trường Chính trị tỉnh; Thường trực Thành ủy.\n\n"
)
BODY = PARAGRAPH * 120


def _window(qtbot: QtBot, workspace: Workspace, settings: Settings) -> MainWindow:
    """As the app starts one: on screen, then attached (which reopens the last story)."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.attach(workspace)
    return window


def _put_cursor(window: MainWindow, position: int) -> None:
    body = window.ui.bodyEdit
    cursor = body.textCursor()
    cursor.setPosition(position)
    body.setTextCursor(cursor)
    body.ensureCursorVisible()


def _cursor_in_view(window: MainWindow) -> bool:
    body = window.ui.bodyEdit
    return body.viewport().rect().contains(body.cursorRect().center())


def test_the_body_cursor_is_where_it_was_after_a_restart(
    qtbot: QtBot, workspace: Workspace, settings: Settings
) -> None:
    story = workspace.articles.create(headline="Giao ban", body=BODY).article
    other = workspace.articles.create(headline="Tin khác", body=BODY).article
    middle = len(BODY) // 2 + 7
    first = _window(qtbot, workspace, settings)
    first.open_story(other.id)
    _put_cursor(first, 300)
    first.open_story(story.id)  # the other's place is kept when this one opens
    _put_cursor(first, middle)
    scroll = first.ui.bodyEdit.verticalScrollBar().value()
    assert scroll > 0
    before = workspace.articles.get(story.id).updated_at
    first.close()  # as quitting does

    again = _window(qtbot, workspace, settings)
    assert again.editor.article is not None and again.editor.article.id == story.id
    body = again.ui.bodyEdit
    assert body.textCursor().position() == middle
    qtbot.waitUntil(lambda: _cursor_in_view(again), timeout=3000)
    assert body.verticalScrollBar().value() > 0
    again.open_story(other.id)
    assert body.textCursor().position() == 300
    assert workspace.articles.get(story.id).updated_at == before  # the database untouched
    again.close()


def test_the_map_keeps_the_last_stories_only(
    qtbot: QtBot, workspace: Workspace, settings: Settings
) -> None:
    ids = [uuid.uuid4() for _ in range(BODY_CURSORS_MAX + 5)]
    settings.set(BODY_CURSORS, "not json {")  # a damaged value is ignored
    window = _window(qtbot, workspace, settings)
    story = workspace.articles.create(headline="Tin", body="Một hai ba bốn năm sáu.").article
    window.open_story(story.id)
    for aid in ids:  # stories opened before, as the map holds them
        window.editor.cursor_memory.remember(aid, CursorState(1, 1, 0))
    _put_cursor(window, 5)
    window.close()
    import json

    kept = json.loads(settings.get(BODY_CURSORS))
    assert len(kept) == BODY_CURSORS_MAX
    assert str(story.id) in kept and str(ids[0]) not in kept and str(ids[-1]) in kept
    assert kept[str(story.id)][0] == 5
