"""Review comments beside the text: added on a selection (headline, body, caption), highlighted
on the right passage even after typing before it, replies, resolve and reopen, detached
comments marked, and a click on a thread selects its passage."""

from __future__ import annotations

import uuid
from pathlib import Path

from helpers.review_gui import HA, MINH, WindowFactory, jpeg
from helpers.vi_typing import commit, type_text
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.review.comments_panel import CommentsPanel

BODY = "Sáng 12/4, hội nghị giao ban diễn ra tại Lào Cai.\n\nCó 120 đại biểu tham dự hội nghị."
QUOTE = "120 đại biểu"
CTRL = Qt.KeyboardModifier.ControlModifier


def _open(window: MainWindow, body: str = BODY) -> uuid.UUID:
    aid = window.workspace.articles.create(headline="Hội nghị giao ban quý I", body=body).article.id
    window.refresh_list()
    window.open_story(aid)
    return aid


def _panel(window: MainWindow) -> CommentsPanel:
    panel = window.findChild(CommentsPanel, "commentsPanel")
    assert panel is not None
    return panel


def _select(window: MainWindow, text: str) -> None:
    body = window.ui.bodyEdit
    start = body.toPlainText().index(text)
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    body.setFocus()


def test_a_comment_on_the_body_stays_on_its_passage_after_typing_before_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window("editor", HA)
    aid = _open(w)
    panel = _panel(w)
    _select(w, QUOTE)
    comment = panel.add_comment_at(w.ui.bodyEdit, "Con số này lấy ở đâu?")
    assert comment is not None and comment.anchor is not None
    assert comment.anchor.field == "body" and comment.anchor.quote == QUOTE
    stored = w.workspace.review.comments(aid)
    assert [(c.author, c.text) for c in stored] == [(HA.name, "Con số này lấy ở đâu?")]
    assert panel.body_marks.texts() == [QUOTE]
    assert list(panel.cards) == [comment.id]
    card = panel.cards[comment.id]
    assert "120 đại biểu" in card.quote_label.text()
    assert HA.name in card.text_labels[0].text()
    assert "Editor" in card.text_labels[0].text()
    # Type before the passage: the mark follows at once, and after the passage is found again.
    body = w.ui.bodyEdit
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    type_text(body, "Tin mới: ")
    assert panel.body_marks.texts() == [QUOTE]
    panel._relocate_timer.stop()
    panel.refresh_marks()
    start = body.toPlainText().index(QUOTE)
    assert panel.body_marks.spans() == [(start, start + len(QUOTE))]
    assert panel.body_marks.texts() == [QUOTE]
    assert not card.detached_label.isVisible()
    # The story bar counts the open thread.
    assert "1" in w.review.bar.comments_button.text()


