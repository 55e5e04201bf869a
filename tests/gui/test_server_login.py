"""Logging in to the newsroom server from the window (issue 16 point 3): a desk with site.toml's
`[server]` and no password kept says "Chưa đăng nhập máy chủ"; clicking it asks the login and
password, the server checks them, the keyring keeps them (an in-memory one here, never the
user's), and the desk syncs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import postgres
from helpers.memory_keyring import MemoryKeyring, no_keyring, use_memory_keyring
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import URL, make_url

from editor_app.domain.workflow import Role, User
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.gui.sync.login_dialog import ServerLoginDialog
from editor_app.services.server_users import add_user
from editor_app.services.siteconfig import load_site
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore

MINH = User("Lê Minh", Role.REPORTER)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = use_memory_keyring()
    try:
        yield backend
    finally:
        no_keyring()


def test_the_dialog_asks_for_both_and_keeps_the_login(qtbot: QtBot) -> None:
    dialog = ServerLoginDialog("postgresql://10.0.0.5/toasoan", "minh")
    qtbot.addWidget(dialog)
    assert dialog.login_edit.text() == "minh"
    assert dialog.password_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog._accept()  # no password yet: it stays open and says why
    assert dialog.result() == 0 and not dialog.problem.isHidden()
    dialog.password_edit.setText("mật-khẩu")
    dialog._accept()
    assert dialog.credentials() == ("minh", "mật-khẩu")


def test_a_desk_not_logged_in_logs_in_from_the_status_bar_and_syncs(
    qtbot: QtBot,
    pg_server: postgres.PgServer,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    monkeypatch.delenv("EDITOR_APP_SERVER_URL", raising=False)
    ServerStore.open(pg_url).close()
    login = "minh_" + uuid.uuid4().hex[:6]
    add_user(make_url(pg_url), login, MINH.name, MINH.role, None)
    given = make_url(pg_url)
    base = URL.create("postgresql", host=given.host, port=given.port, database=given.database)
    site = tmp_path / "site.toml"
    site.write_text(
        f'[server]\nurl = "{base.render_as_string()}"\nsslmode = "disable"\n', encoding="utf-8"
    )
    ws = Workspace.open(tmp_path / "data", site=load_site(site))
    ws.identity.set(MINH)
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    w.attach(ws)
    qtbot.addWidget(w)
    w.show()
    try:
        label = w.findChild(QLabel, "syncIndicator")
        assert isinstance(label, QLabel)
        qtbot.waitUntil(lambda: label.text().startswith("Chưa đăng nhập máy chủ"), timeout=10_000)
        assert "editor-app server login" in label.toolTip()

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ServerLoginDialog)
            dialog.login_edit.setText(login)
            dialog.password_edit.setText("mật-khẩu-của-Minh")
            dialog._accept()

        QTimer.singleShot(200, fill)
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: label.text().startswith("Đã đồng bộ"), timeout=15_000)
        assert memory_keyring.entries  # kept in the keyring …
        assert "mật-khẩu-của-Minh" not in site.read_text(encoding="utf-8")  # … never in a file
    finally:
        w.close()
        ws.close()
