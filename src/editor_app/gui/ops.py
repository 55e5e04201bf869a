"""One way to run an operation from the window (in the spirit of Anki's `CollectionOp`).

    ops.run(lambda: ws.articles.trash(aid), initiator=self, on_done=...)          # now
    ops.run_in_background(work, initiator=self, progress=Progress(...), on_done=...)

The runner
- runs the service call now, or on the window's serial worker (after the pending autosaves;
  or on a worker of the caller's own) with a progress dialog that can cancel
  (`work(report, cancelled)`);
- reports a `UserError` in the user's language in a message box, and hands any other error to
  `sys.excepthook`, the error dialog (`gui/error_dialog.py`), which logs it in full;
- publishes the `Changes` the call returned (a `Changes`, or a result with a `changes` field) on
  the `ChangeBus` with the initiator, then calls `on_done(result)`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.domain.errors import UserError
from editor_app.gui.bus import ChangeBus
from editor_app.gui.progress import WorkProgress
from editor_app.gui.worker import Worker
from editor_app.services.changes import Changes

__all__ = ["Ops", "Progress", "Report", "changes_of"]

T = TypeVar("T")
Report = Callable[[int, int, str], None]
"""report(done, total, message): callable from the work's thread."""


@dataclass(frozen=True)
class Progress:
    """The progress dialog of an operation run in the background."""

    text: str
    title: str
    cancel_text: str | None = None  # None: cannot be cancelled
    total: int = 0
    label: Callable[[str], str] | None = None
    object_name: str = ""
    min_duration_ms: int = 300


def changes_of(result: object) -> Changes | None:
    """The `Changes` a service returned: the result itself or its `changes` field."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class Ops(QObject):
    def __init__(self, parent: QWidget, worker: Worker, bus: ChangeBus) -> None:
        super().__init__(parent)
        self._parent = parent
        self.worker = worker
        self.bus = bus

    def run(
        self,
        op: Callable[[], T],
        *,
        initiator: object | None = None,
        on_done: Callable[[T], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Runs `op` now, on the UI thread (a short write). True when it succeeded.

        `on_failed(error)`: a `UserError` is then the caller's to say (a panel's message
        line); any other error is reported first, and `on_failed` only cleans up."""
        try:
            result = op()
        except Exception as e:
            self._failed(e, on_failed)
            return False
        self._succeeded(result, initiator, on_done)
        return True

    def run_in_background(
        self,
        work: Callable[[Report, Callable[[], bool]], T],
        *,
        progress: Progress | None = None,
        initiator: object | None = None,
        on_done: Callable[[T], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        worker: Worker | None = None,
    ) -> None:
        """Runs `work(report, cancelled)` on the worker thread, with a progress dialog when
        `progress` is given; the callbacks run on the UI thread once the dialog is closed.

        `worker`: a thread of the caller's own in place of the window's serial worker, for
        long work that only reads (the site's upload), so the saves never wait behind it."""
        dialog = None
        if progress is not None:
            dialog = WorkProgress(
                self._parent,
                progress.text,
                progress.title,
                cancel_text=progress.cancel_text,
                total=progress.total,
                min_duration_ms=progress.min_duration_ms,
                label=progress.label,
                object_name=progress.object_name,
            )
        report: Report = dialog.report if dialog is not None else _no_report
        cancelled: Callable[[], bool] = dialog.cancelled if dialog is not None else _never

        def done(result: T) -> None:
            if dialog is not None:
                dialog.close()
            self._succeeded(result, initiator, on_done)

        def failed(error: BaseException) -> None:
            if dialog is not None:
                dialog.close()
            self._failed(error, on_failed)

        (worker or self.worker).submit(lambda: work(report, cancelled), done, failed)

    def report(self, error: BaseException) -> None:
        """Shows an error: a user's one in a message box, any other through the error dialog."""
        if isinstance(error, UserError):
            QMessageBox.warning(
                self._parent, QCoreApplication.translate("Ops", "editor_app"), str(error)
            )
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- the outcome ---------------------------------------------------------------------------
    def _succeeded(
        self, result: T, initiator: object | None, on_done: Callable[[T], None] | None
    ) -> None:
        changes = changes_of(result)
        if changes is not None:
            self.bus.publish(changes, initiator)
        if on_done is not None:
            on_done(result)

    def _failed(
        self, error: BaseException, on_failed: Callable[[BaseException], None] | None
    ) -> None:
        if on_failed is not None and isinstance(error, UserError):
            on_failed(error)  # the caller says it in its own words (a panel's message line)
            return
        self.report(error)
        if on_failed is not None:
            on_failed(error)


def _no_report(done: int, total: int, message: str) -> None:
    """Work run without a dialog reports to nobody."""


def _never() -> bool:
    return False
