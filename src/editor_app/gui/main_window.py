"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow

from editor_app.services.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("Editorial desk — editor_app"))
        self.stories = QListWidget(self)
        self.setCentralWidget(self.stories)
        for s in workspace.articles.list():
            self.stories.addItem(s.headline or self.tr("(untitled)"))
        self.resize(1200, 800)
