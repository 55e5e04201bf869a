"""The photo panel: thumbnails after attaching, captions saved, missing marks, remove and undo,
reorder, the reference inserted in the body."""

from __future__ import annotations

import uuid
from pathlib import Path

from helpers.vi_typing import commit
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.photos.photo_list import ID_ROLE, MISSING_ROLE
from editor_app.services.workspace import Workspace


def jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (300, 200)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG")
    return path


def panel_of(window: MainWindow) -> PhotoPanel:
    return next(p for p in window.panels if isinstance(p, PhotoPanel))


def open_story(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> tuple[PhotoPanel, uuid.UUID]:
    article = workspace.articles.create(headline="Lũ quét ở Bát Xát", body="Đoạn một.\n").article
    window.open_story(article.id)
    return panel_of(window), article.id


def attach_two(qtbot: QtBot, panel: PhotoPanel, tmp_path: Path) -> None:
    files = [jpeg(tmp_path / "một.jpg", (200, 0, 0)), jpeg(tmp_path / "hai.jpg", (0, 0, 200))]
    with qtbot.waitSignal(panel.attach_finished, timeout=10000):
        panel.attach_files(files)
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=5000)


def test_thumbnails_appear_after_attaching(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, article_id = open_story(qtbot, window, workspace)
    assert panel.list.count() == 0 and panel.empty_label.isVisible()
    loaded: list[uuid.UUID] = []
    panel.thumbnail_loaded.connect(loaded.append)
    attach_two(qtbot, panel, tmp_path)
    qtbot.waitUntil(lambda: len(loaded) >= 2, timeout=10000)
    ids = [p.id for p in workspace.photos.of_article(article_id)]
    assert panel.list.ids() == ids
    assert loaded[-2:] == ids or set(loaded) >= set(ids)
    assert not panel.list.item(0).icon().isNull()
    assert panel.last_report is not None and panel.last_report.all_ok


def test_bad_files_are_listed_and_the_good_kept(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, article_id = open_story(qtbot, window, workspace)
    empty = tmp_path / "rỗng.jpg"
    empty.write_bytes(b"")
    with qtbot.waitSignal(panel.attach_finished, timeout=10000):
        panel.attach_files([empty, jpeg(tmp_path / "tốt.jpg", (9, 9, 9))])
    assert len(workspace.photos.of_article(article_id)) == 1
    box = panel.message_box
    assert "rỗng.jpg: tệp rỗng (0 byte)" in box.text()
    box.close()


def test_editing_the_caption_saves_it(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, _article_id = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    panel.list.setCurrentRow(0)
    first = panel.list.ids()[0]
    panel.caption_edit.setFocus()
    commit(panel.caption_edit, "Người dân dọn bùn")
    assert panel._save_timer.isActive()
    qtbot.waitUntil(
        lambda: workspace.photos.get(first).caption == "Người dân dọn bùn", timeout=3000
    )
    # credit: saved when the field is left, without waiting
    panel.credit_edit.setFocus()
    commit(panel.credit_edit, "Ảnh: Nguyễn Văn A")
    panel.alt_edit.setFocus()
    qtbot.waitUntil(lambda: workspace.photos.get(first).credit == "Ảnh: Nguyễn Văn A", timeout=2000)


def test_missing_metadata_is_marked(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, _ = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    item = panel.list.item(0)
    assert item.data(MISSING_ROLE) == ["caption", "credit", "alt_text"]
    assert item.text().startswith("⚠")
    panel.list.setCurrentRow(0)
    commit(panel.caption_edit, "Chú thích")
    commit(panel.credit_edit, "Ảnh: TTXVN")
    commit(panel.alt_edit, "Mô tả")
    panel.save_fields()
    item = panel.list.item(0)
    assert item.data(MISSING_ROLE) == []
    assert not item.text().startswith("⚠")
    assert panel.list.item(1).text().startswith("⚠")


def test_a_photographer_in_the_byline_credits_the_photos(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    """As the checklist has it: with "Ảnh: Hồng Ninh" in the byline, a photo without a credit
    of its own is not marked for it; the marks follow the byline list as it is edited."""
    panel, _ = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    panel.list.setCurrentRow(0)
    commit(panel.caption_edit, "Chú thích")
    commit(panel.alt_edit, "Mô tả")
    panel.save_fields()
    item = panel.list.item(0)
    assert item.data(MISSING_ROLE) == ["credit"] and item.text().startswith("⚠")
    bylines = window.editor.byline_list
    commit(bylines.rows[0].name, "Thanh Hà")
    bylines.add()
    commit(bylines.rows[1].name, "Hồng Ninh")
    bylines.rows[1].role.setCurrentIndex(bylines.rows[1].role.findData("anh"))
    item = panel.list.item(0)
    assert item.data(MISSING_ROLE) == [] and not item.text().startswith("⚠")
    assert panel.list.item(1).data(MISSING_ROLE) == ["caption", "alt_text"]
    bylines.rows[1].role.setCurrentIndex(bylines.rows[1].role.findData("bai"))
    assert panel.list.item(0).data(MISSING_ROLE) == ["credit"]


def test_featured_is_one_per_story(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, article_id = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    panel.list.setCurrentRow(1)
    panel.featured_check.setChecked(True)
    photos = workspace.photos.of_article(article_id)
    assert [p.featured for p in photos] == [False, True]


def test_insert_in_body_adds_the_reference_on_its_own_line(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, _ = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    panel.list.setCurrentRow(1)
    body = window.ui.bodyEdit
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    pid = panel.list.ids()[1]
    assert body.toPlainText().splitlines()[:2] == ["Đoạn một.", f"![](photo:{pid})"]


def test_remove_then_undo(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, article_id = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    ids = panel.list.ids()
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in workspace.photos.of_article(article_id)] == ids[1:]
    assert panel.list.ids() == ids[1:]
    panel.list.setFocus()
    panel.undo_action.trigger()
    assert [p.id for p in workspace.photos.of_article(article_id)] == ids
    assert panel.list.ids() == ids


def test_reorder_by_moving_items(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, article_id = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    ids = panel.list.ids()
    panel.list.move_row(0, 1)  # what a drop onto the second icon does
    assert panel.list.item(1).data(ID_ROLE) == str(ids[0])
    assert [p.id for p in workspace.photos.of_article(article_id)] == [ids[1], ids[0]]


def test_pasting_an_image_from_the_clipboard_attaches_it(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    from PySide6.QtGui import QColor, QGuiApplication, QImage

    panel, article_id = open_story(qtbot, window, workspace)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(20, 120, 40))
    clipboard = QGuiApplication.clipboard()
    clipboard.setImage(image)
    try:
        with qtbot.waitSignal(panel.attach_finished, timeout=10000):
            panel.paste_from_clipboard()
    finally:
        clipboard.clear()  # the clipboard's data must not outlive the test (crash at exit)
    photos = workspace.photos.of_article(article_id)
    assert len(photos) == 1
    assert (photos[0].width, photos[0].height) == (320, 200)
    assert photos[0].filename.startswith("anh-dan-") and photos[0].format == "PNG"
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)


def test_a_caption_typed_names_its_story_for_the_recovery_notice(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    """Only the caption changed in this session: a crash now still lists the story."""
    from editor_app.services.session import SessionService

    panel, article_id = open_story(qtbot, window, workspace)
    attach_two(qtbot, panel, tmp_path)
    SessionService(workspace.db).begin()  # this process's session is running
    panel.list.setCurrentRow(0)
    panel.caption_edit.setFocus()
    commit(panel.caption_edit, "Người dân dọn bùn")
    panel.save_fields()
    recovery = SessionService(workspace.db).begin()  # as the next start after a crash
    assert recovery is not None
    assert [a.id for a in recovery.articles] == [article_id]
