"""Two more filters for the story list: by official (tagged) and by keyword.

Both reload their choices when opened, so they follow the directory and the keywords in use
without the window telling them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QWidget

from editor_app.domain.collation import sort_key
from editor_app.domain.officials.people import Official

AUTHOR = "by:"  # an item's data: a name of the bylines, not an official's id


class OfficialFilter(QComboBox):
    """ "All officials" (Mọi người), then every official of the directory (the retired too: old
    stories), then every person of the stories' bylines (`people`)."""

    def __init__(
        self,
        load: Callable[[], list[Official]],
        parent: QWidget | None = None,
        people: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._people = people
        self.setObjectName("officialFilter")
        self.setToolTip(self.tr("Show stories tagged with this official"))
        self.setMinimumContentsLength(8)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reload()

    def reload(self) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All officials"), None)
        for o in sorted(self._load(), key=lambda o: sort_key(o.full_name)):
            label = o.full_name + (self.tr(" (retired)") if o.retired else "")
            self.addItem(label, str(o.id))
        names = self._people() if self._people is not None else []
        if names:
            self.insertSeparator(self.count())
        for name in names:
            self.addItem(self.tr("%1 (byline)").replace("%1", name), AUTHOR + name)
        self.setCurrentIndex(max(0, self.findData(current)) if current else 0)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.reload()
        super().showPopup()

    def current_id(self) -> uuid.UUID | None:
        data = self.currentData()
        return uuid.UUID(data) if data and not data.startswith(AUTHOR) else None

    def current_author(self) -> str | None:
        """The byline's name chosen (the stories where it is in the byline), or None."""
        data = self.currentData()
        return data[len(AUTHOR) :] if data and data.startswith(AUTHOR) else None

    def select(self, official_id: uuid.UUID | None) -> None:
        """Shows the stories of one official (None: all); the list refreshes."""
        if official_id is not None and self.findData(str(official_id)) < 0:
            self.reload()
        index = self.findData(str(official_id)) if official_id else 0
        self.setCurrentIndex(max(0, index))


class KeywordFilter(QComboBox):
    """A keyword typed or picked from those in use; empty shows every story."""

    def __init__(self, load: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.setObjectName("keywordFilter")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setToolTip(self.tr("Show stories with this keyword (diacritics optional)"))
        self.setMinimumContentsLength(8)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("All keywords"))
        line.setClearButtonEnabled(True)
        self.setCurrentIndex(-1)

    def reload(self) -> None:
        self.set_keywords(self._load())

    def set_keywords(self, keywords: list[str]) -> None:
        """The keywords offered (the window passes the list it loads for the editor too)."""
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(keywords)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.reload()
        super().showPopup()

    def current_keyword(self) -> str | None:
        return " ".join(self.currentText().split()) or None
