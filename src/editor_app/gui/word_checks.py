"""The window's word-level checks: the list of confused words loaded off the UI thread and given
to the body editor with the outlet's house style (`[style] tone_marks`), and *Sửa › Đặt dấu cả
bài kiểu “hòa, thủy”*, which converts the whole story to the house style. The headline and the
sapo are underlined the same way (`WordMarks` of their own), the fix in their right-click menu
above the standard editing actions, as the checklist counts their words too.

The conversion first records a revision (the story as it was, in its history), then writes the
headline, sapo and body in their editors, one undo step each (Ctrl+Z in a field takes it back;
the autosave saves it as if typed), and the captions through the service.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor_app.domain.house_style import convert, example
from editor_app.gui.editor.word_marks import WordMarks
from editor_app.gui.latest import Latest
from editor_app.services.changes import Changes
from editor_app.services.word_lists import confused_words

if TYPE_CHECKING:
    from editor_app.domain.confusables import ConfusedWords
    from editor_app.gui.desk import Desk
    from editor_app.gui.editor.body_editor import BodyEditor

__all__ = ["TEXT_FIELDS", "WordChecks"]

log = logging.getLogger(__name__)

TEXT_FIELDS = ("headline", "sapo", "body")


class WordChecks(QObject):
    """Built by the window with its desk, the body editor and the menu for the action."""

    def __init__(self, desk: Desk, body: BodyEditor, menu: QMenu | None, parent: QObject) -> None:
        super().__init__(parent)
        self.desk = desk
        self.body = body
        self.style = desk.ws.site.config.tone_marks.value
        self.action = QAction(
            self.tr("Tone marks of the whole story as “{example}”").format(
                example=example(self.style)
            ),
            self,
        )
        self.action.setObjectName("actionHouseStyle")
        self.action.setToolTip(
            self.tr("Places every tone mark of oa, oe, uy the outlet's way (can be undone)")
        )
        self.action.triggered.connect(self.convert_story)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        body.set_word_checks(None, self.style, self.action)  # the house style at once
        self.marks: dict[str, WordMarks] = {}  # the headline's and the sapo's
        for name in ("headline", "sapo"):
            edit = desk.story.fields.edit(name)
            if edit is not None:
                self.marks[name] = WordMarks(edit, None, self.style, self.action)
                edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                edit.customContextMenuRequested.connect(
                    lambda pos, e=edit, n=name: self._show_menu(e, n, pos)
                )
        self._loading: Latest[ConfusedWords] = Latest(self._loaded, self._failed, self)
        self._loading.start(confused_words)
        desk.story.opened.connect(lambda _a: self._enable())
        desk.story.read_only_changed.connect(lambda _on: self._enable())
        self._enable()

    def _loaded(self, words: ConfusedWords) -> None:
        self.body.set_word_checks(words, self.style, self.action)
        for marks in self.marks.values():
            marks.configure(words, self.style)

    def context_menu(self, field: str, pos: QPoint) -> QMenu:
        """The headline's or the sapo's right-click menu at `pos` (viewport coordinates): the
        fix of a marked word there first, then the standard editing actions."""
        marks = self.marks[field]
        edit = marks.edit
        menu = edit.createStandardContextMenu(pos)
        marks.add_actions(menu, edit.cursorForPosition(pos).position())
        return menu

    def _show_menu(self, edit: QPlainTextEdit, field: str, pos: QPoint) -> None:
        menu = self.context_menu(field, pos)
        menu.exec(edit.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _failed(self, error: BaseException) -> None:
        log.error("the list of confused words could not be loaded", exc_info=error)

    def _enable(self) -> None:
        story = self.desk.story
        self.action.setEnabled(story.article is not None and not story.read_only)

    # --- the conversion -----------------------------------------------------------------------
    def convert_story(self) -> None:
        """Records a revision, then converts the fields and captions (see the module)."""
        story = self.desk.story
        article_id = story.article_id
        if article_id is None or story.read_only:
            return
        story.flush()
        reason = f"Trước khi đặt dấu cả bài kiểu “{example(self.style)}”"
        ws, user = self.desk.ws, story.user
        self.desk.ops.run(
            lambda: ws.review.save_revision(article_id, user, reason).changes,
            initiator=self,
            on_done=lambda _c: self._convert(article_id),
        )

    def _convert(self, article_id: uuid.UUID) -> None:
        fields = self.desk.story.fields
        changed = 0
        for name in TEXT_FIELDS:
            old = fields.text(name) or ""
            new = convert(old, self.style)
            if new == old:
                continue
            start = next(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
            end = len(old) - next(
                i for i, (a, b) in enumerate(zip(old[::-1], new[::-1], strict=True)) if a != b
            )
            changed += fields.replace(name, start, end, old[start:end], new[start:end])
        ws, style = self.desk.ws, self.style
        captions = [
            (p.id, p.caption, convert(p.caption, style))
            for p in ws.articles.get(article_id).photos
            if convert(p.caption, style) != p.caption
        ]

        def captions_op() -> Changes:
            for photo_id, caption, new in captions:
                ws.officials.fix_caption(photo_id, 0, len(caption), caption, new)
            return Changes.of([article_id], photos=frozenset(c[0] for c in captions))

        if captions:
            self.desk.ops.run(captions_op, initiator=self)
        said = (
            self.tr("Tone marks placed as “{example}”; the story before is in its history.")
            if changed or captions
            else self.tr("Nothing to change: the story already writes “{example}”.")
        )
        self.desk.status(said.format(example=example(style)), 6000)
