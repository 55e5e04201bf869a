"""`editor-app export` killed with SIGKILL while its renditions are being made (issue 20,
point 4): its worker processes and multiprocessing's resource tracker end with it, and the
caller's stdout closes. They used to stay, with parent 1, for as long as 14 minutes."""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path

import pytest
from helpers.process_tree import (
    kill_and_check_nothing_stays,
    marked,
    marked_process,
    needs_proc,
    wait_for,
    workers,
)
from PIL import Image

from editor_app.services.identity import USER_ENV
from editor_app.services.workspace import Workspace

pytestmark = [pytest.mark.slow, needs_proc]


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, uuid.UUID]:
    """A story with four camera-sized photos whose renditions are not made yet."""
    data = tmp_path / "data"
    photos = []
    for i in range(4):
        path = tmp_path / f"ảnh {i}.jpg"
        noise = Image.effect_noise((3000, 2000), 40 + 10 * i).convert("RGB")
        noise.save(path, "JPEG", quality=90)
        photos.append(path)
    with Workspace.open(data) as ws:
        made = ws.articles.create(
            headline="Hội nghị giao ban công tác Đảng",
            sapo="Sáng nay, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.",
            body="Đồng chí Dương Đức Huy phát biểu chỉ đạo.",
            section="Thời sự",
        ).article
        ws.photos.attach(made.id, photos, caption="Quang cảnh hội nghị.", credit="Ảnh: Minh")
    return data, made.id


@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_a_killed_export_leaves_no_process(
    story: tuple[Path, uuid.UUID], tmp_path: Path, delay: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, story_id = story
    command = [sys.executable, "-m", "editor_app", "--data-dir", str(data)]
    command += ["export", str(story_id), "--out", str(tmp_path / "out"), "--force"]
    command += ["--reason", "Kiểm tra dừng giữa chừng"]
    monkeypatch.setenv(USER_ENV, "Trần Thu Hà:editor")  # the forced export names who
    with marked_process(command) as (export, mark):
        assert wait_for(lambda: workers(mark) >= 1, 60), marked(mark)
        time.sleep(delay)
        assert export.poll() is None, "the export ended before it could be killed"
        kill_and_check_nothing_stays(export, mark)
