"""Autosave as dirty flags: nothing typed is ever lost.

Each edit marks its field dirty. A save runs 1 s after typing pauses, every 1.5 s while
typing goes on, when focus leaves a field, when another story is opened and on close. The save
reads the current text on the UI thread (cheap) and writes it on the worker thread; keystrokes
typed meanwhile mark the field dirty again and go into the next save. A save never touches the
widgets, so it never moves the cursor or the scroll.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes

IDLE_MS = 1000
# The issue asks for "at least every 5 s"; saving every 1.5 s while typing goes on keeps the
# loss after a power cut under 2 s (a save is about 1 ms, on the worker thread).
MAX_INTERVAL_MS = 1500

Saver = Callable[[uuid.UUID, dict[str, Any]], Changes]


class SaveManager(QObject):
    saved = Signal(object)  # Changes
    failed = Signal(str)
    closing = Signal()  # the window closes: the last moment the fields are as the user left them

    def __init__(
        self,
        saver: Saver,
        read_field: Callable[[str], Any],
        worker: Worker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._saver = saver
        self._read = read_field
        self._worker = worker
        self.article_id: uuid.UUID | None = None
        self._dirty: set[str] = set()
        self._dirty_since: float | None = None
        self._in_flight = 0
        self._closed = False
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.save_now)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_INTERVAL_MS)
        self._deadline.timeout.connect(self.save_now)

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    @property
    def saving(self) -> bool:
        return self._in_flight > 0

    def set_article(self, article_id: uuid.UUID | None) -> None:
        """Saves what is pending for the current story before switching to another."""
        self.save_now()
        self.article_id = article_id

    def mark(self, field: str) -> None:
        if self.article_id is None or self._closed:
            return
        self._dirty.add(field)
        self._idle.start()
        if self._dirty_since is None:
            self._dirty_since = time.monotonic()
            self._deadline.start()

    def save_now(self) -> None:
        """Sends the dirty fields' current values to the worker (returns at once)."""
        self._idle.stop()
        self._deadline.stop()
        self._dirty_since = None
        if not self._dirty or self.article_id is None or self._closed:
            return
        fields = {name: self._read(name) for name in sorted(self._dirty)}
        self._dirty.clear()
        article_id = self.article_id
        self._in_flight += 1

        def on_done(changes: Changes) -> None:
            self._in_flight -= 1
            self.saved.emit(changes)

        def on_error(error: BaseException) -> None:
            self._in_flight -= 1
            # Keep the fields dirty so the next attempt writes them again.
            if article_id == self.article_id:
                self._dirty.update(fields)
                self._deadline.start()
            self.failed.emit(str(error))

        self._worker.submit(lambda: self._saver(article_id, fields), on_done, on_error)

    def flush(self) -> None:
        """Saves everything now and waits for the disk."""
        self.save_now()
        self._worker.wait()

    def close(self) -> None:
        """The window closes: saves everything, waits for the disk, then saves no more (a
        closed window's body may still be re-highlighted, e.g. when the application's style
        changes, which Qt reports as a text change)."""
        if not self._closed:
            self.closing.emit()
        self.flush()
        self._closed = True
        self._idle.stop()
        self._deadline.stop()
