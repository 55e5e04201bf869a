"""`editor-app sync` as a process (issue 16 point 2): two data folders and the tests' real
PostgreSQL; a story written in one folder reaches the other; an unreachable server is one
Vietnamese line and exit 1, with the story still waiting to be sent."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from editor_app.domain.workflow import Role, User
from editor_app.services.sync_desk import DeskSide
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore

MINH = User("Lê Minh", Role.REPORTER)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), "sync", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "EDITOR_APP_USER": "Lê Minh:reporter"},
        timeout=120,
        check=False,
    )


def test_a_story_goes_through_the_server_from_one_folder_to_another(
    pg_url: str, tmp_path: Path
) -> None:
    ServerStore.open(pg_url).close()  # IT has run `server init`
    with Workspace.open(tmp_path / "a") as ws:
        aid = ws.articles.create(headline="Tin từ hiện trường", body="Nội dung.").article.id

    up = run(tmp_path / "a", "--url", pg_url)
    assert up.returncode == 0, up.stderr
    assert "Đã gửi 1 bài, nhận 0 bài." in up.stdout

    down = run(tmp_path / "b", "--url", pg_url, "--json")
    assert down.returncode == 0, down.stderr
    report = json.loads(down.stdout)
    assert (report["pulled"], report["pending"], report["problems"]) == (1, 0, [])
    with Workspace.open(tmp_path / "b") as ws:
        assert ws.articles.get(aid).headline == "Tin từ hiện trường"


def test_an_unreachable_server_is_one_line_and_nothing_is_lost(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    with Workspace.open(tmp_path / "a") as ws:
        ws.articles.create(headline="Tin chờ gửi")
    result = run(tmp_path / "a", "--url", f"postgresql://huy:bí-mật@127.0.0.1:{port}/toasoan")
    assert result.returncode == 1
    assert "Không kết nối được máy chủ" in result.stderr
    assert "bí-mật" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    with Workspace.open(tmp_path / "a") as ws:
        assert len(DeskSide(ws.db, MINH).pending()) == 1  # still waiting to be sent
