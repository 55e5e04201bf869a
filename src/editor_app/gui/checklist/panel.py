"""The pre-publication checklist of the open story, beside it: what `editor-app lint` lists (the
site not configured, missing fields, lengths, tags typed as text, dead links, the byline, the
officials' titles), each with where it is, "show" (selects it in its field) and, where one
exists, a one-click fix — as the tag panel offers its title fixes.

A fix in the headline, sapo or body is made in the editor as one undo step (Ctrl+Z takes it
back; the autosave saves it); a fix in a caption goes through the service. The check runs on a
pool thread when a story opens and after each change to it (debounced), on the text as the
editor shows it; a result that arrives after a newer check was started is dropped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.officials.titles import ProblemKind
from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.text_edits import replace_span
from editor_app.gui.officials.rows import Rows, kind_label
from editor_app.services.changes import Changes
from editor_app.services.lint import Issue

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
TEXT_FIELDS = ("headline", "sapo", "body")


class _Relay(QObject):
    done = Signal(int, object)  # generation, list[Issue] | BaseException


class ChecklistPanel(QDockWidget):
    changed = Signal(object)  # Changes made here (a caption fix)
    checked = Signal()  # a check's result is shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Checklist"))
        self.setObjectName("checklistPanel")
        self._main = window
        self.ws = window.workspace
        self.ui = window.ui
        self.article_id: uuid.UUID | None = None
        self.issues: list[Issue] = []
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_check)
        self._build()
        self.set_article(None)

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.summary = QLabel(content)
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rows = Rows(self.tr("Nothing to fix: the story passes the checklist."), content)
        layout.addWidget(self.rows)
        layout.addStretch(1)
        scroll.setWidget(content)
        self.setWidget(scroll)
        self.setMinimumWidth(280)

    # --- the window's calls ---------------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article_id = article.id if article else None
        self._generation += 1  # a check of the previous story is dropped
        self.issues = []
        self.rows.clear()
        self.summary.clear()
        self.setEnabled(article is not None)
        if article is not None:
            self.run_check()

    def on_changes(self, changes: Changes) -> None:
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
        ui = self.ui
        article = dataclasses.replace(
            article,
            headline=ui.headlineEdit.text(),
            sapo=ui.sapoEdit.toPlainText(),
            body=ui.bodyEdit.toPlainText(),
        )
        self._generation += 1
        generation, relay, service = self._generation, self._relay, self.ws.lint

        def job() -> None:
            try:
                result: object = service.lint_article(article)
            except Exception as e:  # shown, never swallowed
                result = e
            with contextlib.suppress(RuntimeError):  # the panel may have closed meanwhile
                relay.done.emit(generation, result)

        QThreadPool.globalInstance().start(job)

    def _done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, BaseException):
            log.error("the checklist failed", exc_info=result)
            self.summary.setText(self.tr("The check failed: {error}").format(error=result))
            return
        assert isinstance(result, list)
        self.issues = result
        self._show(result)
        self.checked.emit()

    def _show(self, issues: list[Issue]) -> None:
        self.rows.clear()
        read_only = bool(getattr(self._main.editor, "read_only", False))
        show = self.tr("show")
        for issue in issues:
            link = f" · <a href='show'>{html.escape(show)}</a>" if self._showable(issue) else ""
            where = f" · {html.escape(issue.where)}" if issue.where else ""
            fix = issue.fix_text
            text = (
                f"<b>{html.escape(self.kind_label(issue.kind))}</b>{where}{link}<br>"
                f"<small>{html.escape(issue.message)}</small>"
                + (f"<br>→ <b>{html.escape(fix)}</b>" if fix else "")
            )
            row = self.rows.add(
                text,
                self.tr("Fix") if issue.fix is not None and not read_only else None,
                lambda _c=False, i=issue: self.apply_fix(i),
                self.tr("Make this change in the text (can be undone)"),
                key=issue,
            )
            row.link_activated.connect(lambda _l, i=issue: self.show_issue(i))
        if issues:
            self.summary.setText(
                self.tr("{n} items to fix before the story is published.").format(n=len(issues))
            )
        else:
            self.summary.setText(self.tr("Ready as far as the checklist goes."))

    def kind_label(self, kind: str) -> str:
        """What an issue is, in the UI's words."""
        labels = {
            "site_not_configured": self.tr("Site not configured"),
            "literal_tag": self.tr("Tag typed as text"),
            "more_literal_tag": self.tr("More tags typed as text"),
            "bad_link": self.tr("Link leads nowhere"),
            "more_bad_link": self.tr("More links that lead nowhere"),
            "missing_byline": self.tr("No byline"),
            "headline_too_long": self.tr("Headline too long"),
            "headline_too_short": self.tr("Headline too short"),
            "sapo_too_long": self.tr("Sapo too long"),
            "sapo_too_short": self.tr("Sapo too short"),
        }
        if kind in labels:
            return labels[kind]
        if kind.startswith("missing_"):
            return self.tr("Missing")
        try:
            return kind_label(ProblemKind(kind))
        except ValueError:
            return kind

    # --- show and fix ---------------------------------------------------------------------------
    def _text_edit(self, field: str) -> QPlainTextEdit | None:
        ui = self.ui
        edits: dict[str, QPlainTextEdit] = {
            "headline": ui.headlineEdit,
            "sapo": ui.sapoEdit,
            "body": ui.bodyEdit,
        }
        return edits.get(field)

    def _showable(self, issue: Issue) -> bool:
        return issue.field in TEXT_FIELDS and issue.start is not None

    def show_issue(self, issue: Issue) -> None:
        """Selects what the issue is about in its field."""
        edit = self._text_edit(issue.field)
        if edit is None or issue.start is None or issue.end is None:
            return
        pm = PositionMap(edit.toPlainText())
        cursor = edit.textCursor()
        cursor.setPosition(pm.to_qt(issue.start))
        cursor.setPosition(pm.to_qt(issue.end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        edit.setFocus()

    def apply_fix(self, issue: Issue) -> bool:
        """Writes the fix over the span, where what was checked still stands (one undo step);
        False when the text has changed since the check (a new check is started)."""
        if (
            issue.fix is None
            or issue.start is None
            or issue.end is None
            or issue.written is None
            or getattr(self._main.editor, "read_only", False)
        ):
            return False
        edit = self._text_edit(issue.field)
        if edit is not None:
            done = replace_span(edit, issue.start, issue.end, issue.written, issue.fix)
        elif issue.field.startswith("caption:"):
            try:
                changes = self.ws.officials.fix_caption(
                    uuid.UUID(issue.field.split(":", 1)[1]),
                    issue.start,
                    issue.end,
                    issue.written,
                    issue.fix,
                    source=self,
                )
            except (UserError, ValueError) as e:
                self._main.statusBar().showMessage(str(e), 6000)
                done = False
            else:
                self.changed.emit(changes)
                done = True
        else:
            done = False
        if done:
            self.rows.remove(issue)
        else:
            self._main.statusBar().showMessage(
                self.tr("The text has changed since the check: checking again."), 5000
            )
        self._timer.start()
        return done
