from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.store.database import Database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "data")
    yield database
    database.close()
