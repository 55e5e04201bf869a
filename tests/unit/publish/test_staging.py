"""Staging folders left by a killed export are removed by the next export; a live one (another
process exporting into the same folder) is left alone; a bundle caught in `previous/` goes back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor_app.publish.bundle import export_bundle
from editor_app.publish.staging import IN_USE, YOUNG, staging_folder, sweep
from editor_app.render.context import PageContext

from .render_support import support

HOLD = """
import sys, time
from pathlib import Path
from editor_app.publish.staging import staging_folder
with staging_folder(Path(sys.argv[1]), "bai-dang-do") as folder:
    (folder / "bai-dang-do").mkdir()
    (folder / "bai-dang-do" / "index.html").write_text("đang viết", encoding="utf-8")
    print(folder, flush=True)
    time.sleep(600)
"""


def _holder(out: Path) -> tuple[subprocess.Popen[str], Path]:
    """A real process in the middle of an export: its staging folder made and held."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line, "the holding process did not start"
    return proc, Path(line)


def _stagings(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".export"))


def _close(proc: subprocess.Popen[str]) -> None:
    if proc.stdout is not None:
        proc.stdout.close()


def test_a_live_export_is_left_alone_and_a_killed_ones_folder_is_swept(tmp_path: Path) -> None:
    proc, folder = _holder(tmp_path)
    try:
        assert sweep(tmp_path) == []
        assert (folder / "bai-dang-do" / "index.html").is_file()
    finally:
        proc.send_signal(signal.SIGKILL if os.name != "nt" else signal.SIGTERM)
        proc.wait(30)
        _close(proc)
    assert folder.is_dir()  # killed: nothing removed it
    swept = sweep(tmp_path)
    assert [s.path for s in swept] == [folder]
    assert _stagings(tmp_path) == []


def test_the_next_export_removes_a_killed_exports_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails on the old code: nothing ever removed `.<slug>.*.export`."""
    out = tmp_path / "out"
    out.mkdir()
    proc, left = _holder(out)
    proc.kill()
    proc.wait(30)
    _close(proc)
    ctx: PageContext = support.own_article()
    path = export_bundle(ctx, out, support.PillowProvider(tmp_path / "cache"))
    assert path.is_dir()
    assert not left.exists()
    assert _stagings(out) == []


def test_a_bundle_caught_between_two_renames_goes_back(tmp_path: Path) -> None:
    """A crash after the old bundle was moved aside and before the new one was moved in: the
    place is empty, the old bundle is in `previous/`. The sweep puts it back."""
    staging = tmp_path / ".khanh-thanh-cau.a1b2c3d4.export"
    (staging / "previous").mkdir(parents=True)
    (staging / "previous" / "index.html").write_text("bài cũ", encoding="utf-8")
    (staging / IN_USE).touch()
    swept = sweep(tmp_path)
    assert swept and swept[0].restored == tmp_path / "khanh-thanh-cau"
    assert (tmp_path / "khanh-thanh-cau" / "index.html").read_text(encoding="utf-8") == "bài cũ"
    assert not staging.exists()


def test_previous_never_replaces_a_bundle_in_place(tmp_path: Path) -> None:
    staging = tmp_path / ".khanh-thanh-cau.a1b2c3d4.export"
    (staging / "previous").mkdir(parents=True)
    (staging / "previous" / "index.html").write_text("bài cũ", encoding="utf-8")
    (tmp_path / "khanh-thanh-cau").mkdir()
    (tmp_path / "khanh-thanh-cau" / "index.html").write_text("bài mới", encoding="utf-8")
    sweep(tmp_path)
    assert (tmp_path / "khanh-thanh-cau" / "index.html").read_text(encoding="utf-8") == "bài mới"


def test_a_folder_just_created_without_its_marker_is_left_for_a_while(tmp_path: Path) -> None:
    young = tmp_path / ".bai.x1y2z3w4.export"
    young.mkdir()
    assert sweep(tmp_path) == []
    assert sweep(tmp_path, now=time.time() + YOUNG + 1)[0].path == young


def test_only_staging_folders_are_touched(tmp_path: Path) -> None:
    (tmp_path / ".bai.export").write_text("một tệp, không phải thư mục", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "bai.export").mkdir()
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / ".lien-ket.abcd.export").symlink_to(target, target_is_directory=True)
    assert sweep(tmp_path, now=time.time() + YOUNG + 1) == []
    assert target.is_dir() and (tmp_path / ".bai.export").is_file()


def test_the_staging_folder_is_gone_after_its_block(tmp_path: Path) -> None:
    with staging_folder(tmp_path, "bai") as folder:
        assert (folder / IN_USE).is_file()
        assert sweep(tmp_path) == []  # held by this very process: left alone
    assert not folder.exists()
