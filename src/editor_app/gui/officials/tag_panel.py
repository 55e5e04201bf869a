"""The officials of the open story, beside it: tags with the titles of the event date, a
folded picker, names found in the text (one click to tag), the title check with one-click fixes
and wavy underlines in the text (headline, sapo, body), and the secondary sections.

The check runs on a pool thread after each autosave (debounced) and when a story opens; a
result that arrives after a newer check was started is dropped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import logging
import time
import uuid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official
from editor_app.gui.officials.rows import Rows, field_label, kind_label, name_html
from editor_app.gui.officials.secondary_sections import SecondarySections
from editor_app.gui.officials.title_fixes import TitleFixes
from editor_app.gui.officials.underlines import Underlines
from editor_app.services.changes import Changes
from editor_app.services.title_check import TitleCheck, filter_officials

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

_ID = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 300
PICKER_ROWS = 30


class _Relay(QObject):
    done = Signal(int, object, float)  # generation, TitleCheck | BaseException, milliseconds


class TagPanel(TitleFixes, QDockWidget):
    changed = Signal(object)  # Changes made here (tags, secondary sections, a caption fix)
    reviewed = Signal()  # a check's result is shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Officials and tags"))
        self.setObjectName("tagPanel")
        self._main = window
        self.ws = window.workspace
        self.ui = window.ui
        self.article_id: uuid.UUID | None = None
        self.review: TitleCheck | None = None
        self.last_check_ms = 0.0
        self._generation = 0
        self._pickable: list[Official] | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._review_done)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_review)
        self.headline_underlines = Underlines(self.ui.headlineEdit)
        self.body_underlines = Underlines(self.ui.bodyEdit)
        self.sapo_underlines = Underlines(self.ui.sapoEdit)
        self._build()
        self.ui.sectionCombo.currentIndexChanged.connect(lambda _i: self._primary_changed())
        self.set_article(None)

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget(scroll)
        content.setObjectName("tagPanelContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)

        box = QGroupBox(self.tr("Officials in this story"), content)
        v = QVBoxLayout(box)
        self.tagged = Rows(self.tr("No official tagged yet."), box)
        v.addWidget(self.tagged)
        self.picker_edit = QLineEdit(box)
        self.picker_edit.setObjectName("officialPicker")
        self.picker_edit.setPlaceholderText(self.tr("Add an official: type a name…"))
        self.picker_edit.setClearButtonEnabled(True)
        self.picker_edit.textChanged.connect(self._filter_picker)
        self.picker_edit.returnPressed.connect(self._pick_current)
        self.picker_edit.installEventFilter(self)
        v.addWidget(self.picker_edit)
        self.picker_list = QListWidget(box)
        self.picker_list.setObjectName("officialPickerList")
        self.picker_list.setMaximumHeight(150)
        self.picker_list.itemActivated.connect(self._picked)
        self.picker_list.itemClicked.connect(self._picked)
        self.picker_list.hide()
        v.addWidget(self.picker_list)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Named in the text"), content)
        v = QVBoxLayout(box)
        self.detected = Rows(self.tr("No other official of the directory is named."), box)
        self.tag_all_button = self.detected.add_header_button(
            self.tr("Tag all"), self.tag_all_detected
        )
        self.tag_all_button.setToolTip(
            self.tr("Tags every official found (namesakes need a choice: tag them one by one)")
        )
        v.addWidget(self.detected)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Title check"), content)
        v = QVBoxLayout(box)
        self.problems = Rows(self.tr("Titles and names agree with the directory."), box)
        v.addWidget(self.problems)
        self.check_info = QLabel(box)
        self.check_info.setObjectName("checkInfo")
        self.check_info.setWordWrap(True)
        v.addWidget(self.check_info)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Secondary sections"), content)
        v = QVBoxLayout(box)
        self.sections = SecondarySections(box)
        self.sections.toggled.connect(self._save_sections)
        v.addWidget(self.sections)
        layout.addWidget(box)
        layout.addStretch(1)
        scroll.setWidget(content)
        self.setWidget(scroll)
        self.setMinimumWidth(280)

    # --- the window's calls ---------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article_id = article.id if article else None
        self._generation += 1  # a check of the previous story is dropped
        self.review = None
        self.setEnabled(article is not None)
        self.picker_edit.clear()
        for rows in (self.tagged, self.detected, self.problems):
            rows.clear()
        self.check_info.clear()
        for _field, _edit, underlines in self._text_fields():
            underlines.clear()
        self._fill_sections(article.secondary_sections if article else [])
        if article is not None:
            self.run_review()

    def on_changes(self, changes: Changes) -> None:
        if changes.officials:
            self._pickable = None
            self._filter_picker(self.picker_edit.text())
        if changes.sections:
            self._fill_sections(self.sections.checked())
        if self.article_id is not None and (
            changes.officials or self.article_id in changes.articles
        ):
            self._timer.start()

    # --- the check ------------------------------------------------------------------------------
    def run_review(self) -> None:
        """Checks the story as the editor shows it now, on a pool thread."""
        self._timer.stop()
        if self.article_id is None:
            return
        try:
            article = self.ws.articles.get(self.article_id)
        except UserError:
            return
        ui = self.ui
        texts = {
            "headline": ui.headlineEdit.text(),
            "sapo": ui.sapoEdit.toPlainText(),
            "body": ui.bodyEdit.toPlainText(),
        }
        day = ui.eventDateEdit.date().toPython() if ui.eventDateCheck.isChecked() else None
        assert day is None or isinstance(day, date)
        article = dataclasses.replace(article, event_date=day)
        self._generation += 1
        generation, relay, service = self._generation, self._relay, self.ws.officials

        def job() -> None:
            started = time.perf_counter()
            try:
                result: object = service.check_titles(article, texts)
            except Exception as e:  # shown, never swallowed
                result = e
            ms = (time.perf_counter() - started) * 1000
            with contextlib.suppress(RuntimeError):  # the panel may have closed meanwhile
                relay.done.emit(generation, result, ms)

        QThreadPool.globalInstance().start(job)

    def _review_done(self, generation: int, result: object, ms: float) -> None:
        if generation != self._generation:
            return
        if isinstance(result, BaseException):
            log.error("the officials check failed", exc_info=result)
            self.check_info.setText(self.tr("The check failed: {error}").format(error=result))
            return
        assert isinstance(result, TitleCheck)
        self.review = result
        self.last_check_ms = ms
        log.debug("officials check: %.1f ms", ms)
        self._show(result)
        self.reviewed.emit()

    def _show(self, review: TitleCheck) -> None:
        self.tagged.clear()
        for t in review.tagged:
            self.tagged.add(
                name_html(t.official, t.titles, self.tr("no title on this date")),
                "×",
                lambda _c=False, oid=t.official.id: self.untag(oid),
                self.tr("Remove this tag"),
                key=t.official.id,
            )
        self.detected.clear()
        found_in = self.tr("in {where}")
        for d in review.detected:
            where = ", ".join(dict.fromkeys(field_label(f) for f in d.fields))
            org = f" — {html.escape(d.official.organization)}" if d.namesake else ""
            text = (
                f"<b>{html.escape(d.official.full_name)}</b>{org}<br>"
                f"<small>{html.escape(found_in.format(where=where))} · {d.count}×</small>"
            )
            self.detected.add(
                text,
                self.tr("Tag"),
                lambda _c=False, oid=d.official.id: self.tag([oid]),
                self.tr("Tag this story with {name}").format(name=d.official.full_name),
                key=d.official.id,
            )
        self.tag_all_button.setEnabled(any(not d.namesake for d in review.detected))
        self.problems.clear()
        show = self.tr("show")
        for p in review.problems:
            message = p.message
            if p.fix and message.endswith(f" Đề xuất: “{p.fix}”."):
                message = message[: -len(f" Đề xuất: “{p.fix}”.")]  # shown below, in bold
            fix = f"<br>→ <b>{html.escape(p.fix)}</b>" if p.fix else ""
            text = (
                f"<b>{kind_label(p.kind)}</b> · {field_label(p.field)} · "
                f"<a href='show'>{html.escape(show)}</a><br>"
                f"<small>{html.escape(message)}</small>{fix}"
            )
            row = self.problems.add(
                text,
                self.tr("Fix") if p.fix else None,
                lambda _c=False, p=p: self.apply_fix(p),
                self.tr("Write the directory's wording instead (can be undone)"),
                key=p,
            )
            row.link_activated.connect(lambda _l, p=p: self.show_problem(p))
        n = len(review.problems)
        self.check_info.setText(
            self.tr("Problems: {n} · checked in {ms} ms").format(n=n, ms=round(self.last_check_ms))
            if n
            else ""
        )
        self._underline(review)

    def _text_fields(self) -> tuple[tuple[str, QPlainTextEdit, Underlines], ...]:
        """(field, its editor, its underlines) of the story's text (captions aside)."""
        ui = self.ui
        return (
            ("headline", ui.headlineEdit, self.headline_underlines),
            ("sapo", ui.sapoEdit, self.sapo_underlines),
            ("body", ui.bodyEdit, self.body_underlines),
        )

    def _text_edit(self, field: str) -> QPlainTextEdit | None:
        return next((edit for f, edit, _u in self._text_fields() if f == field), None)

    def _underline(self, review: TitleCheck) -> None:
        for field, edit, underlines in self._text_fields():
            text = edit.toPlainText()
            underlines.set_spans(
                [
                    (p.start, p.end)
                    for p in review.problems
                    if p.field == field and text[p.start : p.end] == p.written
                ]
            )

    # --- tags -----------------------------------------------------------------------------------
    def tag(self, official_ids: list[uuid.UUID]) -> None:
        if self.article_id is None or not official_ids:
            return
        try:
            changes = self.ws.officials.tag(self.article_id, official_ids, source=self)
        except UserError as e:
            self._main.show_error(e)
            return
        self.changed.emit(changes)
        self.run_review()

    def untag(self, official_id: uuid.UUID) -> None:
        if self.article_id is None:
            return
        changes = self.ws.officials.untag(self.article_id, official_id, source=self)
        self.changed.emit(changes)
        self.run_review()

    def tag_all_detected(self) -> None:
        if self.review is not None:
            self.tag([d.official.id for d in self.review.detected if not d.namesake])

    # --- the picker -----------------------------------------------------------------------------
    def _filter_picker(self, text: str) -> None:
        self.picker_list.clear()
        if not text.strip():
            self.picker_list.hide()
            return
        if self._pickable is None:
            self._pickable = self.ws.officials.pickable()
        tagged = {t.official.id for t in self.review.tagged} if self.review else set()
        found = [o for o in filter_officials(self._pickable, text) if o.id not in tagged]
        for o in found[:PICKER_ROWS]:
            titles = "; ".join(o.current_titles)
            item = QListWidgetItem(o.full_name + (f" — {titles}" if titles else ""))
            item.setData(_ID, str(o.id))
            item.setToolTip(o.organization)
            self.picker_list.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("No match in the directory"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.picker_list.addItem(item)
        self.picker_list.setCurrentRow(0)
        self.picker_list.show()

    def _pick_current(self) -> None:
        item = self.picker_list.currentItem()
        if item is not None and self.picker_list.isVisible():
            self._picked(item)

    def _picked(self, item: QListWidgetItem) -> None:
        data = item.data(_ID)
        if data:
            self.picker_edit.clear()
            self.tag([uuid.UUID(str(data))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.picker_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self.picker_list.isVisible()
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = self.picker_list.currentRow() + step
            self.picker_list.setCurrentRow(max(0, min(row, self.picker_list.count() - 1)))
            return True
        return super().eventFilter(watched, event)

    # --- sections -------------------------------------------------------------------------------
    def _fill_sections(self, checked: list[str]) -> None:
        primary = self.ui.sectionCombo.currentData()
        self.sections.fill(self.ws.sections.sections(), checked, primary or None)

    def _primary_changed(self) -> None:
        article = self._main.editor.article
        if self.article_id is None or article is None or article.id != self.article_id:
            return  # another story is being loaded
        before = self.sections.checked()
        self._fill_sections(before)
        if self.sections.checked() != before:
            self._save_sections(self.sections.checked())

    def _save_sections(self, paths: list[str]) -> None:
        if self.article_id is None:
            return
        try:
            changes = self.ws.articles.save_fields(
                self.article_id, {"secondary_sections": paths}, source=self
            )
        except UserError as e:
            self._main.show_error(e)
            return
        self.changed.emit(changes)
