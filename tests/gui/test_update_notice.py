"""The window's update notice with IT's [updates] source: a folder and a real HTTPS server
(its certificate trusted only by this test), the install button that checks the installer's
SHA-256 before opening it, and sources that are broken or have nothing newer: logged, not shown."""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.release_server import https_server, publish_release, self_signed, sha256_of
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from editor_app.domain.updates import MANIFEST_NAME
from editor_app.gui import i18n
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.services.siteconfig import load_site
from editor_app.services.updates import CAFILE_ENV
from editor_app.services.workspace import Workspace


@pytest.fixture
def open_window(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> Iterator[Callable[..., MainWindow]]:
    opened: list[tuple[MainWindow, Workspace]] = []

    def make(source: str, allow: bool = False) -> MainWindow:
        site = tmp_path / "site.toml"
        site.write_text(
            f'[updates]\nsource = "{source}"\nallow_install = {str(allow).lower()}\n',
            encoding="utf-8",
        )
        load = load_site(site)
        assert not load.problems
        ws = Workspace.open(tmp_path / f"data{len(opened)}", site=load)
        w = MainWindow(settings)
        w.attach(ws)
        qtbot.addWidget(w)
        w.show()
        opened.append((w, ws))
        return w

    yield make
    for w, ws in opened:
        w.close()
        ws.close()


def test_a_newer_release_in_a_folder_is_said_once_in_the_status_bar(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    release = publish_release(tmp_path / "phát hành", "0.2.0")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "vi")
    try:
        window = open_window(str(release))
        assert not window.updates.checked  # the window did not wait for the source
        qtbot.waitUntil(lambda: window.updates.checked, timeout=10_000)
        labels = window.statusBar().findChildren(QLabel, "updateNotice")
        assert [label.text() for label in labels] == ["Có phiên bản mới 0.2.0 — liên hệ bộ phận IT"]
        assert labels[0].isVisible()
        assert window.statusBar().findChild(QPushButton, "updateInstall") is None  # not allowed
    finally:
        i18n.install(app, "en")  # the other tests read English


def test_the_install_button_fetches_over_https_checks_and_opens_the_installer(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tls = self_signed(tmp_path / "tls")
    monkeypatch.setenv(CAFILE_ENV, str(tls.cert))  # this server is trusted by this test alone
    release = publish_release(tmp_path / "www" / "releases", "0.2.0")
    with https_server(tmp_path / "www", tls) as base:
        window = open_window(base + "/releases", True)
        opened: list[Path] = []
        window.updates.opener = opened.append
        qtbot.waitUntil(lambda: window.updates.checked, timeout=10_000)
        button = window.statusBar().findChild(QPushButton, "updateInstall")
        assert button is not None and button.text() == "Install version 0.2.0"
        assert window.statusBar().findChild(QLabel, "updateNotice") is None
        button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    try:
        [installer] = opened
        assert installer.name.endswith(".deb")  # this PC's kind
        assert sha256_of(installer) == sha256_of(release / installer.name)
        assert installer.parent != release  # a copy of its own, in a temporary folder
    finally:
        shutil.rmtree(opened[0].parent)


def test_fetching_the_installer_never_waits_behind_the_windows_saves(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    """The installer (perhaps a hundred MB from the network) is fetched on the notice's own
    thread: with the window's serial worker, where saves run, busy, it is fetched and opened."""
    publish_release(tmp_path / "phát hành", "0.2.0")
    window = open_window(str(tmp_path / "phát hành"), True)
    opened: list[Path] = []
    window.updates.opener = opened.append
    qtbot.waitUntil(lambda: window.updates.checked, timeout=10_000)
    button = window.statusBar().findChild(QPushButton, "updateInstall")
    assert button is not None
    hold = threading.Event()
    window.desk.ops.worker.submit(lambda: hold.wait(30))  # a long save in progress
    try:
        button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    finally:
        hold.set()
    shutil.rmtree(opened[0].parent)


def test_an_installer_that_does_not_match_the_manifest_is_refused_and_not_opened(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[..., MainWindow]
) -> None:
    release = publish_release(tmp_path / "r", "0.2.0")
    window = open_window(str(release), True)
    opened: list[Path] = []
    window.updates.opener = opened.append
    qtbot.waitUntil(lambda: window.updates.checked, timeout=10_000)
    for installer in release.glob("*.deb"):  # replaced after IT wrote the manifest
        installer.write_bytes(b"!<arch>\nsomething else\n")
    button = window.statusBar().findChild(QPushButton, "updateInstall")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "updateRefused") is not None)
    box = window.findChild(QMessageBox, "updateRefused")
    assert box is not None
    assert "không khớp với bản kê của IT" in box.text()
    assert "Không chạy tệp này" in box.text()
    box.close()
    assert opened == []


@pytest.mark.parametrize(
    "breakage", ["broken json", "missing fields", "huge", "wrong types", "same", "older", "gone"]
)
def test_a_broken_source_or_nothing_newer_is_logged_and_not_shown(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: Callable[..., MainWindow],
    caplog: pytest.LogCaptureFixture,
    breakage: str,
) -> None:
    version = {"same": "0.1.0", "older": "0.0.9"}.get(breakage, "0.2.0")
    release = publish_release(tmp_path / "r", version)
    manifest = release / MANIFEST_NAME
    broken = {
        "broken json": b'{"version": "0.2.0", "files": [}',
        "missing fields": b'{"version": "0.2.0"}',
        "huge": b'{"version": "0.2.0", "files": []}' + b" " * 200_000,
        "wrong types": b'{"version": 0.2, "files": "all"}',
    }
    if breakage in broken:
        manifest.write_bytes(broken[breakage])
    elif breakage == "gone":
        shutil.rmtree(release)
    with caplog.at_level(logging.INFO):
        window = open_window(str(release))
        qtbot.waitUntil(lambda: window.updates.checked, timeout=10_000)
    bar = window.statusBar()
    assert bar.findChild(QLabel, "updateNotice") is None
    assert bar.findChild(QPushButton, "updateInstall") is None
    assert window.findChild(QMessageBox) is None  # never an error for the user
    expected = "update source not usable" if version == "0.2.0" else f"{version}, this is 0.1.0"
    assert expected in caplog.text
