"""The officials of the open story, beside it: tags with the titles of the event date, a
folded picker, names found in the text (one click to tag), the title check with one-click fixes
and wavy underlines in the text (headline, sapo, body), and the secondary sections.

The check runs on a pool thread after each autosave (debounced) and when a story opens; a
result that arrives after a newer check was started is dropped.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official
from editor_app.gui.latest import Latest
from editor_app.gui.officials.rows import Rows, field_label, kind_label, name_html
from editor_app.gui.officials.secondary_sections import SecondarySections
from editor_app.gui.officials.title_fixes import TitleFixes
from editor_app.gui.officials.underlines import Underlines
from editor_app.services.changes import Changes
from editor_app.services.title_check import TitleCheck, filter_officials

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.desk import Desk

log = logging.getLogger(__name__)

_ID = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 300
PICKER_ROWS = 30


class TagPanel(TitleFixes, QDockWidget):
    checked = Signal()  # a check's result is shown

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Officials and tags"))
        self.setObjectName("tagPanel")
        self.desk = desk
        self.ws = desk.ws
        self.story = desk.story
        self.article_id: uuid.UUID | None = None
        self.title_check: TitleCheck | None = None
        self.last_check_ms = 0.0
        self._pickable: list[Official] | None = None
        self._check: Latest[tuple[TitleCheck, float]] = Latest(
            self._check_done, self._check_failed, self
        )
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_check)
        fields = desk.story.fields
        self._edits = {
            name: edit
            for name in ("headline", "sapo", "body")
            if (edit := fields.edit(name)) is not None
        }
        self.underlines = {name: Underlines(edit) for name, edit in self._edits.items()}
        self._build()
        fields.edited.connect(lambda name: self._primary_changed() if name == "section" else None)
        self.set_article(None)
        desk.story.opened.connect(self.set_article)
        desk.story.read_only_changed.connect(lambda on: self.widget().setEnabled(not on))
        desk.bus.subscribe(self, self.on_changes)

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

    # --- the story and its changes --------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article_id = article.id if article else None
        self._check.drop()  # a check of the previous story
        self.title_check = None
        self.setEnabled(article is not None)
        self.picker_edit.clear()
        for rows in (self.tagged, self.detected, self.problems):
            rows.clear()
        self.check_info.clear()
        for underlines in self.underlines.values():
            underlines.clear()
        self._fill_sections(article.secondary_sections if article else [])
        if article is not None:
            self.run_check()

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
    def run_check(self) -> None:
        """Checks the story as the editor shows it now, on a pool thread."""
        self._timer.stop()
        if self.article_id is None:
            return
        try:
            article = self.ws.articles.get(self.article_id)
        except UserError:
            return
        texts = {name: edit.toPlainText() for name, edit in self._edits.items()}
        day = self.story.fields.value("event_date")
        article = dataclasses.replace(article, event_date=day if isinstance(day, date) else None)
        service = self.ws.officials

        def job() -> tuple[TitleCheck, float]:
            started = time.perf_counter()
            result = service.check_titles(article, texts)
            return result, (time.perf_counter() - started) * 1000

        self._check.start(job)

    def _check_failed(self, error: BaseException) -> None:
        log.error("the officials check failed", exc_info=error)
        self.check_info.setText(self.tr("The check failed: {error}").format(error=error))

    def _check_done(self, result: tuple[TitleCheck, float]) -> None:
        self.title_check, self.last_check_ms = result
        log.debug("officials check: %.1f ms", self.last_check_ms)
        self._show(self.title_check)
        self.checked.emit()

    def _show(self, check: TitleCheck) -> None:
        self.tagged.clear()
        for t in check.tagged:
            self.tagged.add(
                name_html(t.official, t.titles, self.tr("no title on this date")),
                "×",
                lambda _c=False, oid=t.official.id: self.untag(oid),
                self.tr("Remove this tag"),
                key=t.official.id,
            )
        self.detected.clear()
        found_in = self.tr("in {where}")
        for d in check.detected:
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
        self.tag_all_button.setEnabled(any(not d.namesake for d in check.detected))
        self.problems.clear()
        show = self.tr("show")
        for p in check.problems:
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
                self.fix_tooltip(p),
                key=p,
                choices=self.fix_choices(p),
            )
            row.link_activated.connect(lambda _l, p=p: self.show_problem(p))
        n = len(check.problems)
        self.check_info.setText(
            self.tr("Problems: {n} · checked in {ms} ms").format(n=n, ms=round(self.last_check_ms))
            if n
            else ""
        )
        self._underline(check)

    def _underline(self, check: TitleCheck) -> None:
        for field, edit in self._edits.items():
            text = edit.toPlainText()
            self.underlines[field].set_spans(
                [
                    (p.start, p.end)
                    for p in check.problems
                    if p.field == field and text[p.start : p.end] == p.written
                ]
            )

    # --- tags -----------------------------------------------------------------------------------
    def tag(self, official_ids: list[uuid.UUID]) -> None:
        article_id = self.article_id
        if article_id is not None and official_ids:
            self._run(lambda: self.ws.officials.tag(article_id, official_ids))

    def untag(self, official_id: uuid.UUID) -> None:
        article_id = self.article_id
        if article_id is not None:
            self._run(lambda: self.ws.officials.untag(article_id, official_id))

    def _run(self, op: Callable[[], Changes]) -> None:
        """A change to the tags through the window's runner, then a new check."""
        self.desk.ops.run(op, initiator=self, on_done=lambda _c: self.run_check())

    def tag_all_detected(self) -> None:
        if self.title_check is not None:
            self.tag([d.official.id for d in self.title_check.detected if not d.namesake])

    # --- the picker -----------------------------------------------------------------------------
    def _filter_picker(self, text: str) -> None:
        self.picker_list.clear()
        if not text.strip():
            self.picker_list.hide()
            return
        if self._pickable is None:
            self._pickable = self.ws.officials.pickable()
        check = self.title_check
        tagged = {t.official.id for t in check.tagged} if check is not None else set()
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
        primary = self.story.fields.value("section")
        self.sections.fill(
            self.ws.sections.sections(), checked, primary if isinstance(primary, str) else None
        )

    def _primary_changed(self) -> None:
        if self.article_id is None or self.story.article_id != self.article_id:
            return  # another story is being loaded
        before = self.sections.checked()
        self._fill_sections(before)
        if self.sections.checked() != before:
            self._save_sections(self.sections.checked())

    def _save_sections(self, paths: list[str]) -> None:
        article_id = self.article_id
        if article_id is not None:
            self.desk.ops.run(
                lambda: self.ws.articles.save_fields(article_id, {"secondary_sections": paths}),
                initiator=self,
            )
