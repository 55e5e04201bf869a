"""Renditions for many photos at once, across cores.

Photos go to worker processes started with "spawn" (forking a process that runs Qt threads
can deadlock); each worker makes and writes one photo's files (atomically, through the
cache) and sends back only their names. Progress is reported per finished photo, a cancel
request stops photos not yet started, and a bad photo is reported, not fatal. Workers end
when the process that started them ends, however it ends (see `worker_lifetime`).

A frozen (PyInstaller) app must call ``multiprocessing.freeze_support()`` first thing in main.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from editor_app.domain.errors import UserError
from editor_app.media.cache import Rendition, RenditionCache
from editor_app.media.renditions import FORMATS, RENDITION_WIDTHS, Framing
from editor_app.media.worker_lifetime import die_with_parent
from editor_app.media.xmp import PhotoMetadata

__all__ = [
    "BatchResult",
    "Cancel",
    "JobResult",
    "RenditionJob",
    "make_renditions",
    "rendition_pool",
]

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.05


class Cancel(Protocol):
    """What make_renditions needs of a cancel flag (threading.Event has it)."""

    def is_set(self) -> bool: ...


Progress = Callable[[int, int], None]  # (photos finished, photos in all)


@dataclass(frozen=True)
class RenditionJob:
    """One photo to make renditions of: its digest, and what to write into them."""

    sha256: str
    metadata: PhotoMetadata = field(default_factory=PhotoMetadata)
    source: Path | None = None  # default: the library's original
    size: tuple[int, int] | None = None  # upright (width, height) when known: a stat suffices
    formats: tuple[str, ...] = FORMATS
    widths: tuple[int, ...] = RENDITION_WIDTHS
    thumbnail: bool = True
    crop: tuple[int, int] | None = None  # a width:height ratio: renditions of that crop
    focus: tuple[float, float] | None = None  # the crop's focal point (None: centred)


@dataclass(frozen=True)
class JobResult:
    job: RenditionJob
    renditions: tuple[Rendition, ...] = ()
    error: str = ""  # a message fit to show, when the photo failed

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class BatchResult:
    done: list[JobResult] = field(default_factory=list)
    failed: list[JobResult] = field(default_factory=list)
    cancelled: bool = False


def run_job(root: Path, job: RenditionJob) -> JobResult:
    """One photo, in whatever process runs it. A UserError becomes the result's message."""
    try:
        made = RenditionCache(root).ensure(
            job.sha256,
            job.metadata,
            source=job.source,
            size=job.size,
            formats=job.formats,
            widths=job.widths,
            thumbnail=job.thumbnail,
            crop=Framing(job.crop, job.focus) if job.crop else None,
        )
    except UserError as exc:
        return JobResult(job, error=exc.message)
    return JobResult(job, tuple(made))


def rendition_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool of spawned worker processes (keep one to skip start-up on later batches) that
    die with this process, even when it is killed."""
    count = workers or os.cpu_count() or 1
    return ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=die_with_parent,
    )


def make_renditions(
    jobs: Iterable[RenditionJob],
    cache: RenditionCache | Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    executor: Executor | None = None,
) -> BatchResult:
    """Makes (or finds) the renditions of every job's photo into `cache`.

    workers: None for one process per core (in this process when there is one photo),
    0 for this process only, N for a pool of N spawned processes. `executor`: a pool to use
    instead (see `rendition_pool`); it is left running. Results come in finishing order.
    """
    root = cache.root if isinstance(cache, RenditionCache) else Path(cache)
    todo = list(jobs)
    total = len(todo)
    if workers is None:
        workers = 0 if total <= 1 else min(total, os.cpu_count() or 1)
    if executor is None and workers == 0:
        return _run_here(root, todo, progress, cancel)
    workers = workers or os.cpu_count() or 1
    pool = executor or rendition_pool(min(workers, max(total, 1)))
    try:
        return _run_pool(pool, root, todo, progress, cancel, in_flight=2 * workers)
    finally:
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)


def _record(result: BatchResult, item: JobResult) -> None:
    (result.done if item.ok else result.failed).append(item)


def _run_here(
    root: Path, todo: Sequence[RenditionJob], progress: Progress | None, cancel: Cancel | None
) -> BatchResult:
    result = BatchResult()
    for job in todo:
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        try:
            item = run_job(root, job)
        except Exception as exc:  # a bug or the disk: logged, reported, the batch goes on
            item = _unexpected(job, exc)
        _record(result, item)
        if progress is not None:
            progress(len(result.done) + len(result.failed), len(todo))
    return result


def _run_pool(
    pool: Executor,
    root: Path,
    todo: Sequence[RenditionJob],
    progress: Progress | None,
    cancel: Cancel | None,
    in_flight: int,
) -> BatchResult:
    """Keeps at most `in_flight` photos submitted, so a cancel has few to wait for."""
    result = BatchResult()
    queue = iter(todo)
    pending: dict[Future[JobResult], RenditionJob] = {}
    while True:
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            for future in pending:
                future.cancel()
            # Photos already started finish (their files are whole); report them too.
            for future in wait(pending).done:
                if not future.cancelled():
                    _record(result, _outcome(future, pending[future]))
            return result
        while len(pending) < in_flight and (job := next(queue, None)) is not None:
            pending[pool.submit(run_job, root, job)] = job
        if not pending:
            return result
        finished, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
        for future in finished:
            _record(result, _outcome(future, pending.pop(future)))
            if progress is not None:
                progress(len(result.done) + len(result.failed), len(todo))


def _outcome(future: Future[JobResult], job: RenditionJob) -> JobResult:
    try:
        return future.result()
    except Exception as exc:  # a bug, the disk or a dead worker: logged, reported
        return _unexpected(job, exc)


def _unexpected(job: RenditionJob, exc: Exception) -> JobResult:
    log.error("renditions of %s failed", job.sha256, exc_info=exc)
    return JobResult(job, error=f"Lỗi không mong đợi khi tạo ảnh {job.sha256[:12]}…: {exc}")
