"""Vietnamese typed into the real window's body at 15 ms a key, accented letters right after an
Enter, comes out exactly (issue 15, point 7: the first accented letter after an Enter was lost
when keys came every 15 ms). The keys carry their text, as X delivers them, to the focus
widget, with the window's own work (highlighting, spelling, autosave, the docks) in between;
the long body is the sample article's paragraphs, some 3,000 words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.vi_typing import type_keys
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.services.workspace import Workspace

SAMPLE = (
    Path(__file__).resolve().parents[3]
    / "shared/samples/articles/giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
)
TYPED = "Xin chào\nđồng chí Ánh"
MORE = "\nỞ đây, ông Đức nói: “Ước mơ ấy là của chúng ta.”\nẤy là ý kiến"


def _long_body() -> str:
    if SAMPLE.exists():
        paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n")[1:] if p]
    else:
        paragraphs = ["Dự hội nghị có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ. " * 6]
    body = "\n\n".join(paragraphs)
    while len(body.split()) < 3000:
        body += "\n\n" + body
    return body


@pytest.mark.slow
def test_accented_letters_right_after_enter_at_15_ms_a_key(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    body_text = _long_body()
    story = workspace.articles.create(headline="Giao ban", body=body_text).article
    window.resize(1600, 1000)
    window.open_story(story.id)
    body = window.ui.bodyEdit
    qtbot.waitUntil(lambda: body.spell_checker() is not None, timeout=15000)
    for at_end in (False, True):  # inside a paragraph, then at the end (each Enter scrolls)
        cursor = body.textCursor()
        cursor.setPosition(len(body_text) // 2)
        if at_end:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        body.setTextCursor(cursor)
        body.ensureCursorVisible()
        before = body.toPlainText()
        at = body.textCursor().position()
        type_keys(body, TYPED + MORE, every_ms=15)
        assert body.toPlainText() == before[:at] + TYPED + MORE + before[at:]
    window.editor.saver.flush()
    stored = workspace.articles.get(story.id).body
    assert stored == body.toPlainText()
    assert stored.count(TYPED + MORE) == 2
