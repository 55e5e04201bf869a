from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.store.database import Database
from editor_app.store.server import ServerStore

Store = Database | ServerStore


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A freshly migrated store on each engine: a desk's SQLite and the newsroom's PostgreSQL."""
    opened: Store
    if request.param == "sqlite":
        opened = Database.open(tmp_path / "data")
    else:
        opened = ServerStore.open(request.getfixturevalue("pg_url"))
    try:
        yield opened
    finally:
        opened.close()
