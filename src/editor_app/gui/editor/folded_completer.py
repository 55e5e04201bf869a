"""Completion that folds diacritics, case and đ, for a comma-separated list of keywords.

QCompleter compares text as it is ("chuyen" never meets "chuyển đổi số", "dang" never "Đảng").
`FoldedCompleter` matches on `domain.text.fold` instead: the model it is given is seen through a
proxy that answers FOLDED_ROLE with each entry folded, the completer searches that role for the
folded word being typed (anywhere in the entry), and the popup shows and inserts the entry as
written. As `KeywordCompleter` did, only the part after the last comma is completed; what is
before it stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QCompleter, QLineEdit

from editor_app.domain.text import fold

__all__ = ["FOLDED_ROLE", "FoldedCompleter"]

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 77  # an entry's text, folded


class _Folded(QIdentityProxyModel):
    """The source model, with FOLDED_ROLE answering each entry's display text folded."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == FOLDED_ROLE:
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            return fold(text) if isinstance(text, str) else ""
        return super().data(index, role)


class FoldedCompleter(QCompleter):
    """Completes the entry after the last comma of a line edit; "chuyen" offers "chuyển đổi
    số", "dang" offers "Đảng". The model's entries are read from its display role."""

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folded = _Folded(self)
        self._folded.setSourceModel(model)
        self.setModel(self._folded)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path.rsplit(",", 1)[-1].strip())]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        current = widget.text() if isinstance(widget, QLineEdit) else ""
        head = current.rsplit(",", 1)[0] + ", " if "," in current else ""
        return head + str(index.data(Qt.ItemDataRole.DisplayRole))
