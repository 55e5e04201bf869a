"""Shared by the review GUI tests (tests/gui/review): two users and a real JPEG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image

from editor_app.domain.workflow import Role, User
from editor_app.gui.main_window import MainWindow

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)

WindowFactory = Callable[[str, User], MainWindow]


def jpeg(path: Path, colour: tuple[int, int, int] = (90, 140, 200)) -> Path:
    Image.new("RGB", (120, 80), colour).save(path, "JPEG", quality=90)
    return path
