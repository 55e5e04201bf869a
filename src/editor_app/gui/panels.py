"""Docks around the story (photos, officials, preview…): each is a Panel, listed in PANELS.

A panel is a QDockWidget built by `factory(window)`; the window calls `set_article()` when
another story opens (after the pending edits of the previous one were saved) and
`on_changes()` after any change made elsewhere. A panel that changes something through a
service emits `changed(Changes)` so the rest of the window refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from editor_app.gui.officials.tag_panel import TagPanel
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.preview.dock import PreviewDock

if TYPE_CHECKING:
    from editor_app.domain.article import Article
    from editor_app.gui.main_window import MainWindow
    from editor_app.services.changes import Changes


class Panel(Protocol):
    def set_article(self, article: Article | None) -> None: ...

    def on_changes(self, changes: Changes) -> None: ...


PanelFactory = Callable[["MainWindow"], QDockWidget]

# (factory, dock area): filled in as the panels are written.
PANELS: list[tuple[PanelFactory, Qt.DockWidgetArea]] = []
PANELS.append((TagPanel, Qt.DockWidgetArea.RightDockWidgetArea))  # officials, sections
PANELS.append((PhotoPanel, Qt.DockWidgetArea.RightDockWidgetArea))  # photos of the story
PANELS.append((PreviewDock, Qt.DockWidgetArea.RightDockWidgetArea))  # the page as published
