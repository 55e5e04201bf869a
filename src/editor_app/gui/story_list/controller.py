"""The story list beside the editor: its model, the search box and the filters above it, which
row is selected. A part of the window (it is given the window's form), it asks for a story to
be opened with `open_requested` and redraws what a `Changes` record touched."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView

from editor_app.domain.listing import ArticleFilter
from editor_app.domain.workflow import Status
from editor_app.gui.story_list.filters import KeywordFilter, OfficialFilter
from editor_app.gui.story_list.model import StoryListModel, status_label
from editor_app.gui.story_list.search import StorySearch

if TYPE_CHECKING:
    from editor_app.domain.section import Section
    from editor_app.gui.context import StoryContext
    from editor_app.gui.forms.ui_main_window import Ui_MainWindow
    from editor_app.services.changes import Changes
    from editor_app.services.workspace import Workspace

__all__ = ["StoryList"]

# Fixed widths: ResizeToContents would ask every row for its text, defeating the paging.
WIDTHS = {StoryListModel.SECTION: 88, StoryListModel.STATUS: 76, StoryListModel.UPDATED: 76}
NARROW = 420  # pixels: a list narrower than this hides its section column


class StoryList(QObject):
    open_requested = Signal(object)  # uuid.UUID: the user picked a row
    failed = Signal(object)  # an error of the search, for the window to show

    def __init__(
        self, ws: Workspace, ui: Ui_MainWindow, story: StoryContext, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.story = story
        self.model = StoryListModel(ws.articles.summaries, self)
        self.search = StorySearch(ws, self.model, ui.listInfo, self)
        self.search.shown.connect(self.select_current)
        self.search.failed.connect(self.failed)
        self.official_filter = OfficialFilter(
            ws.officials.all, ui.storyPanel, people=ws.articles.people_in_bylines
        )
        self.keyword_filter = KeywordFilter(ws.articles.keywords_in_use, ui.storyPanel)
        self._build_view()
        self._build_filters()
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.refresh)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())

    def _build_view(self) -> None:
        view = self.ui.storyList
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(StoryListModel.HEADLINE, QHeaderView.ResizeMode.Stretch)
        for col, width in WIDTHS.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        view.verticalHeader().setDefaultSectionSize(28)
        view.selectionModel().currentRowChanged.connect(self._row_changed)
        # Tab leaves the list (it moved from row to row, and each row opened a story).
        view.setTabKeyNavigation(False)
        view.installEventFilter(self)

    def _build_filters(self) -> None:
        ui = self.ui
        ui.statusFilter.addItem(self.tr("All statuses"), None)
        for st in Status:
            ui.statusFilter.addItem(status_label(st), st)
        ui.statusFilter.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.sectionFilter.currentIndexChanged.connect(lambda _i: self.refresh())
        ui.actionShowTrash.toggled.connect(lambda _on: self.refresh())
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.official_filter, 1)
        row.addWidget(self.keyword_filter, 1)
        layout = ui.storyLayout
        layout.insertLayout(layout.indexOf(ui.storyList), row)
        timer = QTimer(self, singleShot=True, interval=250)
        timer.timeout.connect(self.refresh)
        self.official_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.keyword_filter.currentTextChanged.connect(lambda _t: timer.start())

    # --- what the list shows --------------------------------------------------------------------
    def section(self) -> str | None:
        """The section filtered on (a new story goes there)."""
        data = self.ui.sectionFilter.currentData()
        return str(data) if data else None

    def current_filter(self) -> ArticleFilter:
        status = self.ui.statusFilter.currentData()
        return ArticleFilter(
            status=Status(status) if status else None,
            section=self.section(),
            trashed=self.ui.actionShowTrash.isChecked(),
            official_id=self.official_filter.current_id(),
            author=self.official_filter.current_author(),
            keyword=self.keyword_filter.current_keyword(),
        )

    def refresh(self) -> None:
        """Re-queries which stories the list shows (search or filters changed, one added...).
        A search runs off the UI thread: the list keeps its rows until the result comes."""
        self.search.refresh(self.ui.searchEdit.text(), self.current_filter())

    def set_sections(self, sections: list[Section]) -> None:
        f = self.ui.sectionFilter
        current = f.currentData()
        f.blockSignals(True)
        f.clear()
        f.addItem(self.tr("All sections"), None)
        for s in sections:
            f.addItem("    " * (len(s.parts) - 1) + s.name, s.path)
        if current:
            f.setCurrentIndex(max(0, f.findData(current)))
        f.blockSignals(False)

    def show_stories_of(self, official_id: uuid.UUID) -> None:
        """The stories that tag an official (from the directory's "Stories…")."""
        self.ui.searchEdit.clear()
        self.official_filter.select(official_id)

    def on_changes(self, changes: Changes) -> None:
        """Only what a change touched is redrawn (autosave redraws one row)."""
        if changes.membership:
            self.refresh()
        else:
            self.model.invalidate(list(changes.articles))

    # --- the selected row -----------------------------------------------------------------------
    def select_current(self) -> None:
        article_id = self.story.article_id
        row = self.model.row_of(article_id) if article_id else None
        view = self.ui.storyList
        view.selectionModel().blockSignals(True)
        if row is None:
            view.clearSelection()
        else:
            view.selectRow(row)
        view.selectionModel().blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        aid = self.model.id_at(current.row())
        if aid is not None and aid != self.story.article_id:
            self.open_requested.emit(aid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.storyList and event.type() == QEvent.Type.Resize:
            # A narrow list keeps the headline readable: the section column goes first.
            narrow = self.ui.storyList.width() < NARROW
            self.ui.storyList.setColumnHidden(StoryListModel.SECTION, narrow)
        return super().eventFilter(watched, event)

    def close(self) -> None:
        self.search.close()
