"""Issue 16's "Done when", in two real windows on two data folders and a PostgreSQL of their
own: the reporter writes while the server is down, it comes back and the story appears on the
editor's desk without a click; the editor takes the lock, comments and returns the story; both
change the sapo while the server is down → one conflict, kept on both desks and settled side by
side; settled once, settled everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import postgres
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Role, Status, User
from editor_app.gui.main_window import MainWindow
from editor_app.gui.review.conflicts import ConflictDialog
from editor_app.gui.settings import Settings
from editor_app.gui.sync import runner as sync_runner
from editor_app.services.server_users import add_user
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore

pytestmark = pytest.mark.slow

MINH = User("Lê Minh", Role.REPORTER)
BINH = User("Trần Văn Bình", Role.EDITOR)


@pytest.fixture
def newsroom() -> Iterator[tuple[postgres.PgServer, dict[str, str]]]:
    """A server of this test's own (it is stopped and started again), with IT's set-up done:
    `server init`, a login for the reporter and one for the editor."""
    bins = postgres.bin_dir()
    if bins is None:
        pytest.skip("PostgreSQL not installed: run scripts/system-deps.sh as root")
    server = postgres.start(bins)
    try:
        url = server.url(server.create_database())
        ServerStore.open(url).close()
        urls = {}
        for login, user in (("minh", MINH), ("binh", BINH)):
            add_user(make_url(url), login, user.name, user.role, None)
            urls[login] = make_url(url).set(username=login).render_as_string(hide_password=False)
        yield server, urls
    finally:
        postgres.stop(server)


def open_window(
    qtbot: QtBot, folder: Path, user: User, url: str, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", url)  # read once, when the window opens
    ws = Workspace.open(folder)
    ws.identity.set(user)
    ini = folder.parent / f"{folder.name}.ini"
    w = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    w.attach(ws)
    qtbot.addWidget(w)
    w.show()
    return w


def indicator(w: MainWindow) -> str:
    label = w.findChild(QLabel, "syncIndicator")
    assert isinstance(label, QLabel)
    return label.text()


def test_a_day_in_the_newsroom(
    qtbot: QtBot,
    newsroom: tuple[postgres.PgServer, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, urls = newsroom
    monkeypatch.setattr(sync_runner, "PERIOD_MS", 500)  # how soon a desk finds the server back
    postgres.halt(server)  # the reporter is at the event: no network
    reporter = open_window(qtbot, tmp_path / "reporter", MINH, urls["minh"], monkeypatch)
    editor = open_window(qtbot, tmp_path / "editor", BINH, urls["binh"], monkeypatch)
    try:
        ws = reporter.workspace
        made = ws.articles.create(
            headline="Khánh thành cầu Phú Long", sapo="Sáng nay, cầu Phú Long được khánh thành."
        )
        aid = made.article.id
        reporter.bus.publish(made.changes)
        reporter.bus.publish(ws.review.set_status(aid, Status.SUBMITTED, MINH))
        qtbot.waitUntil(
            lambda: indicator(reporter) == "Ngoại tuyến — 1 bài chờ gửi", timeout=10_000
        )

        postgres.launch(server)  # back at the office: on the LAN again
        qtbot.waitUntil(lambda: aid in editor.stories.model.ids(), timeout=20_000)
        assert editor.workspace.articles.get(aid).status is Status.SUBMITTED
        assert indicator(reporter).startswith("Đã đồng bộ")

        # The editor takes it (its lock), comments and returns it to the reporter.
        editor.open_story(aid)
        assert editor.sync is not None
        editor_locks = editor.sync.locks
        qtbot.waitUntil(lambda: editor_locks.holding == aid, timeout=10_000)
        review = editor.workspace.review
        anchor = make_anchor("sapo", editor.workspace.articles.get(aid).sapo, 0, 8)
        review.add_comment(aid, anchor, "Ghi rõ giờ khánh thành.", BINH)
        editor.bus.publish(review.set_status(aid, Status.EDITING, BINH))
        editor.bus.publish(review.set_status(aid, Status.RETURNED, BINH, "Bổ sung giờ"))
        qtbot.waitUntil(
            lambda: (
                ws.articles.get(aid).status is Status.RETURNED
                and [c.text for c in ws.review.comments(aid)] == ["Ghi rõ giờ khánh thành."]
            ),
            timeout=10_000,
        )

        # The server goes down; both change the sapo, each on their own desk.
        postgres.halt(server)
        qtbot.waitUntil(
            lambda: all(indicator(w).startswith("Ngoại tuyến") for w in (reporter, editor)),
            timeout=15_000,
        )
        reporter.open_story(aid)
        mine = "Sáng 12/4, cầu Phú Long được khánh thành lúc 8 giờ."
        theirs = "Sáng nay, cầu Phú Long chính thức được khánh thành."
        reporter.bus.publish(ws.articles.save_fields(aid, {"sapo": mine}))
        editor.bus.publish(editor.workspace.articles.save_fields(aid, {"sapo": theirs}))
        postgres.launch(server)

        def one_conflict_each() -> bool:
            return all(len(w.workspace.review.conflicts(aid)) == 1 for w in (reporter, editor))

        qtbot.waitUntil(one_conflict_each, timeout=20_000)
        conflict = editor.workspace.review.conflicts(aid)[0]
        assert conflict.key == "sapo" and {conflict.ours, conflict.theirs} == {mine, theirs}

        # Settled side by side on the editor's desk: the reporter's version kept.
        dialog = ConflictDialog(review, aid, lambda: BINH, editor)
        qtbot.addWidget(dialog)
        box = dialog.boxes[conflict.id]
        side = "ours" if conflict.ours == mine else "theirs"
        button = box.findChild(QPushButton, "keepOurs" if side == "ours" else "takeTheirs")
        assert isinstance(button, QPushButton)
        button.click()
        editor.bus.publish(review.save_revision(aid, BINH, "Giữ sapo của phóng viên").changes)
        qtbot.waitUntil(
            lambda: not ws.review.conflicts(aid) and ws.articles.get(aid).sapo == mine,
            timeout=20_000,
        )
        assert editor.workspace.articles.get(aid).sapo == mine
    finally:
        for w in (reporter, editor):
            w.close()
            w.workspace.close()
