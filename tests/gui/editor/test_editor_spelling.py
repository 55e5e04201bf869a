"""Spell checking as you type: red underlines, right-click corrections, the user's words."""

from __future__ import annotations

import threading

import pytest
from gui.editor.editor_helpers import type_text
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.services.spelling import SpellChecker

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(editor: BodyEditor) -> list[str]:
    """The text under a spell-check underline, run by run."""
    words: list[str] = []
    block = editor.document().firstBlock()
    while block.isValid():
        text = block.text()
        for r in sorted(block.layout().formats(), key=lambda r: r.start):
            if r.format.underlineStyle() == SPELL:
                words.append(text[r.start : r.start + r.length])
        block = block.next()
    return words


def point_at(editor: BodyEditor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


def action_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_misspellings_are_underlined_and_right_words_are_not(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    editor.set_spell_checker(vi_checker)
    type_text(editor, "Chủ tịch UBND tỉnh ủy quyền cho Việt Namm, sức khỏe tốtt, thủy lợi.")
    assert underlined(editor) == ["Namm", "tốtt"]


def test_markdown_links_code_and_photos_are_not_checked(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    editor.set_spell_checker(vi_checker)
    editor.setPlainText(
        "# Tin **mới**\n\n![ảnh](photo:0b1c2d3e-4f50)\n"
        "Xem [tại đây](https://vnexpress.net/xyzw) và `qwrtz`.\n"
        "```\nkhongphaitu\n```\n> trích dẫn saii"
    )
    assert underlined(editor) == ["saii"]


def test_the_underline_is_red_and_wavy(editor: BodyEditor, vi_checker: SpellChecker) -> None:
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("**Namm** đậm")
    ranges = editor.document().firstBlock().layout().formats()  # keeps the formats alive
    formats = [QTextCharFormat(r.format) for r in ranges if r.format.underlineStyle() == SPELL]
    assert len(formats) == 1
    colour = formats[0].underlineColor()
    assert colour.red() > 180 and colour.green() < 120 and colour.blue() < 120
    assert formats[0].fontWeight() > 500  # still bold: one highlighter pass for both


def test_a_suggestion_replaces_the_word_in_one_undo_step(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("Đoàn đến Việt Namm hôm qua.")
    menu = editor.create_context_menu(point_at(editor, 16))
    texts = action_texts(menu)
    assert texts[0] == "Nam"
    assert "Add to dictionary" in texts and "Ignore" in texts
    suggestions = texts[: texts.index("Add to dictionary")]
    assert 1 <= len(suggestions) <= 6
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Đoàn đến Việt Nam hôm qua."
    assert underlined(editor) == []
    editor.undo()
    assert editor.toPlainText() == "Đoàn đến Việt Namm hôm qua."


def test_right_word_gets_the_plain_menu(editor: BodyEditor, vi_checker: SpellChecker) -> None:
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("Việt Nam")
    menu = editor.create_context_menu(point_at(editor, 2))
    assert "Add to dictionary" not in action_texts(menu)


def test_add_to_dictionary_calls_back_and_clears_the_underline(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    added: list[str] = []
    editor.set_add_word_callback(added.append)
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("Ứng dụng Zalo và Zalo.")
    assert underlined(editor) == ["Zalo", "Zalo"]
    menu = editor.create_context_menu(point_at(editor, 11))
    next(a for a in menu.actions() if a.text() == "Add to dictionary").trigger()
    assert added == ["Zalo"]
    assert vi_checker.user_words() == ["Zalo"]
    assert underlined(editor) == []


def test_ignore_clears_the_underline_without_saving(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    added: list[str] = []
    editor.set_add_word_callback(added.append)
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("Grab")
    menu = editor.create_context_menu(point_at(editor, 1))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    assert underlined(editor) == []
    assert added == [] and vi_checker.user_words() == []


def test_the_dictionary_loads_off_the_ui_thread(
    qtbot: QtBot, editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    threads: list[threading.Thread] = []

    def loader() -> SpellChecker:
        threads.append(threading.current_thread())
        return vi_checker

    editor.setPlainText("Việt Namm")
    with qtbot.waitSignal(editor.spellCheckerReady, timeout=5000):
        editor.load_spell_checker(loader)
        type_text(editor, " vẫn gõ được")  # usable meanwhile
    assert threads and threads[0] is not threading.main_thread()
    assert editor.spell_checker() is vi_checker
    assert underlined(editor) == ["Namm"]


def test_a_failing_loader_leaves_spell_checking_off(
    qtbot: QtBot, editor: BodyEditor, caplog: pytest.LogCaptureFixture
) -> None:
    def loader() -> SpellChecker:
        raise OSError("disk gone")

    with qtbot.waitSignal(editor.spellCheckerReady, timeout=5000):
        editor.load_spell_checker(loader)
    assert editor.spell_checker() is None
    assert "could not be loaded" in caplog.text


def test_a_200_word_paragraph_is_underlined_word_by_word(
    editor: BodyEditor, vi_checker: SpellChecker
) -> None:
    """Every misspelling of a long Markdown paragraph is underlined, nothing else (the link's
    address, the bold and italic marks are not words). How fast: benchmarks/spelling.py."""
    sentence = (
        "Sáng 12/4, **UBND tỉnh** tổ chức hội nghị giao ban công tác quý I với sự tham dự "
        "của lãnh đạo các sở, ngành. Đồng chí *Nguyễn Văn An*, Phó Chủ tịch ủy ban, chủ trì "
        "và phát biểu về tình hình kinh tế của Việt Namm, xem [chi tiết](https://a.vn/b). "
    )
    paragraph = " ".join((sentence.split(" ") * 10)[:200])
    editor.set_spell_checker(vi_checker)
    editor.setPlainText(paragraph)
    assert underlined(editor) == ["Namm"] * paragraph.count("Namm")
    assert paragraph.count("Namm") == 4
