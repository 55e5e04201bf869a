"""The headline field: one paragraph that wraps and grows to show the whole headline (up to four
lines, then it scrolls); Enter moves on to the sapo; pasted text becomes one NFC line; the
QLineEdit-like API the window uses."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from gui.editor.editor_helpers import commit, key_text, type_text
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.headline_edit import MAX_LINES, HeadlineEdit, one_line
from editor_app.gui.main_window import MainWindow
from editor_app.gui.style import stylesheet
from editor_app.services.workspace import Workspace

LONG = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
LONGER = LONG + " với sự tham dự của lãnh đạo các huyện, thị xã, thành phố và các sở, ngành"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@dataclass
class Form:
    window: QWidget
    headline: HeadlineEdit
    sapo: QPlainTextEdit


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[Form]:
    """The headline above a sapo, as in the window, with the app's style sheet (18pt bold)."""
    window = QWidget()
    window.setStyleSheet(stylesheet(dark=False))
    layout = QVBoxLayout(window)
    headline = HeadlineEdit(window)
    headline.setObjectName("headlineEdit")
    sapo = QPlainTextEdit(window)
    sapo.setObjectName("sapoEdit")
    layout.addWidget(headline)
    layout.addWidget(sapo)
    window.resize(340, 600)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    headline.setFocus()
    yield Form(window, headline, sapo)


def _edits(headline: HeadlineEdit) -> list[str]:
    seen: list[str] = []
    headline.textEdited.connect(seen.append)
    return seen


def _all_visible(edit: HeadlineEdit) -> bool:
    """Every line of the text is inside the viewport, none scrolled away."""
    end = edit.textCursor()
    end.movePosition(end.MoveOperation.End)
    start = edit.textCursor()
    start.movePosition(start.MoveOperation.Start)
    viewport = edit.viewport().rect()
    return (
        edit.verticalScrollBar().maximum() == 0
        and viewport.contains(edit.cursorRect(start))
        and viewport.contains(edit.cursorRect(end))
    )


# --- wrapping and height ----------------------------------------------------------------------
def test_a_long_vietnamese_headline_wraps_at_words_and_is_all_shown(form: Form) -> None:
    h = form.headline
    h.setText("Ngắn")
    assert h.font().pointSizeF() == 18 and h.font().weight() >= 600  # the style sheet's look
    one = h.height()
    assert h.line_count() == 1 and _all_visible(h)
    h.setText(LONG)
    assert 2 <= h.line_count() <= MAX_LINES
    assert h.height() > one
    assert h.document().blockCount() == 1
    assert _all_visible(h)
    assert not h.verticalScrollBar().isVisible() and not h.horizontalScrollBar().isVisible()
    layout = h.document().firstBlock().layout()
    for i in range(layout.lineCount() - 1):  # each line breaks after a word, not inside one
        line = layout.lineAt(i)
        assert LONG[line.textStart() + line.textLength() - 1] == " "
    # The form below makes room: the sapo starts under the grown headline.
    QApplication.processEvents()  # the layout follows
    assert form.sapo.geometry().top() > h.geometry().bottom()
    assert h.height() + form.sapo.height() < form.window.height()


def test_the_height_grows_line_by_line_up_to_four_lines_then_it_scrolls(form: Form) -> None:
    h = form.headline
    heights: dict[int, int] = {}
    words = LONGER.split()
    for n in range(1, len(words) + 1):
        h.setText(" ".join(words[:n]))
        heights.setdefault(min(h.line_count(), MAX_LINES + 1), h.height())
        if h.line_count() <= MAX_LINES:
            assert _all_visible(h), h.text()
    assert heights[1] < heights[2] < heights[3] < heights[4]
    assert heights[MAX_LINES + 1] == heights[MAX_LINES]  # no taller: it scrolls
    h.setText(LONGER * 2)
    assert h.height() == heights[MAX_LINES]
    assert h.verticalScrollBar().maximum() > 0
    h.setText("Tin")
    assert h.height() == heights[1]


def test_the_height_follows_the_width(form: Form) -> None:
    h = form.headline
    h.setText(LONG)
    narrow_lines, narrow = h.line_count(), h.height()
    form.window.resize(1400, 600)
    QApplication.processEvents()
    assert h.line_count() == 1 and h.height() < narrow and _all_visible(h)
    form.window.resize(340, 600)
    QApplication.processEvents()
    assert (h.line_count(), h.height()) == (narrow_lines, narrow)


