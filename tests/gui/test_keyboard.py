"""The desk from the keyboard (issue 15, point 5): Tab leaves the story list and the body (but
indents in a list or code), Alt+letter types nothing, the Edit menu works on the focused
field, F6 / Ctrl+Tab and Ctrl+1… reach every pane and dock, photos move by keyboard."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.services.workspace import Workspace

BODY = "Đoạn một của bài.\n\n- mục một\n- mục hai\n\nĐoạn cuối."


def _stories(ws: Workspace, n: int) -> list[uuid.UUID]:
    return [ws.articles.create(headline=f"Bài {i}", body=BODY).article.id for i in range(n)]


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _cursor_at(window: MainWindow, text: str) -> None:
    body = window.ui.bodyEdit
    cursor = body.textCursor()
    cursor.setPosition(body.toPlainText().index(text) + 2)
    body.setTextCursor(cursor)
    body.setFocus()


def test_tab_leaves_the_story_list_without_opening_another_story(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = _stories(workspace, 3)
    window.open_story(ids[0])
    _ready(qtbot, window)
    window.ui.storyList.setFocus()
    current = window.story.article_id
    qtbot.keyClick(window.ui.storyList, Qt.Key.Key_Tab)
    assert window.story.article_id == current
    assert _focus() is not window.ui.storyList


def test_tab_leaves_the_body_but_indents_in_a_list(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.open_story(_stories(workspace, 1)[0])
    _ready(qtbot, window)
    body = window.ui.bodyEdit
    _cursor_at(window, "Đoạn cuối")
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == BODY  # no tab typed into a paragraph
    assert _focus() is not body
    _cursor_at(window, "mục hai")
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert "\t" in body.toPlainText()  # a nested item in a list
    assert _focus() is body
    body.undo()
    _cursor_at(window, "Đoạn một")
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is not body and body.toPlainText() == BODY


def test_alt_with_a_letter_types_nothing(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.open_story(_stories(workspace, 1)[0])
    _ready(qtbot, window)
    for edit in (window.ui.bodyEdit, window.ui.sapoEdit, window.ui.headlineEdit):
        edit.setFocus()
        before = edit.toPlainText()
        qtbot.keyClick(edit, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
        assert edit.toPlainText() == before
    line = window.ui.bylineEdit
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert line.text() == ""


def test_the_edit_menu_works_on_the_focused_field(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.open_story(_stories(workspace, 1)[0])
    _ready(qtbot, window)
    ui = window.ui
    names = [a.objectName() for a in ui.menuEdit.actions() if a.objectName()]
    for name in ("actionUndo", "actionRedo", "actionCut", "actionCopy", "actionPaste"):
        assert name in names
    body = ui.bodyEdit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Them")
    ui.actionUndo.trigger()
    assert not body.toPlainText().endswith("Them")
    ui.actionRedo.trigger()
    assert body.toPlainText().endswith("Them")
    ui.actionSelectAll.trigger()
    ui.actionCopy.trigger()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == body.toPlainText()
    ui.bylineEdit.setFocus()
    ui.actionPaste.trigger()
    assert ui.bylineEdit.text().startswith("Đoạn một")


def test_f6_and_ctrl_numbers_reach_every_pane_and_dock(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.open_story(_stories(workspace, 1)[0])
    _ready(qtbot, window)
    keys = window.keys
    shown = [a.shortcut().toString() for a in keys.pane_actions]
    assert shown[:3] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    assert len(keys.pane_actions) == 2 + 1 + len(window.panels)  # list, text, every dock
    assert all(a in window.ui.menuView.actions() for a in keys.pane_actions)
    keys.pane_actions[0].trigger()
    assert _focus() is window.ui.storyList
    keys.pane_actions[1].trigger()
    assert _focus() is window.ui.bodyEdit
    for action, pane in zip(keys.pane_actions[2:], keys.panes[2:], strict=True):
        action.trigger()
        assert pane.dock is not None and pane.dock.isVisible()
        assert pane.contains(_focus()), pane.name
    window.ui.storyList.setFocus()
    seen = set()
    for _ in range(len(keys.panes)):
        window.ui.actionNextPane.trigger()  # F6
        seen.add(keys.current())
    assert {0, 1} <= seen and len(seen) >= 3  # the list, the text and a dock at least


def test_photos_move_by_keyboard_and_menu(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    story = workspace.articles.create(headline="Ảnh").article
    files = []
    for i in range(2):
        f = tmp_path / f"anh{i}.jpg"
        Image.new("RGB", (320, 240), (i * 90, 20, 30)).save(f, "JPEG")
        files.append(f)
    first, second = (p.id for p in workspace.photos.attach(story.id, files).photos)
    window.open_story(story.id)
    _ready(qtbot, window)
    panel = next(p for p in window.panels if isinstance(p, PhotoPanel))
    panel.show()
    panel.raise_()
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in workspace.photos.of_article(story.id)] == [second, first]
    assert panel.move_up_action in panel.list.actions()  # also in the list's menu
    panel.move_up_action.trigger()
    assert [p.id for p in workspace.photos.of_article(story.id)] == [first, second]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)  # removed (one undo step)…
    assert len(workspace.photos.of_article(story.id)) == 1
    window.ui.actionUndo.trigger()  # …and back through the window's Edit › Undo
    assert [p.id for p in workspace.photos.of_article(story.id)] == [first, second]
