"""How the window's room is arranged and reached from the keyboard: it fits the screen, the
list, body and docks get their widths (remembered per screen size), focus on writing (F11), the
Edit menu for whatever has the focus, and the panes in turn (F6). A part of `MainWindow`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow


class WindowArrangement:
    """Mixed into `MainWindow`, its only user (each method typed with the window as `self`:
    see `StoryActions` for the `misc` ignores)."""

    def _build_keys(self: MainWindow) -> None:  # type: ignore[misc]
        """The layout (remembered per screen size, focus mode) and the keyboard's ways round."""
        from editor_app.gui.window_keys import EDIT_COMMANDS, Pane, WindowKeys
        from editor_app.gui.window_layout import FocusMode, LayoutMemory

        ui = self.ui
        self.layout_memory = LayoutMemory(self, ui.splitter, ui.detailsDock, self.settings)
        self.focus_mode = FocusMode(
            self, [ui.storyPanel, self.review.bar], ui.articlePage, ui.articleLayout
        )
        ui.actionFocusMode.toggled.connect(self.focus_mode.set_on)
        # The docks' tabs down the right edge: six titles never fit side by side above a
        # dock of a laptop's width, and elided they say nothing.
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.East)
        panes = [
            Pane(QCoreApplication.translate("MainWindow", "Story list"), lambda: ui.storyList),
            Pane(QCoreApplication.translate("MainWindow", "Story text"), lambda: ui.bodyEdit),
        ]
        for dock in [ui.detailsDock, *self.panels]:
            panes.append(Pane(dock.windowTitle(), _focus_in(dock.widget()), dock))
        self.keys = WindowKeys(self, ui.menuView, panes)
        ui.menuView.addSeparator()
        reset = ui.menuView.addAction(QCoreApplication.translate("MainWindow", "Reset the layout"))
        reset.triggered.connect(self.layout_memory.apply_default)
        ui.actionNextPane.setShortcuts([QKeySequence("F6"), QKeySequence("Ctrl+Tab")])
        ui.actionPreviousPane.setShortcuts(
            [QKeySequence("Shift+F6"), QKeySequence("Ctrl+Shift+Tab")]
        )
        ui.actionNextPane.triggered.connect(lambda: self.keys.cycle(1))
        ui.actionPreviousPane.triggered.connect(lambda: self.keys.cycle(-1))
        actions = (
            ui.actionUndo, ui.actionRedo, ui.actionCut, ui.actionCopy, ui.actionPaste,
            ui.actionSelectAll,
        )  # fmt: skip
        for action, command in zip(actions, EDIT_COMMANDS, strict=True):
            action.triggered.connect(lambda _c=False, c=command: self.keys.edit(c))
        QTimer.singleShot(0, self, self._restore_layout)

    def _restore_layout(self: MainWindow) -> None:  # type: ignore[misc]
        if not self.layout_memory.restore():
            self.layout_memory.apply_default()

    def _fit_to_screen(self: MainWindow) -> None:  # type: ignore[misc]
        """Within the screen's available geometry: as it was left if that fits, else the first
        size (maximised on a laptop's screen)."""
        from editor_app.gui.window_layout import first_size, fits

        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        geometry = self.settings.geometry(type(self).__name__)
        if (
            geometry is not None
            and self.restoreGeometry(geometry)
            and (available is None or fits(self.frameGeometry(), available))
        ):
            return
        size = first_size(available) if available is not None else None
        if size is None:
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.resize(size)


def _focus_in(root: QWidget | None) -> Callable[[], QWidget | None]:
    return lambda: _first_focusable(root)


def _first_focusable(root: QWidget | None) -> QWidget | None:
    """The first widget of a dock that takes the keyboard focus (the dock itself if none)."""
    if root is None:
        return None
    for child in root.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(root):
            return child
    return root
