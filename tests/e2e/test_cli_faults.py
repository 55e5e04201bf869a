"""A full disk and a read-only data folder (issue 20, point 5): each fault gets its own
Vietnamese message, and the commands that only read still work.

The faults are real: a small tmpfs mounted for the test, filled to the last byte, or remounted
read-only (the tests run as root, where `chmod a-w` stops nothing). Where mounting is not
allowed the tests are skipped, saying so. The CLI runs as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sites import sample_site_file
from helpers.small_disk import Disk, mounted
from PIL import Image

from editor_app.domain.workflow import Role, Status, User
from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

EDITOR = User("Trần Thu Hà", Role.EDITOR)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    yield from mounted(tmp_path)


def run(data: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.fixture
def story_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, uuid.UUID]:
    """A data folder with one story published, closed as the app leaves it (the commands run
    for the sample outlet, a site not configured being a checklist item, and as an editor:
    re-exporting a published story only reads)."""
    monkeypatch.setenv(SITE_CONFIG_ENV, str(sample_site_file(tmp_path / "site")))
    monkeypatch.setenv(USER_ENV, f"{EDITOR.name}:editor")
    data = tmp_path / "made"
    photo = tmp_path / "hội nghị.jpg"
    Image.new("RGB", (640, 480), (30, 90, 160)).save(photo, "JPEG")
    with Workspace.open(data) as ws:
        story = ws.articles.create(
            headline="Hội nghị giao ban công tác Đảng",
            sapo="Sáng nay, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác Đảng, "
            "đánh giá kết quả quý I.",
            body="Đồng chí Dương Đức Huy phát biểu chỉ đạo.",
            section="Thời sự",
            byline="Minh Hà",
        ).article
        report = ws.photos.attach(
            story.id, [photo], caption="Quang cảnh hội nghị.", credit="Ảnh: Minh"
        )
        ws.photos.update(report.photos[0].id, alt_text="Các đại biểu trong hội trường.")
        for target in (Status.EDITING, Status.APPROVED, Status.PUBLISHED):
            ws.review.set_status(story.id, target, EDITOR)
        ws.search.search("giao ban")  # the index is up to date, as after a day's work
    return data, story.id


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*")}


def _on(disk: Disk, folder: Path) -> Path:
    data = disk.root / "data"
    shutil.copytree(folder, data)
    return data


READ_ONLY_WORK = [
    ("list",),
    ("show", "{id}"),
    ("search", "duong duc huy"),
    ("history", "{id}"),
]


def _reads_work(data: Path, story: uuid.UUID, elsewhere: Path) -> None:
    for args in READ_ONLY_WORK:
        done = run(data, *(a.format(id=story) for a in args))
        assert done.returncode == 0, (args, done.stderr)
    assert "Hội nghị giao ban công tác Đảng" in run(data, "list").stdout
    assert "Dương Đức Huy" in run(data, "show", str(story)).stdout
    assert str(story) in run(data, "search", "duong duc huy").stdout
    done = run(data, "backup", str(elsewhere / "copy.db"))
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "copy.db").stat().st_size > 0
    # --data-dir relative to the working folder, as IT types it
    done = run(
        Path(data.name), "export", str(story), "--out", str(elsewhere / "web"), cwd=data.parent
    )
    assert done.returncode == 0, done.stderr
    assert list((elsewhere / "web").rglob("index.html"))
    done = run(data, "check")
    assert "Toàn vẹn:        tốt" in done.stdout, done.stdout + done.stderr
    assert run(data, "lint", str(story)).returncode == 0


def test_a_full_disk_still_reads_and_says_it_is_full(
    disk: Disk, story_folder: tuple[Path, uuid.UUID], tmp_path: Path
) -> None:
    folder, story = story_folder
    data = _on(disk, folder)
    disk.fill()
    elsewhere = tmp_path / "other-disk"
    elsewhere.mkdir()
    before = _files(data)

    _reads_work(data, story, elsewhere)

    assert _files(data) == before  # reading wrote nothing, not even an empty -shm
    assert "— Ổ ĐĨA ĐẦY" in run(data, "check").stdout
    done = run(data, "tag", str(story), "--keyword", "Hội nghị")
    assert done.returncode == 1
    assert "Ổ đĩa đầy" in done.stderr
    assert "không mong đợi" not in done.stderr and "Errno" not in done.stderr


def test_a_full_disk_is_named_when_photos_and_texts_come_in(
    disk: Disk, story_folder: tuple[Path, uuid.UUID], tmp_path: Path
) -> None:
    folder, story = story_folder
    data = _on(disk, folder)
    photo = tmp_path / "ảnh lớn.png"
    Image.frombytes("RGB", (900, 900), os.urandom(900 * 900 * 3)).save(photo)
    text = tmp_path / "bài.txt"
    text.write_text(
        "Tiêu đề bài mới\n\nSapo của bài.\n\nThân bài.\n\nảnh lớn.png\nChú thích ảnh.\n",
        encoding="utf-8",
    )
    disk.fill(leave=400_000)  # room to open the database, not for the photo

    done = run(data, "attach", str(story), str(photo))
    assert done.returncode == 1
    assert "Ổ đĩa đầy" in done.stderr, done.stderr
    assert "không mong đợi" not in done.stderr and "Errno" not in done.stderr

    done = run(data, "import-text", str(text), "--photos", str(tmp_path))
    assert done.returncode == 1
    assert "Ổ đĩa đầy" in done.stderr, done.stderr
    assert "không mong đợi" not in done.stderr and "Errno" not in done.stderr


def test_a_read_only_folder_still_reads_and_says_it_is_read_only(
    disk: Disk, story_folder: tuple[Path, uuid.UUID], tmp_path: Path
) -> None:
    folder, story = story_folder
    data = _on(disk, folder)
    disk.make_read_only()
    elsewhere = tmp_path / "other-disk"
    elsewhere.mkdir()

    _reads_work(data, story, elsewhere)
    assert "— CHỈ ĐỌC" in run(data, "check").stdout

    done = run(data, "tag", str(story), "--keyword", "Hội nghị")
    assert done.returncode == 1
    assert "Thư mục dữ liệu chỉ đọc" in done.stderr, done.stderr
    assert "không mong đợi" not in done.stderr and "Errno" not in done.stderr


def test_a_backup_that_fills_the_disk_leaves_no_part_file(
    disk: Disk, story_folder: tuple[Path, uuid.UUID]
) -> None:
    folder, _story = story_folder
    disk.fill()
    dest = disk.root / "copy.db"

    done = run(folder, "backup", str(dest))

    assert done.returncode == 1
    assert "Ổ đĩa đầy" in done.stderr, done.stderr
    assert not dest.exists()
    assert not dest.with_name("copy.db.part").exists()


def test_setting_the_user_on_a_full_disk_says_the_disk_is_full(
    disk: Disk, story_folder: tuple[Path, uuid.UUID]
) -> None:
    folder, _story = story_folder
    data = _on(disk, folder)
    disk.fill()

    done = run(data, "whoami", "--name", "Lê Minh", "--role", "editor")

    assert done.returncode == 1
    assert "Ổ đĩa đầy" in done.stderr, done.stderr
    assert "No space" not in done.stderr and "Errno" not in done.stderr
    assert not list(data.glob(".identity-*"))  # its temporary file went too
