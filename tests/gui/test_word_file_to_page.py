"""Issue 17's "Done when", in the real window on a real data folder: a reporter's Word file
written by LibreOffice, with three photos and their captions, is imported through *Tệp › Nhập
tệp Word…* and made ready to publish in the window (the official tagged, a section, alt texts,
two bylines — the photographer credits the photo that has no credit of its own); the focal
point of the featured photo is moved in the photo dock and the share card follows it; the
confused-word and house-style checks underline a test paragraph, the context menu and the
whole-story conversion correct it; the editor publishes and the exported page shows both
bylines, the featured photo's crop keeping its subject."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import TypeVar

import pytest
from helpers.publishing import EDITOR
from helpers.sites import sample_site
from helpers.vi_typing import commit
from helpers.word_files import (
    CAPTION_1,
    CAPTION_2,
    CREDIT_1,
    CREDIT_2,
    HEADLINE,
    SAPO,
    convert_to_docx,
    soffice,
    writer_document,
)
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Status
from editor_app.gui.checklist.panel import ChecklistPanel
from editor_app.gui.main_window import MainWindow
from editor_app.gui.officials.tag_panel import TagPanel
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.preview.dock import PreviewDock
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

SECTION = "Chính trị/Xây dựng Đảng"
BYLINE = "Bài: Thanh Hà – Ảnh: Hồng Ninh"
TEST_PARAGRAPH = "Phải sử lý dứt điểm, chăm lo sức khoẻ và hoà giải ở cơ sở."
P = TypeVar("P", bound=QWidget)
CORRECTED = "Phải xử lý dứt điểm, chăm lo sức khỏe và hòa giải ở cơ sở."


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """The sample outlet's site file (house style: the default, "hòa, thủy"), its sections,
    an officials directory naming the official the story quotes; an editor at this desk."""
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    workspace.identity.set(EDITOR)
    workspace.export.default_folder = tmp_path / "site-out"
    sections = tmp_path / "sections.txt"
    sections.write_text(f"Chính trị\n{SECTION}\nXã hội\n", encoding="utf-8")
    workspace.sections.import_sections(sections)
    officials = tmp_path / "officials.csv"
    officials.write_text(
        "full_name,titles,organization\n"
        'Dương Đức Huy,"Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng Ban Tuyên giáo Tỉnh ủy",'
        "Tỉnh ủy Lào Cai\n",
        encoding="utf-8",
    )
    workspace.officials.import_csv(officials)
    yield workspace
    workspace.close()


def _photo(grey: int, subject_right: bool) -> bytes:
    """A wide camera-like frame (2000×900) with a red square, the person speaking, at its right
    edge (outside the centred 16:9 crop) or in its middle."""
    im = Image.new("RGB", (2000, 900), (grey, grey, grey))
    x = 1850 if subject_right else 940
    im.paste((220, 0, 0), (x, 380, x + 120, 500))
    out = BytesIO()
    im.save(out, "JPEG", quality=90)
    return out.getvalue()


def _word_file(tmp_path: Path) -> Path:
    photos = [_photo(128, True), _photo(150, False), _photo(170, False)]
    source = tmp_path / "bai-phong-vien.fodt"
    source.write_text(writer_document(photos), encoding="utf-8")
    return convert_to_docx(source, tmp_path, tmp_path / "home")


def _panel(win: MainWindow, kind: type[P]) -> P:
    panel = next(p for p in win.panels if isinstance(p, kind))
    panel.show()
    panel.raise_()
    return panel


def _red_columns(image: QImage) -> int:
    """How many columns of the picture's middle row are clearly red."""
    y = image.height() // 2
    return sum(
        1
        for x in range(image.width())
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 70
    )


def _underlined(edit: QPlainTextEdit) -> list[str]:
    styles = (QTextCharFormat.UnderlineStyle.WaveUnderline, QTextCharFormat.UnderlineStyle.DotLine)
    return [
        s.cursor.selectedText()
        for s in edit.extraSelections()
        if s.format.underlineStyle() in styles
    ]


