"""Binds one open story to the headline, sapo, body and metadata fields, with autosave."""

from __future__ import annotations

import json
import logging
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.domain.article import Article
from editor_app.domain.section import Section
from editor_app.domain.text import count_text, format_number, reading_minutes
from editor_app.gui.autosave import SaveManager
from editor_app.gui.editor.body_editor import CursorState
from editor_app.gui.editor.byline_list import BylineList
from editor_app.gui.editor.folded_completer import FoldedCompleter
from editor_app.gui.editor.nfc_input import CommandKeyGuard
from editor_app.gui.forms.ui_main_window import Ui_MainWindow
from editor_app.gui.settings import BODY_CURSORS, BODY_CURSORS_MAX, Settings
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes
from editor_app.services.session import note_edited

if TYPE_CHECKING:
    from editor_app.gui.bus import ChangeBus
    from editor_app.gui.context import StoryContext
    from editor_app.services.workspace import Workspace

log = logging.getLogger(__name__)

HEADLINE_RANGE = (60, 100)
SAPO_RANGE = (150, 300)


def parse_keywords(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


class CursorMemory:
    """Where the body's cursor and scroll were in each of the last stories opened (at most
    `BODY_CURSORS_MAX`), kept in the user's settings so that a restart finds them; in memory
    only without settings. Nothing of it goes to the database."""

    def __init__(self, settings: Settings | None) -> None:
        self._settings = settings
        self._states: dict[uuid.UUID, CursorState] = {}
        raw = settings.get(BODY_CURSORS) if settings is not None else ""
        try:
            stored = json.loads(raw) if raw else {}
        except ValueError:
            stored = {}
        for key, value in stored.items() if isinstance(stored, dict) else ():
            try:
                position, anchor, scroll = (int(v) for v in value)
                self._states[uuid.UUID(key)] = CursorState(position, anchor, scroll)
            except (TypeError, ValueError):
                continue

    def get(self, article_id: uuid.UUID) -> CursorState | None:
        return self._states.get(article_id)

    def remember(self, article_id: uuid.UUID, state: CursorState) -> None:
        """state is the story's latest: it goes last, and the oldest beyond the bound go."""
        self._states.pop(article_id, None)
        self._states[article_id] = state
        for old in list(self._states)[:-BODY_CURSORS_MAX]:
            del self._states[old]

    def save(self) -> None:
        if self._settings is not None:
            stored = {str(k): [s.position, s.anchor, s.scroll] for k, s in self._states.items()}
            self._settings.set(BODY_CURSORS, json.dumps(stored))


class ArticleEditor(QObject):
    """Loads a story into the form and writes every edit back through the SaveManager."""

    counts_changed = Signal(str)
    save_state = Signal(str)

    def __init__(
        self,
        ui: Ui_MainWindow,
        workspace: Workspace,
        worker: Worker,
        story: StoryContext,
        bus: ChangeBus,
        parent: QObject | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.workspace = workspace
        self.story = story
        self.bus = bus
        self.article: Article | None = None  # the story the fields show
        if settings is None:  # the window's, where the body's cursors are kept across restarts
            found = getattr(parent, "settings", None)
            settings = found if isinstance(found, Settings) else None
        self.cursor_memory = CursorMemory(settings)
        self._loading = False
        self._saved_state = ""  # what the status bar said after the last save that wrote
        self.read_only = False
        self.saver = SaveManager(self._autosave, self._read_field, worker, self)
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.closing.connect(self._remember_cursor)
        self._keyword_model = QStringListModel(self)
        completer = FoldedCompleter(self._keyword_model, self)  # "chuyen" finds "chuyển"
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.keywordsEdit.setCompleter(completer)
        self._count_timer = QTimer(self, singleShot=True, interval=250)
        self._count_timer.timeout.connect(self._update_counts)
        self._connect()
        self.byline_list = BylineList(
            ui.bylineEdit, ui.metaLayout, lambda: self._edited("byline"), self.saver.save_now
        )
        fields = story.fields
        self._command_keys = CommandKeyGuard(self)
        for name, widget in (
            ("headline", ui.headlineEdit),
            ("sapo", ui.sapoEdit),
            ("body", ui.bodyEdit),
            ("byline", ui.bylineEdit),
            ("location", ui.locationEdit),
            ("keywords", ui.keywordsEdit),
        ):
            fields.register(name, widget)
            widget.installEventFilter(self._command_keys)
        fields.register_value("section", ui.sectionCombo.currentData)
        fields.register_value("event_date", ui.eventDateEdit.date)
        # First to hear of another story: the panels read the fields after it showed it.
        story.opened.connect(self.open)
        story.read_only_changed.connect(self.set_read_only)
        story.add_flusher(self.saver.flush)

    # --- wiring ---------------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.headlineEdit.textEdited.connect(lambda _t: self._edited("headline"))
        # Not textChanged: Qt reports a re-highlight (the dictionary loaded, a word added to
        # it) as a text change, and a story only viewed was saved and moved in the list.
        # contentsChange says how many characters went and came: none for a format change.
        for name, edit in (("sapo", ui.sapoEdit), ("body", ui.bodyEdit)):
            edit.document().contentsChange.connect(
                lambda _at, removed, added, name=name: self._text_edited(name, removed, added)
            )
        ui.bylineEdit.textEdited.connect(lambda _t: self._edited("byline"))
        ui.locationEdit.textEdited.connect(lambda _t: self._edited("location"))
        ui.keywordsEdit.textEdited.connect(lambda _t: self._edited("keywords"))
        ui.sectionCombo.currentIndexChanged.connect(lambda _i: self._edited("section"))
        ui.eventDateEdit.dateEdited.connect(lambda _d: self._edited("event_date"))
        ui.eventDateEdit.dateEdited.connect(lambda _d: self.saver.save_now())
        # Leaving a field saves at once.
        for w in (ui.headlineEdit, ui.bylineEdit, ui.locationEdit, ui.keywordsEdit):
            w.editingFinished.connect(self.saver.save_now)

    def _text_edited(self, name: str, removed: int, added: int) -> None:
        if removed or added:
            self._edited(name)

    def set_sections(self, sections: list[Section]) -> None:
        combo = self.ui.sectionCombo
        current = combo.currentData()
        self._loading = True
        combo.clear()
        combo.addItem(self.tr("— choose a section —"), None)
        for s in sections:
            combo.addItem("    " * (len(s.parts) - 1) + s.name, s.path)
        if current:
            self._select_section(current)
        self._loading = False

    def set_keywords(self, words: list[str]) -> None:
        self._keyword_model.setStringList(words)

    def _select_section(self, path: str | None) -> None:
        combo = self.ui.sectionCombo
        idx = combo.findData(path) if path else 0
        if idx < 0:  # a section not in the outlet's list (imported story): keep it visible
            combo.addItem(path or "", path)
            idx = combo.count() - 1
        combo.setCurrentIndex(idx)

    # --- loading --------------------------------------------------------------------------------
    def open(self, article: Article | None) -> None:
        """Shows a story; pending edits of the previous one are saved first."""
        self._remember_cursor()
        self.saver.set_article(article.id if article else None)
        self.article = article
        ui = self.ui
        ui.articleStack.setCurrentWidget(ui.articlePage if article else ui.emptyPage)
        if article is None:
            return
        self._loading = True
        try:
            ui.headlineEdit.setText(article.headline)
            ui.headlineEdit.setCursorPosition(0)
            ui.sapoEdit.setPlainText(article.sapo)
            ui.bodyEdit.setPlainText(article.body)
            ui.bylineEdit.setText(article.byline)
            ui.locationEdit.setText(article.location)
            ui.keywordsEdit.setText(", ".join(article.keywords))
            self._select_section(article.section)
            ui.eventDateEdit.setDate(article.event_date)
        finally:
            self._loading = False
        state = self.cursor_memory.get(article.id)
        if state is not None:
            ui.bodyEdit.restore_cursor_state(state)
        self._update_hints()
        self._update_counts()

    def _remember_cursor(self) -> None:
        """The shown story's cursor and scroll, kept for the next time it opens (another story
        opens, or the window closes)."""
        if self.article is not None:
            self.cursor_memory.remember(self.article.id, self.ui.bodyEdit.cursor_state())
            self.cursor_memory.save()

    def set_read_only(self, on: bool) -> None:
        """The story shown but not editable (a reporter's approved story; the context saved
        the pending edits first)."""
        self.read_only = on
        ui = self.ui
        for edit in (ui.headlineEdit, ui.sapoEdit, ui.bodyEdit):
            edit.setReadOnly(on)
        for line in (ui.bylineEdit, ui.locationEdit, ui.keywordsEdit):
            line.setReadOnly(on)
        ui.sectionCombo.setEnabled(not on)
        ui.eventDateEdit.setReadOnly(on)
        self.byline_list.set_read_only(on)

    def _autosave(self, article_id: uuid.UUID, fields: dict[str, Any]) -> Changes:
        """Runs on the worker: saves the fields, then lets the review history keep (and thin)
        an autosave revision for the user."""
        changes = self.workspace.articles.save_fields(article_id, fields)
        if changes.articles:  # this session's work: a crash now lists it as recovered
            note_edited(self.workspace.data_dir, article_id)
        user = self.story.user
        if user is not None and changes.articles:  # not when nothing changed (undone typing)
            try:
                self.workspace.review.autosaved(article_id, user)
            except Exception:  # the text is saved; a missed autosave revision is only logged
                log.exception("autosave revision not recorded")
        return changes

    # --- editing --------------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._loading or self.article is None or self.read_only:
            return
        self.saver.mark(name)
        self.story.fields.edited.emit(name)
        self.save_state.emit(self.tr("Unsaved changes…"))
        if name in ("headline", "sapo"):
            self._update_hints()
        if name in ("headline", "sapo", "body"):
            self._count_timer.start()

    def _read_field(self, name: str) -> Any:
        if name == "keywords":
            return parse_keywords(self.ui.keywordsEdit.text())
        if name in ("section", "event_date") or name in self.story.fields:
            return self.story.fields.value(name)
        raise KeyError(name)

    def _on_saved(self, changes: Changes) -> None:
        if changes.saved_at is not None:
            from editor_app.domain.timezone import to_local

            clock = to_local(changes.saved_at).strftime("%H:%M:%S")
            self._saved_state = self.tr("Saved at {time}").format(time=clock)
        elif not changes.articles and not self.saver.dirty:  # the text is as stored again
            self.save_state.emit(self._saved_state)
            return
        if changes.saved_at is not None and not self.saver.dirty:
            self.save_state.emit(self._saved_state)
        self.bus.publish(changes, self)

    def _on_failed(self, message: str) -> None:
        self.save_state.emit(self.tr("Not saved: {error} — will retry").format(error=message))

    # --- hints and counts -----------------------------------------------------------------------
    def _hint(self, label: QLabel, length: int, bounds: tuple[int, int]) -> None:
        low, high = bounds
        if length == 0:
            text, warn = self.tr("{low}–{high} characters").format(low=low, high=high), False
        elif length < low:
            text = self.tr("{n} characters — short (aim for {low}–{high})").format(
                n=length, low=low, high=high
            )
            warn = True
        elif length > high:
            text = self.tr("{n} characters — long (aim for {low}–{high})").format(
                n=length, low=low, high=high
            )
            warn = True
        else:
            text, warn = self.tr("{n} characters").format(n=length), False
        label.setText(text)
        label.setProperty("warn", warn)
        label.style().unpolish(label)
        label.style().polish(label)

    def _update_hints(self) -> None:
        self._hint(self.ui.headlineHint, len(self.ui.headlineEdit.text().strip()), HEADLINE_RANGE)
        self._hint(self.ui.sapoHint, len(self.ui.sapoEdit.toPlainText().strip()), SAPO_RANGE)

    def _update_counts(self) -> None:
        if self.article is None:
            self.counts_changed.emit("")
            return
        c = count_text(self.ui.bodyEdit.toPlainText())
        text = self.tr(
            "{words} words · {chars} characters ({nospace} without spaces) · {minutes} min read"
        ).format(
            words=format_number(c.words),
            chars=format_number(c.chars),
            nospace=format_number(c.chars_no_spaces),
            minutes=reading_minutes(c.words),
        )
        self.counts_changed.emit(text)

    def focus_widget_is_ours(self, w: QWidget | None) -> bool:
        ui = self.ui
        return w in (ui.headlineEdit, ui.sapoEdit, ui.bodyEdit, ui.bylineEdit, ui.locationEdit)
