"""Each dock on its own (issue 14): built from a `Desk` — the services, the story context, the
change bus, the runner — with no main window and no web engine. The story's text fields are
plain text edits registered in the context's field map, as the article editor registers its
own; the data goes through a real data folder."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType

import pytest
from helpers.desk_host import Host
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Role, User
from editor_app.gui.checklist.panel import ChecklistPanel
from editor_app.gui.officials.tag_panel import TagPanel
from editor_app.gui.ops import Progress, Report
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.review.comments_panel import CommentsPanel
from editor_app.services.changes import Changes
from editor_app.services.workspace import Workspace

HUY = "Dương Đức Huy"
EDITOR = User("Nguyễn Thu Hà", Role.EDITOR)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def _huy(ws: Workspace) -> Official:
    huy = Official(HUY, titles=[Title("Trưởng Ban Tuyên giáo Tỉnh ủy", date(2020, 10, 1))])
    ws.officials.save(huy)
    return huy


def test_the_checklist_alone_checks_the_fields_and_fixes_one(
    qtbot: QtBot, host: Host, ws: Workspace
) -> None:
    story = ws.articles.create(headline="Tin", body="Đoạn một <b>đậm</b> hết.").article
    panel = ChecklistPanel(host.desk)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        host.show(story)
    tag = next(i for i in panel.issues if i.kind == "literal_tag")
    with qtbot.waitSignal(panel.checked, timeout=5000):
        qtbot.mouseClick(panel.rows.button(tag), Qt.MouseButton.LeftButton)
    # the registered field, one tag at a time
    assert host.fields["body"].toPlainText() == "Đoạn một đậm</b> hết."
    host.fields["body"].undo()  # one undo step
    assert host.fields["body"].toPlainText() == "Đoạn một <b>đậm</b> hết."


def test_the_tag_panel_alone_tags_and_tells_the_bus_with_itself_as_initiator(
    qtbot: QtBot, host: Host, ws: Workspace
) -> None:
    huy = _huy(ws)
    story = ws.articles.create(headline="Tin", body=f"Đồng chí {HUY} phát biểu.").article
    panel = TagPanel(host.desk)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked, timeout=5000):
        host.show(story)
    assert panel.title_check is not None
    assert [d.official.id for d in panel.title_check.detected] == [huy.id]
    with qtbot.waitSignal(panel.checked, timeout=5000):
        panel.tag([huy.id])
    assert [o.id for o in ws.officials.tagged(story.id)] == [huy.id]
    (changes,) = host.heard
    assert changes.articles == {story.id} and changes.initiator is panel
    assert panel.title_check.detected == ()  # tagged now


def test_a_read_only_story_locks_the_tag_panel(qtbot: QtBot, host: Host, ws: Workspace) -> None:
    panel = TagPanel(host.desk)
    qtbot.addWidget(panel)
    host.show(ws.articles.create(headline="Tin").article)
    host.story.set_read_only(True)
    assert not panel.widget().isEnabled()
    host.story.set_read_only(False)
    assert panel.widget().isEnabled()


def test_the_photo_panel_alone_attaches_in_the_background_and_serves_captions(
    qtbot: QtBot, host: Host, ws: Workspace, tmp_path: Path
) -> None:
    story = ws.articles.create(headline="Tin").article
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (320, 240), (10, 20, 30)).save(image, "JPEG")
    panel = PhotoPanel(host.desk)
    qtbot.addWidget(panel)
    host.show(story)
    with qtbot.waitSignal(panel.attach_finished, timeout=10000):
        panel.attach_files([image])
    (photo,) = ws.photos.of_article(story.id)
    (changes,) = host.heard
    assert changes.photos == {photo.id} and changes.initiator is panel
    field = f"caption:{photo.id}"
    panel.caption_edit.setPlainText("Quang cảnh hội nghị")
    assert host.story.fields.text(field) == "Quang cảnh hội nghị"  # what is shown, unsaved
    host.story.flush()  # the context's flush saves the photo's fields
    assert ws.photos.of_article(story.id)[0].caption == "Quang cảnh hội nghị"
    assert host.story.fields.select(field, 11, 19)
    assert panel.caption_edit.textCursor().selectedText() == "hội nghị"
    assert host.story.fields.photo_number(field) == 1


def test_the_comments_panel_alone_anchors_a_comment_in_a_registered_field(
    qtbot: QtBot, host: Host, ws: Workspace
) -> None:
    story = ws.articles.create(headline="Tin", body="Đoạn một hết.").article
    host.story.set_user(EDITOR)
    panel = CommentsPanel(host.desk)
    qtbot.addWidget(panel)
    host.show(story)
    body = host.fields["body"]
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(8, cursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    comment = panel.add_comment_at(body, "Rõ hơn?")
    assert comment is not None and comment.anchor is not None
    assert comment.anchor == make_anchor("body", "Đoạn một hết.", 0, 8)
    assert [c.text for c in ws.review.comments(story.id)] == ["Rõ hơn?"]


def test_a_panel_does_not_hear_its_own_change_and_others_do(qtbot: QtBot, host: Host) -> None:
    a, b = QMainWindow(), QMainWindow()
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    heard_a: list[Changes] = []
    heard_b: list[Changes] = []
    host.bus.subscribe(a, heard_a.append)
    host.bus.subscribe(b, heard_b.append)
    change = Changes.of([uuid.uuid4()])
    host.bus.publish(change, initiator=a)
    assert heard_a == [] and heard_b == [change]
    host.bus.publish(Changes())  # nothing changed: nobody is disturbed
    assert len(heard_b) == 1
    b.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # b is gone: its subscription with it
    host.bus.publish(change, initiator=None)
    assert len(heard_a) == 1


def test_the_runner_says_a_user_error_and_publishes_nothing(qtbot: QtBot, host: Host) -> None:
    def refused() -> Changes:
        raise UserError("Bài đã bị xóa.")

    shown: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()

    QTimer.singleShot(0, close_box)
    assert not host.desk.ops.run(refused, initiator=host)
    assert shown == ["Bài đã bị xóa."]
    assert host.heard == []


def test_the_runner_hands_an_unexpected_error_to_the_error_dialog(
    host: Host, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BaseException] = []

    def hook(_k: type[BaseException], e: BaseException, _tb: TracebackType | None) -> None:
        seen.append(e)

    monkeypatch.setattr(sys, "excepthook", hook)
    failed: list[BaseException] = []
    assert not host.desk.ops.run(lambda: 1 // 0, on_failed=failed.append)
    assert isinstance(seen[0], ZeroDivisionError) and failed == seen


def test_the_runner_runs_in_the_background_with_progress_and_publishes(
    qtbot: QtBot, host: Host
) -> None:
    aid = uuid.uuid4()
    reports: list[tuple[int, int]] = []

    def work(report: Report, cancelled: object) -> Changes:
        for i in range(3):
            report(i, 3, f"bước {i}")
            reports.append((i, 3))
        return Changes.of([aid], membership=True)

    done: list[Changes] = []
    host.desk.ops.run_in_background(
        work,
        progress=Progress("Đang làm…", "Thử", cancel_text="Hủy"),
        initiator=host,
        on_done=done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert reports == [(0, 3), (1, 3), (2, 3)]
    assert host.heard == done and host.heard[0].initiator is host and done[0].membership
