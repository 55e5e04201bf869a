"""Version history: the list (local time, author, role, kind, reason), a red/green word diff of
the headline and a caption between two versions, and restoring an old version as a new one."""

from __future__ import annotations

import uuid
from pathlib import Path

from helpers.review_gui import HA, MINH, WindowFactory, jpeg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from editor_app.domain.timezone import to_local
from editor_app.gui.main_window import MainWindow
from editor_app.gui.review.diff_view import DELETE_STYLE, INSERT_STYLE, diff_html
from editor_app.gui.review.history_dialog import HistoryDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _story(w: MainWindow, tmp_path: Path) -> tuple[uuid.UUID, uuid.UUID]:
    ws = w.workspace
    aid = ws.articles.create(
        headline="Hội nghị giao ban quý I", body="Nội dung <b>bài</b>."
    ).article.id
    report = ws.photos.attach(aid, [jpeg(tmp_path / "a.jpg")], caption="Đại biểu dự hội nghị")
    w.refresh_list()
    w.open_story(aid)
    return aid, report.photos[0].id


def _open_history(qtbot: QtBot, w: MainWindow) -> HistoryDialog:
    qtbot.keyClick(w.ui.bodyEdit, Qt.Key.Key_H, CTRL_SHIFT)
    dialog = w.review.history_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _cell(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def test_history_lists_versions_and_shows_a_red_green_diff(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("reporter", MINH)
    aid, pid = _story(w, tmp_path)
    w.save_revision()  # Ctrl+S: the first version
    ws = w.workspace
    ws.articles.save_fields(aid, {"headline": "Hội nghị sơ kết quý I"})
    ws.photos.update(pid, caption="Các đại biểu dự hội nghị")
    w.open_story(aid)
    dialog = _open_history(qtbot, w)
    table = dialog.table
    assert table.rowCount() == 1
    rev = ws.review.history(aid)[0]
    local = to_local(rev.created_at)
    cells = [_cell(table.item(0, c)) for c in range(4)]
    assert cells[0] == f"{local.day}/{local.month}/{local.year} {local:%H:%M}"
    assert cells[1:] == [MINH.name, "Reporter", "Saved (Ctrl+S)"]
    # Selected version against the current state (the default).
    qtbot.waitUntil(lambda: bool(dialog.diff_view.diffs), timeout=5000)
    keys = [d.key for d in dialog.diff_view.diffs]
    assert "headline" in keys and f"photo:{pid}:caption" in keys
    html = dialog.diff_view.toHtml()
    source = diff_html(dialog.diff_view.diffs)
    assert f'<span style="{DELETE_STYLE}">giao ban</span>' in source
    assert f'<span style="{INSERT_STYLE}">sơ kết</span>' in source
    assert f'<span style="{INSERT_STYLE}">Các </span>' in source or "Các" in source
    assert "line-through" in html
    labels = [d.label_vi for d in dialog.diff_view.diffs]
    assert any("Tiêu đề" in label for label in labels)
    assert any("Chú thích" in label for label in labels)
    dialog.close()


def test_the_diff_is_html_escaped() -> None:
    from editor_app.domain.review import FieldDiff, word_diff

    old, new = "a <b>x</b> & y", "a <script>alert(1)</script> & y"
    d = FieldDiff("<i>body</i>", "Thân <i>bài</i>", old, new, word_diff(old, new))
    out = diff_html([d])
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;" in out and "&amp;" in out and "Thân &lt;i&gt;bài" in out


def test_restore_makes_a_new_version_and_the_editor_shows_the_old_text(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("editor", HA)
    aid, _pid = _story(w, tmp_path)
    w.save_revision()
    ws = w.workspace
    w.ui.headlineEdit.selectAll()
    w.ui.headlineEdit.insert("Tiêu đề mới hoàn toàn")
    w.editor.saver.flush()
    w.save_revision()
    assert ws.articles.get(aid).headline == "Tiêu đề mới hoàn toàn"
    dialog = _open_history(qtbot, w)
    assert dialog.table.rowCount() == 2
    old = dialog.revisions[1]
    dialog.select(old.id)
    dialog.restore_selected()
    confirm = dialog.confirm
    assert confirm is not None and confirm.isVisible()
    qtbot.waitUntil(confirm.restore_button.isEnabled, timeout=5000)
    assert [d.key for d in confirm.diff_view.diffs] == ["headline"]
    assert "Tiêu đề mới hoàn toàn" in confirm.diff_view.toPlainText()
    confirm.restore_button.click()
    assert ws.articles.get(aid).headline == "Hội nghị giao ban quý I"
    assert w.ui.headlineEdit.text() == "Hội nghị giao ban quý I"
    history = ws.review.history(aid)
    assert history[0].kind == "restore" and history[0].author == HA.name
    assert len(history) >= 3  # the newer versions are kept
    assert dialog.table.rowCount() == len(history)
    dialog.close()


def test_a_reporter_cannot_restore_an_approved_story(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    from editor_app.domain.workflow import Status

    w = make_window("reporter", MINH)
    aid, _pid = _story(w, tmp_path)
    w.save_revision()
    w.workspace.articles.save_fields(aid, {"status": Status.APPROVED})
    w.open_story(aid)
    dialog = _open_history(qtbot, w)
    assert not dialog.restore_button.isEnabled()
    dialog.close()
