"""Mending what the title check found: the directory's wording written over what was written,
as one undo step in the headline, sapo or body (a caption through the service), and the
written title selected in its field. When more than one reading fits (`Problem.alternatives`),
the Fix button writes the first and its menu offers each. A part of `TagPanel`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from editor_app.domain.officials.titles import Problem

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
        start, end, written = problem.start, problem.end, problem.written
        if field in ("headline", "sapo", "body"):  # one undo step; saved as if typed
            done = self.story.fields.replace(field, start, end, written, fix)
        elif field.startswith("caption:"):
            try:
                photo = uuid.UUID(field.split(":", 1)[1])
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
            self.problems.remove(problem)
            for underlines in self.underlines.values():
                underlines.apply()
        else:
            self.desk.status(
                QCoreApplication.translate(
                    "TagPanel", "The text has changed since the check: checking again."
                ),
                5000,
            )
        self._timer.start()
        return done

    def fix_choices(  # type: ignore[misc]
        self: TagPanel, problem: Problem
    ) -> list[tuple[str, Callable[[], Any]]]:
        """The readings the Fix button's menu offers (the default first), each applied as one
        undo step; none when the fix is the only reading."""
        return [(text, partial(self.apply_fix, problem, text)) for text in problem.alternatives]

    def fix_tooltip(self: TagPanel, problem: Problem) -> str:  # type: ignore[misc]
        if problem.alternatives:
            return QCoreApplication.translate(
                "TagPanel",
                "Write the directory's wording instead (can be undone); "
                "the arrow offers the other readings",
            )
        return QCoreApplication.translate(
            "TagPanel", "Write the directory's wording instead (can be undone)"
        )

    def show_problem(self: TagPanel, problem: Problem) -> None:  # type: ignore[misc]
        """Selects the written title in its field."""
        self.story.fields.select(problem.field, problem.start, problem.end)
