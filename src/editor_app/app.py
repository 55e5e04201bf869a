"""The composition root: builds the workspace, the services and the windows, and runs Qt."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(data_dir: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor_app.domain.errors import UserError
    from editor_app.gui.main_window import MainWindow
    from editor_app.services.workspace import Workspace

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("editor_app")
    app.setOrganizationName("editor_app")
    try:
        workspace = Workspace.open(data_dir)
    except UserError as e:
        QMessageBox.critical(None, "editor_app", str(e))
        return 1
    window = MainWindow(workspace)
    window.show()
    try:
        return int(app.exec())
    finally:
        workspace.close()