def _import(
    qtbot: QtBot, win: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> uuid.UUID:
    """Tệp › Nhập tệp Word…, the file chosen in the dialog; the story opens, one message says
    what was made and what could not be kept."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "")))
    word = win.imports.word
    assert word.action in win.ui.menuFile.actions()
    with qtbot.waitSignal(word.story_imported, timeout=60000) as got:
        word.action.trigger()
    box = word.message_box
    assert box is not None and box.isVisible()
    said = box.text()
    box.close()
    assert f"“{HEADLINE}”" in said and "3 photo(s)" in said
    for kept_out in ("thay đổi được theo dõi", "nhận xét (comment)", "chú thích cuối trang"):
        assert kept_out in said
    article_id = got.args[0]
    assert isinstance(article_id, uuid.UUID)
    qtbot.waitUntil(lambda: win.ui.headlineEdit.text() == HEADLINE, timeout=10000)
    assert win.ui.sapoEdit.toPlainText() == SAPO
    return article_id


def _ready(qtbot: QtBot, win: MainWindow, ws: Workspace, article_id: uuid.UUID) -> ChecklistPanel:
    """What the checklist asks for, filled in from the window: the official tagged, the
    section, each photo's alt text, the two bylines."""
    checklist = _panel(win, ChecklistPanel)
    qtbot.waitUntil(lambda: bool(checklist.issues), timeout=10000)
    kinds = sorted(i.kind for i in checklist.issues)
    assert kinds == sorted(
        ["missing_section", "missing_byline", "missing_credit"] + ["missing_alt_text"] * 3
    ), kinds
    assert checklist.summary.text().startswith("6 items to fix")

    tags = _panel(win, TagPanel)
    qtbot.waitUntil(lambda: tags.tag_all_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(tags.checked, timeout=10000):
        qtbot.mouseClick(tags.tag_all_button, Qt.MouseButton.LeftButton)
    assert [o.full_name for o in ws.officials.tagged(article_id)] == ["Dương Đức Huy"]

    win.ui.detailsDock.show()
    win.ui.detailsDock.raise_()
    combo = win.ui.sectionCombo
    combo.setCurrentIndex(combo.findData(SECTION))

    photos = _panel(win, PhotoPanel)
    shown = ws.articles.get(article_id).photos
    assert [(p.caption, p.credit) for p in shown] == [
        (CAPTION_1, CREDIT_1),
        (CAPTION_2, CREDIT_2),
        ("Các đại biểu phát biểu ý kiến.", ""),
    ]
    assert photos.list.count() == 3
    alts = ["Người phát biểu", "Hội trường", "Đại biểu"]
    for photo, alt in zip(shown, alts, strict=True):
        assert photos.select_photo(photo.id)
        commit(photos.alt_edit, alt)
        photos.save_fields()
    qtbot.waitUntil(lambda: [ws.photos.get(p.id).alt_text for p in shown] == alts, timeout=5000)

    # Two bylines in the story's details: the writer, then the photographer on a row of her own.
    bylines = win.editor.byline_list
    commit(bylines.rows[0].name, "Thanh Hà")
    bylines.rows[0].name.setFocus()
    qtbot.keyClick(bylines.rows[0].name, Qt.Key.Key_Return)
    commit(bylines.rows[1].name, "Hồng Ninh")
    bylines.rows[1].role.setCurrentIndex(bylines.rows[1].role.findData("anh"))
    qtbot.waitUntil(lambda: ws.articles.get(article_id).byline == BYLINE, timeout=5000)
    assert bylines.printed.text() == f"On the page: {BYLINE}"
    assert ws.articles.get(article_id).section == SECTION

    # Nothing left: the photographer of the byline credits the third photo (the dock agrees).
    assert [photos.list.item(n).text() for n in range(3)] == ["1 ★", "2", "3"]
    qtbot.waitUntil(
        lambda: checklist.issues == [] and checklist.summary.text() != "", timeout=10000
    )
    assert checklist.summary.text() == "Ready as far as the checklist goes."
    return checklist


def _focal_point(qtbot: QtBot, win: MainWindow, ws: Workspace, article_id: uuid.UUID) -> None:
    """The featured photo's point clicked on the speaker at its right edge, then nudged with a
    key; the preview dock's share cards cut their picture around it."""
    featured = next(p for p in ws.articles.get(article_id).photos if p.featured)
    assert featured.caption == CAPTION_1
    photos = _panel(win, PhotoPanel)
    assert photos.select_photo(featured.id)
    picker = photos.focus_picker
    qtbot.waitUntil(lambda: picker.pixmap is not None, timeout=10000)
    assert picker.point is None

    preview = _panel(win, PreviewDock)
    preview.share_action.setChecked(True)
    facebook, zalo = (preview.share_view.cards[n] for n in ("Facebook", "Zalo"))
    qtbot.waitUntil(
        lambda: facebook.title.text() == HEADLINE and facebook.picture.pixmap is not None,
        timeout=30000,
    )
    assert zalo.description.text() == SAPO and facebook.domain.text() == "BAOLAOCAI.VN"
    assert preview.share_view.isVisible()
    assert facebook.picture.pixmap is not None
    assert _red_columns(facebook.picture.pixmap.toImage()) == 0  # centred: the speaker cut off

    photos.show()
    photos.raise_()
    picker.resize(400, 180)
    r = picker.image_rect()
    at = QPoint(round(r.left() + r.width() * 0.93), round(r.top() + r.height() * 0.49))
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=at)
    qtbot.keyClick(picker, Qt.Key.Key_Right)  # 2% further right
    qtbot.waitUntil(lambda: (ws.photos.get(featured.id).focus or (0, 0))[0] > 0.94, timeout=5000)
    assert "%" in picker.accessibleDescription()

    preview.show()
    preview.raise_()

    def followed() -> bool:
        pictures = [c.picture.pixmap for c in (facebook, zalo)]
        return all(p is not None and _red_columns(p.toImage()) > 10 for p in pictures)

    qtbot.waitUntil(followed, timeout=30000)


def _word_checks(qtbot: QtBot, win: MainWindow, checklist: ChecklistPanel) -> None:
    """A test paragraph at the end of the body: "sử lý" (a confused word) and "khoẻ", "hoà"
    (not the house style) underlined and counted as warnings; the context menu's fix, then
    the whole story in the house style."""
    body = win.ui.bodyEdit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(2):
        qtbot.keyClick(body, Qt.Key.Key_Return)
    commit(body, TEST_PARAGRAPH)
    qtbot.waitUntil(lambda: _underlined(body) == ["sử lý", "khoẻ", "hoà"], timeout=5000)
    qtbot.waitUntil(  # after the autosave; the two tone marks side by side are one warning
        lambda: (
            [(i.kind, i.written) for i in checklist.issues]
            == [("confused_word", "sử lý"), ("tone_style", "khoẻ và hoà")]
        ),
        timeout=15000,
    )
    assert all(i.warning and i.field == "body" for i in checklist.issues)
    assert checklist.summary.text() == (
        "Ready as far as the checklist goes. 2 warnings (they do not stop publication)."
    )

    # The right-click menu on "sử lý" offers "xử lý" first.
    text = body.toPlainText()
    cursor = QTextCursor(body.document())
    cursor.setPosition(text.index("sử lý") + 1)
    menu = body.create_context_menu(body.cursorRect(cursor).center())
    first = menu.actions()[0]
    assert first.text() == "xử lý" and first.font().bold()
    first.trigger()
    menu.deleteLater()
    assert "Phải xử lý dứt điểm" in body.toPlainText()
    qtbot.waitUntil(lambda: _underlined(body) == ["khoẻ", "hoà"], timeout=5000)

    # Sửa › Đặt dấu cả bài kiểu “hòa, thủy”.
    action = win.word_checks.action
    assert action in win.ui.menuEdit.actions() and "“hòa, thủy”" in action.text()
    action.trigger()
    qtbot.waitUntil(lambda: body.toPlainText().endswith(CORRECTED), timeout=5000)
    qtbot.waitUntil(lambda: _underlined(body) == [], timeout=5000)
    qtbot.waitUntil(
        lambda: checklist.issues == [] and checklist.summary.text() != "", timeout=10000
    )
    assert checklist.summary.text() == "Ready as far as the checklist goes."


def _publish(qtbot: QtBot, win: MainWindow, ws: Workspace, article_id: uuid.UUID) -> str:
    """The editor approves and publishes from the Status menu; the page as written."""
    win.review.set_user(EDITOR)
    assert win.review.move_to(Status.EDITING)
    assert win.review.move_to(Status.APPROVED)
    publishing = win.review.publishing
    with qtbot.waitSignal(publishing.done, timeout=60000) as done:
        win.review.move_to(Status.PUBLISHED)
    if publishing.message_box is not None:
        publishing.message_box.close()
    said = str(done.args[0])
    assert said.startswith("Published at") and "https://baolaocai.vn/" in said, said
    assert ws.articles.get(article_id).status is Status.PUBLISHED
    slug = ws.publishing.publication(article_id).slug
    folder = ws.export.default_folder
    assert folder is not None
    return (folder / slug / "index.html").read_text(encoding="utf-8")


def _check_page(page: str, folder: Path) -> None:
    byline = re.search(r'<span class="byline">([^<]*)</span>', page)
    assert byline is not None and byline.group(1) == BYLINE
    assert CORRECTED in page and "sử lý" not in page
    for caption in (CAPTION_1, CAPTION_2, "Các đại biểu phát biểu ý kiến."):
        assert caption in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    authors = [json.loads(b).get("author") for b in blocks]
    assert [[(a["@type"], a["name"]) for a in found] for found in authors if found] == [
        [("Person", "Thanh Hà"), ("Person", "Hồng Ninh")]
    ]
    # og:image, the featured photo's 16:9 crop, keeps the speaker at its right edge.
    og = re.search(r'<meta property="og:image" content="[^"]*/([^"/]+)"', page)
    assert og is not None
    found = list(folder.rglob(og.group(1)))
    assert found, og.group(1)
    assert _red_columns(QImage(str(found[0]))) > 10


def test_a_word_file_becomes_a_published_story_in_the_window(
    qtbot: QtBot,
    win: MainWindow,
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed: run scripts/system-deps.sh as root")
    path = _word_file(tmp_path)
    win.refresh_list()
    article_id = _import(qtbot, win, path, monkeypatch)
    qtbot.waitUntil(lambda: article_id in win.stories.model.ids(), timeout=5000)
    checklist = _ready(qtbot, win, ws, article_id)
    _focal_point(qtbot, win, ws, article_id)
    _word_checks(qtbot, win, checklist)
    page = _publish(qtbot, win, ws, article_id)
    assert ws.export.default_folder is not None
    _check_page(page, ws.export.default_folder)
