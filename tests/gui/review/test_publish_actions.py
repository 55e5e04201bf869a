"""A story's life in front of readers, from the window (issue 13): the Status menu's move to
"Published" publishes through the checklist and writes the page into the export folder; a
correction with its note; the take-down's withdrawn page; an embargo that refuses publication
until its time. The old window recorded a publication without the checklist and wrote nothing."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.publishing import EDITOR, approve, ready_story
from helpers.sites import sample_site
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Status
from editor_app.gui.main_window import MainWindow
from editor_app.services.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "samples"
HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    workspace.identity.set(EDITOR)
    workspace.export.default_folder = tmp_path / "site-out"
    yield workspace
    workspace.close()


def _open(win: MainWindow, article_id: uuid.UUID) -> None:
    win.refresh_list()
    win.open_story(article_id)
    win.review.set_user(EDITOR)


def _said(qtbot: QtBot, win: MainWindow, act) -> str:  # type: ignore[no-untyped-def]
    """Runs `act` and returns what the publishing message said when the work was done."""
    with qtbot.waitSignal(win.review.publishing.done, timeout=30000) as blocker:
        act()
    box = win.review.publishing.message_box
    if box is not None:
        box.close()
    return str(blocker.args[0])


def _page(ws: Workspace, article_id: uuid.UUID) -> str:
    slug = ws.publishing.publication(article_id).slug
    assert ws.export.default_folder is not None
    return (ws.export.default_folder / slug / "index.html").read_text(encoding="utf-8")


def _sample(ws: Workspace) -> uuid.UUID:
    """The sample article with its camera photos, bylined, credited, described."""
    text = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
    if not text.is_file():
        pytest.skip(f"sample article not found at {text}")
    result = ws.importing.import_text(
        text, photos_dir=SAMPLES / "photos", section="Chính trị/Xây dựng Đảng"
    )
    story = result.article
    ws.articles.save_fields(story.id, {"byline": "Thanh Hà"})
    for p in story.photos:
        ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text=p.caption.rstrip("."))
    return story.id


@pytest.mark.parametrize("which", ["own", "sample"])
def test_publish_correct_and_withdraw_from_the_window(
    qtbot: QtBot,
    win: MainWindow,
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    which: str,
) -> None:
    story = ready_story(ws, HEADLINE, tmp_path / "photos") if which == "own" else _sample(ws)
    headline = ws.articles.get(story).headline
    approve(ws, story)
    _open(win, story)

    said = _said(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
    assert "https://baolaocai.vn/" in said and str(ws.export.default_folder) in said
    assert ws.articles.get(story).status is Status.PUBLISHED
    assert win.review.bar.status_button.text().endswith("Published")
    first = ws.publishing.publication(story).first_published_at
    assert headline in _page(ws, story)

    # A correction: reopened, changed, approved again, then published with its note.
    assert win.review.move_to(Status.EDITING)
    ws.articles.save_fields(story, {"body": "Đoạn một của bài, đã sửa.\n\nĐoạn hai của bài."})
    assert win.review.move_to(Status.APPROVED)
    win.review._fill_status_menus()
    names = [a.objectName() for a in win.review.menu_status.actions()]
    assert "actionCorrect" in names
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sửa  đoạn một", True))
    said = _said(qtbot, win, win.review.publishing.correct)
    assert "version 2" in said
    page = _page(ws, story)
    assert "Sửa đoạn một" in page and "đã sửa" in page
    assert ws.publishing.publication(story).first_published_at == first  # the date stays

    # Taken down: the withdrawn page at the same address, nothing of the story.
    said = _said(qtbot, win, lambda: win.review.move_to(Status.WITHDRAWN, "Sai số liệu"))
    assert ws.articles.get(story).status is Status.WITHDRAWN
    page = _page(ws, story)
    assert re.search(r'<meta name="robots" content="[^"]*noindex', page)
    assert "đã sửa" not in page


def test_the_status_menu_does_not_publish_what_fails_the_checklist(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    story = ws.articles.create(headline="Tin ngắn", body="Một dòng.").article.id
    approve(ws, story)
    _open(win, story)
    said = _said(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
    assert "Chưa có sapo" in said
    assert ws.articles.get(story).status is Status.APPROVED
    assert not ws.publishing.publication(story).published


def test_an_embargo_set_in_the_window_holds_the_story_back(
    qtbot: QtBot, win: MainWindow, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = ready_story(ws, HEADLINE, tmp_path / "photos")
    approve(ws, story)
    _open(win, story)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("15/3/2099 8h30", True))
    said = _said(qtbot, win, win.review.publishing.embargo)
    assert "15/3/2099 08:30" in said
    said = _said(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
    assert "Không đăng trước 15/3/2099 08:30" in said
    assert ws.articles.get(story).status is Status.APPROVED

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))  # lifted
    _said(qtbot, win, win.review.publishing.embargo)
    _said(qtbot, win, lambda: win.review.move_to(Status.PUBLISHED))
    assert ws.articles.get(story).status is Status.PUBLISHED
