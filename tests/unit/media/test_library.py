"""MediaLibrary: originals stored once, byte for byte, named by their SHA-256."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from editor_app.media.errors import PhotoError, Reason
from editor_app.media.library import MediaLibrary

from .imagegen import quadrants, save


def test_add_stores_the_original_untouched(photo: Path, data_root: Path) -> None:
    library = MediaLibrary(data_root)
    info = library.add(photo)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert info.sha256 == digest
    assert info.path == data_root / "originals" / digest[:2] / f"{digest}.jpg"
    assert info.path.read_bytes() == photo.read_bytes()
    assert info.filename == "photo.jpg" and info.width == 800
    assert library.has(digest) and library.original_path(digest) == info.path
    assert not stat.S_IMODE(info.path.stat().st_mode) & 0o222  # read-only
    assert not list((data_root / "originals").glob(".incoming-*"))


def test_same_bytes_twice_are_stored_once(photo: Path, data_root: Path, tmp_path: Path) -> None:
    library = MediaLibrary(data_root)
    copy = tmp_path / "ảnh Đại hội 01.jpg"
    copy.write_bytes(photo.read_bytes())
    first, second = library.add(photo), library.add(copy)
    assert first.path == second.path and second.filename == "ảnh Đại hội 01.jpg"
    assert len([p for p in (data_root / "originals").rglob("*") if p.is_file()]) == 1


def test_each_format_keeps_its_extension(data_root: Path, tmp_path: Path) -> None:
    library = MediaLibrary(data_root)
    png = library.add(save(quadrants(40, 30), tmp_path / "a.png"))
    webp = library.add(save(quadrants(40, 30), tmp_path / "a.webp", quality=90))
    assert png.path.suffix == ".png" and webp.path.suffix == ".webp"
    assert library.original_path(png.sha256) == png.path


def test_a_refused_file_leaves_nothing(data_root: Path, tmp_path: Path) -> None:
    library = MediaLibrary(data_root)
    bad = tmp_path / "hỏng.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(PhotoError) as caught:
        library.add(bad)
    assert "hỏng.jpg" in caught.value.message and ".incoming" not in caught.value.message
    assert not [p for p in (data_root / "originals").rglob("*") if p.is_file()]
    with pytest.raises(PhotoError) as missing:
        library.add(tmp_path / "không có.jpg")
    assert missing.value.reason == Reason.MISSING


def test_remove(photo: Path, data_root: Path) -> None:
    library = MediaLibrary(data_root)
    info = library.add(photo)
    assert library.remove(info.sha256)
    assert not library.has(info.sha256) and not info.path.exists()
    assert not library.remove(info.sha256)


def test_digests_are_checked_before_they_become_paths(data_root: Path) -> None:
    library = MediaLibrary(data_root)
    for bad in ("../../etc/passwd", "ABC", "g" * 64, "A" * 64):
        with pytest.raises(ValueError):
            library.has(bad)


def test_sweep_temporaries(data_root: Path) -> None:
    (data_root / "originals").mkdir(parents=True)
    (data_root / "originals" / ".incoming-x").write_bytes(b"half")
    library = MediaLibrary(data_root)
    assert library.sweep_temporaries() == []  # just written: it may be a copy in progress
    assert [f.size for f in library.sweep_temporaries(grace=0)] == [4]


def test_a_crash_before_the_move_leaves_no_original(
    photo: Path, data_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        MediaLibrary(data_root).add(photo)
    assert not [p for p in (data_root / "originals").rglob("*") if p.is_file()]
