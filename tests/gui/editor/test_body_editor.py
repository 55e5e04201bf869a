"""The body editor: Vietnamese input ends up NFC, Markdown shortcuts, paste, cursor state."""

from __future__ import annotations

import unicodedata

from gui.editor.editor_helpers import commit, html_mime, key_text, type_text
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import BodyEditor, CursorState

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def select(editor: BodyEditor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def put_cursor(editor: BodyEditor, position: int) -> None:
    select(editor, position, position)


# --- typing -----------------------------------------------------------------------------------
def test_typing_vietnamese(editor: BodyEditor) -> None:
    type_text(editor, "Đồng chí Dương Đức Huy phát biểu.")
    assert editor.toPlainText() == "Đồng chí Dương Đức Huy phát biểu."


def test_an_nfd_commit_becomes_nfc(editor: BodyEditor) -> None:
    commit(editor, nfd("Tiếng Việt"))
    assert editor.toPlainText() == "Tiếng Việt"
    assert unicodedata.is_normalized("NFC", editor.toPlainText())


def test_a_tone_mark_committed_alone_joins_its_letter(editor: BodyEditor) -> None:
    commit(editor, "Vi")
    commit(editor, "e\u0302")  # ê, decomposed
    commit(editor, "\u0323")  # dot below, on its own
    commit(editor, "t")
    assert editor.toPlainText() == "Việt"
    assert editor.textCursor().position() == 4


def test_an_input_method_replacing_the_letter_before(editor: BodyEditor) -> None:
    commit(editor, "Viê")
    event = QInputMethodEvent()
    event.setCommitString(nfd("ệ"), -1, 1)  # as Unikey does: replace "ê" with "ệ"
    QApplication.sendEvent(editor, event)
    assert editor.toPlainText() == "Việ"


def test_preedit_then_an_nfd_commit(editor: BodyEditor) -> None:
    cursor_attr = QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, 3, 1, 0)
    QApplication.sendEvent(editor, QInputMethodEvent("vie", [cursor_attr]))
    assert editor.toPlainText() == ""  # the preedit is shown, not yet text
    event = QInputMethodEvent("", [cursor_attr])
    event.setCommitString(nfd("việt"))
    QApplication.sendEvent(editor, event)
    assert editor.toPlainText() == "việt"


def test_a_key_event_with_decomposed_text_becomes_nfc(editor: BodyEditor) -> None:
    key_text(editor, "Vi")
    key_text(editor, nfd("ệ"))
    key_text(editor, "t")
    assert editor.toPlainText() == "Việt"


def test_a_read_only_text_takes_no_decomposed_key(editor: BodyEditor) -> None:
    # An approved story is read-only for its reporter: the NFC path must not write around it
    # (a read-only field gets no input-method events; keys it does get).
    editor.setPlainText("Vi")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.setReadOnly(True)
    key_text(editor, nfd("ệ"))
    key_text(editor, "\u0323")
    assert editor.toPlainText() == "Vi"


def test_set_plain_text_is_nfc(editor: BodyEditor) -> None:
    editor.setPlainText(nfd("Hà Nội"))
    assert editor.toPlainText() == "Hà Nội"


