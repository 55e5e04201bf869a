"""Importing a Word file in the window (issue 17, point 1): Tệp › Nhập tệp Word…, a .docx
dropped anywhere on the window, the message that lists what could not be kept, a refusal."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.desk_host import Host
from helpers.word_files import HEADLINE, add_tracked_changes, rewrite, save, story_document
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from editor_app.domain.listing import ArticleFilter
from editor_app.gui.imports import Imports
from editor_app.gui.settings import TEXT_IMPORT_FOLDER
from editor_app.gui.word_import import word_files
from editor_app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def imports(host: Host) -> Imports:
    return Imports(host.desk, host.widget)


def _said(imports: Imports) -> str:
    box = imports.word.message_box
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_the_file_menu_action_makes_a_story_and_lists_what_was_not_kept(
    qtbot: QtBot,
    imports: Imports,
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    host: Host,
) -> None:
    doc = story_document()
    add_tracked_changes(doc)
    path = save(doc, tmp_path / "bai viet.docx")
    asked: list[str] = []

    def choose(_parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    assert imports.word.action in imports.actions()
    with qtbot.waitSignal(imports.story_imported, timeout=30000) as got:
        imports.word.action.trigger()
    assert "*.docx" in asked[0]
    article = ws.articles.get(got.args[0])
    assert article.headline == HEADLINE and len(article.photos) == 2
    said = _said(imports)
    assert HEADLINE in said
    assert "2 thay đổi được theo dõi (Track Changes) đã được chấp nhận" in said
    assert host.desk.settings.get(TEXT_IMPORT_FOLDER) == str(tmp_path)
    assert any(len(c.articles) == 1 and c.membership for c in host.heard)


def test_a_docx_dropped_on_any_part_of_the_window_is_imported(
    qtbot: QtBot, imports: Imports, ws: Workspace, tmp_path: Path, host: Host
) -> None:
    path = save(story_document(), tmp_path / "keo-tha.docx")
    host.widget.resize(600, 400)
    body = host.fields["body"]
    host.widget.setCentralWidget(body)
    host.widget.show()  # Qt delivers drops to widgets on screen only
    qtbot.waitExposed(host.widget)
    mime = _mime(path)
    # the platform hands a drag to the native window, which passes it to the widget under it
    handle = host.widget.windowHandle()
    assert handle is not None
    where = body.viewport().mapTo(host.widget, QPoint(5, 5))
    enter = QDragEnterEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(handle, enter)  # a drag comes in before it drops
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(where),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(imports.story_imported, timeout=30000) as got:
        QApplication.sendEvent(handle, event)
    assert event.isAccepted()
    assert body.toPlainText() == ""  # the editor did not take the file's name as text
    assert isinstance(got.args[0], uuid.UUID)
    _said(imports)


def test_a_drag_that_is_not_a_word_file_still_reaches_the_widget_under_it(
    qtbot: QtBot, imports: Imports, host: Host
) -> None:
    host.widget.resize(600, 400)
    body = host.fields["body"]
    host.widget.setCentralWidget(body)
    host.widget.show()
    qtbot.waitExposed(host.widget)
    handle = host.widget.windowHandle()
    assert handle is not None
    where = body.viewport().mapTo(host.widget, QPoint(5, 5))
    mime = QMimeData()
    mime.setText("Chào buổi sáng")
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(handle, enter)
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(handle, drop)
    assert body.toPlainText() == "Chào buổi sáng"  # the editor took the text, as before
    assert not imports.word.busy


def test_only_word_files_are_taken_from_a_drag(tmp_path: Path) -> None:
    docx, photo = tmp_path / "a.docx", tmp_path / "b.jpg"
    assert word_files(_mime(docx)) == [docx]
    assert word_files(_mime(photo)) == []  # a photo is for the photo dock
    assert word_files(_mime(docx, photo)) == []
    text = QMimeData()
    text.setText("a.docx")
    assert word_files(text) == []


def test_a_refused_file_says_why_and_changes_nothing(
    qtbot: QtBot, imports: Imports, ws: Workspace, tmp_path: Path
) -> None:
    good = save(story_document(), tmp_path / "good.docx")
    bad = rewrite(good, tmp_path / "macro.docm", {})
    with qtbot.waitSignal(imports.word.failed, timeout=30000) as got:
        imports.word.import_docx(bad)
    said = _said(imports)
    assert got.args[0] == said
    assert "Không nhập được tệp “macro.docm”: tệp có macro (.docm)" in said
    assert not imports.word.busy
    assert ws.articles.list_stories(ArticleFilter()) == []
