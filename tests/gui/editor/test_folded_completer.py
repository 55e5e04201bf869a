"""Keyword completion that folds diacritics, case and đ (issue 15, point 7)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.folded_completer import FoldedCompleter

KEYWORDS = ["chuyển đổi số", "Đảng", "kinh tế", "Đà Lạt", "giáo dục", "dân số"]


def _field(qtbot: QtBot) -> tuple[QLineEdit, FoldedCompleter]:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    model = QStringListModel(KEYWORDS, edit)
    completer = FoldedCompleter(model, edit)
    edit.setCompleter(completer)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)  # a line edit follows its completer only while focused
    return edit, completer


def offered(completer: FoldedCompleter) -> list[str]:
    model = completer.completionModel()
    return [str(model.index(i, 0).data()) for i in range(model.rowCount())]


def test_typing_without_marks_offers_the_keyword_with_them(qtbot: QtBot) -> None:
    edit, completer = _field(qtbot)
    qtbot.keyClicks(edit, "chuyen")
    assert offered(completer) == ["chuyển đổi số"]
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    edit.clear()
    qtbot.keyClicks(edit, "DANG")  # case and đ do not matter
    assert offered(completer) == ["Đảng"]
    edit.clear()
    qtbot.keyClicks(edit, "so")  # anywhere in the keyword
    assert offered(completer) == ["chuyển đổi số", "dân số"]


def test_picking_completes_the_part_after_the_last_comma(qtbot: QtBot) -> None:
    edit, completer = _field(qtbot)
    qtbot.keyClicks(edit, "kinh te, dang")
    assert offered(completer) == ["Đảng"]
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "kinh te, Đảng"
    qtbot.keyClicks(edit, ", xyz")
    assert offered(completer) == []
