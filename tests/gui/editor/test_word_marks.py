"""Word-level checks in the body editor (issue 17, part 3): confused words and tone marks not in
the house style underlined in colours of their own (not the spell checker's red), across a line
break, and fixed from the right-click menu in one undo step."""

from __future__ import annotations

from gui.editor.editor_helpers import type_text
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.editor.spell_highlight import underline_colour
from editor_app.gui.editor.word_marks import DEBOUNCE_MS, confused_colour, tone_colour
from editor_app.services.word_lists import confused_words

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
DOTS = QTextCharFormat.UnderlineStyle.DotLine


def marks(editor: BodyEditor) -> list[tuple[str, QTextCharFormat.UnderlineStyle, QColor]]:
    """What the editor underlines with its word checks: the text (line breaks as typed), the
    style and the colour."""
    return [
        (s.cursor.selectedText().replace("\u2029", "\n"), s.format.underlineStyle(),
         s.format.underlineColor())
        for s in editor.extraSelections()
        if s.format.underlineStyle() in (WAVE, DOTS)
    ]  # fmt: skip


def point_at(editor: BodyEditor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


def test_typed_confusables_and_tone_marks_are_underlined(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    type_text(editor, "Cần sử lý ngay, bác sĩ chuẩn đoán sức khoẻ; tương lai xán lạn.")
    qtbot.waitUntil(lambda: len(marks(editor)) == 3, timeout=DEBOUNCE_MS * 10)
    found = marks(editor)
    assert [(t, s) for t, s, _c in found] == [("sử lý", WAVE), ("chuẩn đoán", WAVE), ("khoẻ", DOTS)]
    palette = editor.palette()
    blue, purple, red = confused_colour(palette), tone_colour(palette), underline_colour(palette)
    assert found[0][2] == blue and found[2][2] == purple
    assert len({blue.name(), purple.name(), red.name()}) == 3  # three kinds, three colours


def test_a_pair_split_by_a_line_break_is_underlined(qtbot: QtBot, editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    editor.setPlainText("Cơ quan chức năng đã sử\nlý vụ việc.\n\nTrú\n\ntrọng")
    editor.word_marks.refresh()  # type: ignore[union-attr]
    assert [t for t, _s, _c in marks(editor)] == ["sử\nlý"]  # not across paragraphs


def test_the_menu_fixes_a_confused_word_in_one_undo_step(editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    editor.setPlainText("Phải trú trọng việc này.")
    menu = editor.create_context_menu(point_at(editor, 7))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "chú trọng"
    assert "trú là ở, cư trú" in texts[1]  # the list's note, not clickable
    assert not menu.actions()[1].isEnabled()
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Phải chú trọng việc này."
    assert marks(editor) == []
    editor.undo()
    assert editor.toPlainText() == "Phải trú trọng việc này."


def test_the_menu_fixes_a_tone_mark_and_offers_the_whole_story(editor: BodyEditor) -> None:
    whole = QAction("Tone marks of the whole story as “hoà, thuỷ”", editor)
    editor.set_word_checks(confused_words(), "hoà", whole)
    editor.setPlainText("Sức khỏe và hòa bình")
    menu = editor.create_context_menu(point_at(editor, 6))
    texts = [a.text() for a in menu.actions()]
    assert texts[:3] == ["khoẻ", "The outlet writes “hoà, thuỷ”", whole.text()]
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Sức khoẻ và hòa bình"
    assert [t for t, _s, _c in marks(editor)] == ["hòa"]


def test_a_confused_word_keeps_its_line_break_and_case(editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    editor.setPlainText("Sử\nlý ngay.")
    menu = editor.create_context_menu(point_at(editor, 1))
    assert menu.actions()[0].text() == "Xử lý"
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Xử\nlý ngay."


def test_a_plain_word_gets_the_plain_menu(editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    editor.setPlainText("Tương lai xán lạn.")
    texts = [a.text() for a in editor.create_context_menu(point_at(editor, 12)).actions()]
    assert "xán lạn" not in texts and not any("outlet" in t for t in texts)


def test_read_only_offers_no_fix(editor: BodyEditor) -> None:
    editor.set_word_checks(confused_words(), "hòa")
    editor.setPlainText("sử lý")
    editor.setReadOnly(True)
    menu = editor.create_context_menu(point_at(editor, 1))
    assert menu.actions()[0].text() == "xử lý" and not menu.actions()[0].isEnabled()
