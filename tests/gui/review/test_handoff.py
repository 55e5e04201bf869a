"""Send and receive between two desks (two data folders in tmp_path, two windows): the package
is written where the user chose, the other desk imports it (new, then merged back), a refused
package's whole message is shown, and conflicts are settled side by side."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from helpers.review_gui import HA, MINH, WindowFactory
from pytestqt.qtbot import QtBot

from editor_app.exchange.package import PackageError
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import HANDOFF_FOLDER


def _send(qtbot: QtBot, w: MainWindow, folder: Path) -> Path:
    with qtbot.waitSignal(w.review.handoff.sent, timeout=10000) as sent:
        w.review.handoff.send(folder)
    path = sent.args[0]
    assert isinstance(path, Path) and path.is_file() and path.parent == folder
    return path


def _receive(qtbot: QtBot, w: MainWindow, path: Path):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.review.handoff.received, timeout=10000) as got:
        w.review.handoff.receive(path)
    return got.args[0]


def _message(w: MainWindow) -> str:
    box = w.review.handoff.message_box
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def test_send_then_receive_between_two_desks(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    outbox = tmp_path / "usb"
    outbox.mkdir()
    reporter = make_window("reporter", MINH)
    aid = reporter.workspace.articles.create(
        headline="Hội nghị giao ban quý I", body="Đồng chí Dương Đức Huy phát biểu."
    ).article.id
    reporter.refresh_list()
    reporter.open_story(aid)
    path = _send(qtbot, reporter, outbox)
    assert str(path) in _message(reporter)
    assert reporter.settings.get(HANDOFF_FOLDER) == str(outbox)
    assert reporter.workspace.review.history(aid)[0].kind == "handoff"

    editor = make_window("editor", HA)
    assert editor.model.rowCount() == 0
    result = _receive(qtbot, editor, path)
    assert result.outcome == "new" and result.article_id == aid
    assert "new story" in _message(editor)
    assert editor.model.ids() == [aid]
    assert editor.ui.headlineEdit.text() == "Hội nghị giao ban quý I"

    # The editor changes the body and sends it back: merged on the reporter's desk, whose open
    # story shows the new text.
    editor.ui.bodyEdit.set_text("Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị.")
    editor.editor.saver.flush()
    back = _send(qtbot, editor, outbox)
    result = _receive(qtbot, reporter, back)
    assert result.outcome == "merged"
    assert "merged" in _message(reporter)
    assert reporter.ui.bodyEdit.toPlainText() == (
        "Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị."
    )


def test_a_refused_package_shows_its_whole_message_and_writes_nothing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w = make_window("editor", HA)
    bad = tmp_path / "hong.story.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(PackageError) as refused:
        w.workspace.handoff.receive(bad, HA)
    with qtbot.waitSignal(w.review.handoff.failed, timeout=10000) as failed:
        w.review.handoff.receive(bad)
    assert failed.args[0] == str(refused.value)
    assert _message(w) == str(refused.value)
    assert w.workspace.articles.ids() == []


def _exchange_with_conflict(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> tuple[MainWindow, uuid.UUID]:
    outbox = tmp_path / "usb"
    outbox.mkdir()
    reporter = make_window("reporter", MINH)
    rws = reporter.workspace
    aid = rws.articles.create(headline="Tiêu đề ban đầu", body="Thân bài.").article.id
    first = rws.handoff.send(aid, outbox, MINH).path
    editor_ws = make_window("editor", HA).workspace
    editor_ws.handoff.receive(first, HA)
    editor_ws.articles.save_fields(aid, {"headline": "Tiêu đề của ban biên tập"})
    back = editor_ws.handoff.send(aid, outbox, HA).path
    rws.articles.save_fields(aid, {"headline": "Tiêu đề của phóng viên"})
    reporter.refresh_list()
    reporter.open_story(aid)
    result = _receive(qtbot, reporter, back)
    assert result.outcome == "conflict"
    return reporter, aid


def test_conflicts_are_settled_side_by_side(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    w, aid = _exchange_with_conflict(qtbot, make_window, tmp_path)
    assert "changed on both sides" in _message(w)
    bar = w.review.bar
    assert bar.conflict.isVisible()
    assert bar.conflict_label.text() == "There are 1 conflicts to settle"
    assert w.ui.headlineEdit.text() == "Tiêu đề của phóng viên"  # ours stays until settled
    bar.conflict_button.click()
    dialog = w.review.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    [box] = dialog.boxes.values()
    assert box.conflict.key == "headline"
    assert "phóng viên" in box.ours_view.toPlainText()
    assert "ban biên tập" in box.theirs_view.toPlainText()
    assert "line-through" in box.ours_view.toHtml()
    box.take_button.click()
    assert not dialog.isVisible()
    assert w.workspace.articles.get(aid).headline == "Tiêu đề của ban biên tập"
    assert w.ui.headlineEdit.text() == "Tiêu đề của ban biên tập"
    assert not bar.conflict.isVisible()
    assert w.workspace.review.conflicts(aid) == []
    assert w.workspace.review.history(aid)[0].kind == "conflict"


def test_keeping_mine_settles_too(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    w, aid = _exchange_with_conflict(qtbot, make_window, tmp_path)
    _message(w)
    dialog = w.review.open_conflicts()
    assert dialog is not None
    [box] = dialog.boxes.values()
    box.keep_button.click()
    assert w.workspace.articles.get(aid).headline == "Tiêu đề của phóng viên"
    assert not w.review.bar.conflict.isVisible()
