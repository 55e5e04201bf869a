"""The reporter's desk, writing first (issue 15, point 1): at the newsroom's screen sizes the body
shows 60 characters a line or more with the list and a dock in view, the window fits the screen,
the arrangement is remembered per screen size, focus mode leaves the text alone, and an export
leaves the layout as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtWidgets import QDockWidget, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Role, User
from editor_app.gui.editor.headline_edit import MAX_LINES
from editor_app.gui.main_window import MainWindow
from editor_app.gui.preview.dock import PreviewDock
from editor_app.gui.settings import Settings
from editor_app.gui.window_layout import first_size, fits
from editor_app.services.workspace import Workspace

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
LINE = (
    "Dự hội nghị có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo "
    "Tỉnh ủy; lãnh đạo Trường Chính trị tỉnh; Thường trực Thành ủy."
)
HEADLINE_97 = (
    "Ban Tuyên giáo Tỉnh ủy Lào Cai giao ban công tác giáo dục lý luận chính trị quý I năm 2023 "
    "tại TP"
)


def _chars_per_line(window: MainWindow) -> float:
    """How many characters of running Vietnamese text a body line holds now."""
    body = window.ui.bodyEdit
    per_char = body.fontMetrics().horizontalAdvance(LINE) / len(LINE)
    room = body.viewport().width() - 2 * body.document().documentMargin()
    return room / per_char


def _at(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size), timeout=3000)
    window.layout_memory.apply_default()
    qtbot.wait(50)


def _visible_docks(window: MainWindow) -> list[QDockWidget]:
    return [
        d
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.visibleRegion().isEmpty()
    ]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_body_gets_sixty_characters_a_line_beside_the_list_and_a_dock(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, size: tuple[int, int]
) -> None:
    story = workspace.articles.create(headline=HEADLINE_97, body=LINE).article
    window.open_story(story.id)
    _at(qtbot, window, size)
    assert _chars_per_line(window) >= 60
    assert window.ui.storyList.isVisible() and window.ui.storyList.width() >= 230
    docks = _visible_docks(window)
    assert docks and all(d.width() >= 280 for d in docks)
    headline = window.ui.headlineEdit
    assert len(HEADLINE_97) == 97
    assert headline.line_count() <= MAX_LINES  # the whole headline in view
    assert headline.height() >= headline.document().size().height()


def test_the_window_opens_within_the_screen(window: MainWindow) -> None:
    screen = window.screen()
    assert screen is not None
    assert fits(window.frameGeometry(), screen.availableGeometry())
    assert first_size(QRect(0, 0, 1280, 720)) is None  # a laptop: maximised
    assert first_size(QRect(0, 0, 1366, 768)) is None
    big = first_size(QRect(0, 0, 1920, 1080))
    assert big is not None and big.width() <= 1920 and big.height() <= 1080


def test_the_arrangement_is_remembered_for_the_screen_size(
    qtbot: QtBot, workspace: Workspace, settings: Settings
) -> None:
    first = MainWindow(settings)
    first.attach(workspace)
    qtbot.addWidget(first)
    first.show()
    _at(qtbot, first, (1366, 768))
    first.ui.splitter.setSizes([330, 1036])
    kept = first.ui.splitter.sizes()
    first.close()

    again = MainWindow(settings)
    again.attach(workspace)
    qtbot.addWidget(again)
    again.show()
    again.setWindowState(Qt.WindowState.WindowNoState)
    again.resize(1366, 768)
    qtbot.waitUntil(lambda: again.ui.splitter.sizes()[0] == kept[0], timeout=3000)
    again.close()


def test_focus_mode_leaves_the_text_alone_and_gives_everything_back(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    story = workspace.articles.create(headline="Tin", body=LINE).article
    window.open_story(story.id)
    _at(qtbot, window, (1280, 720))
    before = window.layout_memory.widths()
    docks_before = _visible_docks(window)
    window.ui.bodyEdit.setFocus()
    qtbot.keyClick(window.ui.bodyEdit, Qt.Key.Key_F11)
    assert window.ui.actionFocusMode.isChecked()
    assert not window.ui.storyPanel.isVisible()
    assert _visible_docks(window) == []
    for edit in (window.ui.headlineEdit, window.ui.sapoEdit, window.ui.bodyEdit):
        assert edit.isVisible()
    assert window.ui.bodyEdit.width() <= 900  # a column of reading width, not 1,280 pixels
    qtbot.keyClick(window.ui.bodyEdit, Qt.Key.Key_F11)
    assert not window.ui.actionFocusMode.isChecked()
    assert window.ui.storyPanel.isVisible()
    assert _visible_docks(window) == docks_before
    qtbot.waitUntil(lambda: window.layout_memory.widths() == before, timeout=3000)


def test_an_export_leaves_the_layout_as_it_was(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    story = workspace.articles.create(headline="Tin", sapo="Sapo.", body=LINE).article
    window.review.set_user(User("Trần Thu Hà", Role.EDITOR))
    window.open_story(story.id)
    _at(qtbot, window, (1280, 720))
    dock = next(d for d in window.panels if isinstance(d, PreviewDock))
    dock.show()
    dock.raise_()
    before = window.layout_memory.widths()
    opened: list[QUrl | str] = []

    def no_file_manager(url: QUrl | str) -> bool:  # as on a PC with none
        opened.append(url)
        return False

    dock.open_folder = no_file_manager
    dock.export_to(tmp_path, force_reason="Cần đăng gấp")
    qtbot.waitUntil(lambda: dock.exported_box is not None, timeout=20000)
    assert window.layout_memory.widths() == before
    box = dock.exported_box
    assert box is not None
    close = box.button(QMessageBox.StandardButton.Close)
    (open_button,) = [b for b in box.buttons() if b is not close]
    open_button.click()  # "Open": no file manager could → the path is said instead
    qtbot.waitUntil(lambda: dock.exported_box is not box, timeout=3000)
    said = dock.exported_box
    assert said is not None and str(tmp_path) in said.text()
    said.close()
    assert opened
    assert window.layout_memory.widths() == before
