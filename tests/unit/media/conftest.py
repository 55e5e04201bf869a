"""Fixtures of the media tests: photos made on the spot in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .imagegen import exif_bytes, noisy, save


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A small camera-like JPEG (800×600) with make, model and date taken."""
    exif = exif_bytes(make="Canon", model="Canon EOS R6", taken="2024:05:19 08:30:00")
    return save(noisy(800, 600), tmp_path / "in" / "photo.jpg", quality=90, exif=exif)


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    return tmp_path / "data"
