"""Help › About: versions, folders and the site configuration, copied for IT, log folder opened."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from editor_app import __version__, logs
from editor_app.gui.about_dialog import AboutDialog, AboutInfo
from editor_app.gui.main_window import MainWindow
from editor_app.services.siteconfig import load_site
from editor_app.services.workspace import Workspace


def _labels(dialog: AboutDialog) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel)]


def _opened(seen: list[QUrl], url: QUrl | str) -> bool:
    assert isinstance(url, QUrl)
    seen.append(url)
    return True


def test_about_shows_versions_folders_and_no_site_file(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = AboutDialog(AboutInfo.gather(workspace))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = "\n".join(_labels(dialog))
    for expected in (
        __version__,
        qVersion(),
        PySide6.__version__,
        platform.python_version(),
        str(workspace.data_dir),
        str(logs.log_dir()),
        "none (built-in defaults)",
        "Báo Lào Cai — https://example.invalid",
    ):
        assert expected in shown
    # A screenshot: everything fits, nothing is cut.
    image = dialog.grab()
    assert image.width() >= dialog.sizeHint().width() - 1
    assert image.save(str(Path(workspace.data_dir) / "about.png"))


def test_about_names_the_site_file_and_says_when_it_is_broken(qtbot: QtBot, tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[outlet]\nname = "Báo Yên Bái"\nbase_url = "https://baoyenbai.com.vn"\n')
    dialog = AboutDialog(AboutInfo.gather(site=load_site(good)))
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert f"Site configuration: {good}" in text
    assert "Outlet: Báo Yên Bái — https://baoyenbai.com.vn" in text
    assert "Data folder: (not open)" in text
    broken = tmp_path / "broken.toml"
    broken.write_text('[outlet]\nname = "Báo\n')
    dialog = AboutDialog(AboutInfo.gather(site=load_site(broken)))
    qtbot.addWidget(dialog)
    assert f"{broken} — has errors, built-in defaults in use" in dialog.text()


def test_copy_puts_the_text_on_the_clipboard(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = AboutDialog(AboutInfo.gather(workspace))
    qtbot.addWidget(dialog)
    clipboard = QGuiApplication.clipboard()
    try:
        dialog.copy_button.click()
        copied = clipboard.text()
    finally:
        clipboard.clear()  # the clipboard's data must not outlive the test
    assert copied == dialog.text()
    assert copied.startswith(f"editor_app {__version__}\n")
    assert f"Log folder: {logs.log_dir()}" in copied
    assert dialog.copy_button.text() == "Copied"


def test_open_log_folder(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = AboutDialog(AboutInfo.gather(workspace))
    qtbot.addWidget(dialog)
    opened: list[QUrl] = []
    dialog.open_url = lambda url: _opened(opened, url)
    dialog.logs_button.click()
    assert [u.toLocalFile() for u in opened] == [str(logs.log_dir())]


def test_help_menu_opens_about(qtbot: QtBot, window: MainWindow) -> None:
    help_menu = window.ui.menuHelp
    assert window.ui.actionAbout in help_menu.actions()
    assert help_menu.menuAction() in window.menuBar().actions()
    window.ui.actionAbout.trigger()
    qtbot.waitUntil(lambda: window.about_dialog.isVisible(), timeout=3000)
    assert str(window.workspace.data_dir) in window.about_dialog.text()
    window.about_dialog.close()


def test_about_in_vietnamese(qtbot: QtBot, workspace: Workspace) -> None:
    from editor_app.gui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "vi")
    try:
        dialog = AboutDialog(AboutInfo.gather(workspace))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Giới thiệu editor_app"
        text = dialog.text()
        assert "Thư mục dữ liệu:" in text and "Thư mục nhật ký:" in text
        assert dialog.logs_button.text() == "Mở thư mục nhật ký"
    finally:
        i18n.install(app, "en")
