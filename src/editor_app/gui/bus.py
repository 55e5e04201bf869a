"""The change bus: every `Changes` record a service returned travels on one Qt signal, with
the object that asked for the change (its initiator), so each view refreshes what the change
touched and the one that made it can skip the echo.

    bus.subscribe(self, self.on_changes)        # a panel listens (its own changes skipped)
    bus.publish(changes, initiator=self)        # the runner (gui/ops.py) publishes
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor_app.services.changes import Changes

__all__ = ["ChangeBus"]


class _Subscription(QObject):
    """A listener's link to the bus: a child of the listener, so the link goes with it."""

    def __init__(self, listener: QObject, handler: Callable[[Changes], None]) -> None:
        super().__init__(listener)
        self._listener = listener
        self._handler = handler

    def deliver(self, changes: Changes) -> None:
        if changes.initiator is not self._listener:
            self._handler(changes)


class ChangeBus(QObject):
    changed = Signal(object)  # Changes, its `initiator` set

    def publish(self, changes: Changes, initiator: object | None = None) -> None:
        """Tells every listener; an empty record (a save that wrote nothing) is not sent."""
        if changes == Changes():
            return
        if initiator is not None:
            changes = dataclasses.replace(changes, initiator=initiator)
        self.changed.emit(changes)

    def subscribe(self, listener: QObject, handler: Callable[[Changes], None]) -> None:
        """`handler(changes)` for every change `listener` did not initiate itself."""
        self.changed.connect(_Subscription(listener, handler).deliver)
