"""The event date field (issue 15, point 3): "12/4/2023" typed in one go is 12 April 2023 (a
QDateEdit made it 12/12/4202), "12/4" is this year, and a date that does not exist is refused
where it is seen: a red frame, the reason in the tooltip, the last good date kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from helpers.vi_typing import type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from editor_app.gui.editor.date_field import INVALID, VietDateField

TODAY = date(2025, 6, 1)


class Form:
    """The field and another one to move the focus to, in a shown window."""

    def __init__(self, qtbot: QtBot) -> None:
        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.field = VietDateField(self.window)
        self.field.today = lambda: TODAY
        self.other = QLineEdit(self.window)
        layout.addWidget(self.field)
        layout.addWidget(self.other)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.edited: list[object] = []
        self.refused: list[str] = []
        self.field.dateEdited.connect(self.edited.append)
        self.field.refused.connect(self.refused.append)


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[Form]:
    yield Form(qtbot)


def _type(qtbot: QtBot, field: VietDateField, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key)


def _red_pixels(field: VietDateField) -> int:
    image = field.grab().toImage()
    red = QColor("#c0392b")
    return sum(
        1
        for x in range(image.width())
        for y in (0, 1, image.height() // 2)
        if image.pixelColor(x, y) == red
    ) + sum(1 for y in range(image.height()) if image.pixelColor(0, y) == red)


def test_a_date_typed_in_one_go_is_that_date(qtbot: QtBot, form: Form) -> None:
    field = form.field
    assert field.date() is None and field.placeholderText() == "day/month/year"
    _type(qtbot, field, "12/4/2023")
    assert field.date() == date(2023, 4, 12)
    assert form.edited == [date(2023, 4, 12)]
    assert field.text() == "12/4/2023"
    assert field.property(INVALID) is False and field.is_valid()


def test_day_and_month_are_this_year_and_shown_in_full(qtbot: QtBot, form: Form) -> None:
    _type(qtbot, form.field, "12/4")
    assert form.field.date() == date(2025, 4, 12)
    assert form.field.text() == "12/4/2025"  # what it was read as, seen at once
    _type(qtbot, form.field, "03.05.24")
    assert form.edited == [date(2025, 4, 12), date(2024, 5, 3)]


def test_a_date_that_does_not_exist_is_refused_visibly(qtbot: QtBot, form: Form) -> None:
    field = form.field
    assert _red_pixels(field) == 0
    _type(qtbot, field, "31/2/2024")
    assert field.date() is None  # nothing valid yet
    assert form.edited == []
    assert field.property(INVALID) is True
    assert field.text() == "31/2/2024"  # left to mend
    assert form.refused == ["Ngày 31/2/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày."]
    assert field.problem() == form.refused[0]
    assert field.toolTip().startswith(form.refused[0])
    assert _red_pixels(field) > 0  # the frame is drawn red


def test_a_refusal_keeps_the_last_good_date_until_mended(qtbot: QtBot, form: Form) -> None:
    field = form.field
    field.setDate(date(2023, 4, 12))
    assert form.edited == [] and field.text() == "12/4/2023"  # set, not edited
    _type(qtbot, field, "12/4/4202")
    assert field.date() == date(2023, 4, 12)
    assert field.property(INVALID) is True
    assert "Năm 4202" in field.toolTip()
    # mending the text: the frame goes back to normal as soon as it reads as a date
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "2024")
    assert field.property(INVALID) is False
    assert field.date() == date(2023, 4, 12)  # not taken before the edit is finished
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == date(2024, 4, 12) and form.edited == [date(2024, 4, 12)]


def test_leaving_the_field_finishes_the_edit(qtbot: QtBot, form: Form) -> None:
    field = form.field
    field.setFocus()
    qtbot.keyClicks(field, "1-6-2025")
    form.other.setFocus()
    qtbot.waitUntil(lambda: form.edited == [date(2025, 6, 1)], timeout=2000)
    field.setFocus()
    field.selectAll()
    type_text(field, "hôm qua")  # as an input method types it
    form.other.setFocus()
    qtbot.waitUntil(lambda: field.property(INVALID) is True, timeout=2000)
    assert field.date() == date(2025, 6, 1)
    assert form.refused and "không phải là ngày" in form.refused[-1]


def test_escape_puts_the_last_good_date_back(qtbot: QtBot, form: Form) -> None:
    field = form.field
    field.setDate(date(2023, 4, 12))
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "31/2/2024")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.property(INVALID) is True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "12/4/2023" and field.property(INVALID) is False
    assert form.edited == []


def test_empty_is_no_event_date(qtbot: QtBot, form: Form) -> None:
    field = form.field
    field.setDate(date(2023, 4, 12))
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date() is None and form.edited == [None]
    assert field.property(INVALID) is False
