"""The checklist panel beside the story (issue 13, point 6): junk and dead links listed with
where they are, and a click on "Fix" mends the text as one undo step, or the caption."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sites import sample_site
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from editor_app.gui import i18n
from editor_app.gui.checklist.panel import ChecklistPanel
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.services.workspace import Workspace

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)
BODY = "Đoạn một <script>alert(1)</script> hết.\n\nXem [tại đây](javascript:void(0)) nhé."


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    yield workspace
    workspace.close()


def _panel(win: MainWindow) -> ChecklistPanel:
    return next(p for p in win.panels if isinstance(p, ChecklistPanel))


def _open(qtbot: QtBot, win: MainWindow, article_id: uuid.UUID) -> ChecklistPanel:
    panel = _panel(win)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(article_id)
    return panel


def _story(ws: Workspace, **fields: object) -> uuid.UUID:
    values: dict[str, object] = {
        "headline": HEADLINE,
        "sapo": SAPO,
        "body": BODY,
        "section": "Chính trị",
        "byline": "Thu Hà",
    }
    values.update(fields)
    return ws.articles.create(**values).article.id


def test_the_checklist_lists_junk_with_where_it_is(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    panel = _open(qtbot, win, _story(ws))
    assert [(i.kind, i.where) for i in panel.issues] == [
        ("literal_tag", "thân bài, đoạn 1 (dòng 1, cột 10)"),
        ("bad_link", "thân bài, đoạn 2 (dòng 3, cột 5)"),
    ]
    text = "\n".join(row.label.text() for row in panel.rows.rows.values())
    assert "Tag typed as text" in text and "Link leads nowhere" in text  # the UI's words
    assert "Xóa cả đoạn mã" in text and "Bỏ liên kết, giữ chữ" in text  # the checklist's
    assert "thân bài, đoạn 2 (dòng 3, cột 5)" in text
    assert panel.summary.text() == "2 items to fix before the story is published."


def test_clicking_fix_mends_the_body_as_one_undo_step(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    aid = _story(ws)
    panel = _open(qtbot, win, aid)
    tag, link = panel.issues
    body = win.ui.bodyEdit

    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.rows.button(tag), Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "Đoạn một hết.\n\nXem [tại đây](javascript:void(0)) nhé."
    assert [i.kind for i in panel.issues] == ["bad_link"]

    (link,) = panel.issues  # offsets from the new check
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.rows.button(link), Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "Đoạn một hết.\n\nXem tại đây nhé."
    assert panel.issues == []
    assert panel.summary.text() == "Ready as far as the checklist goes."

    body.undo()
    assert body.toPlainText() == "Đoạn một hết.\n\nXem [tại đây](javascript:void(0)) nhé."
    win.editor.saver.flush()  # the fixes are saved like any edit
    qtbot.waitUntil(lambda: "javascript" in ws.articles.get(aid).body, timeout=5000)
    assert "<script>" not in ws.articles.get(aid).body


def test_clicking_fix_mends_a_caption(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    aid = _story(ws, body="Đoạn một.")
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (320, 240), (10, 20, 30)).save(image, "JPEG")
    (pic,) = ws.photos.attach(aid, [image], caption="Quang cảnh <b>hội nghị</b>").photos
    ws.photos.update(pic.id, credit="Ảnh: Minh", alt_text="Hội trường")
    panel = _open(qtbot, win, aid)
    first = panel.issues[0]
    assert first.field == f"caption:{pic.id}" and first.where == "chú thích ảnh “anh.jpg”, ký tự 12"
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.rows.button(first), Qt.MouseButton.LeftButton)
    assert ws.articles.get(aid).photos[0].caption == "Quang cảnh hội nghị</b>"
    (second,) = panel.issues
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.rows.button(second), Qt.MouseButton.LeftButton)
    assert ws.articles.get(aid).photos[0].caption == "Quang cảnh hội nghị"
    assert panel.issues == []


def test_a_stale_fix_is_not_applied(qtbot: QtBot, win: MainWindow, ws: Workspace) -> None:
    panel = _open(qtbot, win, _story(ws))
    tag = panel.issues[0]
    win.ui.bodyEdit.setPlainText("Chữ khác hẳn.")
    with qtbot.waitSignal(panel.checked, timeout=5000):
        assert panel.apply_fix(tag) is False
    assert win.ui.bodyEdit.toPlainText() == "Chữ khác hẳn."


def test_without_a_site_file_the_panel_says_the_site_is_not_configured(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, tmp_path: Path
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    i18n.install(qapp, "vi")
    try:
        with Workspace.open(tmp_path / "plain") as ws:
            w = MainWindow(settings)
            w.attach(ws)
            qtbot.addWidget(w)
            w.show()
            panel = _open(qtbot, w, _story(ws, body="Đoạn một."))
            (issue,) = panel.issues
            assert issue.kind == "site_not_configured" and panel.rows.button(issue) is None
            assert "<b>Chưa cấu hình trang báo</b>" in panel.rows.rows[issue].label.text()
            assert panel.summary.text() == "1 mục cần sửa trước khi đăng bài."
            assert panel.windowTitle() == "Kiểm tra trước khi đăng"
            w.close()
    finally:
        i18n.install(qapp, "en")  # the other tests read English
