"""The event date as a Vietnamese reporter types it: "12/4/2023", "12/4" (this year), "12-4-23".

A line edit, not a QDateEdit: QDateEdit's sections took "12/4/2023" typed in one go as
12/12/4202 (issue 15, point 3). The text is read by `domain.vi_dates.parse_vi_date` when the
edit is finished (Return, or the focus leaves): a date is shown back in full ("12/4" becomes
"12/4/2025") and `dateEdited(date)` is emitted when it changed; an empty field is no event date
(`dateEdited(None)`). Anything else is refused where it is seen: a red frame (the dynamic
property `invalid`), the reason in the tooltip and `refused(message)`; `date()` stays the last
valid date until the text is mended, and Escape puts that date back. A refused text turns back
to normal as soon as what is typed reads as a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from editor_app.domain.vi_dates import DateError, format_vi_date, parse_vi_date

__all__ = ["INVALID", "VietDateField"]

INVALID = "invalid"  # the dynamic property set while the text is refused
_STYLE = 'VietDateField[invalid="true"] { border: 2px solid #c0392b; }'


class VietDateField(QLineEdit):
    dateEdited = Signal(object)  # date | None: the user finished an edit that changed the date
    refused = Signal(str)  # the user finished an edit that is not a date: why, in Vietnamese

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self._problem = ""
        self.today: Callable[[], dt.date] = dt.date.today  # what "12/4" is read against
        self.setPlaceholderText(self.tr("day/month/year"))
        self.setClearButtonEnabled(True)
        self.setStyleSheet(_STYLE)
        self._set_invalid(False)
        # Return, or the focus leaving after a change (Qt 6 emits it for both)
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(self._typed)

    # --- the value ------------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The last valid date (None: no event date)."""
        return self._date

    def setDate(self, day: dt.date | None) -> None:
        """Shows a date (None: empty); emits nothing, clears a refusal."""
        self._date = day
        self.setText(format_vi_date(day) if day is not None else "")
        self._set_invalid(False)

    def problem(self) -> str:
        """Why the text is refused, in Vietnamese ("" when it is not)."""
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    # --- reading what was typed -----------------------------------------------------------------
    def _read(self) -> dt.date | None:
        """The typed date (None: empty); raises DateError."""
        text = self.text()
        return None if not text.strip() else parse_vi_date(text, self.today())

    def _finish(self) -> None:
        try:
            day = self._read()
        except DateError as e:
            self._refuse(e.message)
            return
        self._set_invalid(False)
        shown = format_vi_date(day) if day is not None else ""
        if self.text() != shown:
            self.setText(shown)
        if day != self._date:
            self._date = day
            self.dateEdited.emit(day)

    def _typed(self, text: str) -> None:
        """A refused text turns back to normal once it reads as a date (not red while typing);
        emptied by the clear button, the field has no date at once."""
        if not text and not self.hasFocus():
            self._finish()
        elif self._problem:
            try:
                self._read()
            except DateError:
                return
            self._set_invalid(False)

    def _refuse(self, message: str) -> None:
        self._set_invalid(True, message)
        self.refused.emit(message)

    def _set_invalid(self, on: bool, message: str = "") -> None:
        self._problem = message if on else ""
        self.setProperty(INVALID, on)
        if on:
            tip = self.tr(
                "{problem} Type the day, then the month, then the year (12/4/2023); "
                "leave it empty for no event date."
            ).format(problem=message)
        else:
            tip = self.tr("The event date: day/month/year, e.g. 12/4/2023; 12/4 is this year")
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        style = self.style()
        style.unpolish(self)
        style.polish(self)
        self.update()

    # --- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape puts the last valid date back, when the text differs from it."""
        shown = format_vi_date(self._date) if self._date is not None else ""
        if event.key() == Qt.Key.Key_Escape and (self._problem or self.text() != shown):
            self.setDate(self._date)
            event.accept()
            return
        super().keyPressEvent(event)
