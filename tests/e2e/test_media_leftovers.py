"""Temp files a killed photo copy or rendition worker left in the media folder: `check` (a real
process) lists them, a writer's open removes them (issue 20, point 10). The old code listed
only unfinished backup copies and removed none of these."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from editor_app.media import leftovers
from editor_app.services.workspace import Workspace

LONG_AGO = leftovers.GRACE + 60


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _left(path: Path, age: float = LONG_AGO) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8" + b"\0" * 4094)
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_check_lists_media_leftovers_and_a_writers_open_removes_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Workspace.open(data).close()
    media = data / "media"
    incoming = _left(media / "originals" / ".incoming-k1ll3d")
    rendition = _left(media / "renditions" / ".tmp" / ".tmp-abc123.webp")
    old_place = _left(media / "renditions" / "ab" / ".tmp-def456.jpg")  # an older app's place
    fresh = _left(media / "renditions" / ".tmp" / ".tmp-now.webp", age=1)  # being written

    done = _run(data, "check", "--json")
    assert done.returncode == 0, done.stderr
    listed = set(json.loads(done.stdout)["leftovers"])
    assert {str(incoming), str(rendition), str(old_place)} <= listed
    assert str(fresh) not in listed
    text = _run(data, "check").stdout
    assert "Tệp sót lại" in text and ".incoming-k1ll3d" in text

    Workspace.open(data).close()  # the app opens the folder as its writer

    assert not incoming.exists() and not rendition.exists() and not old_place.exists()
    assert fresh.exists()  # another process may still be writing it
    assert json.loads(_run(data, "check", "--json").stdout)["leftovers"] == []
