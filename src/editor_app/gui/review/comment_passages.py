"""Where the comments' passages are in the story: found again after edits (a thread whose
passage is gone is marked detached), marked in the headline, sapo and body, and selected when
its thread is clicked. A part of `CommentsPanel`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor_app.domain.review import Comment, locate

if TYPE_CHECKING:
    from editor_app.gui.review.comments_panel import CommentsPanel


class CommentPassages:
    """The passages (mixed into `CommentsPanel`, its only user: each method is typed with the
    panel as `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    active_id: uuid.UUID | None  # the thread whose passage is selected
    detached: set[uuid.UUID]  # threads whose passage is no longer in the story

    def field_text(self: CommentsPanel, field: str) -> str | None:  # type: ignore[misc]
        return self.fields.text(field)

    def span_of(self: CommentsPanel, comment: Comment) -> tuple[int, int] | None:  # type: ignore[misc]
        if comment.anchor is None:
            return None
        text = self.field_text(comment.anchor.field)
        return None if text is None else locate(comment.anchor, text)

    def _compute_detached(self: CommentsPanel) -> bool:  # type: ignore[misc]
        before = set(self.detached)
        self.detached = {
            c.id
            for c in self.comments
            if c.parent_id is None and c.anchor is not None and self.span_of(c) is None
        }
        return before != self.detached

    def refresh_marks(self: CommentsPanel) -> None:  # type: ignore[misc]
        """Finds the passages again (after edits) and re-marks them and the detached threads."""
        if self._compute_detached():
            for cid, card in self.cards.items():
                card.set_detached(cid in self.detached)
        self._apply_marks()

    def _apply_marks(self: CommentsPanel) -> None:  # type: ignore[misc]
        for field, marks in (
            ("headline", self.headline_marks),
            ("body", self.body_marks),
            ("sapo", self.sapo_marks),
        ):
            spans: list[tuple[int, int]] = []
            active: tuple[int, int] | None = None
            if self.article_id is not None:
                text = self.field_text(field) or ""
                for c in self.comments:
                    if c.parent_id is not None or c.resolved or c.anchor is None:
                        continue
                    if c.anchor.field != field:
                        continue
                    span = locate(c.anchor, text)
                    if span is not None:
                        spans.append(span)
                        if c.id == self.active_id:
                            active = span
            marks.set_spans(spans, active)

    def show_passage(self: CommentsPanel, comment: Comment) -> None:  # type: ignore[misc]
        """Selects the thread's passage in its field (and marks the thread as the active one)."""
        self.active_id = comment.id
        for cid, card in self.cards.items():
            card.set_active(cid == comment.id)
        self._apply_marks()
        anchor = comment.anchor
        if anchor is None:
            return
        span = self.span_of(comment)
        if span is None:
            self.desk.status(
                QCoreApplication.translate(
                    "CommentsPanel", "The passage of this comment is no longer in the story."
                ),
                5000,
            )
            return
        self.fields.select(anchor.field, *span)
