"""A stand-in for the window in tests of a dock or a part alone: a parent widget, the worker,
the change bus, the story context with three plain text edits registered as the story's fields
(as the article editor registers its own), the runner and the status line — a `Desk`."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit
from pytestqt.qtbot import QtBot

from editor_app.domain.article import Article
from editor_app.gui.bus import ChangeBus
from editor_app.gui.context import StoryContext
from editor_app.gui.desk import Desk
from editor_app.gui.ops import Ops
from editor_app.gui.settings import Settings
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes
from editor_app.services.workspace import Workspace


class Host:
    """What the window would be: a parent widget, the bus, the runner, the status line."""

    def __init__(self, qtbot: QtBot, ws: Workspace, settings: Settings) -> None:
        self.widget = QMainWindow()
        qtbot.addWidget(self.widget)
        self.worker = Worker(self.widget)
        self.bus = ChangeBus(self.widget)
        self.story = StoryContext(self.widget)
        self.fields = {n: QPlainTextEdit(self.widget) for n in ("headline", "sapo", "body")}
        for name, edit in self.fields.items():
            self.story.fields.register(name, edit)
        self.said: list[str] = []
        self.heard: list[Changes] = []
        self.bus.changed.connect(self.heard.append)
        ops = Ops(self.widget, self.worker, self.bus)
        self.desk = Desk(
            ws, self.story, self.bus, ops, settings, lambda m, _ms: self.said.append(m)
        )

    def show(self, article: Article | None) -> None:
        """What the article editor does when a story opens: the fields, then the context."""
        for name, edit in self.fields.items():
            edit.setPlainText(getattr(article, name) if article is not None else "")
        self.story.open(article)
