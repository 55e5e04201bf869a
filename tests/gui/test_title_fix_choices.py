"""The one-click title fix offers the whole title and its other readings (issue 15, point 2):
"Fix" writes the official's whole title on the event date, the arrow of the button opens a menu
of the readings (the default first), and either is one undo step. In the tag panel and in the
checklist, driven by clicks and keys in the window."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.sites import sample_site
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from editor_app.domain.officials.people import Official, Title
from editor_app.gui.checklist.panel import ChecklistPanel
from editor_app.gui.main_window import MainWindow
from editor_app.gui.officials.tag_panel import TagPanel
from editor_app.services.workspace import Workspace

WRITTEN = "Phó Bí thư Thường trực Tỉnh ủy"
BODY = f"Dự có đồng chí Dương Đức Huy, {WRITTEN}.\n\nHội nghị kết thúc."
FULL = "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy"
SHORT = "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy"  # as the seed article writes it
EVENT = date(2023, 4, 12)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    workspace.officials.save(
        Official(
            "Dương Đức Huy",
            titles=[
                Title("Ủy viên Ban Thường vụ Tỉnh ủy"),
                Title("Trưởng Ban Tuyên giáo Tỉnh ủy", date(2020, 10, 1)),
                Title("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", date(2015, 1, 1), date(2020, 9, 30)),
            ],
            organization="Tỉnh ủy Lào Cai",
        )
    )
    yield workspace
    workspace.close()


def _tag_panel(qtbot: QtBot, win: MainWindow, article_id: uuid.UUID) -> TagPanel:
    panel = next(p for p in win.panels if isinstance(p, TagPanel))
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(article_id)
    return panel


def _choose(qtbot: QtBot, button: QAbstractButton, text: str) -> list[str]:
    """Opens the button's menu from the keyboard, picks `text` with the arrow keys and Return;
    returns the menu's items as shown."""
    shown: list[str] = []
    tries = iter(range(300))

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if next(tries, None) is not None:
                QTimer.singleShot(10, pick)  # not open yet
            return
        shown.extend(a.text() for a in menu.actions())
        for _ in range(shown.index(text) + 1):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is not None and menu.activeAction().text() == text
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Down)  # the menu runs until an item is picked
    return shown


def test_fix_writes_the_whole_title_as_one_undo_step(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    story = ws.articles.create(body=BODY, event_date=EVENT).article
    panel = _tag_panel(qtbot, win, story.id)
    (problem,) = panel.title_check.problems  # type: ignore[union-attr]
    assert problem.written == WRITTEN and problem.fix == FULL
    button = panel.problems.button(problem)
    assert isinstance(button, QToolButton) and button.text() == "Fix"
    assert button.popupMode() is QToolButton.ToolButtonPopupMode.MenuButtonPopup

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    edit = win.ui.bodyEdit
    assert edit.toPlainText() == BODY.replace(WRITTEN, FULL)
    qtbot.waitUntil(lambda: panel.title_check.problems == (), timeout=5000)  # type: ignore[union-attr]
    edit.undo()  # one step
    assert edit.toPlainText() == BODY


def test_the_menu_offers_the_readings_and_applies_the_one_chosen(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    story = ws.articles.create(body=BODY, event_date=EVENT).article
    panel = _tag_panel(qtbot, win, story.id)
    (problem,) = panel.title_check.problems  # type: ignore[union-attr]
    button = panel.problems.button(problem)
    assert button is not None

    shown = _choose(qtbot, button, SHORT)

    assert shown == [FULL, SHORT, "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"]
    edit = win.ui.bodyEdit
    assert edit.toPlainText() == BODY.replace(WRITTEN, SHORT)
    qtbot.waitUntil(lambda: ws.articles.get(story.id).body == edit.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: panel.title_check.problems == (), timeout=5000)  # type: ignore[union-attr]
    edit.undo()  # one step
    assert edit.toPlainText() == BODY
    qtbot.waitUntil(lambda: len(panel.title_check.problems) == 1, timeout=5000)  # type: ignore[union-attr]


def test_one_reading_keeps_a_plain_button(qtbot: QtBot, win: MainWindow, ws: Workspace) -> None:
    body = "Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Phó Trưởng Ban Tuyên giáo Tỉnh ủy."
    story = ws.articles.create(body=body, event_date=EVENT).article
    panel = _tag_panel(qtbot, win, story.id)
    (problem,) = panel.title_check.problems  # type: ignore[union-attr]
    assert problem.fix == "Trưởng Ban Tuyên giáo Tỉnh ủy" and problem.alternatives == ()
    button = panel.problems.button(problem)
    assert button is not None and not isinstance(button, QToolButton)


def test_the_checklist_offers_the_same_readings(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    story = ws.articles.create(body=BODY, event_date=EVENT).article
    panel = next(p for p in win.panels if isinstance(p, ChecklistPanel))
    with qtbot.waitSignal(panel.checked, timeout=5000):
        win.open_story(story.id)
    issue = next(i for i in panel.issues if i.kind == "unknown_title")
    assert issue.fix == FULL and issue.alternatives[:2] == (FULL, SHORT)
    button = panel.rows.button(issue)
    assert button is not None

    shown = _choose(qtbot, button, "Trưởng Ban Tuyên giáo Tỉnh ủy")

    assert shown[:2] == [FULL, SHORT]
    edit = win.ui.bodyEdit
    assert edit.toPlainText() == BODY.replace(WRITTEN, "Trưởng Ban Tuyên giáo Tỉnh ủy")
    edit.undo()  # one step
    assert edit.toPlainText() == BODY
