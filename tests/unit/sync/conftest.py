"""Two desks (real data folders) and one real PostgreSQL server for the sync's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sync_desks import HA, MINH, Desk

from editor_app.services.sync import SyncService
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore


@pytest.fixture
def server(pg_url: str) -> Iterator[ServerStore]:
    store = ServerStore.open(pg_url)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def two_desks(tmp_path: Path, server: ServerStore) -> Iterator[tuple[Desk, Desk]]:
    with Workspace.open(tmp_path / "reporter") as a, Workspace.open(tmp_path / "editor") as b:
        yield (
            Desk(a, SyncService(a.db, server, MINH), MINH),
            Desk(b, SyncService(b.db, server, HA), HA),
        )
