"""Nothing is ever lost: the real app, killed with SIGKILL while a reporter types."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

CHILD = Path(__file__).with_name("crash_child.py")
MAX_LOST_SECONDS = 2.0


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / "home" / var.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_typing_loses_at_most_two_seconds(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("crash_child", CHILD)
    assert spec is not None and spec.loader is not None
    child_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(child_module)
    text: str = child_module.TEXT

    data = tmp_path / "data"
    env = _child_env(tmp_path)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "type", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    story: uuid.UUID | None = None
    typed_at: list[tuple[int, float]] = []
    deadline = time.monotonic() + 60
    # Type for about 7 seconds (several autosave intervals), then pull the plug.
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        if line.startswith("story "):
            story = uuid.UUID(line.split()[1])
        elif line.startswith("typed "):
            _, n, t = line.split()
            typed_at.append((int(n), float(t)))
            if typed_at[-1][1] - typed_at[0][1] >= 7.0:
                break
    killed_at = time.monotonic()
    os.kill(child.pid, signal.SIGKILL)
    _, errors = child.communicate(timeout=30)  # waits, and closes the pipes
    assert story is not None, errors
    assert len(typed_at) > 100, "the app did not type"

    db = Database.open(data)
    try:
        assert db.integrity_problems() == []
        with db.read() as s:
            body = repo.get_article(s, story).body
    finally:
        db.close()
    typed_before_window = max(
        (n for n, t in typed_at if t <= killed_at - MAX_LOST_SECONDS), default=0
    )
    assert text.startswith(body), "what was saved is not what was typed"
    assert len(body) >= typed_before_window, (
        f"saved {len(body)} characters, but {typed_before_window} were typed more than "
        f"{MAX_LOST_SECONDS} s before the kill"
    )

    # Starting again: the app says what it recovered.
    out = subprocess.run(
        [sys.executable, str(CHILD), "recover", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("RECOVERY"))
    assert "1" in line and line != "RECOVERY -", line
