"""Alembic migrations, applied automatically when a data folder (SQLite) or the newsroom's
server (PostgreSQL) is opened: the same scripts on both engines."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    """Alembic's configuration for these scripts (no alembic.ini: the app runs them itself)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent))
    return cfg