def test_typing_grows_the_field(form: Form) -> None:
    h = form.headline
    before = h.height()
    type_text(h, LONG)
    assert h.text() == LONG
    assert h.height() > before and _all_visible(h)


def test_a_long_placeholder_is_not_cut(form: Form) -> None:
    h = form.headline
    h.setPlaceholderText("Tiêu đề (60–100 ký tự), viết đủ ý, không viết tắt")
    QApplication.processEvents()
    fm = h.fontMetrics()
    needed = fm.boundingRect(
        0, 0, h.viewport().width() - 4, 10_000, Qt.TextFlag.TextWordWrap, h.placeholderText()
    )
    assert h.viewport().height() >= needed.height()
    h.setText("Có chữ")
    assert h.line_count() == 1 and h.viewport().height() < needed.height()


# --- one paragraph ----------------------------------------------------------------------------
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_moves_on_to_the_sapo_and_inserts_nothing(
    qtbot: QtBot, form: Form, key: Qt.Key
) -> None:
    h = form.headline
    type_text(h, "Hội nghị")
    seen = _edits(h)
    with qtbot.waitSignal(h.editingFinished, timeout=1000):
        qtbot.keyClick(h, key)
    assert h.text() == "Hội nghị" and h.document().blockCount() == 1
    assert seen == []
    assert form.sapo.hasFocus()


def test_shift_enter_inserts_no_line_break_either(qtbot: QtBot, form: Form) -> None:
    h = form.headline
    type_text(h, "Hội nghị")
    qtbot.keyClick(h, Qt.Key.Key_Return, SHIFT)
    assert h.text() == "Hội nghị" and "\u2028" not in h.document().toRawText()
    assert form.sapo.hasFocus()
    h.setFocus()
    qtbot.keyClick(h, Qt.Key.Key_Return, CTRL)  # left to the window (a shortcut), not a break
    assert h.text() == "Hội nghị"


def test_tab_and_shift_tab_move_the_focus(qtbot: QtBot, form: Form) -> None:
    h = form.headline
    commit(h, "Tin")
    qtbot.keyClick(h, Qt.Key.Key_Tab)
    assert form.sapo.hasFocus()
    qtbot.keyClick(form.sapo, Qt.Key.Key_Backtab, SHIFT)
    assert h.hasFocus()
    assert h.text() == "Tin"


def test_paste_turns_line_breaks_into_spaces(qtbot: QtBot, form: Form) -> None:
    h = form.headline
    commit(h, "Tin: ")
    seen = _edits(h)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Hội nghị giao ban\r\nquý I\n\n  năm 2023\n")
    try:
        qtbot.keyClick(h, Qt.Key.Key_V, CTRL)
    finally:
        clipboard.clear()  # the clipboard's data must not outlive the test (crash at exit)
    assert h.text() == "Tin: Hội nghị giao ban quý I năm 2023"
    assert h.document().blockCount() == 1
    assert seen == [h.text()]
    h.undo()  # the paste is one step
    assert h.text() == "Tin: "


def test_pasted_decomposed_text_becomes_nfc(form: Form) -> None:
    h = form.headline
    mime = QMimeData()
    mime.setText(nfd("Tiếng Việt\nở Lào Cai"))
    h.insertFromMimeData(mime)
    assert h.text() == "Tiếng Việt ở Lào Cai"
    assert unicodedata.is_normalized("NFC", h.text())


