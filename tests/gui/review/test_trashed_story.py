"""A story in the trash is shown read-only, with a banner saying why, and restoring it makes it
editable again (issue 15, point 7: it stayed editable and its edits went nowhere)."""

from __future__ import annotations

import uuid
from pathlib import Path

from helpers.review_gui import MINH, WindowFactory, jpeg
from helpers.vi_typing import commit
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from editor_app.gui.autosave import IDLE_MS
from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel

BODY = "Nội dung bài."
BANNER = "Story in the trash — restore it to edit."


def _key(widget: QWidget, text: str) -> None:
    """A typed key carrying its text, as the keyboard sends it."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, text)
        )


def _assert_read_only(qtbot: QtBot, w: MainWindow, aid: uuid.UUID) -> None:
    ui, bar = w.ui, w.review.bar
    assert w.editor.article is not None and w.editor.article.id == aid
    assert bar.read_only.isVisible()
    assert bar.read_only_label.text() == BANNER
    for edit in (ui.headlineEdit, ui.sapoEdit, ui.bodyEdit, ui.bylineEdit, ui.keywordsEdit):
        assert edit.isReadOnly(), edit.objectName()
    assert not ui.sectionCombo.isEnabled()
    photos = w.findChild(PhotoPanel, "photoPanel")
    assert photos is not None and photos.caption_edit.isReadOnly()
    assert not photos.add_button.isEnabled()
    tags = w.findChild(type(w.panels[0]), "tagPanel")
    assert tags is not None and not tags.widget().isEnabled()
    # Typing changes nothing, and nothing is saved.
    ui.bodyEdit.setFocus()
    commit(ui.bodyEdit, "Chữ mới")
    _key(ui.bodyEdit, "x")
    _key(ui.headlineEdit, "x")
    assert ui.bodyEdit.toPlainText() == BODY
    assert not w.editor.saver.dirty
    qtbot.wait(IDLE_MS + 200)
    w.editor.saver.flush()
    stored = w.workspace.articles.get(aid)
    assert stored.body == BODY and stored.headline == "Bài sẽ bỏ"


def _assert_editable_after_restore(qtbot: QtBot, w: MainWindow, aid: uuid.UUID) -> None:
    w.restore_story()
    assert w.workspace.articles.get(aid).trashed_at is None
    assert not w.review.bar.read_only.isVisible()
    body = w.ui.bodyEdit
    assert not body.isReadOnly() and not w.ui.headlineEdit.isReadOnly()
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    commit(body, " Thêm.")
    qtbot.waitUntil(lambda: w.workspace.articles.get(aid).body == BODY + " Thêm.", timeout=5000)


def test_trashing_the_open_story_with_the_trash_shown_makes_it_read_only(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("reporter", MINH)
    ws = w.workspace
    aid = ws.articles.create(headline="Bài sẽ bỏ", body=BODY).article.id
    assert ws.photos.attach(aid, [jpeg(tmp_path / "a.jpg")], caption="Chú thích").all_ok
    w.refresh_list()
    w.open_story(aid)
    assert not w.ui.bodyEdit.isReadOnly()
    w.ui.actionShowTrash.setChecked(True)
    w.trash_story()
    assert ws.articles.get(aid).trashed_at is not None
    assert not w.editor.saver.dirty  # nothing left to save for it
    _assert_read_only(qtbot, w, aid)
    assert w.ui.actionRestore.isEnabled() and not w.ui.actionTrash.isEnabled()
    _assert_editable_after_restore(qtbot, w, aid)


def test_a_story_opened_from_the_trash_is_read_only_until_restored(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("reporter", MINH)
    ws = w.workspace
    aid = ws.articles.create(headline="Bài sẽ bỏ", body=BODY).article.id
    assert ws.photos.attach(aid, [jpeg(tmp_path / "a.jpg")], caption="Chú thích").all_ok
    ws.articles.trash(aid)
    w.ui.actionShowTrash.setChecked(True)
    w.refresh_list()
    qtbot.waitUntil(lambda: w.model.ids() == [aid], timeout=3000)
    w.open_story(aid)
    _assert_read_only(qtbot, w, aid)
    _assert_editable_after_restore(qtbot, w, aid)


def test_trashing_with_the_trash_hidden_closes_the_story_having_saved_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window("reporter", MINH)
    ws = w.workspace
    aid = ws.articles.create(headline="Bài sẽ bỏ", body=BODY).article.id
    w.refresh_list()
    w.open_story(aid)
    body = w.ui.bodyEdit
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    commit(body, " Câu cuối.")
    assert w.editor.saver.dirty
    w.trash_story()
    assert w.editor.article is None and not w.editor.saver.dirty
    w.editor.saver.flush()
    assert ws.articles.get(aid).body == BODY + " Câu cuối."  # typed before the trash: kept
