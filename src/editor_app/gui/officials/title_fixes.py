"""Mending what the title check found: the directory's wording written over what was written,
as one undo step in the headline, sapo or body (a caption through the service), and the
written title selected in its field. A part of `TagPanel`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor

from editor_app.domain.errors import UserError
from editor_app.domain.officials.titles import Problem
from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.text_edits import replace_span

if TYPE_CHECKING:
    from editor_app.gui.officials.tag_panel import TagPanel


class TitleFixes:
    """The fixes (mixed into `TagPanel`, its only user: each method is typed with the panel as
    `self`, which mypy accepts only from a Protocol, hence the `misc` ignores)."""

    def apply_fix(self: TagPanel, problem: Problem, replacement: str | None = None) -> bool:  # type: ignore[misc]
        """Writes the directory's wording over what was written, as one undo step; False when
        the text has changed since the check (a new check is started)."""
        fix = replacement if replacement is not None else problem.fix
        if fix is None:
            return False
        field = problem.field
        edit = self._text_edit(field)
        if edit is not None:  # one undo step; the edit marks the field for saving
            done = replace_span(edit, problem.start, problem.end, problem.written, fix)
        elif field.startswith("caption:"):
            try:
                changes = self.ws.officials.fix_caption(
                    uuid.UUID(field.split(":", 1)[1]),
                    problem.start,
                    problem.end,
                    problem.written,
                    fix,
                    source=self,
                )
            except UserError as e:
                self._main.statusBar().showMessage(str(e), 6000)
                done = False
            else:
                self.changed.emit(changes)
                done = True
        else:
            done = False
        if done:
            self.problems.remove(problem)
            self.body_underlines.apply()
        else:
            self._main.statusBar().showMessage(
                QCoreApplication.translate(
                    "TagPanel", "The text has changed since the check: checking again."
                ),
                5000,
            )
        self._timer.start()
        return done

    def show_problem(self: TagPanel, problem: Problem) -> None:  # type: ignore[misc]
        """Selects the written title in its field."""
        edit = self._text_edit(problem.field)
        if edit is not None:
            pm = PositionMap(edit.toPlainText())
            cursor = edit.textCursor()
            cursor.setPosition(pm.to_qt(problem.start))
            cursor.setPosition(pm.to_qt(problem.end), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()
            edit.setFocus()