def test_dropped_text_becomes_one_nfc_line(form: Form) -> None:
    h = form.headline
    mime = QMimeData()
    mime.setText(nfd("Đồng chí\nDương Đức Huy"))
    at, copy = QPointF(5, 5), Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), copy, mime, buttons, mods)
    QApplication.sendEvent(h.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(h.viewport(), QDragMoveEvent(at.toPoint(), copy, mime, buttons, mods))
    QApplication.sendEvent(h.viewport(), QDropEvent(at, copy, mime, buttons, mods))
    assert h.text() == "Đồng chí Dương Đức Huy"


def test_typed_and_committed_text_is_one_nfc_line(form: Form) -> None:
    h = form.headline
    commit(h, nfd("Việt") + "\n")  # a break at the end of what enters is dropped
    commit(h, " Nam\nmới")
    key_text(h, nfd(" ở"))
    assert h.text() == "Việt Nam mới ở"
    assert h.document().blockCount() == 1


def test_one_line() -> None:
    assert one_line("a\r\nb\rc\nd\u2028e\u2029f") == "a b c d e f"
    assert one_line("\n  đầu \t cuối \n") == "đầu   cuối"  # breaks at the ends go
    assert one_line(nfd("Hà\n\n\nNội")) == "Hà Nội"


# --- the QLineEdit-like API -------------------------------------------------------------------
def test_text_edited_is_emitted_for_the_users_edits_only(qtbot: QtBot, form: Form) -> None:
    h = form.headline
    seen = _edits(h)
    h.setText("Tiêu đề cũ")
    h.setPlainText("Tiêu đề khác")
    h.clear()
    assert seen == []
    commit(h, "Tin")
    qtbot.keyClick(h, Qt.Key.Key_Backspace)
    assert seen == ["Tin", "Ti"]
    h.undo()
    assert seen[-1] == "Tin"
    h.selectAll()
    h.insert("Tin mới")  # as QLineEdit.insert: an edit (the tag panel's fixes rely on it)
    assert seen[-1] == "Tin mới"
    h.setText("Nạp lại")
    assert seen[-1] == "Tin mới"


def test_editing_finished_after_edits_when_the_focus_leaves(qtbot: QtBot, form: Form) -> None:
    h = form.headline
    finished: list[bool] = []
    h.editingFinished.connect(lambda: finished.append(True))
    form.sapo.setFocus()
    assert finished == []  # nothing edited
    h.setFocus()
    commit(h, "Tin")
    form.sapo.setFocus()
    assert finished == [True]


def test_set_text_replaces_all_and_starts_the_undo_history_anew(form: Form) -> None:
    h = form.headline
    commit(h, "Bài trước")
    h.setText(nfd("Hội nghị\ngiao ban"))
    assert h.text() == "Hội nghị giao ban"
    assert h.cursorPosition() == len(h.text())  # at the end, as QLineEdit
    assert not h.document().isUndoAvailable()  # no undoing into the previous story
    commit(h, " quý I")
    h.undo()
    assert h.text() == "Hội nghị giao ban"


def test_selection_cursor_and_insert(form: Form) -> None:
    h = form.headline
    h.setText("Hội nghị giao ban quý I")
    assert not h.hasSelectedText()
    assert (h.selectionStart(), h.selectionLength()) == (-1, 0)
    h.setSelection(0, 8)
    assert h.hasSelectedText() and h.selectedText() == "Hội nghị"
    assert (h.selectionStart(), h.selectionLength(), h.cursorPosition()) == (0, 8, 8)
    h.setSelection(17, -4)  # backwards, as QLineEdit: the cursor ends at the start
    assert h.selectedText() == " ban" and h.cursorPosition() == 13
    assert (h.selectionStart(), h.selectionLength()) == (13, 4)
    h.setSelection(9, 8)
    h.insert("tổng kết\n")
    assert h.text() == "Hội nghị tổng kết quý I"
    assert h.cursorPosition() == 17 and not h.hasSelectedText()
    h.undo()  # one step
    assert h.text() == "Hội nghị giao ban quý I"
    h.setCursorPosition(3)
    assert h.cursorPosition() == 3 and not h.hasSelectedText()
    h.setCursorPosition(1000)
    assert h.cursorPosition() == len(h.text())
    h.setSelection(22, 100)
    assert h.selectedText() == "I"


def test_positions_are_qt_positions_past_an_emoji(form: Form) -> None:
    h = form.headline
    h.setText("🔥 Nóng")
    h.setSelection(3, 4)  # an emoji is two UTF-16 units, as in QLineEdit
    assert h.selectedText() == "Nóng"


# --- in the window ----------------------------------------------------------------------------
def test_the_windows_headline_shows_a_long_headline_and_enter_goes_to_the_sapo(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    aid = workspace.articles.create(headline=LONG, sapo="Sáng 12/4").article.id
    window.refresh_list()
    window.open_story(aid)
    h = window.ui.headlineEdit
    assert isinstance(h, HeadlineEdit)
    qtbot.waitUntil(lambda: h.width() > 100, timeout=3000)
    assert h.text() == LONG and h.cursorPosition() == 0
    assert _all_visible(h)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    h.setFocus()
    h.setCursorPosition(len(LONG))
    qtbot.keyClick(h, Qt.Key.Key_Return)
    assert window.ui.sapoEdit.hasFocus()
    assert h.text() == LONG