# --- bold, italic, link -----------------------------------------------------------------------
def test_ctrl_b_wraps_the_word_at_the_cursor_and_back(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Hội nghị giao ban")
    put_cursor(editor, 6)  # inside "nghị"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "Hội **nghị** giao ban"
    assert editor.textCursor().position() == 8
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "Hội nghị giao ban"
    assert editor.textCursor().position() == 6


def test_ctrl_b_wraps_a_selection_and_keeps_it_selected(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Hội nghị giao ban")
    select(editor, 4, 14)  # "nghị giao "
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "Hội **nghị giao** ban"
    assert editor.textCursor().selectedText() == "nghị giao"
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "Hội ***nghị giao*** ban"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "Hội *nghị giao* ban"
    select(editor, 4, 15)  # "*nghị giao*", markers selected too
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "Hội nghị giao ban"


def test_ctrl_i_with_nothing_to_wrap_inserts_a_pair(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("a ")
    put_cursor(editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.toPlainText() == "a **"
    assert editor.textCursor().position() == 3
    commit(editor, "nghiêng")
    assert editor.toPlainText() == "a *nghiêng*"


def test_ctrl_k_makes_a_link_with_url_selected(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("Xem chi tiết tại đây.")
    select(editor, 4, 12)
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)
    assert editor.toPlainText() == "Xem [chi tiết](url) tại đây."
    assert editor.textCursor().selectedText() == "url"
    commit(editor, "https://a.vn")
    assert editor.toPlainText() == "Xem [chi tiết](https://a.vn) tại đây."
    put_cursor(editor, 7)
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)  # inside a link: unlink
    assert editor.toPlainText() == "Xem chi tiết tại đây."


def test_a_command_is_one_undo_step_and_ctrl_y_redoes(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("một hai")
    select(editor, 0, 3)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "**một** hai"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "một hai"
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert editor.toPlainText() == "**một** hai"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.toPlainText() == "**một** hai"


def test_commands_count_positions_past_an_emoji(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.setPlainText("🎉 chúc mừng")
    put_cursor(editor, 5)  # Qt counts the emoji as two: inside "chúc"
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "🎉 **chúc** mừng"
    assert editor.textCursor().position() == 7


# --- paste ------------------------------------------------------------------------------------
def test_pasting_html_gives_markdown(editor: BodyEditor) -> None:
    html = (
        "<html><body><!--StartFragment--><h2>Tin mới</h2><p class=MsoNormal><b>Sáng nay</b>,"
        " đoàn <i>công tác</i>&nbsp;đến <a href='https://a.vn'>tỉnh</a>.<o:p></o:p></p>"
        "<script>x()</script><!--EndFragment--></body></html>"
    )
    editor.setPlainText("Đầu. ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertFromMimeData(html_mime(html, text="Tin mới Sáng nay, đoàn công tác đến tỉnh."))
    assert editor.toPlainText() == (
        "Đầu. ## Tin mới\n\n**Sáng nay**, đoàn *công tác* đến [tỉnh](https://a.vn)."
    )


def test_ctrl_v_pastes_html_from_the_clipboard(qtbot: QtBot, editor: BodyEditor) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(html_mime("<p>một <b>hai</b></p><p>ba</p>", "x"))
    try:
        qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
        assert editor.toPlainText() == "một **hai**\n\nba"
        editor.clear()
        qtbot.keyClick(editor, Qt.Key.Key_V, CTRL | SHIFT)  # plain text only
        assert editor.toPlainText() == "x"
    finally:
        clipboard.clear()  # the clipboard's data must not outlive the test (crash at exit)


def test_pasting_plain_text_normalises_it(editor: BodyEditor) -> None:
    mime = QMimeData()
    mime.setText(nfd("Dòng một\r\nDòng hai"))
    editor.insertFromMimeData(mime)
    assert editor.toPlainText() == "Dòng một\nDòng hai"


def test_html_with_no_text_falls_back_to_the_plain_text(editor: BodyEditor) -> None:
    editor.insertFromMimeData(html_mime("<img src='a.png'>", text="ảnh"))
    assert editor.toPlainText() == "ảnh"


# --- text and cursor state --------------------------------------------------------------------
def test_cursor_state_round_trip(qtbot: QtBot, editor: BodyEditor) -> None:
    long_text = "\n\n".join(f"Đoạn {i}: " + "chữ " * 60 for i in range(60))
    editor.load_text(long_text)
    select(editor, 3000, 3010)
    editor.verticalScrollBar().setValue(40)
    state = editor.cursor_state()
    assert state == CursorState(position=3010, anchor=3000, scroll=40)
    editor.load_text("Bài khác")
    assert editor.cursor_state() == CursorState(0, 0, 0)
    editor.load_text(long_text, state)
    assert editor.cursor_state() == state
    assert editor.textCursor().selectedText().replace("\u2029", "\n") == long_text[3000:3010]
    editor.restore_cursor_state(CursorState(10**6, -5, 0))  # out of range: clamped
    assert editor.textCursor().anchor() == 0
    assert editor.textCursor().position() == len(long_text)


def test_set_text_keeps_cursor_scroll_and_undo(editor: BodyEditor) -> None:
    text = "\n".join(f"Dòng {i}" for i in range(200))
    editor.load_text(text)
    put_cursor(editor, text.index("Dòng 150") + 2)
    editor.verticalScrollBar().setValue(120)
    position = editor.textCursor().position()
    editor.set_text(text.replace("Dòng 3\n", "Dòng ba\n"))  # before the cursor: it moves by 1
    assert editor.textCursor().position() == position + 1
    assert editor.verticalScrollBar().value() == 120
    editor.set_text(editor.toPlainText())  # no change: nothing happens
    editor.undo()
    assert editor.toPlainText() == text


def test_set_text_normalises(editor: BodyEditor) -> None:
    editor.set_text(nfd("Quảng Ninh"))
    assert editor.toPlainText() == "Quảng Ninh"


def test_the_text_column_is_centred(editor: BodyEditor) -> None:
    editor.resize(1400, 400)
    margins = editor.viewportMargins()
    assert margins.left() == margins.right() > 100
    editor.set_max_text_width(None)
    assert editor.viewportMargins().left() == 0
