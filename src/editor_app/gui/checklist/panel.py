"""The pre-publication checklist of the open story, beside it: what `editor-app lint` lists (the
site not configured, missing fields, lengths, tags typed as text, dead links, the byline, the
officials' titles; and warnings, which do not stop publication: confused words, tone marks
not in the house style), each with where it is, "show" (selects it in its field) and, where one
exists, a one-click fix — as the tag panel offers its title fixes (the arrow of its button
offers the other readings of a title where more than one fits).

A fix in the headline, sapo or body is made in the editor as one undo step (Ctrl+Z takes it
back; the autosave saves it); a fix in a caption goes through the service. The check runs on a
pool thread when a story opens and after each change to it (debounced), on the text as the
editor shows it; a result that arrives after a newer check was started is dropped.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import uuid
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QVBoxLayout, QWidget

from editor_app.domain.errors import UserError
from editor_app.domain.officials.titles import ProblemKind
from editor_app.gui.latest import Latest
from editor_app.gui.officials.rows import Rows, kind_label
from editor_app.services.changes import Changes
from editor_app.services.lint import Issue

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.desk import Desk

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
TEXT_FIELDS = ("headline", "sapo", "body")


class ChecklistPanel(QDockWidget):
    checked = Signal()  # a check's result is shown

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Checklist"))
        self.setObjectName("checklistPanel")
        self.desk = desk
        self.ws = desk.ws
        self.story = desk.story
        self.article_id: uuid.UUID | None = None
        self.issues: list[Issue] = []
        self._check: Latest[list[Issue]] = Latest(self._done, self._failed, self)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_check)
        self._build()
        self.set_article(None)
        desk.story.opened.connect(self.set_article)
        desk.story.read_only_changed.connect(lambda _on: self._show(self.issues))
        desk.bus.subscribe(self, self.on_changes)

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

    # --- the story and its changes --------------------------------------------------------------
    def set_article(self, article: Article | None) -> None:
        self.article_id = article.id if article else None
        self._check.drop()  # a check of the previous story
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
        fields = self.story.fields
        article = dataclasses.replace(
            article,
            headline=fields.text("headline") or "",
            sapo=fields.text("sapo") or "",
            body=fields.text("body") or "",
        )
        service = self.ws.lint
        self._check.start(lambda: service.lint_article(article))

    def _failed(self, error: BaseException) -> None:
        log.error("the checklist failed", exc_info=error)
        self.summary.setText(self.tr("The check failed: {error}").format(error=error))

    def _done(self, issues: list[Issue]) -> None:
        self.issues = issues
        self._show(issues)
        self.checked.emit()

    def _show(self, issues: list[Issue]) -> None:
        self.rows.clear()
        read_only = self.story.read_only
        show = self.tr("show")
        for issue in issues:
            link = f" · <a href='show'>{html.escape(show)}</a>" if self._showable(issue) else ""
            where = f" · {html.escape(issue.where)}" if issue.where else ""
            fix = issue.fix_text
            label = self.kind_label(issue.kind)
            if issue.warning:
                label = self.tr("{label} (warning)").format(label=label)
            text = (
                f"<b>{html.escape(label)}</b>{where}{link}<br>"
                f"<small>{html.escape(issue.message)}</small>"
                + (f"<br>→ <b>{html.escape(fix)}</b>" if fix else "")
            )
            row = self.rows.add(
                text,
                self.tr("Fix") if issue.fix is not None and not read_only else None,
                lambda _c=False, i=issue: self.apply_fix(i),
                self._fix_tooltip(issue),
                key=issue,
                choices=[(alt, partial(self.apply_fix, issue, alt)) for alt in issue.alternatives],
            )
            row.link_activated.connect(lambda _l, i=issue: self.show_issue(i))
        warnings = sum(i.warning for i in issues)
        faults = len(issues) - warnings
        if faults:
            said = self.tr("{n} items to fix before the story is published.").format(n=faults)
        else:
            said = self.tr("Ready as far as the checklist goes.")
        if warnings:
            said += " " + self.tr("{n} warnings (they do not stop publication).").format(n=warnings)
        self.summary.setText(said)

    def _fix_tooltip(self, issue: Issue) -> str:
        if issue.alternatives:
            return self.tr(
                "Make this change in the text (can be undone); the arrow offers the other readings"
            )
        return self.tr("Make this change in the text (can be undone)")

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
            "confused_word": self.tr("Commonly confused word"),
            "more_confused_word": self.tr("More commonly confused words"),
            "tone_style": self.tr("Tone marks not in the house style"),
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
    def _showable(self, issue: Issue) -> bool:
        return issue.field in TEXT_FIELDS and issue.start is not None

    def show_issue(self, issue: Issue) -> None:
        """Selects what the issue is about in its field."""
        if issue.start is not None and issue.end is not None:
            self.story.fields.select(issue.field, issue.start, issue.end)

    def apply_fix(self, issue: Issue, replacement: str | None = None) -> bool:
        """Writes the fix (or `replacement`, one of its alternatives) over the span, where what
        was checked still stands (one undo step); False when the text has changed since the
        check (a new check is started)."""
        fix = replacement if replacement is not None else issue.fix
        if (
            fix is None
            or issue.start is None
            or issue.end is None
            or issue.written is None
            or self.story.read_only
        ):
            return False
        start, end, written = issue.start, issue.end, issue.written
        if issue.field in TEXT_FIELDS:
            done = self.story.fields.replace(issue.field, start, end, written, fix)
        elif issue.field.startswith("caption:"):
            try:
                photo = uuid.UUID(issue.field.split(":", 1)[1])
            except ValueError:
                return False
            done = self.desk.ops.run(
                lambda: self.ws.officials.fix_caption(photo, start, end, written, fix),
                initiator=self,
                on_failed=lambda e: self.desk.status(str(e), 6000),
            )
        else:
            done = False
        if done:
            self.rows.remove(issue)
        else:
            self.desk.status(self.tr("The text has changed since the check: checking again."), 5000)
        self._timer.start()
        return done
