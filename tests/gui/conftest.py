from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.desk_host import Host
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.services.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, settings: Settings) -> Iterator[MainWindow]:
    w = MainWindow(settings)
    w.attach(workspace)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()  # saves what is pending (closeEvent), as quitting the app does


@pytest.fixture
def win(qtbot: QtBot, ws: Workspace, settings: Settings) -> MainWindow:
    """The window on the test module's own `ws` fixture (a data folder set up its way);
    closed by qtbot at the end, which saves what is pending."""
    w = MainWindow(settings)
    w.attach(ws)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def host(qtbot: QtBot, ws: Workspace, settings: Settings) -> Iterator[Host]:
    """A stand-in for the window (helpers/desk_host.py) on the test module's own `ws`."""
    h = Host(qtbot, ws, settings)
    yield h
    h.worker.shutdown()
