"""Runs service calls off the UI thread and hands results back on it.

One serial writer thread keeps saves in the order they were asked for; results and errors come
back as Qt signals (queued to the UI thread), so widgets never block on the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, result, error


class Worker(QObject):
    """`submit(fn, on_done, on_error)`: fn runs in the worker thread; the callbacks on the UI's."""

    def __init__(self, parent: QObject | None = None, name: str = "editor-worker") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        self._pending += 1

        def run() -> Any:
            try:
                result = fn()
            except BaseException as e:  # reported to the UI thread, never swallowed
                self._relay.done.emit((on_done, on_error), None, e)
                raise
            self._relay.done.emit((on_done, on_error), result, None)
            return result

        return self._pool.submit(run)

    def _deliver(self, callbacks: Any, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        on_done, on_error = callbacks
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task failed", exc_info=error)
        elif on_done is not None:
            on_done(result)

    def wait(self) -> None:
        """Blocks until every submitted task has run (used on close)."""
        self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
