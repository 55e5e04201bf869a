"""Docks around the story (photos, officials, preview…), listed in PANELS.

A dock is a QDockWidget built as `Dock(desk)` (gui/desk.py), never given the window: it
follows `desk.story.opened` (another story shown, the previous one's edits saved), listens to
the change bus (`desk.bus.subscribe(self, self.on_changes)`) and runs what it changes through
`desk.ops`, which publishes the `Changes` for the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from editor_app.gui.desk import Desk

PanelFactory = Callable[["Desk"], QDockWidget]

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
