"""Temp files left by a killed copy or worker: found by age, removed by the next operation of
the same kind, never one still being written, never through a link (issue 20, point 10)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from editor_app.media import leftovers
from editor_app.media.cache import RenditionCache
from editor_app.media.library import MediaLibrary
from editor_app.media.xmp import PhotoMetadata

LONG_AGO = leftovers.GRACE + 60


def _left(path: Path, size: int = 4096, age: float = LONG_AGO) -> Path:
    """A temp file as a killed process leaves it: part of a copy, last written `age` s ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8" + b"\0" * (size - 2))
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_find_lists_old_temps_with_their_size_and_kind(data_root: Path) -> None:
    incoming = _left(data_root / "originals" / ".incoming-k1ll3d", size=12_345)
    rendition = _left(data_root / "renditions" / ".tmp" / ".tmp-abc123.webp", size=777)
    _left(data_root / "originals" / ".incoming-fresh", age=5)  # may be being written
    _left(data_root / "originals" / "ab" / "not-a-temp.jpg")

    found = leftovers.find(data_root)

    assert {(f.path, f.kind, f.size) for f in found} == {
        (incoming, "incoming", 12_345),
        (rendition, "rendition", 777),
    }
    assert all(f.age >= leftovers.GRACE for f in found)


def test_grace_zero_takes_every_incoming_temp(data_root: Path) -> None:
    fresh = _left(data_root / "originals" / ".incoming-fresh", age=1)
    found = leftovers.find(data_root, incoming_grace=0, rendition_grace=None)
    assert [f.path for f in found] == [fresh]


def test_links_and_folders_are_never_taken(data_root: Path, tmp_path: Path) -> None:
    precious = _left(tmp_path / "precious.jpg")
    (data_root / "originals").mkdir(parents=True)
    (data_root / "originals" / ".incoming-link").symlink_to(precious)
    (data_root / "originals" / ".incoming-dir").mkdir()
    removed = leftovers.remove(leftovers.find(data_root, incoming_grace=0))
    assert removed == []
    assert precious.read_bytes()[:2] == b"\xff\xd8"


def test_old_rendition_temps_in_the_cache_folders_are_found_deep(data_root: Path) -> None:
    old_place = _left(data_root / "renditions" / "ab" / ".tmp-x.jpg")
    assert leftovers.find(data_root) == []
    assert [f.path for f in leftovers.find(data_root, deep=True)] == [old_place]


def test_storing_a_photo_removes_an_old_incoming_temp_and_keeps_a_fresh_one(
    photo: Path, data_root: Path
) -> None:
    old = _left(data_root / "originals" / ".incoming-k1ll3d", size=12 * 1024 * 1024)
    fresh = _left(data_root / "originals" / ".incoming-copying", age=2)

    MediaLibrary(data_root).add(photo)

    assert not old.exists()
    assert fresh.exists()  # another attach of this process may be copying it


def test_a_copy_in_progress_is_not_swept_by_a_concurrent_store(
    photo: Path, data_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two attaches in one process (the window's worker and a receive): while one copies, the
    other's sweep leaves its temp alone, and the copy completes."""
    library = MediaLibrary(data_root)
    other = tmp_path / "other.jpg"
    other.write_bytes(photo.read_bytes() + b"\0")  # other bytes, same picture
    copying, release = threading.Event(), threading.Event()
    real_copy = MediaLibrary._copy

    def slow_copy(source: Path, fd: int, temp: Path) -> str:
        digest = real_copy(source, fd, temp)
        if source == photo:
            copying.set()
            assert release.wait(10)
        return digest

    monkeypatch.setattr(MediaLibrary, "_copy", staticmethod(slow_copy))
    result: list[object] = []
    first = threading.Thread(target=lambda: result.append(library.add(photo)))
    first.start()
    assert copying.wait(10)
    library.sweep_temporaries()  # what the second attach does first
    MediaLibrary(data_root).add(other)
    release.set()
    first.join(10)
    assert len(result) == 1 and library.original_path(result[0].sha256)  # type: ignore[attr-defined]


def test_renditions_are_written_through_the_temp_folder(photo: Path, data_root: Path) -> None:
    cache = RenditionCache(data_root)
    MediaLibrary(data_root).add(photo)
    seen: list[Path] = []
    real_replace = os.replace

    def spy(src: str | Path, dst: str | Path) -> None:
        seen.append(Path(src).parent)
        real_replace(src, dst)

    import editor_app.media.cache as cache_module

    original = cache_module.os.replace  # type: ignore[attr-defined]
    cache_module.os.replace = spy  # type: ignore[attr-defined]
    try:
        sha = next((data_root / "originals").rglob("*.jpg")).stem
        made = cache.ensure(sha, PhotoMetadata(), widths=(320,))
    finally:
        cache_module.os.replace = original  # type: ignore[attr-defined]
    assert made and set(seen) == {data_root / "renditions" / ".tmp"}
    assert list((data_root / "renditions" / ".tmp").iterdir()) == []


def test_the_next_rendition_work_sweeps_old_rendition_temps(data_root: Path) -> None:
    old = _left(data_root / "renditions" / ".tmp" / ".tmp-k1ll3d.jpg")
    fresh = _left(data_root / "renditions" / ".tmp" / ".tmp-writing.jpg", age=1)
    swept = RenditionCache(data_root).sweep_temporaries()
    assert [f.path for f in swept] == [old]
    assert fresh.exists() and not old.exists()
