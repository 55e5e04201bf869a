"""One upload of the site to a target: only what changed, in an order a reader never notices.

1. Read the server's manifest (`upload_manifest.py`); remove the temporary copies a cut upload
   left (named after its pending files, and the manifest's own).
2. Plan: the local files the manifest does not vouch for, the files it lists that are gone.
3. Write the manifest with every file about to change marked pending (and out of `files`), so
   that a cut anywhere after this leaves a manifest that never vouches for a file wrongly.
4. Upload (story files first, listing pages last), each whole under a temporary name then
   renamed; every `CHECKPOINT` seconds the manifest is written again with what finished.
5. Remove the files that are gone (and the folders they leave empty), then write the manifest
   a last time: nothing pending.

All of it holding the server's upload lock (`upload_lock.py`): one upload at a time.

A failure stops the run with an `UploadFailed` that says what happened and how far it got; the
manifest is written with what finished when the server is still reachable. The next upload
completes the work: the server is always as it was or consistently newer.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.text import format_number
from editor_app.publish.targets import Target, UploadFailed
from editor_app.publish.upload_lock import UploadLock
from editor_app.publish.upload_manifest import (
    MANIFEST_NAME,
    PART,
    FileState,
    Manifest,
    Plan,
    plan_upload,
    scan_local,
    temp_name,
)

__all__ = ["CHECKPOINT", "UploadCancelled", "Uploaded", "upload"]

#: Seconds between two writes of the manifest while files go up.
CHECKPOINT = 20.0
Progress = Callable[[int, int, str], None]


class UploadCancelled(UserError):
    """The user stopped the upload (what finished is recorded; the next one goes on)."""


@dataclass
class Uploaded:
    """What an upload did."""

    target: str
    sent: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    bytes_sent: int = 0
    cleaned: int = 0  # temporary copies a cut upload had left
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False  # what would be sent and removed: nothing was


class _Run:
    def __init__(
        self,
        root: Path,
        target: Target,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
    ) -> None:
        self.root = root
        self.target = target
        self.progress = progress
        self.cancel = cancel
        self.id = secrets.token_hex(4)
        self.lock = UploadLock(target, self.id)
        self.state = Manifest()
        self.done = Uploaded(target.label)
        self.saved_at = time.monotonic()

    def check_cancel(self, _written: int = 0) -> None:
        if self.cancel is not None and self.cancel():
            raise UploadCancelled("Đã dừng tải lên theo yêu cầu.")

    def save(self) -> None:
        data = self.state.to_bytes()
        self.target.put_bytes(data, MANIFEST_NAME, temp_name(MANIFEST_NAME, self.id))
        self.saved_at = time.monotonic()

    def read_server(self) -> Manifest:
        raw = self.target.read(MANIFEST_NAME)
        if raw is None:
            return Manifest()
        try:
            return Manifest.from_bytes(raw)
        except UserError as e:
            # Nothing it lists can be trusted: everything is sent again, nothing removed.
            self.done.warnings.append(f"{e} Tải lại mọi tệp; không xóa tệp nào trên máy chủ.")
            return Manifest()

    def clean(self, server: Manifest) -> None:
        """Removes what a cut upload left: its temporary copies and the manifest's own."""
        for path, run in server.pending.items():
            self.done.cleaned += self.target.remove(temp_name(path, run))
        for name in self.target.names(""):  # the manifest's and the lock's own copies
            if name.startswith("..editor-app") and name.endswith(PART):
                self.done.cleaned += self.target.remove(name)

    def send(self, plan: Plan, local: dict[str, FileState], total: int) -> None:
        for i, path in enumerate(plan.upload):
            self.check_cancel()
            if self.progress is not None:
                self.progress(i, total, path)
            temp = temp_name(path, self.id)
            self.target.put_file(self.root / path, path, temp, self.check_cancel)
            self.state.files[path] = local[path]
            del self.state.pending[path]
            self.done.sent.append(path)
            self.done.bytes_sent += local[path].size
            if time.monotonic() - self.saved_at >= CHECKPOINT:
                self.save()
                self.lock.refresh()

    def drop(self, plan: Plan, total: int) -> None:
        for i, path in enumerate(plan.remove):
            self.check_cancel()
            if self.progress is not None:
                self.progress(len(plan.upload) + i, total, path)
            if self.target.remove(path):
                self.done.removed.append(path)
            del self.state.pending[path]
            self.target.prune(path.rpartition("/")[0])


def upload(
    root: Path,
    target: Target,
    *,
    listing: Collection[str] | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> Uploaded:
    """Uploads the site built in `root` to `target` (the caller closes it). `listing`: the
    listing pages (home, sections, tags, feeds, sitemaps) as paths relative to `root`, sent
    after every other file; without it the deepest files go first. `dry_run`: only says what
    would be sent and removed, in that order (the server is read, never written)."""
    started = time.monotonic()
    run = _Run(root, target, progress, cancel)
    local = scan_local(root)
    if dry_run:
        plan = plan_upload(local, run.read_server(), listing)
        run.done.sent, run.done.removed = list(plan.upload), list(plan.remove)
        run.done.bytes_sent = sum(local[p].size for p in plan.upload)
        run.done.unchanged, run.done.dry_run = plan.unchanged, True
        return run.done
    run.lock.take()
    try:
        _upload(run, local, listing)
    finally:
        run.lock.release()  # out of reach: left for this PC's next upload to take over
    run.done.seconds = time.monotonic() - started
    return run.done


def _upload(run: _Run, local: dict[str, FileState], listing: Collection[str] | None) -> None:
    server = run.read_server()
    run.clean(server)
    plan = plan_upload(local, server, listing)
    run.done.unchanged = plan.unchanged
    run.state = Manifest(dict(server.files), {})
    if not plan.upload and not plan.remove:
        if server.pending or run.done.cleaned:
            run.save()  # the leftovers are gone: nothing is pending any more
        return
    for path in (*plan.upload, *plan.remove):
        run.state.files.pop(path, None)
        run.state.pending[path] = run.id
    run.save()
    total = len(plan.upload) + len(plan.remove)
    try:
        run.send(plan, local, total)
        run.drop(plan, total)
        run.save()
    except (UploadFailed, UploadCancelled) as e:
        raise _stopped(run, e, total) from None
    if run.progress is not None:
        run.progress(total, total, "")


def _stopped(run: _Run, e: UploadFailed | UploadCancelled, total: int) -> UserError:
    """The failure, with how far the upload got; the manifest saved first when it can be."""
    lost = isinstance(e, UploadFailed) and e.connection_lost
    if not lost:
        with contextlib.suppress(UploadFailed):
            run.save()
    done = len(run.done.sent) + len(run.done.removed)
    how_far = (
        f"Đã xong {format_number(done)}/{format_number(total)} tệp; máy chủ vẫn nhất quán (mỗi "
        "tệp hoặc còn bản cũ, hoặc đã có bản mới trọn vẹn). Lần tải lên sau sẽ làm tiếp phần còn "
        "lại."
    )
    message = f"{e} {how_far}"
    if isinstance(e, UploadCancelled):
        return UploadCancelled(message)
    return UploadFailed(message, connection_lost=lost)
