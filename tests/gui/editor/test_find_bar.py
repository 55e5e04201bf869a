"""Find and replace in the body editor's bar."""

from __future__ import annotations

import pytest
from gui.editor.editor_helpers import commit
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.editor.search import SearchOptions, find_all

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "Đường Dương Đình Nghệ. Ông Dương nói: đường về quê dương cầm. DƯƠNG"


def selected(editor: BodyEditor) -> str:
    return editor.textCursor().selectedText()


# --- the search itself (no widget) ------------------------------------------------------------
def test_find_all_folds_case_and_marks() -> None:
    text = "Dương dương DƯƠNG Đường"
    plain = SearchOptions()
    assert find_all(text, "dương", plain) == [(0, 5), (6, 11), (12, 17)]
    assert find_all(text, "duong", plain) == []
    folded = SearchOptions(ignore_diacritics=True)
    assert find_all(text, "duong", folded) == [(0, 5), (6, 11), (12, 17), (18, 23)]
    # case still counts on the letters left: Đ folds to D
    cased = SearchOptions(match_case=True, ignore_diacritics=True)
    assert find_all(text, "Duong", cased) == [(0, 5), (18, 23)]
    assert find_all(text, "Dương", SearchOptions(match_case=True)) == [(0, 5)]


def test_find_all_whole_words_and_stray_marks() -> None:
    assert find_all("ban bàn bạn banh", "ban", SearchOptions(whole_word=True)) == [(0, 3)]
    text = "xe\u0301 nhe"  # a mark no precomposed letter takes stays a separate character
    assert find_all(text, "xe", SearchOptions(ignore_diacritics=True)) == [(0, 3)]


# --- the bar ----------------------------------------------------------------------------------
def test_ctrl_f_ignore_diacritics_finds_duong(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText(TEXT)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    assert bar.isVisible() and not bar.replace_visible()
    bar.diacritics_check.setChecked(True)
    qtbot.keyClicks(bar.find_edit, "duong")
    assert selected(editor) == "Đường"
    assert bar.count_label.text() == "1/6"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert selected(editor) == "Dương"
    assert bar.count_label.text() == "2/6"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == "1/6"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)  # wraps round
    assert selected(editor) == "DƯƠNG"
    assert bar.count_label.text() == "6/6"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert bar.count_label.text() == "1/6"
    assert len(editor.extraSelections()) == 6


