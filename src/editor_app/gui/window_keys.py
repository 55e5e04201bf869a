"""The window from the keyboard: the Edit menu's commands for whatever has the focus, F6 /
Ctrl+Tab (Shift+F6 / Ctrl+Shift+Tab back) through the panes, and a shortcut for each pane and
dock, shown in the View menu (Ctrl+1 the story list, Ctrl+2 the body, Ctrl+3… the docks).

A widget with its own notion of undo or paste (the photo list: remove with undo, paste a photo)
answers `edit_command(name) -> bool`; text fields use their own undo, cut, copy and paste.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

__all__ = ["EDIT_COMMANDS", "Pane", "WindowKeys"]

EDIT_COMMANDS = ("undo", "redo", "cut", "copy", "paste", "selectAll")


class Pane:
    """A place the keyboard can go: what to show first, and the widget to focus."""

    def __init__(
        self, name: str, focus: Callable[[], QWidget | None], dock: QDockWidget | None = None
    ) -> None:
        self.name = name
        self._focus = focus
        self.dock = dock

    def widget(self) -> QWidget | None:
        return self._focus()

    def available(self) -> bool:
        w = self.widget()
        return w is not None and w.isEnabled() and (self.dock is None or self.dock.isVisible())

    def contains(self, widget: QWidget | None) -> bool:
        root = self.dock if self.dock is not None else self.widget()
        while widget is not None:
            if widget is root:
                return True
            widget = widget.parentWidget()
        return False

    def enter(self) -> None:
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
        w = self.widget()
        if w is not None:
            w.setFocus(Qt.FocusReason.ShortcutFocusReason)


class WindowKeys(QObject):
    def __init__(self, window: QMainWindow, view_menu: QMenu, panes: Sequence[Pane]) -> None:
        super().__init__(window)
        self.window = window
        self.panes = list(panes)
        self.pane_actions: list[QAction] = []
        for i, pane in enumerate(self.panes, start=1):
            action = QAction(pane.name, window)
            action.setObjectName(f"actionPane{i}")
            if i <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _c=False, p=pane: p.enter())
            view_menu.addAction(action)
            window.addAction(action)
            self.pane_actions.append(action)

    # --- the Edit menu --------------------------------------------------------------------------
    def edit(self, command: str) -> bool:
        """Runs an Edit menu command on the widget that has the focus (or the nearest of its
        parents that knows it). False: nothing there can do it."""
        widget = QApplication.focusWidget()
        while widget is not None:
            handler = getattr(widget, "edit_command", None)
            if callable(handler) and handler(command):
                return True
            method = getattr(widget, command, None)
            if callable(method) and _is_text_field(widget):
                method()
                return True
            widget = widget.parentWidget()
        return False

    # --- panes ----------------------------------------------------------------------------------
    def current(self) -> int | None:
        focus = QApplication.focusWidget()
        for i, pane in enumerate(self.panes):
            if pane.contains(focus):
                return i
        return None

    def cycle(self, step: int) -> Pane | None:
        """The next pane (step 1) or the previous (-1) that can take the focus."""
        here = self.current()
        n = len(self.panes)
        start = here if here is not None else (-1 if step > 0 else 0)
        for k in range(1, n + 1):
            pane = self.panes[(start + k * step) % n]
            if pane.available():
                pane.enter()
                return pane
        return None


def _is_text_field(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit

    return isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView))
