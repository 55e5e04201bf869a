"""The story list: a lazy table model (ids first, rows fetched when drawn)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from editor_app.domain.article import utcnow
from editor_app.domain.text import format_datetime, format_short_time
from editor_app.domain.timezone import to_local
from editor_app.domain.workflow import Status

PAGE = 100

Index = QModelIndex | QPersistentModelIndex


class StoryListModel(QAbstractTableModel):
    """Holds only ids; a row's headline, section, status and time are fetched in pages of 100
    the first time a view asks for them, and dropped when a change touches that story."""

    HEADLINE, SECTION, STATUS, UPDATED = range(4)

    def __init__(
        self,
        fetch_summaries: Callable[[list[uuid.UUID]], dict[uuid.UUID, Any]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch_summaries
        self._ids: list[uuid.UUID] = []
        self._row_of: dict[uuid.UUID, int] = {}
        self._rows: dict[uuid.UUID, Any] = {}
        self._snippets: dict[uuid.UUID, str] = {}
        self.fetch_count = 0  # how many page fetches were made (tests and benchmarks read it)

    # --- content -------------------------------------------------------------------------------
    def set_ids(
        self, ids: Sequence[uuid.UUID], snippets: dict[uuid.UUID, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {aid: i for i, aid in enumerate(self._ids)}
        self._rows.clear()
        self._snippets = dict(snippets or {})
        self.endResetModel()

    def ids(self) -> list[uuid.UUID]:
        return list(self._ids)

    def id_at(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: uuid.UUID) -> int | None:
        return self._row_of.get(article_id)

    def invalidate(self, article_ids: Sequence[uuid.UUID]) -> None:
        """Refetches only the rows a change touched (the rest stay as drawn)."""
        for aid in article_ids:
            row = self._row_of.get(aid)
            if row is None:
                continue
            self._rows.pop(aid, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def cached_rows(self) -> int:
        return len(self._rows)

    def _summary(self, row: int) -> Any:
        aid = self._ids[row]
        summary = self._rows.get(aid)
        if summary is None:
            start = (row // PAGE) * PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._rows]
            if aid not in page:
                page.append(aid)
            self._rows.update(self._fetch(page))
            self.fetch_count += 1
            summary = self._rows.get(aid)
        return summary

    # --- Qt model interface --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Headline"),
            self.tr("Section"),
            self.tr("Status"),
            self.tr("Last change"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self._summary(index.row())
        if s is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.UPDATED:
            return format_datetime(to_local(s.updated_at), weekday=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            snippet = self._snippets.get(s.id)
            return f"{s.headline}\n{snippet}" if snippet else s.headline or None
        return self._display(s, index.column())

    def _display(self, s: Any, col: int) -> str | None:
        """What a column shows of a story's summary."""
        if col == self.HEADLINE:
            return s.headline or self.tr("(untitled)")
        if col == self.SECTION:
            return (s.section or "").rsplit("/", 1)[-1]
        if col == self.STATUS:
            return status_label(s.status)
        if col == self.UPDATED:
            return format_short_time(to_local(s.updated_at), to_local(utcnow()))
        return None


def status_label(status: Status) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        Status.DRAFT: QCoreApplication.translate("Status", "Draft"),
        Status.SUBMITTED: QCoreApplication.translate("Status", "Submitted"),
        Status.EDITING: QCoreApplication.translate("Status", "Editing"),
        Status.APPROVED: QCoreApplication.translate("Status", "Approved"),
        Status.PUBLISHED: QCoreApplication.translate("Status", "Published"),
        Status.RETURNED: QCoreApplication.translate("Status", "Returned"),
        Status.WITHDRAWN: QCoreApplication.translate("Status", "Withdrawn"),
    }
    return labels[status]
