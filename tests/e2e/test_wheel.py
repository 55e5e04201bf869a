"""`pip install .` (not editable) gives a package that finds its resources from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_carries_resources_and_finds_them_from_another_folder(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("editor_app-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "editor_app/resources/translations/editor_app_vi.qm",
        "editor_app/resources/translations/qtbase_vi.qm",
        "editor_app/ui/main_window.ui",
        "editor_app/resources/templates/article.html.j2",
        "editor_app/store/migrations/versions/0001_initial.py",
        "editor_app/gui/forms/ui_main_window.py",
    ):
        assert needed in names, needed
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "from editor_app.paths import resources_dir, ui_dir; "
        "print(resources_dir()); print(ui_dir())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [str(site / "editor_app" / "resources"), str(site / "editor_app" / "ui")]
    data = tmp_path / "data"
    r = subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), "check"],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