def test_ctrl_alt_m_asks_for_the_text(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window("editor", HA)
    aid = _open(w)
    _select(w, "Lào Cai")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Ghi rõ địa điểm")
        dialog.accept()

    QTimer.singleShot(100, answer)
    qtbot.keyClick(w.ui.bodyEdit, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(w.workspace.review.comments(aid)) == 1, timeout=3000)
    c = w.workspace.review.comments(aid)[0]
    assert c.anchor is not None and c.anchor.quote == "Lào Cai" and c.text == "Ghi rõ địa điểm"


def test_context_menus_offer_add_comment_on_a_selection(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window("reporter", MINH)
    _open(w)
    panel = _panel(w)
    body = w.ui.bodyEdit
    cursor = body.textCursor()
    cursor.clearSelection()
    body.setTextCursor(cursor)
    menu = panel.context_menu(body, QPoint(5, 5))
    action = next(a for a in menu.actions() if a.objectName() == "contextAddComment")
    assert not action.isEnabled()
    menu.deleteLater()
    _select(w, QUOTE)
    menu = panel.context_menu(body, QPoint(5, 5))
    action = next(a for a in menu.actions() if a.objectName() == "contextAddComment")
    assert action.isEnabled() and action.text() == "Add comment…"
    menu.deleteLater()
    headline = w.ui.headlineEdit
    headline.setSelection(0, 8)
    menu = panel.context_menu(headline, QPoint(5, 5))
    assert any(a.objectName() == "contextAddComment" and a.isEnabled() for a in menu.actions())
    menu.deleteLater()


def test_reply_resolve_and_reopen(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window("editor", HA)
    aid = _open(w)
    panel = _panel(w)
    w.ui.headlineEdit.setSelection(0, 8)  # "Hội nghị"
    root = panel.add_comment_at(w.ui.headlineEdit, "Tiêu đề dài quá")
    assert root is not None and root.anchor is not None
    assert root.anchor.field == "headline" and root.anchor.quote == "Hội nghị"
    assert panel.headline_marks.texts() == ["Hội nghị"]  # marked in the headline too
    card = panel.cards[root.id]
    commit(card.reply_edit, "Đã rút gọn")
    card.reply_button.click()
    comments = w.workspace.review.comments(aid)
    assert [(c.parent_id, c.text) for c in comments] == [
        (None, "Tiêu đề dài quá"),
        (root.id, "Đã rút gọn"),
    ]
    card = panel.cards[root.id]
    assert [lbl.text().split("<br>")[-1] for lbl in card.text_labels] == [
        "Tiêu đề dài quá",
        "Đã rút gọn",
    ]
    assert card.reply_edit.text() == ""
    panel.cards[root.id].resolve_button.click()
    assert w.workspace.review.comments(aid)[0].resolved
    assert root.id not in panel.cards  # resolved threads hidden…
    assert "1 resolved hidden" in panel.info.text()
    assert not w.review.bar.comments_button.isVisible()
    panel.show_resolved.setChecked(True)  # …unless asked for
    card = panel.cards[root.id]
    assert card.resolve_button.objectName() == "reopenButton"
    assert card.property("resolved") is True
    card.resolve_button.click()
    assert not w.workspace.review.comments(aid)[0].resolved
    assert panel.cards[root.id].resolve_button.objectName() == "resolveButton"


def test_a_removed_passage_is_marked_detached_and_a_click_selects_the_passage(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window("editor", HA)
    _open(w)
    panel = _panel(w)
    _select(w, "Lào Cai")
    first = panel.add_comment_at(w.ui.bodyEdit, "Địa điểm cụ thể?")
    _select(w, QUOTE)
    second = panel.add_comment_at(w.ui.bodyEdit, "Nguồn?")
    assert first is not None and second is not None
    # A click on the first thread selects "Lào Cai" in the body.
    body = w.ui.bodyEdit
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    qtbot.mouseClick(panel.cards[first.id], Qt.MouseButton.LeftButton)
    assert body.textCursor().selectedText() == "Lào Cai"
    assert panel.cards[first.id].property("active") is True
    # Delete the second passage: its thread is marked detached.
    _select(w, QUOTE)
    body.textCursor().removeSelectedText()
    panel._relocate_timer.stop()
    panel.refresh_marks()
    assert panel.cards[second.id].detached_label.isVisibleTo(panel.cards[second.id])
    assert not panel.cards[first.id].detached_label.isVisibleTo(panel.cards[first.id])
    assert panel.body_marks.texts() == ["Lào Cai"]


def test_a_comment_on_a_photo_caption(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("editor", HA)
    ws = w.workspace
    aid = ws.articles.create(headline="Ảnh hội nghị", body="Thân bài").article.id
    report = ws.photos.attach(aid, [jpeg(tmp_path / "a.jpg")], caption="Đại biểu dự hội nghị")
    pid = report.photos[0].id
    w.refresh_list()
    w.open_story(aid)
    panel = _panel(w)
    photos = w.findChild(PhotoPanel, "photoPanel")
    assert photos is not None and photos.current_id == pid
    cap = photos.caption_edit
    cursor = cap.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)
    cap.setTextCursor(cursor)
    c = panel.add_comment_at(cap, "Ghi tên đại biểu")
    assert c is not None and c.anchor is not None
    assert c.anchor.field == f"caption:{pid}" and c.anchor.quote == "Đại biểu"
    assert "Caption of photo 1" in panel.cards[c.id].quote_label.text()
    cursor.clearSelection()
    cap.setTextCursor(cursor)
    panel.show_passage(c)
    assert cap.textCursor().selectedText() == "Đại biểu"
