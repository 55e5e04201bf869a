"""Statuses in the window: only the moves the user's role allows, a reason to return a story,
and a reporter's approved story shown read-only with a banner saying why."""

from __future__ import annotations

from pathlib import Path

from helpers.review_gui import HA, MINH, WindowFactory, jpeg
from helpers.vi_typing import commit
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Status
from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.story_list.model import StoryListModel


def _menu_texts(window: MainWindow) -> list[str]:
    review = window.review
    review._fill_status_menus()
    return [a.text() for a in review.menu_status.actions() if a.isEnabled()]


def _story(window: MainWindow, status: Status = Status.DRAFT) -> None:
    ws = window.workspace
    aid = ws.articles.create(headline="Hội nghị giao ban", body="Nội dung bài.").article.id
    if status is not Status.DRAFT:
        ws.articles.save_fields(aid, {"status": status})
    window.refresh_list()
    window.open_story(aid)


def test_a_reporter_is_not_offered_approval_an_editor_is(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    reporter = make_window("reporter", MINH)
    _story(reporter, Status.EDITING)
    assert reporter.review.moves() == ()
    assert not any("Approved" in t for t in _menu_texts(reporter))
    _story(reporter, Status.DRAFT)
    assert reporter.review.moves() == (Status.SUBMITTED,)
    assert reporter.review.bar.status_button.text() == "● Draft"

    editor = make_window("editor", HA)
    _story(editor, Status.EDITING)
    assert Status.APPROVED in editor.review.moves()
    texts = _menu_texts(editor)
    assert any("Approved" in t for t in texts)
    assert [a.text() for a in editor.review.bar.status_menu.actions() if a.isEnabled()] == texts


def test_moving_updates_the_list_row_and_the_button(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window("reporter", MINH)
    _story(w)
    aid = w.editor.article.id  # type: ignore[union-attr]
    assert w.review.move_to(Status.SUBMITTED)
    assert w.workspace.articles.get(aid).status is Status.SUBMITTED
    row = w.model.row_of(aid)
    assert row is not None
    assert w.model.data(w.model.index(row, StoryListModel.STATUS)) == "Submitted"
    assert w.review.bar.status_button.text() == "● Submitted"
    kinds = [r.kind for r in w.workspace.review.history(aid)]
    assert kinds[0] == "status"
    assert w.workspace.review.history(aid)[0].author == MINH.name


def test_returning_a_story_requires_a_reason(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window("editor", HA)
    _story(w, Status.SUBMITTED)
    aid = w.editor.article.id  # type: ignore[union-attr]
    assert not w.review.move_to(Status.RETURNED)  # asks first
    dialog = w.review.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # refused without a reason
    assert dialog.isVisible()
    assert w.workspace.articles.get(aid).status is Status.SUBMITTED
    commit(dialog.edit, "   ")
    assert not dialog.ok_button.isEnabled()
    commit(dialog.edit, "Kiểm tra lại số liệu đoạn hai")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert w.workspace.articles.get(aid).status is Status.RETURNED
    history = w.workspace.review.history(aid)
    assert "Kiểm tra lại số liệu đoạn hai" in history[0].reason
    bar = w.review.bar
    assert bar.returned.isVisible()
    assert "Kiểm tra lại số liệu đoạn hai" in bar.returned_label.text()
    assert HA.name in bar.returned_label.text()


def test_an_approved_story_is_read_only_for_a_reporter_with_a_banner(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("reporter", MINH)
    ws = w.workspace
    aid = ws.articles.create(headline="Bài đã duyệt", body="Nội dung bài.").article.id
    assert ws.photos.attach(aid, [jpeg(tmp_path / "a.jpg")], caption="Chú thích").all_ok
    ws.articles.save_fields(aid, {"status": Status.APPROVED})
    w.refresh_list()
    w.open_story(aid)
    ui = w.ui
    bar = w.review.bar
    assert bar.read_only.isVisible()
    assert bar.read_only_label.text().startswith("Story approved — read only.")
    assert ui.headlineEdit.isReadOnly()
    assert ui.sapoEdit.isReadOnly()
    assert ui.bodyEdit.isReadOnly()
    assert not ui.sectionCombo.isEnabled()
    photos = w.findChild(PhotoPanel, "photoPanel")
    assert photos is not None
    assert photos.caption_edit.isReadOnly()
    assert not photos.add_button.isEnabled()
    assert not photos.remove_button.isEnabled()
    tags = w.findChild(type(w.panels[0]), "tagPanel")
    assert tags is not None and not tags.widget().isEnabled()
    # Typing changes nothing, and nothing is saved.
    commit(ui.bodyEdit, "Chữ mới")
    qtbot.wait(1200)
    assert ws.articles.get(aid).body == "Nội dung bài."
    # Another story (a draft) is editable again.
    _story(w)
    assert not ui.bodyEdit.isReadOnly()
    assert not photos.caption_edit.isReadOnly()
    assert not bar.read_only.isVisible()


def test_an_editor_may_edit_an_approved_story(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window("editor", HA)
    _story(w, Status.APPROVED)
    assert not w.ui.bodyEdit.isReadOnly()
    assert not w.review.bar.read_only.isVisible()
    assert set(w.review.moves()) == {Status.EDITING, Status.PUBLISHED}


def test_autosaves_and_ctrl_s_record_the_user(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window("reporter", MINH)
    _story(w)
    aid = w.editor.article.id  # type: ignore[union-attr]
    commit(w.ui.bodyEdit, "Thêm một câu. ")
    qtbot.waitUntil(
        lambda: any(r.kind == "autosave" for r in w.workspace.review.history(aid)), timeout=5000
    )
    w.save_revision()
    first = w.workspace.review.history(aid)[0]
    assert (first.kind, first.author, first.role) == ("save", MINH.name, "reporter")
    assert w.review.user_label.text().endswith("Lê Minh · Reporter</a>")


def test_a_closed_window_saves_no_more(qtbot: QtBot, make_window: WindowFactory) -> None:
    """A closed window's body may still report a text change (Qt re-highlights it when the
    application's style changes): nothing is sent to the stopped worker."""
    w = make_window("reporter", MINH)
    _story(w)
    w.close()
    w.ui.bodyEdit.textChanged.emit()
    assert not w.editor.saver.dirty
    qtbot.wait(1700)  # past the autosave timers: an error on the worker would fail the test
