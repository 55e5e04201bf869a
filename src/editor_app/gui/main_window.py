"""The main window: the story list, the open story and its metadata, menus and status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QMainWindow, QMessageBox

from editor_app.domain.errors import UserError
from editor_app.gui import i18n
from editor_app.gui.forms.ui_main_window import Ui_MainWindow
from editor_app.gui.settings import LANGUAGE, LAST_STORY, RECENT, Settings
from editor_app.gui.story_actions import StoryActions

# Only the frame is imported with this module: it is on screen before the rest (the editor's
# logic, the story list, the docks) is loaded by `attach()`, after the window shows.
if TYPE_CHECKING:
    import uuid

    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDockWidget, QWidget

    from editor_app.domain.article import Article
    from editor_app.domain.listing import ArticleFilter
    from editor_app.services.changes import Changes
    from editor_app.services.session import Recovery
    from editor_app.services.workspace import Workspace


class MainWindow(StoryActions, QMainWindow):
    """Built in two steps so it is on screen fast: the frame (no database), then `attach()`."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Editorial desk — editor_app"))
        self.ui.splitter.setSizes([500, 660, 250])
        self.ui.splitter.setStretchFactor(1, 1)
        geometry = self.settings.geometry(type(self).__name__)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._build_status_bar()
        self.ui.actionAbout.triggered.connect(self.show_about)
        self.setEnabled(False)  # until the data folder is open
        self.statusBar().showMessage(self.tr("Opening the stories…"))

    def attach(self, workspace: Workspace) -> None:
        """Connects the window to an open data folder and shows its stories."""
        from editor_app.gui.article_editor import ArticleEditor
        from editor_app.gui.dock_registry import load_panels
        from editor_app.gui.story_list.model import StoryListModel
        from editor_app.gui.story_list.search import StorySearch
        from editor_app.gui.worker import Worker

        self.workspace = workspace
        self.worker = Worker(self)
        self.editor = ArticleEditor(self.ui, workspace, self.worker, self)
        self.model = StoryListModel(workspace.articles.summaries, self)
        self.story_search = StorySearch(workspace, self.model, self.ui.listInfo, self)
        self.story_search.shown.connect(self._select_current)
        self.story_search.failed.connect(self.show_error)
        self._build_story_list()
        self._build_menus()
        from editor_app.gui.review.controller import ReviewController

        self.review = ReviewController(self)  # who am I, status, history, send and receive
        body = self.ui.bodyEdit

        def save_words(_word: str) -> None:
            checker = body.spell_checker()
            if checker is not None:
                snapshot = checker.copy()
                self.worker.submit(lambda: workspace.save_user_words(snapshot))

        body.set_add_word_callback(save_words)
        self.panels: list[QDockWidget] = []
        first_in: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for factory, area in load_panels():
            dock = factory(self)
            self.addDockWidget(area, dock)
            # Docks on one side share it as tabs: each gets the full height.
            if area in first_in:
                self.tabifyDockWidget(first_in[area], dock)
            else:
                first_in[area] = dock
            self.panels.append(dock)
            changed = getattr(dock, "changed", None)
            if changed is not None:
                changed.connect(self.on_changes)
        for dock in first_in.values():
            dock.raise_()
        self.review.panels_ready()
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.refresh_list)
        self.ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        self.editor.article_changed.connect(self.on_changes)
        self.editor.save_state.connect(self.save_label.setText)
        self.editor.counts_changed.connect(self.count_label.setText)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.setEnabled(True)
        self.statusBar().clearMessage()
        self.reload_directory()
        self.refresh_list()
        last = self.settings.get(LAST_STORY)
        if last:
            self.open_story(_uuid(last), quiet=True)
        # The dictionary loads on a worker thread once the list has been drawn: loading
        # alongside would slow the list's queries (both want the interpreter).
        QTimer.singleShot(0, self, self._load_spelling)

    def _load_spelling(self) -> None:
        if not getattr(self, "_closed", False):  # not once closed: its worker has stopped
            self.ui.bodyEdit.load_spell_checker(self.workspace.load_spell_checker)

    # --- building -------------------------------------------------------------------------------
    def _build_story_list(self) -> None:
        from editor_app.domain.workflow import Status
        from editor_app.gui.story_list.filters import add_story_filters
        from editor_app.gui.story_list.model import StoryListModel, status_label

        view = self.ui.storyList
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(StoryListModel.HEADLINE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents would ask every row for its text, defeating the paging.
        widths = {
            StoryListModel.SECTION: 88,
            StoryListModel.STATUS: 76,
            StoryListModel.UPDATED: 112,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        view.verticalHeader().setDefaultSectionSize(28)
        view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.ui.statusFilter.addItem(self.tr("All statuses"), None)
        for st in Status:
            self.ui.statusFilter.addItem(status_label(st), st)
        self.ui.statusFilter.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.ui.sectionFilter.currentIndexChanged.connect(lambda _i: self.refresh_list())
        self.official_filter, self.keyword_filter = add_story_filters(self)

    def _build_status_bar(self) -> None:
        self.save_label = QLabel(self)
        self.count_label = QLabel(self)
        self.ui.statusbar.addWidget(self.save_label)
        self.ui.statusbar.addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        ui = self.ui
        ui.actionNew.triggered.connect(lambda: self.new_story(self._filter_section()))
        ui.actionDuplicate.triggered.connect(self.duplicate_story)
        ui.actionSaveRevision.triggered.connect(self.save_revision)
        ui.actionTrash.triggered.connect(self.trash_story)
        ui.actionRestore.triggered.connect(self.restore_story)
        ui.actionDeleteForever.triggered.connect(self.delete_story)
        ui.actionShowTrash.toggled.connect(lambda _on: self.refresh_list())
        ui.actionQuit.triggered.connect(self.close)
        ui.actionFind.triggered.connect(lambda: self._find(replace=False))
        ui.actionReplace.triggered.connect(lambda: self._find(replace=True))
        ui.menuRecent.aboutToShow.connect(self._fill_recent)
        ui.menuEdit.addSeparator()
        self.actionOfficials = ui.menuEdit.addAction(self.tr("Officials directory…"))
        self.actionOfficials.triggered.connect(self._open_directory)
        group = QActionGroup(self)
        site = self.workspace.site.config
        locked = not site.user_may("language")  # IT's site configuration sets it
        chosen = not locked and self.settings.q.contains(LANGUAGE.key)
        language = self.settings.get(LANGUAGE) if chosen else site.language.value
        for action, lang in ((ui.actionVietnamese, "vi"), (ui.actionEnglish, "en")):
            group.addAction(action)
            action.setChecked(language == lang)
            action.setEnabled(not locked)
            action.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
            if locked:
                action.setToolTip(self.tr("Set by IT in the site configuration"))
        ui.menuLanguage.setToolTipsVisible(locked)

    def reload_directory(self) -> None:
        sections = self.workspace.sections.sections()
        self.editor.set_sections(sections)
        keywords = self.workspace.articles.keywords_in_use()
        self.editor.set_keywords(keywords)
        self.keyword_filter.set_keywords(keywords)
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
        menu = self.ui.menuNewFromTemplate
        menu.clear()
        for s in sections:
            act = menu.addAction("    " * (len(s.parts) - 1) + s.name)
            act.triggered.connect(lambda _c=False, p=s.path: self.new_story(p))
        menu.setEnabled(bool(sections))

    # --- the story list -------------------------------------------------------------------------
    def _filter_section(self) -> str | None:
        data = self.ui.sectionFilter.currentData()
        return str(data) if data else None

    def current_filter(self) -> ArticleFilter:
        from editor_app.domain.listing import ArticleFilter
        from editor_app.domain.workflow import Status

        status = self.ui.statusFilter.currentData()
        return ArticleFilter(
            status=Status(status) if status else None,
            section=self._filter_section(),
            trashed=self.ui.actionShowTrash.isChecked(),
            official_id=self.official_filter.current_id(),
            keyword=self.keyword_filter.current_keyword(),
        )

    def refresh_list(self) -> None:
        """Re-queries which stories the list shows (search or filters changed, one added...).
        A search runs off the UI thread: the list keeps its rows until the result comes."""
        self.story_search.refresh(self.ui.searchEdit.text(), self.current_filter())

    def _select_current(self) -> None:
        article = self.editor.article
        row = self.model.row_of(article.id) if article else None
        view = self.ui.storyList
        view.selectionModel().blockSignals(True)
        if row is None:
            view.clearSelection()
        else:
            view.selectRow(row)
        view.selectionModel().blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        aid = self.model.id_at(current.row())
        if aid is not None and (self.editor.article is None or self.editor.article.id != aid):
            self.open_story(aid)

    def on_changes(self, changes: Changes) -> None:
        """Refreshes only what a change touched (autosave redraws one row of the list)."""
        if changes.membership:
            self.refresh_list()
        else:
            self.model.invalidate(list(changes.articles))
        for dock in self.panels:
            if dock is not changes.source:
                dock.on_changes(changes)  # type: ignore[attr-defined]
        self.review.on_changes(changes)

    # --- story actions --------------------------------------------------------------------------
    def open_story(self, article_id: uuid.UUID | None, quiet: bool = False) -> None:
        if article_id is None:
            return
        try:
            article = self.workspace.articles.get(article_id)
        except UserError as e:
            self.settings.remove_recent(str(article_id))
            if not quiet:
                self.show_error(e)
            return
        self._show(article)
        self.settings.add_recent(str(article.id))
        self.settings.set(LAST_STORY, str(article.id))
        self._select_current()
        self._update_actions()

    def _show(self, article: Article | None) -> None:
        self.editor.open(article)
        for dock in self.panels:
            dock.set_article(article)  # type: ignore[attr-defined]
        self.review.set_article(article)

    def _update_actions(self) -> None:
        article = self.editor.article
        has = article is not None
        trashed = bool(article and article.trashed_at)
        ui = self.ui
        ui.actionDuplicate.setEnabled(has)
        ui.actionSaveRevision.setEnabled(has)
        ui.actionTrash.setEnabled(has and not trashed)
        ui.actionRestore.setEnabled(trashed)
        ui.actionDeleteForever.setEnabled(trashed)

    def _open_directory(self) -> None:
        from editor_app.gui.officials.directory_dialog import open_directory

        open_directory(self)

    def _fill_recent(self) -> None:
        menu = self.ui.menuRecent
        menu.clear()
        ids = [i for i in (_uuid(s) for s in self.settings.get(RECENT)) if i is not None]
        rows = self.workspace.articles.summaries(ids)
        for aid in ids:
            s = rows.get(aid)
            if s is None:
                continue
            act = QAction(s.headline or self.tr("(untitled)"), menu)
            act.triggered.connect(lambda _c=False, a=aid: self.open_story(a))
            menu.addAction(act)
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _find(self, replace: bool) -> None:
        if replace:
            self.ui.bodyEdit.show_replace()
        else:
            self.ui.bodyEdit.show_find()

    # --- language, errors, recovery, closing ----------------------------------------------------
    def set_language(self, language: str) -> None:
        self.settings.set(LANGUAGE, language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            i18n.install(app, language)
        self.statusBar().showMessage(self.tr("The language changes fully after a restart."), 6000)

    def show_about(self) -> None:
        """Help › About: versions, folders, the site configuration in use."""
        from editor_app.gui.about_dialog import AboutDialog, AboutInfo

        dialog = AboutDialog(AboutInfo.gather(getattr(self, "workspace", None)), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.about_dialog = dialog

    def show_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("editor_app"), str(error))

    def show_recovery(self, recovery: Recovery) -> None:
        if not recovery.articles:
            return
        names = "\n".join(f"• {a.headline or self.tr('(untitled)')}" for a in recovery.articles[:8])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Recovered after an unexpected stop"),
            self.tr(
                "editor_app was closed unexpectedly last time. Everything typed up to the last "
                "autosave was kept. Recovered {n} stories:\n\n{names}"
            ).format(n=len(recovery.articles), names=names),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.recovery_box = box

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.editor.focus_widget_is_ours(old):
            self.editor.saver.save_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if hasattr(self, "editor") and not getattr(self, "_closed", False):
            self._closed = True
            self.editor.saver.close()
            self.story_search.close()
            self.worker.shutdown()
        self.settings.set_geometry(type(self).__name__, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)


def _uuid(text: str) -> uuid.UUID | None:
    import uuid

    try:
        return uuid.UUID(text)
    except (ValueError, TypeError):
        return None


__all__ = ["MainWindow"]
