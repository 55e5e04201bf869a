"""The official dialog's "Add title" (Thêm chức danh) opens the new row's title for typing at
once (issue 15, point 7: the row took no keys until a double-click)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.editor.editor_helpers import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from editor_app.domain.officials.people import Official, Title
from editor_app.gui.officials.official_dialog import TEXT, OfficialDialog
from editor_app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    workspace.officials.save(Official("Dương Đức Huy", [Title("Trưởng Ban Tuyên giáo Tỉnh ủy")]))
    yield workspace
    workspace.close()


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_add_title_then_type_at_once(qtbot: QtBot, ws: Workspace) -> None:
    (huy,) = ws.officials.all()
    dialog = OfficialDialog(ws.officials, huy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    button = dialog.findChild(QPushButton, "addTitle")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    table = dialog.titles.table
    assert table.rowCount() == 2
    assert (table.currentRow(), table.currentColumn()) == (1, TEXT)
    assert table.state() == table.State.EditingState  # the title cell, open for typing
    qtbot.keyClicks(_focused(), "Uy vien ")
    type_text(_focused(), "Ban Thường vụ")  # as a Vietnamese keyboard commits
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # the delegate commits it queued
    item = table.item(1, TEXT)
    assert item is not None
    qtbot.waitUntil(lambda: item.text() == "Uy vien Ban Thường vụ")
    dialog.accept()
    assert [t.text for t in ws.officials.get(huy.id).titles] == [
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Uy vien Ban Thường vụ",
    ]
