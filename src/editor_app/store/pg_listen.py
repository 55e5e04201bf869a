"""Waiting for the server's "something changed" (`LISTEN editor_app_sync`), on a connection of
its own taken out of the server's pool for as long as the listening lasts (docs/server.md,
"Sync"). A notification only says "pull now": one sent while the desk was away is lost by
design, so a reconnected listener says "pull now" itself."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from editor_app.store.repo.sync import CHANNEL

__all__ = ["ChangeListener"]

log = logging.getLogger(__name__)

_WAIT_S = 1.0  # how often the thread looks whether it should stop
_RETRY_S = 5.0


class ChangeListener:
    """A daemon thread calling `on_change(article_id)` for every notification, and
    `on_change(None)` after each (re)connection. `stop()` ends it within about a second."""

    def __init__(self, engine: Engine, on_change: Callable[[str | None], None]) -> None:
        self._engine = engine
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="editor-sync-listen", daemon=True)
        self.connected = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=_WAIT_S * 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception as e:  # a cut network, a server restart: wait, then again
                self.connected.clear()
                log.info("sync listener lost the server: %s", e)
                self._stop.wait(_RETRY_S)

    def _listen(self) -> None:
        raw = self._engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, psycopg.Connection)
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self.connected.set()
            self._on_change(None)  # whatever was sent while away: pull now
            while not self._stop.is_set():
                for note in conn.notifies(timeout=_WAIT_S):
                    self._on_change(str(note.payload))
        finally:
            raw.invalidate()  # never back into the pool: it is still listening
            raw.close()
