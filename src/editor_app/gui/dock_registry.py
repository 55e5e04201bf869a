"""Docks around the story (photos, officials, preview…): each is a Panel, listed in PANELS.

A panel is a QDockWidget built by `factory(window)`; the window calls `set_article()` when
another story opens (after the pending edits of the previous one were saved) and
`on_changes()` after any change made elsewhere. A panel that changes something through a
service emits `changed(Changes)` so the rest of the window refreshes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.main_window import MainWindow
    from editor_app.services.changes import Changes


class Panel(Protocol):
    def set_article(self, article: Article | None) -> None: ...

    def on_changes(self, changes: Changes) -> None: ...


PanelFactory = Callable[["MainWindow"], QDockWidget]

# (module, class, dock area). Imported by `load_panels()` when the window attaches to a data
# folder, after the frame is on screen: the panels pull in the web engine and the database layer.
PANELS: list[tuple[str, str, Qt.DockWidgetArea]] = [
    ("editor_app.gui.officials.tag_panel", "TagPanel", Qt.DockWidgetArea.RightDockWidgetArea),
    ("editor_app.gui.checklist.panel", "ChecklistPanel", Qt.DockWidgetArea.RightDockWidgetArea),
    ("editor_app.gui.photos.panel", "PhotoPanel", Qt.DockWidgetArea.RightDockWidgetArea),
    ("editor_app.gui.preview.dock", "PreviewDock", Qt.DockWidgetArea.RightDockWidgetArea),
    (
        "editor_app.gui.review.comments_panel",
        "CommentsPanel",
        Qt.DockWidgetArea.RightDockWidgetArea,
    ),
]


def load_panels() -> list[tuple[PanelFactory, Qt.DockWidgetArea]]:
    factories: list[tuple[PanelFactory, Qt.DockWidgetArea]] = []
    for module, name, area in PANELS:
        factories.append((getattr(importlib.import_module(module), name), area))
    return factories
