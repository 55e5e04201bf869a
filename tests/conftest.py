"""Shared fixtures. Tests run headless: Qt is told so before anything imports it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import postgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # QtWebEngine refuses to start as root without this (CI runs as root); never set for staff.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT.parent / "shared" / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """../shared/samples read in place; the test is skipped (with the reason) when it is absent."""
    if not (SAMPLES_DIR / "README.md").is_file():
        pytest.skip(f"sample material not found at {SAMPLES_DIR} (clone without shared/)")
    return SAMPLES_DIR


@pytest.fixture
def sample_article(samples_dir: Path) -> Path:
    return samples_dir / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"


@pytest.fixture
def sample_photos(samples_dir: Path) -> Path:
    return samples_dir / "photos"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[postgres.PgServer]:
    """One real PostgreSQL cluster for the session (tests/helpers/postgres.py); the tests that
    use it are skipped only where PostgreSQL's binaries are absent (CI installs them)."""
    bins = postgres.bin_dir()
    if bins is None:
        pytest.skip(
            "PostgreSQL not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin): "
            "run scripts/system-deps.sh as root"
        )
    server = postgres.start(bins)
    try:
        yield server
    finally:
        postgres.stop(server)


@pytest.fixture
def pg_url(pg_server: postgres.PgServer) -> Iterator[str]:
    """A fresh, empty database on the session's cluster (its SQLAlchemy URL), dropped after."""
    with pg_server.database() as url:
        yield url


@pytest.fixture(autouse=True)
def _private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, logs and the default data folder go to a temporary home, never the user's."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("EDITOR_APP_DATA_DIR", raising=False)
    # A PC with IT's /etc/editor_app/site.toml must not change what the tests see.
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", "none")
    # Nor the user's keyring (the OS's secret store): a PC without one, unless a test installs
    # an in-memory keyring (tests/helpers/memory_keyring.py). Read by keyring, and its
    # subprocesses', at the first use.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture(scope="session", autouse=True)
def _delete_windows_before_qt_exits() -> Iterator[None]:
    """Windows closed by tests are only hidden; a web view still alive when Qt's web profile
    goes away at interpreter exit crashes the process. Delete them while Qt is still whole."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in list(QApplication.topLevelWidgets()):
        if shiboken6.isValid(widget) and widget.parent() is None:
            shiboken6.delete(widget)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
