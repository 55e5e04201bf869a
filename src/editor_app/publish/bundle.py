"""Writes an article's export bundle, atomically and deterministically.

    <out_dir>/<slug>/index.html            the page (same renderer and template as the preview)
    <out_dir>/<slug>/assets/article.css    the stylesheet, and the page's icons:
    <out_dir>/<slug>/assets/favicon.ico|favicon.svg|apple-touch-icon.png
    <out_dir>/<slug>/images/<slug>-<n>-<width>.jpg|.webp     renditions (n: photo's number)
    <out_dir>/<slug>/images/<slug>-<n>-<16x9|4x3|1x1>-<width>.jpg   crops of the featured photo
    <out_dir>/<slug>/article.ninjs.json    IPTC ninjs 3.1
or, with `zip=True`, the same tree in `<out_dir>/<slug>.zip`.

Atomic: everything is built in a hidden staging folder inside `out_dir` (same file system, so
renames are atomic), then moved into place. An older export of the same slug is renamed into the
staging folder first and removed only once the new one is in place; if that last rename fails
the old one is put back. Any failure (the provider raising, a full disk, a cancel) removes the
staging folder and leaves `out_dir` as it was. A staging folder left by a killed export is removed
by the next export into the same folder (staging.py), which first puts back an old bundle a
crash between the two renames left in it.

Whose: the ninjs names the story (`uri`); given the `owner`, an export never replaces a bundle
(folder or zip) that names another story, or none (`names.check_owner`). A withdrawn story's
bundle is `index.html` (the "withdrawn" page, noindex, at the same address), `assets/` and a
ninjs with `pubStatus: canceled`; its pictures are gone.

Deterministic: file names come from the slug and the photos' order, JSON keys are sorted, no
clock is read, and the zip has fixed timestamps, permissions and order.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PIL import Image

from editor_app.domain.article import Photo
from editor_app.domain.errors import UserError
from editor_app.publish.names import check_owner, rendition_name
from editor_app.publish.ninjs import NinjsImage, build_ninjs, build_withdrawn_ninjs, dump_json
from editor_app.publish.renditions import (
    FORMATS,
    RenditionRequest,
    RenditionsProvider,
    crop_requests,
    width_requests,
)
from editor_app.publish.staging import staging_folder, sweep
from editor_app.render.assets import page_assets
from editor_app.render.context import Crop, PageContext, PhotoImages, Rendition, StaticImageResolver
from editor_app.render.page import PageRenderer

log = logging.getLogger(__name__)

__all__ = ["ExportCancelled", "Progress", "export_bundle"]

Progress = Callable[[int, int, str], None]  # (done, total, message in Vietnamese)
Cancel = Callable[[], bool]

PAGE = "index.html"
NINJS = "article.ninjs.json"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_PIL_FORMAT = {"jpeg": "JPEG", "webp": "WEBP"}
_GPS_IFD = 0x8825


class ExportCancelled(UserError):
    """The user stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã hủy xuất bài: chưa có tệp nào được ghi.")


class RenditionError(RuntimeError):
    """The renditions provider returned a file that breaks its contract (a bug, not the user's)."""


@dataclass(frozen=True, slots=True)
class _Job:
    photo: Photo
    number: int
    request: RenditionRequest

    def file_name(self, slug: str) -> str:
        r = self.request
        return rendition_name(slug, self.number, r.width, r.format, r.crop)


def _jobs(context: PageContext) -> list[_Job]:
    featured = context.article.featured_photo
    jobs: list[_Job] = []
    for number, photo in enumerate(context.article.photos, 1):
        for width in width_requests(photo):
            jobs += [_Job(photo, number, RenditionRequest(width, fmt)) for fmt in FORMATS]
        if photo is featured:
            jobs += [_Job(photo, number, req) for req in crop_requests(photo)]
    return jobs


def _fsync_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _copy(src: Path, dst: Path) -> None:
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1024 * 1024)
        fout.flush()
        os.fsync(fout.fileno())


