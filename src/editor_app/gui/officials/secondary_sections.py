"""The secondary sections of a story: a checkable list; the primary one is the metadata combo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from editor_app.domain.section import Section

_PATH = Qt.ItemDataRole.UserRole


class SecondarySections(QListWidget):
    """Every section of the outlet with a check box; `toggled(paths)` after the user's click."""

    toggled = Signal(list)  # list[str]: the checked paths, in the outlet's order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secondarySections")
        self._filling = False
        self.itemChanged.connect(self._item_changed)

    def fill(self, sections: list[Section], checked: list[str], primary: str | None) -> None:
        """Shows the sections; `primary` is greyed out (a story is in it already)."""
        self._filling = True
        try:
            self.clear()
            known = {s.path for s in sections}
            extra = [Section(p) for p in checked if p not in known]  # e.g. an imported story
            for s in [*sections, *extra]:
                item = QListWidgetItem("    " * (len(s.parts) - 1) + s.name, self)
                item.setData(_PATH, s.path)
                if s.path == primary:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setToolTip(self.tr("The primary section of this story"))
                else:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    on = s.path in checked
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._filling = False
        rows = max(1, min(self.count(), 8))
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 18) + 2 * self.frameWidth() + 4)

    def checked(self) -> list[str]:
        return [
            str(it.data(_PATH))
            for it in (self.item(i) for i in range(self.count()))
            if it.checkState() == Qt.CheckState.Checked and it.flags() & Qt.ItemFlag.ItemIsEnabled
        ]

    def set_checked(self, path: str, on: bool) -> None:
        """Checks or unchecks a section as the user would (emits `toggled`)."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(_PATH) == path:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.toggled.emit(self.checked())
