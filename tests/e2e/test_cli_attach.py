"""`editor-app attach` end to end: real files, real database, stdout line per file."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PIL import Image

from editor_app.cli import main
from editor_app.services.workspace import Workspace


def jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (40, 30), colour).save(path, "JPEG")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def story(data: Path) -> uuid.UUID:
    with Workspace.open(data) as ws:
        return ws.articles.create(headline="Hội nghị giao ban").article.id


def test_mixed_files_keep_the_good_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Path, story: uuid.UUID
) -> None:
    good = jpeg(tmp_path / "good.jpg", (200, 0, 0))
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "text.jpg"
    text.write_text("Đây là văn bản, không phải ảnh.\n", encoding="utf-8")
    vietnamese = jpeg(tmp_path / "Ảnh hội nghị số 2.jpg", (0, 0, 200))

    code = main(
        [
            "--data-dir",
            str(data),
            "attach",
            str(story),
            str(good),
            str(empty),
            str(text),
            str(vietnamese),
            "--credit",
            "Ảnh: Nguyễn Văn A",
        ]
    )
    out, _err = capsys.readouterr()

    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("ok ") and lines[3].startswith("ok ")
    assert lines[1] == f"error: {empty}: tệp rỗng (0 byte)"
    assert lines[2] == f"error: {text}: không phải là tệp ảnh"
    ids = [uuid.UUID(lines[0][3:]), uuid.UUID(lines[3][3:])]
    with Workspace.open(data) as ws:
        photos = ws.photos.of_article(story)
    assert [p.id for p in photos] == ids
    assert [p.filename for p in photos] == ["good.jpg", "Ảnh hội nghị số 2.jpg"]
    assert {p.credit for p in photos} == {"Ảnh: Nguyễn Văn A"}


def test_all_good_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Path, story: uuid.UUID
) -> None:
    a = jpeg(tmp_path / "a.jpg", (1, 2, 3))
    code = main(["--data-dir", str(data), "attach", str(story), str(a), "--caption", "Chú thích"])
    out, _ = capsys.readouterr()
    assert code == 0 and out.startswith("ok ")
    with Workspace.open(data) as ws:
        assert ws.photos.of_article(story)[0].caption == "Chú thích"


def test_unknown_story_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Path
) -> None:
    a = jpeg(tmp_path / "a.jpg", (1, 2, 3))
    Workspace.open(data).close()
    code = main(["--data-dir", str(data), "attach", str(uuid.uuid4()), str(a)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err.startswith("editor-app: ")


def test_in_a_real_process_stdout_is_utf8(tmp_path: Path, data: Path, story: uuid.UUID) -> None:
    name = tmp_path / "Ảnh lũ quét.jpg"
    name.write_text("không phải ảnh", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "--data-dir",
            str(data),
            "attach",
            str(story),
            str(name),
        ],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout.decode("utf-8").strip() == f"error: {name}: không phải là tệp ảnh"