def _inspect(path: Path, job: _Job) -> tuple[int, int]:
    """The file's real size; refuses a wrong format or a file with GPS data."""
    try:
        with Image.open(path) as im:
            fmt, size = im.format, im.size
            gps = im.getexif().get_ifd(_GPS_IFD) if fmt == "JPEG" else {}
    except (OSError, SyntaxError, ValueError) as e:
        raise RenditionError(f"rendition {path} for {job.request} is not a readable image") from e
    if fmt != _PIL_FORMAT[job.request.format]:
        raise RenditionError(f"rendition {path} is {fmt}, asked for {job.request.format}")
    if gps:
        raise RenditionError(f"rendition {path} still carries GPS data")
    return size


class _Run:
    """One export: progress, cancel, and the steps in order."""

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def step(self, message: str) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(self.done, self.total, message)
        self.done += 1

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total, "Đã xuất bài.")


def _copy_images(
    context: PageContext, root: Path, provider: RenditionsProvider, run: _Run
) -> tuple[StaticImageResolver, list[tuple[Photo, list[NinjsImage]]]]:
    slug = context.page_slug
    images = root / "images"
    images.mkdir()
    rends: dict[uuid.UUID, list[Rendition]] = {}
    crops: dict[uuid.UUID, list[Crop]] = {}
    listed: dict[uuid.UUID, list[NinjsImage]] = {}
    jobs = _jobs(context)
    for i, job in enumerate(jobs, 1):
        run.step(f"Đang chuẩn bị ảnh {i}/{len(jobs)}…")
        try:
            source = Path(provider(job.photo, job.request))
        except OSError as e:  # the original missing or unreadable, the cache full…
            name = job.photo.filename or str(job.photo.id)
            raise UserError(
                f"Không tạo được ảnh “{name}” để xuất: {e.strerror or e}. "
                "Hãy kiểm tra ảnh gốc của bài rồi thử lại."
            ) from e
        name = job.file_name(slug)
        target = images / name
        width, height = _inspect(source, job)
        _copy(source, target)
        url = f"images/{name}"
        req = job.request
        if req.crop:
            crops.setdefault(job.photo.id, []).append(Crop(req.crop, url, width, height))
            label = f"crop-{req.crop.replace(':', 'x')}"
        else:
            rends.setdefault(job.photo.id, []).append(Rendition(url, width, height, req.format))
            label = f"w{req.width}-{req.format}"
        listed.setdefault(job.photo.id, []).append(
            NinjsImage(label, url, width, height, req.format, target.stat().st_size, req.crop)
        )
    resolver = StaticImageResolver(
        {
            p.id: PhotoImages(tuple(rends.get(p.id, ())), tuple(crops.get(p.id, ())))
            for p in context.article.photos
        }
    )
    return resolver, [(p, listed[p.id]) for p in context.article.photos if p.id in listed]


def _write_bundle(
    context: PageContext, root: Path, provider: RenditionsProvider, run: _Run
) -> None:
    root.mkdir()
    resolver, files = _copy_images(context, root, provider, run)
    run.step("Đang dựng trang…")
    exported = replace(context, images=resolver)
    page = PageRenderer().render(exported, "export")
    _fsync_write(root / PAGE, page.html.encode("utf-8"))
    (root / "assets").mkdir()
    for source, href in page_assets():  # the stylesheet and the page's icons
        _copy(source, root / href)
    run.step("Đang ghi bản ninjs…")
    _fsync_write(root / NINJS, dump_json(build_ninjs(exported, page.body_html, files)))


def _write_withdrawn(context: PageContext, root: Path, withdrawn_at: datetime, run: _Run) -> None:
    """A taken-down story's bundle: the withdrawn page, its assets, the canceled ninjs."""
    root.mkdir()
    run.step("Đang dựng trang “bài đã gỡ”…")
    html = PageRenderer().render_withdrawn(context, withdrawn_at)
    _fsync_write(root / PAGE, html.encode("utf-8"))
    (root / "assets").mkdir()
    for source, href in page_assets():
        _copy(source, root / href)
    _fsync_write(root / NINJS, dump_json(build_withdrawn_ninjs(context, withdrawn_at)))


