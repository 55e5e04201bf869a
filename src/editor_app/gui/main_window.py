"""The main window: the story list, the open story and its metadata, menus and status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from editor_app.domain.errors import UserError
from editor_app.gui import i18n
from editor_app.gui.forms.ui_main_window import Ui_MainWindow
from editor_app.gui.settings import LANGUAGE, LAST_STORY, RECENT, Settings
from editor_app.gui.story_actions import StoryActions
from editor_app.gui.sync.start import start_sync
from editor_app.gui.window_arrangement import WindowArrangement

# Only the frame is imported with this module: it is on screen before the rest (the editor's
# logic, the story list, the docks) is loaded by `attach()`, after the window shows.
if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDockWidget, QWidget

    from editor_app.domain.article import Article
    from editor_app.domain.listing import ArticleFilter
    from editor_app.gui.identity_dialog import FirstStart
    from editor_app.gui.officials.directory_dialog import DirectoryDialog
    from editor_app.gui.story_list.filters import KeywordFilter, OfficialFilter
    from editor_app.gui.story_list.model import StoryListModel
    from editor_app.services.session import Recovery
    from editor_app.services.workspace import Workspace


class MainWindow(StoryActions, WindowArrangement, QMainWindow):
    """Built in two steps so it is on screen fast: the frame (no database), then `attach()`."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Editorial desk — editor_app"))
        self.ui.splitter.setSizes([300, 900])
        self.ui.splitter.setStretchFactor(1, 1)
        self._fit_to_screen()
        self._build_status_bar()
        self.ui.actionAbout.triggered.connect(self.show_about)
        self.setEnabled(False)  # until the data folder is open
        self.statusBar().showMessage(self.tr("Opening the stories…"))

    def attach(self, workspace: Workspace) -> None:
        """Connects the window to an open data folder and shows its stories."""
        from editor_app.gui.article_editor import ArticleEditor
        from editor_app.gui.bus import ChangeBus
        from editor_app.gui.context import StoryContext
        from editor_app.gui.desk import Desk
        from editor_app.gui.ops import Ops
        from editor_app.gui.review.controller import ReviewController
        from editor_app.gui.story_list.controller import StoryList
        from editor_app.gui.worker import Worker

        self.workspace = workspace
        self.worker = Worker(self)
        self.bus = ChangeBus(self)
        self.story = StoryContext(self)
        self.ops = Ops(self, self.worker, self.bus)
        self.desk = Desk(
            workspace, self.story, self.bus, self.ops, self.settings, self.statusBar().showMessage
        )
        # Built first, so first to hear of another story and of a change: the panels read
        # the fields it filled, the list redraws before them.
        self.editor = ArticleEditor(
            self.ui, workspace, self.worker, self.story, self.bus, self, settings=self.settings
        )
        self.stories = StoryList(workspace, self.ui, self.story, self)
        self.stories.open_requested.connect(self.open_story)
        self.stories.failed.connect(self.show_error)
        self.bus.changed.connect(self.stories.on_changes)
        self._build_menus()
        self.review = ReviewController(self.desk, self, self.ui)  # who, status, history, hand-off
        self.review.open_requested.connect(lambda aid: self.open_story(aid, quiet=True))
        from editor_app.gui.imports import Imports

        self.imports = Imports(self.desk, self)  # File › import an article, the sections
        self.ui.menuFile.insertActions(self.review.action_receive, self.imports.actions())
        self.imports.story_imported.connect(self.open_story)
        self.imports.sections_imported.connect(lambda _s: self.reload_directory())
        body = self.ui.bodyEdit

        def save_words(_word: str) -> None:
            checker = body.spell_checker()
            if checker is not None:
                snapshot = checker.copy()
                self.worker.submit(lambda: workspace.save_user_words(snapshot))

        body.set_add_word_callback(save_words)
        from editor_app.gui.word_checks import WordChecks

        self.word_checks = WordChecks(self.desk, body, self.ui.menuEdit, self)  # word-level checks
        self._add_docks()
        self._build_keys()
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
        self.sync = start_sync(
            self.desk,
            self.ui.statusbar,
            lambda notice: self.ui.articleLayout.insertWidget(1, notice),  # under the story bar
            self.ui.menuFile,
            self,
        )
        if self.sync is not None:
            self.sync.runner.story_changed.connect(lambda aid: self.open_story(aid, quiet=True))
            self.sync.locks.held_changed.connect(self.review.set_held_elsewhere)
        from editor_app.gui.update_notice import UpdateNotice

        self.updates = UpdateNotice(self.desk, self.ui.statusbar, self)  # IT's [updates]
        self.updates.start()  # on its own thread: the window does not wait for it
        # The dictionary loads on a worker thread once the list has been drawn: loading
        # alongside would slow the list's queries (both want the interpreter).
        QTimer.singleShot(0, self, self._load_spelling)

    def _add_docks(self) -> None:
        from editor_app.gui.dock_registry import load_panels
        from editor_app.gui.preview.dock import PreviewDock
        from editor_app.gui.review.comments_panel import CommentsPanel

        self.panels: list[QDockWidget] = []
        right = Qt.DockWidgetArea.RightDockWidgetArea
        first_in: dict[Qt.DockWidgetArea, QDockWidget] = {right: self.ui.detailsDock}
        for factory, area in load_panels():
            dock = factory(self.desk)
            self.addDockWidget(area, dock)
            # Docks on one side share it as tabs: each gets the full height.
            if area in first_in:
                self.tabifyDockWidget(first_in[area], dock)
            else:
                first_in[area] = dock
            self.panels.append(dock)
            if isinstance(dock, CommentsPanel):
                self.review.connect_comments(dock)
            elif isinstance(dock, PreviewDock):  # its bar may hide Export under » on a laptop
                self.ui.menuFile.insertAction(self.review.action_receive, dock.export_action)
        for dock in first_in.values():
            dock.raise_()

    def _load_spelling(self) -> None:
        if not getattr(self, "_closed", False):  # not once closed: its worker has stopped
            self.ui.bodyEdit.load_spell_checker(self.workspace.load_spell_checker)

    # --- building -------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.save_label = QLabel(self)
        self.count_label = QLabel(self)
        self.ui.statusbar.addWidget(self.save_label)
        self.ui.statusbar.addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        ui = self.ui
        ui.actionNew.triggered.connect(lambda: self.new_story(self.stories.section()))
        ui.actionDuplicate.triggered.connect(self.duplicate_story)
        ui.actionSaveRevision.triggered.connect(self.save_revision)
        ui.actionTrash.triggered.connect(self.trash_story)
        ui.actionRestore.triggered.connect(self.restore_story)
        ui.actionDeleteForever.triggered.connect(self.delete_story)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionFind.triggered.connect(lambda: self._find(replace=False))
        ui.actionReplace.triggered.connect(lambda: self._find(replace=True))
        ui.menuRecent.aboutToShow.connect(self._fill_recent)
        ui.menuEdit.addSeparator()
        self.actionOfficials = ui.menuEdit.addAction(self.tr("Officials directory…"))
        self.actionOfficials.triggered.connect(self.open_directory)
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
        self.stories.set_sections(sections)
        keywords = self.workspace.articles.keywords_in_use()
        self.editor.set_keywords(keywords)
        self.stories.keyword_filter.set_keywords(keywords)
        menu = self.ui.menuNewFromTemplate
        menu.clear()
        for s in sections:
            act = menu.addAction("    " * (len(s.parts) - 1) + s.name)
            act.triggered.connect(lambda _c=False, p=s.path: self.new_story(p))
        menu.setEnabled(bool(sections))

    # --- the story list (tests and the story actions reach it through these) -------------------
    @property
    def model(self) -> StoryListModel:
        return self.stories.model

    @property
    def official_filter(self) -> OfficialFilter:
        return self.stories.official_filter

    @property
    def keyword_filter(self) -> KeywordFilter:
        return self.stories.keyword_filter

    def current_filter(self) -> ArticleFilter:
        return self.stories.current_filter()

    def refresh_list(self) -> None:
        self.stories.refresh()

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
        self.stories.select_current()
        self._update_actions()

    def _show(self, article: Article | None) -> None:
        self.story.open(article)  # the editor, then the docks
        self.review.set_article(article)

    def _update_actions(self) -> None:
        article = self.story.article
        has = article is not None
        trashed = bool(article and article.trashed_at)
        ui = self.ui
        ui.actionDuplicate.setEnabled(has)
        ui.actionSaveRevision.setEnabled(has)
        ui.actionTrash.setEnabled(has and not trashed)
        ui.actionRestore.setEnabled(trashed)
        ui.actionDeleteForever.setEnabled(trashed)

    def open_directory(self) -> DirectoryDialog:
        """Edit › Officials directory…: one dialog, not modal."""
        from editor_app.gui.officials.directory_dialog import DirectoryDialog

        dialog = getattr(self, "officials_dialog", None)
        if not isinstance(dialog, DirectoryDialog):
            dialog = DirectoryDialog(self.workspace.officials, self)
            dialog.changed.connect(lambda c, d=dialog: self.bus.publish(c, d))

            def show_stories(official_id: uuid.UUID) -> None:
                self.stories.show_stories_of(official_id)
                self.activateWindow()

            dialog.show_stories.connect(show_stories)
            self.officials_dialog = dialog
        else:
            dialog.reload()
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()
        return dialog

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

    def ask_first_identity(self, quit_app: Callable[[], None]) -> FirstStart | None:
        """At the first start on a data folder: who is working, before anything else."""
        from editor_app.gui.identity_dialog import ask_first_identity

        first = ask_first_identity(self, self.workspace.identity, quit_app)
        if first is not None:
            first.done.connect(self.review.set_user)
            self.first_start = first  # kept while the question is open
        return first

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.editor.focus_widget_is_ours(old):
            self.editor.saver.save_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if hasattr(self, "editor") and not getattr(self, "_closed", False):
            self._closed = True
            self.ui.actionFocusMode.setChecked(False)  # the arrangement saved is the full one
            self.layout_memory.save()
            self.editor.saver.close()
            sync = getattr(self, "sync", None)
            if sync is not None:
                sync.close()
            self.stories.close()
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
