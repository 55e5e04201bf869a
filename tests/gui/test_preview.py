"""The preview dock: the open story rendered off the UI thread, refreshed after a save, scroll
kept, no network, the phone width, export from the dock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineScript
from pytestqt.qtbot import QtBot

from editor_app.domain.workflow import Role, User
from editor_app.gui.main_window import MainWindow
from editor_app.gui.preview.dock import DESKTOP_WIDTH, MOBILE_WIDTH, PreviewDock
from editor_app.gui.preview.web import interceptor
from editor_app.services.changes import Changes
from editor_app.services.workspace import Workspace

HEADLINE = "Giao ban công tác giáo dục lý luận chính trị quý I"
BODY = "\n\n".join(f"Đoạn văn số {i} của bài, đủ dài để trang phải cuộn." for i in range(120))


def _dock(window: MainWindow) -> PreviewDock:
    """The window's preview dock, alone on its side (tall enough for the page to scroll)."""
    docks = [d for d in window.panels if isinstance(d, PreviewDock)]
    assert len(docks) == 1
    for other in [window.ui.detailsDock, *window.panels]:
        if other is not docks[0]:
            other.hide()
    return docks[0]


def _html(qtbot: QtBot, dock: PreviewDock) -> str:
    out: list[str] = []
    dock.page.toHtml(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    return out[0]


def test_preview_shows_the_open_story_and_follows_saves(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    article = workspace.articles.create(
        headline=HEADLINE, sapo="Sapo của bài.", body=BODY, section="Chính trị"
    ).article
    dock = _dock(window)
    dock.show()
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        window.open_story(article.id)
    html = _html(qtbot, dock)
    assert HEADLINE in html
    assert "Đoạn văn số 119" in html

    # scroll down, change the headline elsewhere: the page follows and keeps its place
    dock.page.runJavaScript(
        "window.scrollTo(0, 900);", QWebEngineScript.ScriptWorldId.ApplicationWorld
    )
    qtbot.waitUntil(lambda: dock.page.scrollPosition().y() > 0, timeout=5000)
    y = dock.page.scrollPosition().y()
    changes = workspace.articles.save_fields(article.id, {"headline": "Tiêu đề mới"})
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        dock.on_changes(changes)
    assert "Tiêu đề mới" in _html(qtbot, dock)
    qtbot.waitUntil(lambda: abs(dock.page.scrollPosition().y() - y) < 2, timeout=3000)

    # a change to another story does not re-render
    dock.on_changes(Changes.of([workspace.articles.create(headline="Khác").article.id]))
    assert not dock._timer.isActive()


def test_no_network_and_no_scripts(qtbot: QtBot, window: MainWindow) -> None:
    dock = _dock(window)
    dock.show()
    page = (
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        "<script>document.title = 'ran';</script></body></html>"
    )
    with qtbot.waitSignal(dock.page.loadFinished, timeout=10000):
        dock.page.setHtml(page, QUrl("file:///"))
    # The page did load (its own title), and its script did not run (it would have set "ran").
    assert dock.page.title() == "t"
    with qtbot.waitSignal(dock.page.loadFinished, timeout=10000) as blocker:
        dock.page.load(QUrl("http://127.0.0.1:9/page"))
    assert blocker.args == [False]
    assert "http://127.0.0.1:9/page" in interceptor().blocked


def _css_width(qtbot: QtBot, dock: PreviewDock) -> float:
    """The page's width as its CSS sees it (what its media queries answer to)."""
    got: list[float] = []
    dock.page.runJavaScript(
        "window.innerWidth", QWebEngineScript.ScriptWorldId.ApplicationWorld, got.append
    )
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got[0]


def test_mobile_and_desktop_widths_whatever_the_docks_width(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    article = workspace.articles.create(headline=HEADLINE, body=BODY).article
    window.resize(1280, 720)
    window.layout_memory.apply_default()
    dock = _dock(window)
    dock.show()
    dock.raise_()
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        window.open_story(article.id)
    before = window.layout_memory.widths()
    assert dock.view.width() < DESKTOP_WIDTH  # a laptop's dock: narrower than a desktop page
    qtbot.waitUntil(lambda: abs(_css_width(qtbot, dock) - DESKTOP_WIDTH) < 30, timeout=5000)
    dock.mobile_action.trigger()  # a phone's page, never wider than the dock allows
    assert dock.view.maximumWidth() == MOBILE_WIDTH
    qtbot.waitUntil(lambda: abs(_css_width(qtbot, dock) - MOBILE_WIDTH) < 30, timeout=5000)
    assert window.layout_memory.widths() == before  # the writing area kept its room
    dock.desktop_action.trigger()
    assert dock.view.maximumWidth() > MOBILE_WIDTH


def test_export_from_the_dock_shows_the_checklist(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = workspace.articles.create(headline=HEADLINE, body="Chữ.").article
    window.review.set_user(User("Trần Thu Hà", Role.EDITOR))
    window.open_story(article.id)
    dock = _dock(window)
    seen: list[list[str]] = []
    monkeypatch.setattr(dock, "not_ready", lambda folder, failures: seen.append(failures))
    exported: list[Path] = []
    monkeypatch.setattr(dock, "exported", exported.append)
    dock.export_to(tmp_path)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert any("sapo" in f for f in seen[0])

    dock.export_to(tmp_path, force_reason="Cần đăng gấp")
    qtbot.waitUntil(lambda: bool(exported), timeout=15000)
    assert (exported[0] / "index.html").is_file()
    assert workspace.articles.revision_count(article.id) == 1


def test_hidden_preview_renders_when_shown(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    dock = _dock(window)
    dock.hide()
    article = workspace.articles.create(headline=HEADLINE, body="Chữ.").article
    window.open_story(article.id)
    qtbot.wait(100)
    assert dock._stale and not dock.worker.busy
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        dock.show()
    assert HEADLINE in _html(qtbot, dock)


def test_preview_follows_the_editor(qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    article = workspace.articles.create(headline=HEADLINE, body=BODY, section="Chính trị").article
    dock = _dock(window)
    dock.show()
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        window.open_story(article.id)
    body = window.ui.bodyEdit
    dock.followed_line = None
    body.verticalScrollBar().setValue(body.verticalScrollBar().maximum() // 2)
    line = dock.editor_line()
    assert line > 20
    qtbot.waitUntil(lambda: isinstance(dock.followed_line, (int, float)), timeout=5000)
    qtbot.waitUntil(lambda: dock.page.scrollPosition().y() > 100, timeout=5000)
    # the block shown at the top of the page is the one at the top of the editor
    assert 0 < int(dock.followed_line) <= line  # type: ignore[call-overload]
    assert line - int(dock.followed_line) <= 2  # type: ignore[call-overload]


def test_behind_another_tab_the_preview_waits_until_raised(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    # At start the preview is a tab behind the officials panel: no web engine, no render at
    # each autosave; raising its tab renders the open story.
    dock = next(d for d in window.panels if isinstance(d, PreviewDock))
    first = window.panels[0]
    assert first is not dock
    first.raise_()
    qtbot.wait(50)
    article = workspace.articles.create(headline=HEADLINE, sapo="Sapo của bài.", body=BODY).article
    window.open_story(article.id)
    changes = workspace.articles.save_fields(article.id, {"headline": "Đã sửa khi ẩn"})
    dock.on_changes(changes)
    qtbot.wait(400)  # past the debounce
    assert dock._view is None and dock._shown_id is None  # nothing made, nothing rendered
    dock.mobile_action.trigger()  # chosen before the view exists: applied when it is made
    with qtbot.waitSignal(dock.rendered, timeout=15000):
        dock.raise_()
    assert "Đã sửa khi ẩn" in _html(qtbot, dock)
    assert dock.view.maximumWidth() == MOBILE_WIDTH
