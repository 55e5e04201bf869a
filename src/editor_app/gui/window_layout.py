"""Where the window's room goes: writing first.

- The window opens within the screen's available geometry (maximised on a laptop screen).
- By default the story list takes about a fifth of the width, the docks on the right about a
  quarter, and the body the rest: 60 characters a line or more from 1280×720 up.
- The list's width, the docks and where they sit are remembered per screen size (a laptop on
  its own screen and docked to a large one keep two arrangements), with Qt's saveState.
- Focus on writing (F11): headline, sapo and body alone, in a column of reading width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QMainWindow, QSplitter, QWidget

from editor_app.gui.settings import Settings

__all__ = ["FocusMode", "LayoutMemory", "default_widths", "first_size", "fits"]

ROOMY = QSize(1500, 900)  # below this the window opens maximised
FIRST = QSize(1360, 860)  # the first size on a larger screen
COLUMN = 860  # the writing column's width in focus mode, in pixels


@dataclass(frozen=True)
class Widths:
    story_list: int
    docks: int


def default_widths(window_width: int) -> Widths:
    """The list about a fifth of the width, the docks a little less than a quarter."""
    story_list = max(250, min(380, round(window_width * 0.2)))
    docks = max(290, min(460, round(window_width * 0.23)))
    return Widths(story_list, docks)


def fits(frame: QRect, available: QRect) -> bool:
    return available.contains(frame)


def first_size(available: QRect) -> QSize | None:
    """The window's first size on this screen; None: maximised (a laptop's screen)."""
    if available.width() < ROOMY.width() or available.height() < ROOMY.height():
        return None
    return FIRST


class LayoutMemory:
    """The splitter's and the docks' arrangement, saved and restored per screen size."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        right_dock: QDockWidget,
        settings: Settings,
    ) -> None:
        self.window = window
        self.splitter = splitter
        self.right_dock = right_dock
        self.settings = settings

    def key(self) -> str:
        screen = self.window.screen()
        size = screen.availableGeometry().size() if screen is not None else QSize(0, 0)
        return f"layout/{size.width()}x{size.height()}"

    def restore(self) -> bool:
        """The arrangement saved for this screen size; False when there is none."""
        q = self.settings.q
        state = q.value(f"{self.key()}/docks")
        split = q.value(f"{self.key()}/splitter")
        if not isinstance(state, QByteArray) or not isinstance(split, QByteArray):
            return False
        return self.window.restoreState(state) and self.splitter.restoreState(split)

    def save(self) -> None:
        q = self.settings.q
        q.setValue(f"{self.key()}/docks", self.window.saveState())
        q.setValue(f"{self.key()}/splitter", self.splitter.saveState())

    def apply_default(self) -> None:
        """Writing first, at the window's width now."""
        width = self.window.width()
        widths = default_widths(width)
        rest = max(200, width - widths.story_list - widths.docks)
        self.splitter.setSizes([widths.story_list, rest])
        self.window.resizeDocks([self.right_dock], [widths.docks], Qt.Orientation.Horizontal)

    def widths(self) -> tuple[int, int]:
        """(list, docks) now: what an operation must leave as it found it."""
        return self.splitter.sizes()[0], self.right_dock.width()


class FocusMode(QObject):
    """Hides everything but the headline, sapo and body, and puts them in a column of
    reading width; the arrangement before comes back on leaving."""

    def __init__(
        self,
        window: QMainWindow,
        hide: list[QWidget],
        page: QWidget,
        page_layout: QBoxLayout,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._hide = hide
        self._page = page
        self._layout = page_layout
        self._margins = page_layout.contentsMargins()
        self._state: QByteArray | None = None
        self._shown: list[QWidget] = []
        self.on = False

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        self.on = on
        if on:
            self._state = self.window.saveState()
            docks = [d for d in self.window.findChildren(QDockWidget) if d.isVisible()]
            self._shown = [w for w in [*self._hide, *docks] if w.isVisible()]
            for w in self._shown:
                w.hide()
            self._page.installEventFilter(self)
            self._center()
        else:
            self._page.removeEventFilter(self)
            self._layout.setContentsMargins(self._margins)
            for w in self._shown:
                w.show()
            if self._state is not None:
                self.window.restoreState(self._state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Resize:
            self._center()
        return super().eventFilter(watched, event)

    def _center(self) -> None:
        m = self._margins
        side = max(m.left(), (self._page.width() - COLUMN) // 2)
        self._layout.setContentsMargins(side, m.top(), side, m.bottom())