def test_match_case_and_whole_words(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText(TEXT)
    editor.show_find()
    bar = editor.find_bar
    bar.diacritics_check.setChecked(False)
    commit(bar.find_edit, "Dương")
    assert bar.count_label.text() == "1/4"  # Dương, Dương, dương, DƯƠNG
    bar.case_check.setChecked(True)
    assert bar.count_label.text() == "1/2"
    bar.case_check.setChecked(False)
    bar.find_edit.setText("Dươn")
    bar.word_check.setChecked(True)
    assert bar.count_label.text() == "No matches"


def test_f3_in_the_editor_finds_next(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("một hai một hai một")
    editor.show_find()
    editor.find_bar.find_edit.setText("một")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert editor.textCursor().selectionStart() == 8
    qtbot.keyClick(editor, Qt.Key.Key_F3, SHIFT)
    assert editor.textCursor().selectionStart() == 0


def test_selection_is_what_to_find(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Hà Nội và Hà Nam")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(2, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    assert editor.find_bar.find_edit.text() == "Hà"
    assert editor.find_bar.count_label.text() == "1/2"


def test_replace_one_then_all_in_one_undo_step(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("UBND tỉnh, ubnd huyện, Ubnd xã. UBNDx")
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    assert bar.replace_visible()
    commit(bar.find_edit, "ubnd")
    bar.word_check.setChecked(True)
    commit(bar.replace_edit, "Ủy ban nhân dân")
    assert selected(editor) == "UBND"
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)  # replaces, goes to the next
    assert editor.toPlainText().startswith("Ủy ban nhân dân tỉnh, ubnd huyện")
    assert selected(editor) == "ubnd"
    bar.replace_all_button.click()
    after = "Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện, Ủy ban nhân dân xã. UBNDx"
    assert editor.toPlainText() == after
    assert bar.count_label.text() == "2 replaced"
    editor.undo()  # replace all, at once
    assert editor.toPlainText() == "Ủy ban nhân dân tỉnh, ubnd huyện, Ubnd xã. UBNDx"


def test_replace_all_with_ignore_diacritics(editor: BodyEditor) -> None:
    editor.setPlainText("Dương, dương, duong, Đường.")
    editor.show_replace()
    bar = editor.find_bar
    bar.diacritics_check.setChecked(True)
    bar.find_edit.setText("duong")
    bar.replace_edit.setText("X")
    assert bar.replace_all() == 4
    assert editor.toPlainText() == "X, X, X, X."


def test_escape_closes_and_gives_focus_back(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Dương")
    editor.activateWindow()
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    qtbot.waitUntil(lambda: bar.find_edit.hasFocus())
    assert editor.viewportMargins().bottom() > 0
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert editor.viewportMargins().bottom() == 0
    assert editor.extraSelections() == []
    qtbot.waitUntil(lambda: editor.hasFocus())


# --- issue 15, point 7 ------------------------------------------------------------------------
def test_ignore_diacritics_is_on_by_default(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Ông Dương nói.")
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    assert bar.diacritics_check.isChecked()
    qtbot.keyClicks(bar.find_edit, "duong")
    assert selected(editor) == "Dương"
    assert bar.count_label.text() == "1/1"


def test_a_failed_find_leaves_nothing_selected_and_says_so(
    qtbot: QtBot, editor: BodyEditor
) -> None:
    editor.setPlainText("Ông Dương nói với Dương Đình Nghệ.")
    cursor = editor.textCursor()
    cursor.setPosition(3)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = editor.find_bar
    bar.diacritics_check.setChecked(True)  # the default; said here for this test alone
    qtbot.keyClicks(bar.find_edit, "duong")
    assert selected(editor) == "Dương"
    assert not bar.find_edit.property("notFound")
    qtbot.keyClicks(bar.find_edit, "x")  # "duongx": found nowhere
    assert not editor.textCursor().hasSelection()
    assert editor.textCursor().position() == 3  # where the search started
    assert bar.count_label.text() == "No matches"
    assert bar.find_edit.property("notFound") is True
    assert bar.count_label.property("warn") is True
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    qtbot.keyClicks(editor, "a")  # the next key types, it overwrites nothing
    assert editor.toPlainText() == "Ônga Dương nói với Dương Đình Nghệ."
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_End)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Backspace)  # "duong" again: found, not red
    assert selected(editor) == "Dương"
    assert not bar.find_edit.property("notFound")
    assert not bar.count_label.property("warn")


_VI_WORDS = {
    "Find": "Tìm",
    "Match case": "Phân biệt hoa thường",
    "Whole words": "Nguyên từ",
    "Aa": "Aa",
    "No marks": "Không dấu",
    "Word": "Nguyên từ",
    "No matches": "Không tìm thấy",
}


class _Vietnamese(QTranslator):
    """The find bar's words in Vietnamese (the longest the bar shows), whatever the catalog."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return _VI_WORDS.get(source) if context == "FindBar" else None

    def isEmpty(self) -> bool:
        return False


@pytest.mark.parametrize("vietnamese", [False, True], ids=["en", "vi"])
def test_the_options_fit_a_600_px_bar(qtbot: QtBot, qapp: QApplication, vietnamese: bool) -> None:
    translator = _Vietnamese()
    if vietnamese:
        qapp.installTranslator(translator)
    try:
        editor = BodyEditor()
    finally:
        qapp.removeTranslator(translator)
    qtbot.addWidget(editor)
    editor.resize(600 + 2 * editor.frameWidth(), 400)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_find()
    bar = editor.find_bar
    assert bar.width() == 600
    options = (bar.case_check, bar.diacritics_check, bar.word_check)
    assert [o.width() >= o.sizeHint().width() for o in options] == [True] * 3
    assert all(o.isVisible() for o in options)
    assert options[-1].geometry().right() < bar.close_button.geometry().left()
    assert bar.close_button.geometry().right() < bar.width()
    assert bar.find_edit.width() >= 150
    assert all(o.toolTip() and o.accessibleName() == o.toolTip() for o in options)
    bar.find_edit.setText("zzz")  # found nowhere: "No matches" shows whole
    label = bar.count_label
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width() > 0)
    assert label.geometry().right() < options[0].geometry().left()