def _zip(root: Path, target: Path) -> None:
    """A zip of `root` (as `<root.name>/…`) with fixed times, permissions and order."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    with open(target, "wb") as raw:
        with zipfile.ZipFile(raw, "w") as zf:
            for path in files:
                arcname = f"{root.name}/{path.relative_to(root).as_posix()}"
                info = zipfile.ZipInfo(arcname, date_time=_ZIP_TIME)
                info.create_system = 3  # Unix, whatever system writes it
                info.external_attr = 0o100644 << 16
                stored = path.suffix in (".jpg", ".webp")
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes(), compresslevel=None if stored else 9)
        raw.flush()
        os.fsync(raw.fileno())


def _swap_in(new: Path, dest: Path, staging: Path) -> None:
    """Moves `new` to `dest`, replacing an older folder there only once `new` is ready."""
    if not (dest.exists() or dest.is_symlink()):
        os.rename(new, dest)
        return
    old = staging / "previous"
    os.rename(dest, old)
    try:
        os.rename(new, dest)
    except BaseException:
        os.rename(old, dest)
        raise


def _check_paths(out_dir: Path, dest: Path, zip: bool) -> None:
    if not out_dir.is_dir():
        raise UserError(f"Không tìm thấy thư mục xuất “{out_dir}”.")
    if not os.access(out_dir, os.W_OK):
        raise UserError(f"Không có quyền ghi vào thư mục xuất “{out_dir}”.")
    in_the_way = (
        dest.is_dir() if zip else (dest.exists() and not dest.is_dir()) or dest.is_symlink()
    )
    if in_the_way:
        kind = "thư mục" if zip else "tệp"
        raise UserError(
            f"Trong thư mục xuất đã có một {kind} tên “{dest.name}”; hãy đổi tên hoặc xóa nó."
        )


def export_bundle(
    context: PageContext,
    out_dir: Path | str,
    renditions_provider: RenditionsProvider,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    zip: bool = False,
    *,
    owner: uuid.UUID | None = None,
    withdrawn_at: datetime | None = None,
) -> Path:
    """Exports the article to `out_dir/<slug>/` (or `out_dir/<slug>.zip`); returns that path.

    `owner`: the story the bundle belongs to; a bundle already at that place that is not its
    own is never replaced (`names.BundleTaken`). `withdrawn_at`: the story was taken down; the
    bundle is the withdrawn page at the same address (noindex) and a canceled ninjs.

    `progress(done, total, message)` is called before each step; `cancel()` is asked before
    each step and, when true, stops the export with `ExportCancelled`. Errors the user can fix
    (no headline, a missing or read-only folder, a full disk) raise `UserError`; the provider's
    own exceptions pass through. In every failure `out_dir` is left as it was.
    """
    slug = context.page_slug
    if not slug:
        raise UserError("Bài chưa có tiêu đề nên chưa đặt được tên thư mục xuất.")
    out = Path(out_dir)
    dest = out / (f"{slug}.zip" if zip else slug)
    _check_paths(out, dest, zip)
    if owner is not None:
        check_owner(dest, owner)
    steps = 2 if withdrawn_at is not None else len(_jobs(context)) + 3
    run = _Run(steps, progress, cancel)
    for left in sweep(out):  # staging folders of a killed export (staging.py)
        log.info("removed %s, left by an export that did not finish", left.path)
    try:
        with staging_folder(out, slug) as staging:
            root = staging / slug
            if withdrawn_at is not None:
                _write_withdrawn(context, root, withdrawn_at, run)
            else:
                _write_bundle(context, root, renditions_provider, run)
            run.step("Đang hoàn tất…")
            if zip:
                packed = staging / f"{slug}.zip"
                _zip(root, packed)
                os.replace(packed, dest)
            else:
                _swap_in(root, dest, staging)
            with contextlib.suppress(OSError):
                _fsync_dir(out)
    except OSError as e:
        raise UserError(_os_message(e, out)) from e
    run.finish()
    return dest


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _os_message(error: OSError, out: Path) -> str:
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return (
            f"Ổ đĩa đã đầy, không xuất được bài vào “{out}”. Hãy giải phóng chỗ trống rồi thử lại."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Không có quyền ghi vào “{out}”{where}. Hãy chọn thư mục khác."
    return f"Không xuất được bài vào “{out}”: {error.strerror or error}{where}."
