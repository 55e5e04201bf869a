"""Issue 18 from the window (the window's own text in English here, as the tests run it; the
services' in Vietnamese): *Xuất bản › Cập nhật trang* builds the site into the export folder
and uploads it to the real OpenSSH server of tests/helpers/sshd.py; a publication, correction
and withdrawal from the Status menu update the server by themselves; a connection cut mid-way is
said plainly and the next *Cập nhật trang* completes it; Cancel stops it; without an export
folder the message says what IT must set."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from helpers import sshd
from helpers.publishing import EDITOR, approve, ready_story
from helpers.sites import sample_site
from helpers.vi_typing import type_keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from editor_app.domain.siteconfig import Value
from editor_app.domain.workflow import Status
from editor_app.gui.main_window import MainWindow
from editor_app.publish.upload_lock import LOCK_NAME
from editor_app.services.workspace import Workspace

HEADLINE = "Lào Cai khánh thành cầu mới qua sông Hồng nối hai xã vùng cao"
PUBLISH_KEYS = (
    "publish_target",
    "publish_host",
    "publish_port",
    "publish_user",
    "publish_key_file",
    "publish_remote_path",
    "publish_known_hosts",
)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    workspace.identity.set(EDITOR)
    workspace.export.default_folder = tmp_path / "site-out"
    yield workspace
    workspace.close()


def _to(ws: Workspace, server: sshd.SshServer) -> None:
    """The site file's [publish] set to the test's sshd."""
    sftp = server.site()
    fields = {key: getattr(sftp, key) for key in PUBLISH_KEYS}
    ws.site = replace(ws.site, config=replace(ws.site.config, **fields))


def _open(win: MainWindow, article_id: uuid.UUID) -> None:
    win.refresh_list()
    win.open_story(article_id)
    win.review.set_user(EDITOR)


def _told(qtbot: QtBot, win: MainWindow, act, timeout: int = 90000) -> str:  # type: ignore[no-untyped-def]
    """Runs `act` and returns what the site update said when it was over."""
    with qtbot.waitSignal(win.review.site_update.finished, timeout=timeout) as blocker:
        act()
    for box in (win.review.site_update.message_box, win.review.publishing.message_box):
        if box is not None and shiboken6.isValid(box):
            box.close()
    return str(blocker.args[0])


def _home(server: sshd.SshServer) -> str:
    return (server.www / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_publish_correct_and_withdraw_update_the_web_server(
    qtbot: QtBot,
    win: MainWindow,
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        _open(win, story)

        said = _told(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
        assert said.startswith("Site updated:"), said
        assert f"Sent to the web server sftp://{server.user}@127.0.0.1" in said, said
        assert ws.articles.get(story).status is Status.PUBLISHED
        assert HEADLINE in _home(server)
        slug = ws.publishing.publication(story).slug
        assert HEADLINE in (server.www / slug / "index.html").read_text(encoding="utf-8")
        assert "Site updated" in win.statusBar().currentMessage()

        # A correction: the story's page on the server is the corrected one.
        assert win.review.move_to(Status.EDITING)
        ws.articles.save_fields(story, {"body": "Đoạn một của bài, đã sửa.\n\nĐoạn hai."})
        assert win.review.move_to(Status.APPROVED)
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sửa đoạn một", True))
        said = _told(qtbot, win, win.review.publishing.correct)
        assert said.startswith("Site updated:"), said
        page = (server.www / slug / "index.html").read_text(encoding="utf-8")
        assert "đã sửa" in page and "Sửa đoạn một" in page

        # Withdrawn: the home page no longer lists it.
        said = _told(qtbot, win, lambda: win.review.move_to(Status.WITHDRAWN, "Sai số liệu"))
        assert said.startswith("Site updated:"), said
        assert HEADLINE not in _home(server)
        assert "đã sửa" not in (server.www / slug / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_cut_connection_is_said_and_update_the_site_completes_it(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        _open(win, story)
        said = _told(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
        assert said.startswith("Site updated:"), said
        out = ws.export.default_folder
        assert out is not None
        video = os.urandom(64 << 20)
        (out / "video").mkdir()
        (out / "video" / "lu.mp4").write_bytes(video)

        def cut_mid_way() -> None:
            win.review.site_update.update()
            qtbot.waitUntil(
                lambda: any(v == "write" and "lu.mp4" in p for v, p in server.operations()),
                timeout=60000,
            )
            server.cut()

        said = _told(qtbot, win, cut_mid_way)
        assert said.startswith(f"Mất kết nối với máy chủ 127.0.0.1:{server.port}"), said
        assert "máy chủ vẫn nhất quán" in said
        assert "Publish › Update the site" in said
        assert not (server.www / "video" / "lu.mp4").exists()
        assert HEADLINE in _home(server)  # the home page as it was

        said = _told(qtbot, win, win.review.site_update.update)
        assert said.startswith("Site updated:"), said
        assert (server.www / "video" / "lu.mp4").read_bytes() == video


@pytest.mark.slow
def test_typing_is_saved_to_the_disk_while_an_upload_runs(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    """The reporter types while the update a publication started sends a 64 MB video to a web
    server that has stalled (its connection's process stopped): the words are in the data
    folder's database file (read through a connection of its own) while the upload still runs."""
    with sshd.running() as server:
        _to(ws, server)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        ws.export.publish(story, EDITOR, None)
        draft = ws.articles.create(headline="Bản nháp", body="Đoạn đầu.").article.id
        out = ws.export.default_folder
        assert out is not None
        (out / "video").mkdir(parents=True)
        (out / "video" / "lu.mp4").write_bytes(os.urandom(64 << 20))
        _open(win, draft)
        update = win.review.site_update
        stopped: list[int] = []
        try:
            update.after_publication()  # as a publication starts it: the window stays usable
            qtbot.waitUntil(
                lambda: any(v == "write" and "lu.mp4" in p for v, p in server.operations()),
                timeout=60000,
            )
            for pid in server.sessions():
                os.kill(pid, signal.SIGSTOP)  # the web server stalls mid-upload
                stopped.append(pid)
            body = win.ui.bodyEdit
            body.moveCursor(QTextCursor.MoveOperation.End)
            type_keys(body, " Mưa lớn ở Bát Xát")
            qtbot.waitUntil(lambda: "Mưa lớn ở Bát Xát" in _stored_body(ws, draft), timeout=10000)
            assert update.busy  # saved while the upload still ran
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
        said = _told(qtbot, win, lambda: None)
        assert said.startswith("Site updated:"), said
        assert (server.www / "video" / "lu.mp4").stat().st_size == 64 << 20


@pytest.mark.slow
def test_closing_the_window_mid_upload_stops_the_update_and_its_thread(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        ws.export.publish(story, EDITOR, None)
        out = ws.export.default_folder
        assert out is not None
        (out / "video").mkdir(parents=True)
        (out / "video" / "lu.mp4").write_bytes(os.urandom(64 << 20))
        win.review.site_update.after_publication()
        qtbot.waitUntil(
            lambda: any(v == "write" and "lu.mp4" in p for v, p in server.operations()),
            timeout=60000,
        )
        win.close()
        alive = [t.name for t in threading.enumerate() if t.name.startswith("editor-site-update")]
        assert alive == []
        assert not (server.www / "video" / "lu.mp4").exists()


def _stored_body(ws: Workspace, article_id: uuid.UUID) -> str:
    """The body as the database file holds it, read through a connection of the test's own."""
    conn = sqlite3.connect(f"file:{ws.db.path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT body FROM articles WHERE id = ?", (str(article_id),)).fetchone()
    finally:
        conn.close()
    return "" if row is None else str(row[0])


def test_cancel_stops_the_update_before_anything_is_sent(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    web = tmp_path / "web"
    ws.site = replace(ws.site, config=replace(ws.site.config, publish_folder=Value(web)))
    story = ready_story(ws, HEADLINE, tmp_path / "photos")
    approve(ws, story)
    ws.export.publish(story, EDITOR, None)
    hold = threading.Event()
    # The update's thread busy: the dialog is up before the update runs.
    win.review.site_update.worker.submit(lambda: hold.wait(30))

    def cancel() -> None:
        win.review.site_update.update()
        dialog = win.findChild(QProgressDialog, "siteUpdateProgress")
        assert dialog is not None
        dialog.show()  # as it does after its minimum duration
        button = dialog.findChild(QPushButton)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        hold.set()

    said = _told(qtbot, win, cancel)
    assert said == "Đã dừng cập nhật trang theo yêu cầu; chưa tải gì lên."
    assert win.statusBar().currentMessage() == said
    assert not web.exists() or not any(web.iterdir())

    said = _told(qtbot, win, win.review.site_update.update)
    assert said.startswith("Site updated:") and f"Copied to {web}" in said, said
    assert HEADLINE in (web / "index.html").read_text(encoding="utf-8")


def test_without_an_export_folder_the_message_says_what_it_must_set(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    ws.export.default_folder = None
    said = _told(qtbot, win, win.review.site_update.update)
    assert "[export] folder" in said and "IT" in said, said
    box = win.review.site_update.message_box
    assert box is not None and box.objectName() == "siteUpdateMessage"
    menus = [a.text() for a in win.menuBar().actions()]
    assert "P&ublish" in menus


def test_without_a_web_server_the_site_stays_in_its_folder_and_says_so(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    said = _told(qtbot, win, win.review.site_update.update)
    assert said.startswith("Site updated:"), said
    assert "[publish]" in said and str(ws.export.default_folder) in said


@pytest.mark.slow
def test_a_refused_upload_after_publishing_leaves_the_publication_and_says_how_to_retry(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        strangers = tmp_path / "known_hosts"
        strangers.write_text("", encoding="utf-8")  # IT's list without this server
        config = replace(ws.site.config, publish_known_hosts=Value(strangers))
        ws.site = replace(ws.site, config=config)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        _open(win, story)
        said = _told(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
        assert said.startswith("The story's publication stands"), said
        assert "Publish › Update the site" in said and "127.0.0.1" in said
        assert ws.articles.get(story).status is Status.PUBLISHED
        assert not (server.www / "index.html").exists()
        assert win.statusBar().currentMessage() == "The site was not updated"


@pytest.mark.slow
def test_another_pc_uploading_is_named_and_the_next_update_completes_it(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        ws.export.publish(story, EDITOR, None)
        lock = server.www / LOCK_NAME
        holder = {"host": "may-bien-tap-2", "pid": 4242, "run": "0badc0de", "time": time.time()}
        lock.write_text(json.dumps(holder), encoding="utf-8")  # another PC, uploading now
        said = _told(qtbot, win, win.review.site_update.update)
        assert said.startswith("Máy may-bien-tap-2 đang tải trang lên"), said
        assert "Publish › Update the site" in said
        assert not (server.www / "index.html").exists()
        lock.unlink()  # that upload is over
        said = _told(qtbot, win, win.review.site_update.update)
        assert said.startswith("Site updated:"), said
        assert HEADLINE in _home(server)


@pytest.mark.slow
def test_a_refused_key_is_said_and_nothing_changes_on_the_server(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path
) -> None:
    with sshd.running() as server:
        _to(ws, server)
        stranger = tmp_path / "khoa_la"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)],
            check=True,
            capture_output=True,
        )
        ws.site = replace(ws.site, config=replace(ws.site.config, publish_key_file=Value(stranger)))
        story = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, story)
        ws.export.publish(story, EDITOR, None)
        said = _told(qtbot, win, win.review.site_update.update)
        assert said.startswith(f"Máy chủ 127.0.0.1:{server.port} từ chối khóa {stranger}"), said
        assert "Publish › Update the site" in said
        assert [p.name for p in server.www.iterdir()] == []


@pytest.mark.slow
@pytest.mark.samples
def test_the_sample_article_through_its_life_from_the_window(
    qtbot: QtBot,
    win: MainWindow,
    ws: Workspace,
    tmp_path: Path,
    samples_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 18's walk-through in the window with the real sample article (its camera photos),
    beside a self-written story: each published, corrected and withdrawn from the Status menu,
    and the web server's home page follows at each step without a click on Cập nhật trang."""
    ws.sections.import_sections(samples_dir / "sections.txt")
    ws.officials.import_csv(samples_dir / "officials.csv")
    text = samples_dir / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
    sample = ws.importing.import_text(text, samples_dir / "photos").article
    ws.officials.tag(sample.id, [o.id for o in ws.officials.find_by_name("Dương Đức Huy")])
    ws.articles.save_fields(sample.id, {"section": "Chính trị/Xây dựng Đảng", "byline": "Thanh Hà"})
    for p in sample.photos:
        ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text=p.caption.rstrip("."))
    approve(ws, sample.id)
    own = ready_story(ws, HEADLINE, tmp_path / "photos", section="Kinh tế")
    approve(ws, own)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sửa chức danh", True))
    with sshd.running() as server:
        _to(ws, server)
        both = {HEADLINE, sample.headline}
        for story, on_home in ((own, {HEADLINE}), (sample.id, both)):
            _open(win, story)
            said = _told(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
            assert said.startswith("Site updated:"), said
            assert {h for h in both if h in _home(server)} == on_home
        slug = ws.publishing.publication(sample.id).slug
        page = (server.www / slug / "index.html").read_text(encoding="utf-8")
        assert "Dương Đức Huy" in page and sample.headline in page

        # The sample corrected from the window: its page on the server carries the note.
        _open(win, sample.id)
        assert win.review.move_to(Status.EDITING)
        body = ws.articles.get(sample.id).body
        ws.articles.save_fields(sample.id, {"body": body + "\n\nĐoạn bổ sung sau khi sửa."})
        assert win.review.move_to(Status.APPROVED)
        said = _told(qtbot, win, win.review.publishing.correct)
        assert said.startswith("Site updated:"), said
        page = (server.www / slug / "index.html").read_text(encoding="utf-8")
        assert "Đoạn bổ sung sau khi sửa." in page and "Sửa chức danh" in page

        # Both withdrawn: the home page lists the other, then none.
        for story, on_home in ((sample.id, {HEADLINE}), (own, set[str]())):
            _open(win, story)
            said = _told(qtbot, win, lambda: win.review.move_to(Status.WITHDRAWN, "Sai số liệu"))
            assert said.startswith("Site updated:"), said
            assert {h for h in both if h in _home(server)} == on_home
