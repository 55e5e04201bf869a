"""The byline as a list in the story's details: add a photographer, roles, reorder, remove,
all from the keyboard; the story keeps the printed text, and another story's list is rebuilt."""

from __future__ import annotations

from helpers.vi_typing import commit
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.services.workspace import Workspace


def test_the_list_writes_the_byline(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    first = workspace.articles.create(headline="Tin một", byline="Thanh Hà").article.id
    other = workspace.articles.create(headline="Tin hai", byline="Bài: An – Ảnh: Bình").article.id
    window.open_story(first)
    window.ui.detailsDock.show()
    window.ui.detailsDock.raise_()
    editor = window.editor.byline_list
    assert [r.name.text() for r in editor.rows] == ["Thanh Hà"]
    assert editor.printed.text() == "On the page: Thanh Hà"

    # Enter in a name adds a row after it; the new person is a photographer.
    row = editor.rows[0]
    row.name.setFocus()
    qtbot.keyClick(row.name, Qt.Key.Key_Return)
    assert len(editor.rows) == 2 and editor.rows[1].name.hasFocus()
    commit(editor.rows[1].name, "Hồng Ninh")
    editor.rows[1].role.setCurrentIndex(editor.rows[1].role.findData("anh"))
    qtbot.waitUntil(
        lambda: workspace.articles.get(first).byline == "Bài: Thanh Hà – Ảnh: Hồng Ninh",
        timeout=5000,
    )
    assert editor.printed.text() == "On the page: Bài: Thanh Hà – Ảnh: Hồng Ninh"

    # Ctrl+Up moves the photographer first (the printed order is by role); Ctrl+Delete removes.
    qtbot.keyClick(editor.rows[1].name, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.name.text() for r in editor.rows] == ["Hồng Ninh", "Thanh Hà"]
    editor.rows[1].role.setCurrentIndex(editor.rows[1].role.findData("nhom"))
    qtbot.waitUntil(
        lambda: workspace.articles.get(first).byline == "Ảnh: Hồng Ninh – Nhóm Thanh Hà",
        timeout=5000,
    )
    qtbot.keyClick(editor.rows[1].name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.articles.get(first).byline == "Ảnh: Hồng Ninh", timeout=5000)

    # A comma in a name of a list is refused, said under the list; nothing is written.
    editor.add()
    commit(editor.rows[-1].name, "Lê Minh, Trưởng ban")
    assert "dấu phẩy" in editor.printed.text()
    assert workspace.articles.get(first).byline == "Ảnh: Hồng Ninh"

    window.open_story(other)
    assert [(r.name.text(), r.role.currentData()) for r in editor.rows] == [
        ("An", "bai"),
        ("Bình", "anh"),
    ]


def test_the_people_filter_covers_the_bylines(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    ids = [
        workspace.articles.create(headline=h, byline=b).article.id
        for h, b in (
            ("Tin một", "Bài: Thanh Hà – Ảnh: Hồng Ninh"),
            ("Tin hai", "Hồng Ninh"),
            ("Tin ba", "Lê Minh"),
        )
    ]
    window.stories.refresh()
    qtbot.waitUntil(lambda: len(window.model.ids()) == 3, timeout=5000)
    people = window.stories.official_filter
    people.reload()
    labels = [people.itemText(i) for i in range(people.count())]
    assert "Hồng Ninh (byline)" in labels and "Thanh Hà (byline)" in labels
    people.setCurrentIndex(labels.index("Hồng Ninh (byline)"))
    qtbot.waitUntil(lambda: set(window.model.ids()) == {ids[0], ids[1]}, timeout=5000)
    assert people.current_id() is None and people.current_author() == "Hồng Ninh"
    people.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(window.model.ids()) == 3, timeout=5000)
