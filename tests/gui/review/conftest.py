"""Windows over real data folders in tmp_path, each with its user (a reporter or an editor)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.review_gui import WindowFactory
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import User
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.services.workspace import Workspace


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    """make_window("reporter", MINH): a window on tmp_path/reporter, whose user is MINH."""
    opened: list[tuple[MainWindow, Workspace]] = []

    def make(name: str, user: User) -> MainWindow:
        ws = Workspace.open(tmp_path / name)
        ws.identity.set(user)
        settings = Settings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        w = MainWindow(settings)
        w.attach(ws)
        qtbot.addWidget(w)
        w.resize(1400, 860)
        w.show()
        w.activateWindow()  # window shortcuts (Ctrl+Alt+M, Ctrl+Shift+H) need it
        qtbot.waitUntil(w.isActiveWindow, timeout=3000)
        opened.append((w, ws))
        return w

    yield make
    for w, ws in opened:
        w.close()
        ws.close()
