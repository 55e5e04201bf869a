"""Read-only work that may run in parallel with the rest (the checklist, the title check), of
which only the answer to the last request matters: it runs on Qt's thread pool and its result
comes back on the UI thread, unless a newer request was made meanwhile (then it is dropped).

    self.check = Latest(self._show_result, self._show_failure, self)
    self.check.start(lambda: service.lint_article(article))
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

__all__ = ["Latest"]

T = TypeVar("T")


class _Back(QObject):
    done = Signal(int, object, object)  # generation, result, error


class Latest(QObject, Generic[T]):
    def __init__(
        self,
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_failed = on_failed
        self._generation = 0
        self._back = _Back(self)
        self._back.done.connect(self._deliver)

    def start(self, job: Callable[[], T]) -> None:
        """Runs `job` on a pool thread; an earlier request still running is dropped."""
        self._generation += 1
        generation, back = self._generation, self._back

        def run() -> None:
            result: object = None
            error: BaseException | None = None
            try:
                result = job()
            except Exception as e:  # shown, never swallowed
                error = e
            with contextlib.suppress(RuntimeError):  # the owner may have closed meanwhile
                back.done.emit(generation, result, error)

        QThreadPool.globalInstance().start(run)

    def drop(self) -> None:
        """A result on its way is no longer wanted (another story was opened)."""
        self._generation += 1

    def _deliver(self, generation: int, result: object, error: BaseException | None) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self._on_failed(error)
        else:
            self._on_done(result)  # type: ignore[arg-type]
