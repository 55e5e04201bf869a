"""make_renditions: many photos across spawned processes, with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from editor_app.media.batch import RenditionJob, make_renditions, rendition_pool, run_job
from editor_app.media.cache import RenditionCache
from editor_app.media.library import MediaLibrary
from editor_app.media.xmp import PhotoMetadata

from .imagegen import noisy, save


@pytest.fixture
def jobs(tmp_path: Path, data_root: Path) -> list[RenditionJob]:
    library = MediaLibrary(data_root)
    out = []
    for i in range(4):
        info = library.add(save(noisy(1000, 700, seed=i), tmp_path / f"ảnh {i}.jpg", quality=85))
        meta = PhotoMetadata(caption=f"Ảnh số {i}")
        out.append(RenditionJob(info.sha256, meta, size=(info.width, info.height)))
    return out


def test_two_processes_same_files_as_one(jobs: list[RenditionJob], data_root: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = make_renditions(jobs, data_root, workers=2, progress=lambda d, t: calls.append((d, t)))
    assert not result.failed and not result.cancelled and len(result.done) == 4
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    files = {r.path: r.path.read_bytes() for d in result.done for r in d.renditions}
    assert len(files) == 4 * 4  # 480 and 960, JPEG and WebP
    cache = RenditionCache(data_root)
    for job in jobs:
        cache.remove(job.sha256)
    here = make_renditions(jobs, cache, workers=0)
    assert {r.path: r.path.read_bytes() for d in here.done for r in d.renditions} == files


def test_a_bad_photo_is_reported_not_fatal(
    jobs: list[RenditionJob], data_root: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "hỏng.jpg"
    bad.write_bytes(b"not a photo")
    broken = RenditionJob("f" * 64, source=bad)
    result = make_renditions([*jobs[:1], broken], data_root, workers=0)
    assert len(result.done) == 1 and len(result.failed) == 1
    assert "hỏng.jpg" in result.failed[0].error
    assert not run_job(data_root, broken).ok


def test_cancel_before_start(jobs: list[RenditionJob], data_root: Path) -> None:
    stop = threading.Event()
    stop.set()
    for workers in (0, 2):
        result = make_renditions(jobs, data_root, workers=workers, cancel=stop)
        assert result.cancelled and not result.done


def test_cancel_midway_with_a_pool(jobs: list[RenditionJob], data_root: Path) -> None:
    stop = threading.Event()
    many = [*jobs, *jobs, *jobs]  # the same photos again: quick, but still queued
    with rendition_pool(1) as pool:
        result = make_renditions(
            many, data_root, executor=pool, cancel=stop, progress=lambda d, t: stop.set()
        )
    assert result.cancelled
    assert 1 <= len(result.done) < len(many)
    for item in result.done:
        assert all(r.path.is_file() for r in item.renditions)
    assert not list((data_root / "renditions").rglob(".tmp-*"))


def test_an_unexpected_error_is_logged_and_reported(
    jobs: list[RenditionJob],
    data_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def full_disk(root: Path, job: RenditionJob) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("editor_app.media.batch.run_job", full_disk)
    result = make_renditions(jobs[:2], data_root, workers=0)
    assert len(result.failed) == 2 and "No space left" in result.failed[0].error
    assert "renditions of" in caplog.text
