"""A progress dialog fed from the worker thread, with cancel: what attaching photos, exporting
a story and sending or receiving a package each built by hand (a dialog, a `threading.Event`
for cancel, a relay object to bring progress back to the UI thread).

    progress = WorkProgress(parent, text, title)
    worker.submit(lambda: service.work(progress=progress.report, cancel=progress.cancelled),
                  on_done, on_error)      # both call progress.close() first

`report` and `cancelled` are safe to call from any thread: a report crosses to the UI thread
through a queued signal; cancel is a flag the work reads between steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["WorkProgress"]


class WorkProgress(QObject):
    _reported = Signal(int, int, str)

    def __init__(
        self,
        parent: QWidget,
        text: str,
        title: str,
        *,
        cancel_text: str | None = None,
        total: int = 0,
        min_duration_ms: int = 300,
        label: Callable[[str], str] | None = None,
        object_name: str = "",
    ) -> None:
        """`cancel_text` None: no Cancel button. `total` 0: busy until the first report.
        `label`: the dialog's text for a report's message ("" leaves the text as it is;
        default: the message itself)."""
        super().__init__(parent)
        self._stop = threading.Event()
        self._label = label
        dialog = QProgressDialog(text, cancel_text or "", 0, total, parent)
        if cancel_text is None:
            dialog.setCancelButton(None)
        if object_name:
            dialog.setObjectName(object_name)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(min_duration_ms)
        dialog.canceled.connect(self._stop.set)
        self.dialog = dialog
        self._reported.connect(self._show)
        if min_duration_ms == 0:
            dialog.show()  # at once: nothing may be typed meanwhile

    def report(self, done: int, total: int, message: str = "") -> None:
        """From the work, on any thread."""
        self._reported.emit(done, total, message)

    def cancelled(self) -> bool:
        """True once the user pressed Cancel (the work stops at its next step)."""
        return self._stop.is_set()

    def close(self) -> None:
        """When the work is over, done or failed."""
        self.dialog.reset()
        self.dialog.deleteLater()
        self.deleteLater()

    def _show(self, done: int, total: int, message: str) -> None:
        if total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        text = self._label(message) if self._label is not None else message
        if text:
            self.dialog.setLabelText(text)
