"""The word-level checks in the window (issue 17, part 3): the body underlines confused words
and tone marks not in the house style the site file sets, the checklist counts them as warnings
(the story may still be published), and *Sửa › Đặt dấu cả bài* converts the whole story — a
revision recorded first, each field one undo step, captions saved."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sites import SAMPLE_SITE
from PIL import Image
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from editor_app.gui.checklist.panel import ChecklistPanel
from editor_app.gui.main_window import MainWindow
from editor_app.services.siteconfig import load_site
from editor_app.services.workspace import Workspace

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)
BODY = "Cần sử lý ngay.\n\nSức khỏe của Ủy ban."


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "site.toml").write_text(
        SAMPLE_SITE + '[style]\ntone_marks = "hoà"\n', encoding="utf-8"
    )
    workspace = Workspace.open(tmp_path / "data", site=load_site(folder / "site.toml"))
    yield workspace
    workspace.close()


def _story(ws: Workspace, tmp_path: Path) -> uuid.UUID:
    aid = ws.articles.create(
        headline=HEADLINE, sapo=SAPO, body=BODY, section="Chính trị", byline="Thu Hà"
    ).article.id
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (320, 240), (10, 20, 30)).save(image, "JPEG")
    (pic,) = ws.photos.attach(aid, [image], caption="Hòa bình").photos
    ws.photos.update(pic.id, credit="Ảnh: Minh", alt_text="Hội trường", featured=True)
    return aid


def _panel(win: MainWindow) -> ChecklistPanel:
    return next(p for p in win.panels if isinstance(p, ChecklistPanel))


def _underlined(win: MainWindow) -> list[str]:
    styles = (QTextCharFormat.UnderlineStyle.WaveUnderline, QTextCharFormat.UnderlineStyle.DotLine)
    return [
        s.cursor.selectedText()
        for s in win.ui.bodyEdit.extraSelections()
        if s.format.underlineStyle() in styles
    ]


def test_underlines_warnings_and_the_whole_story_converted(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    aid = _story(ws, tmp_path)
    panel = _panel(win)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(aid)
    qtbot.waitUntil(lambda: _underlined(win) == ["sử lý", "khỏe", "Ủy"], timeout=5000)

    kinds = [(i.kind, i.field) for i in panel.issues]
    assert ("confused_word", "body") in kinds and ("tone_style", "headline") in kinds
    assert all(i.warning for i in panel.issues)
    assert "warnings (they do not stop publication)" in panel.summary.text()
    assert panel.summary.text().startswith("Ready as far as the checklist goes.")
    assert ws.export.readiness(aid) == []

    action = win.word_checks.action
    assert action in win.ui.menuEdit.actions() and "“hoà, thuỷ”" in action.text()
    revisions = len(ws.review.history(aid))
    with qtbot.waitSignal(panel.checked, timeout=5000):
        action.trigger()
    qtbot.waitUntil(lambda: ws.articles.get(aid).photos[0].caption == "Hoà bình", timeout=5000)
    assert win.ui.bodyEdit.toPlainText() == "Cần sử lý ngay.\n\nSức khoẻ của Uỷ ban."
    assert "Tỉnh uỷ" in win.ui.headlineEdit.text()
    history = ws.review.history(aid)
    assert len(history) == revisions + 1 and "“hoà, thuỷ”" in history[0].reason
    qtbot.waitUntil(lambda: _underlined(win) == ["sử lý"], timeout=5000)
    win.ui.bodyEdit.undo()  # one step takes the body back
    assert win.ui.bodyEdit.toPlainText() == BODY


def test_the_headline_and_sapo_are_underlined_and_fixed_from_their_menu(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    """The checklist counts the headline's and the sapo's words; they are underlined in their
    fields too, with the fix in their right-click menu (the site's style here: "hoà")."""
    headline = "Tỉnh chỉ đạo sử lý dứt điểm hồ sơ tồn đọng về đất đai trong quý II"
    sapo = "Chiều 5/6, Ủy ban nhân dân tỉnh họp bàn việc chăm lo sức khoẻ người dân vùng lũ."
    aid = ws.articles.create(headline=headline, sapo=sapo, body="Bài.").article.id
    panel = _panel(win)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(aid)
    head, lead = win.ui.headlineEdit, win.ui.sapoEdit
    qtbot.waitUntil(lambda: _marked(head) == ["sử lý"], timeout=5000)
    qtbot.waitUntil(lambda: _marked(lead) == ["Ủy"], timeout=5000)  # "khoẻ" is the style
    assert {(i.kind, i.field) for i in panel.issues} >= {
        ("confused_word", "headline"),
        ("tone_style", "sapo"),
    }

    cursor = QTextCursor(head.document())
    cursor.setPosition(headline.index("sử lý") + 1)
    menu = win.word_checks.context_menu("headline", head.cursorRect(cursor).center())
    fix = menu.actions()[0]
    assert fix.text() == "xử lý" and fix.font().bold()
    assert any(a.text().startswith("&Undo") or "Undo" in a.text() for a in menu.actions())
    fix.trigger()
    assert head.text() == headline.replace("sử lý", "xử lý")
    qtbot.waitUntil(lambda: ws.articles.get(aid).headline == head.text(), timeout=5000)

    cursor = QTextCursor(lead.document())
    cursor.setPosition(sapo.index("Ủy") + 1)
    menu = win.word_checks.context_menu("sapo", lead.cursorRect(cursor).center())
    assert [a.text() for a in menu.actions()[:3]] == [
        "Uỷ",
        "The outlet writes “hoà, thuỷ”",
        win.word_checks.action.text(),
    ]
    menu.actions()[0].trigger()
    assert lead.toPlainText() == sapo.replace("Ủy", "Uỷ")
    qtbot.waitUntil(lambda: _marked(head) == [] and _marked(lead) == [], timeout=5000)
    qtbot.waitUntil(lambda: ws.articles.get(aid).sapo == lead.toPlainText(), timeout=5000)
    head.undo()  # the fix is one undo step of the field
    assert head.text() == headline


def _marked(edit: QPlainTextEdit) -> list[str]:
    styles = (QTextCharFormat.UnderlineStyle.WaveUnderline, QTextCharFormat.UnderlineStyle.DotLine)
    return [
        s.cursor.selectedText()
        for s in edit.extraSelections()
        if s.format.underlineStyle() in styles
        and s.format.underlineColor().name() in ("#1565c0", "#8e24aa", "#64b5f6", "#ce93d8")
    ]
