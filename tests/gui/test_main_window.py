from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from helpers.vi_typing import commit, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Status
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.gui.story_list.model import PAGE
from editor_app.services.workspace import Workspace


def _saved(workspace: Workspace, aid: uuid.UUID, field: str) -> object:
    return getattr(workspace.articles.get(aid), field)


def test_new_story_is_autosaved_after_a_pause(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.new_story(None)
    article = window.editor.article
    assert article is not None
    type_text(window.ui.headlineEdit, "Hội nghị giao ban")
    type_text(window.ui.bodyEdit, "Đồng chí Dương Đức Huy phát biểu.")
    qtbot.waitUntil(
        lambda: _saved(workspace, article.id, "body") == "Đồng chí Dương Đức Huy phát biểu.",
        timeout=5000,
    )
    assert _saved(workspace, article.id, "headline") == "Hội nghị giao ban"
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved at"), timeout=3000)


def test_saving_never_moves_the_cursor(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.new_story(None)
    body = window.ui.bodyEdit
    type_text(body, "Một hai ba bốn năm sáu.")
    cursor = body.textCursor()
    cursor.setPosition(4)
    body.setTextCursor(cursor)
    commit(body, "X")
    aid = window.editor.article.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "X" in str(_saved(workspace, aid, "body")), timeout=5000)
    assert body.textCursor().position() == 5
    assert body.toPlainText() == "Một Xhai ba bốn năm sáu."


def test_keystrokes_typed_during_a_save_are_kept(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    window.new_story(None)
    body = window.ui.bodyEdit
    type_text(body, "Phần đầu")
    window.editor.saver.save_now()  # a save is on its way...
    type_text(body, " và phần sau")  # ...while typing goes on
    aid = window.editor.article.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: _saved(workspace, aid, "body") == "Phần đầu và phần sau", timeout=5000)


def test_nfd_input_is_stored_as_nfc(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    import unicodedata

    window.new_story(None)
    commit(window.ui.bodyEdit, unicodedata.normalize("NFD", "Tiếng Việt"))
    window.editor.saver.flush()
    aid = window.editor.article.id  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: _saved(workspace, aid, "body") == "Tiếng Việt", timeout=5000)


def test_metadata_fields_are_saved(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    sections = tmp_path / "sections.txt"
    sections.write_text("Chính trị\nChính trị/Bầu cử\nThể thao\n", encoding="utf-8")
    workspace.sections.import_sections(sections)
    window.reload_directory()
    window.new_story(None)
    ui = window.ui
    ui.sectionCombo.setCurrentIndex(ui.sectionCombo.findData("Chính trị/Bầu cử"))
    ui.keywordsEdit.setFocus()
    commit(ui.keywordsEdit, "bầu cử, Quốc hội")
    ui.eventDateEdit.setFocus()
    commit(ui.eventDateEdit, "12/4/2023")  # a Vietnamese date, finished with Return
    qtbot.keyClick(ui.eventDateEdit, Qt.Key.Key_Return)
    window.editor.saver.flush()
    aid = window.editor.article.id  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: _saved(workspace, aid, "keywords") == ["bầu cử", "Quốc hội"], timeout=5000
    )
    article = workspace.articles.get(aid)
    assert article.section == "Chính trị/Bầu cử"
    assert article.event_date == date(2023, 4, 12)
    # The keywords in use, loaded once, feed both the editor's completion and the list filter.
    window.reload_directory()
    kf = window.keyword_filter
    assert [kf.itemText(i) for i in range(kf.count())] == ["bầu cử", "Quốc hội"]


def _make_many(workspace: Workspace, n: int) -> list[uuid.UUID]:
    return [
        workspace.articles.create(headline=f"Bài số {i}", body="Nội dung").article.id
        for i in range(n)
    ]


def test_story_list_is_lazy_and_redraws_only_changed_rows(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    _make_many(workspace, 3 * PAGE + 10)
    window.refresh_list()
    qtbot.wait(50)
    model = window.model
    assert model.rowCount() == 3 * PAGE + 10
    assert model.cached_rows() <= 2 * PAGE  # only what was drawn was fetched
    fetches = model.fetch_count
    first = model.id_at(0)
    assert first is not None
    window.open_story(first)
    window.ui.headlineEdit.selectAll()
    type_text(window.ui.headlineEdit, "Tiêu đề mới")
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "Tiêu đề mới", timeout=5000)
    assert model.fetch_count == fetches + 1  # one page refetched for the one changed row
    assert model.rowCount() == 3 * PAGE + 10


def test_search_box_finds_without_diacritics(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    hit = workspace.articles.create(headline="Đồng chí Dương Đức Huy thăm trường").article.id
    workspace.articles.create(headline="Bóng đá")
    window.refresh_list()
    window.ui.searchEdit.setText("duong duc h")
    qtbot.waitUntil(lambda: window.model.ids() == [hit], timeout=3000)
    window.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)


def test_filter_by_status_and_section(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    a = workspace.articles.create(headline="A", section="Chính trị/Bầu cử").article.id
    b = workspace.articles.create(headline="B", section="Thể thao").article.id
    workspace.articles.save_fields(b, {"status": Status.SUBMITTED})
    window.reload_directory()
    window.refresh_list()
    ui = window.ui
    ui.statusFilter.setCurrentIndex(ui.statusFilter.findData(Status.SUBMITTED))
    assert window.model.ids() == [b]
    ui.statusFilter.setCurrentIndex(0)
    assert set(window.model.ids()) == {a, b}
    # a section filter takes its subsections too ("Chính trị" shows "Chính trị/Bầu cử")
    window.ui.sectionFilter.addItem("Chính trị", "Chính trị")
    ui.sectionFilter.setCurrentIndex(ui.sectionFilter.findData("Chính trị"))
    assert window.model.ids() == [a]


def test_trash_restore_and_delete_forever(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = workspace.articles.create(headline="Bài sẽ bỏ").article.id
    window.refresh_list()
    window.open_story(aid)
    window.trash_story()
    assert aid not in window.model.ids()
    window.ui.actionShowTrash.setChecked(True)
    assert window.model.ids() == [aid]
    window.open_story(aid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.delete_story()
    assert workspace.articles.get(aid).headline == "Bài sẽ bỏ"  # asked first; cancelled
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_story()
    assert window.model.ids() == []
    assert workspace.articles.ids() == []


def test_duplicate_and_named_revision(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    aid = workspace.articles.create(headline="Gốc", body="Thân bài").article.id
    window.refresh_list()
    window.open_story(aid)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert workspace.articles.revision_count(aid) == 1
    window.duplicate_story()
    copy = window.editor.article
    assert copy is not None and copy.id != aid and copy.body == "Thân bài"


def test_switching_stories_keeps_each_cursor(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    a = workspace.articles.create(headline="A", body="Dòng một\n" * 200).article.id
    b = workspace.articles.create(headline="B", body="Khác").article.id
    window.refresh_list()
    window.open_story(a)
    body = window.ui.bodyEdit
    c = body.textCursor()
    c.setPosition(1500)
    body.setTextCursor(c)
    window.open_story(b)
    window.open_story(a)
    assert body.textCursor().position() == 1500


def test_counts_and_length_hints(qtbot: QtBot, window: MainWindow) -> None:
    window.new_story(None)
    type_text(window.ui.headlineEdit, "Ngắn")
    assert window.ui.headlineHint.property("warn") is True
    commit(window.ui.bodyEdit, "Một hai ba bốn năm. " * 250)
    qtbot.waitUntil(lambda: "1.250" in window.count_label.text(), timeout=3000)
    assert "7" in window.count_label.text()  # minutes to read


def test_dictionary_loads_after_the_list_and_never_after_closing(
    qtbot: QtBot, workspace: Workspace, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loaded on a worker thread once the event loop has drawn the list (alongside, it slowed
    # the list's queries); a window closed before that never starts it.
    loads: list[int] = []

    real = workspace.load_spell_checker

    def load():  # type: ignore[no-untyped-def]
        loads.append(1)
        return real()

    monkeypatch.setattr(workspace, "load_spell_checker", load)
    opened = MainWindow(settings)
    qtbot.addWidget(opened)
    opened.attach(workspace)
    assert loads == [] and opened.ui.bodyEdit.spell_checker() is None
    with qtbot.waitSignal(opened.ui.bodyEdit.spellCheckerReady, timeout=15000):
        pass
    assert loads == [1] and opened.ui.bodyEdit.spell_checker() is not None
    opened.close()

    closed = MainWindow(settings)
    qtbot.addWidget(closed)
    closed.attach(workspace)
    closed.close()
    qtbot.wait(100)
    assert loads == [1]


def test_until_the_data_folder_is_open_the_window_says_so(
    qtbot: QtBot, workspace: Workspace, settings: Settings
) -> None:
    frame = MainWindow(settings)
    qtbot.addWidget(frame)
    assert not frame.isEnabled()
    assert frame.statusBar().currentMessage() == "Opening the stories…"
    frame.attach(workspace)
    assert frame.isEnabled() and frame.statusBar().currentMessage() == ""
    frame.close()
