"""Alembic migrations, applied automatically when a data folder is opened."""
