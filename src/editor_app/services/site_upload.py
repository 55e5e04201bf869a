"""Putting the built site where readers get it: the target IT set in the site file's `[publish]`
(`docs/publishing.md`, "Lên máy chủ web").

`upload_site(folder)` is what the command line (`editor-app site upload --from DIR`) and the
window call after the site build: it sends only what changed since the last upload, the
listing pages last, every file whole (upload-then-rename), and removes what the site no longer
has. A failure raises `UploadFailed` (a `UserError`) with a plain Vietnamese message saying
what happened and that the next upload completes the work. Runs for seconds to minutes: call it
off the UI thread, with `progress` and `cancel`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.domain.errors import UserError
from editor_app.domain.siteconfig import SiteConfig
from editor_app.publish.targets import FolderTarget, Target, UploadFailed
from editor_app.publish.upload_run import UploadCancelled, Uploaded, upload

if TYPE_CHECKING:
    from editor_app.publish.sftp_target import SftpSettings

__all__ = [
    "UploadCancelled",
    "UploadFailed",
    "UploadTarget",
    "Uploaded",
    "open_target",
    "site_listing",
    "upload_site",
    "upload_target",
]


@dataclass(frozen=True)
class UploadTarget:
    """Where the site goes, as the site file says: `kind` "folder" or "sftp"; `folder` the
    folder target's destination (None: the site stays where it was built)."""

    kind: str
    label: str | None
    folder: Path | None = None


def upload_target(site: SiteConfig) -> UploadTarget:
    """The configured target, for a window or a command to show before uploading."""
    if site.publish_target.value == "sftp":
        return UploadTarget("sftp", _sftp_settings(site).label)
    folder = site.publish_folder.value
    return UploadTarget("folder", None if folder is None else str(folder), folder)


def _sftp_settings(site: SiteConfig) -> SftpSettings:
    from editor_app.publish.sftp_target import SftpSettings

    values = (
        site.publish_host.value,
        site.publish_user.value,
        site.publish_key_file.value,
        site.publish_remote_path.value,
        site.publish_known_hosts.value,
    )
    host, user, key_file, remote_path, known_hosts = values
    if host is None or user is None or key_file is None or remote_path is None:
        raise UserError("Cấu hình site chưa đủ cho đích sftp ([publish]): xem editor-app check.")
    if known_hosts is None:
        raise UserError("Cấu hình site thiếu [publish] known_hosts: không tải lên máy chủ lạ.")
    return SftpSettings(host, site.publish_port.value, user, key_file, remote_path, known_hosts)


def open_target(site: SiteConfig, built: Path) -> Target | None:
    """The target, connected (sftp: the server's key checked, logged in); None when the site
    stays in `built` (the folder target without a folder of its own)."""
    if site.publish_target.value == "sftp":
        from editor_app.publish.sftp_target import connect

        return connect(_sftp_settings(site))
    folder = site.publish_folder.value
    if folder is None or _same(folder, built):
        return None
    if _inside(folder, built) or _inside(built, folder):
        raise UserError(
            f"Thư mục xuất bản {folder} và thư mục của trang {built} lồng nhau: chọn hai thư "
            "mục riêng."
        )
    return FolderTarget(folder)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _inside(inner: Path, outer: Path) -> bool:
    return inner.resolve().is_relative_to(outer.resolve())


def site_listing(built: Path) -> set[str] | None:
    """The listing pages (home, sections, tags, feeds, sitemaps, robots.txt) of the site built
    in `built`, from the site build's manifest: every file it wrote but the shared assets. None
    when the folder has no build manifest (the upload then sends the deepest files first)."""
    from editor_app.services.site_manifest import Manifest as BuildManifest

    files = BuildManifest.read(built).files
    return {p for p in files if not p.startswith("assets/")} if files else None


def upload_site(
    built: Path,
    site: SiteConfig,
    *,
    listing: Collection[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> Uploaded | None:
    """Uploads the site built in `built` to the configured target; None when the target is the
    folder it was built in (nothing to send). `listing`: the listing pages' paths relative to
    `built` (the site build's), sent after every story file. `dry_run`: connects (the server's
    key checked, the login tried) and says what would change, changing nothing."""
    if not built.is_dir():
        raise UserError(
            f"Không có thư mục trang {built}: dựng trang trước (editor-app site build)."
        )
    target = open_target(site, built)
    if target is None:
        return None
    try:
        return upload(
            built, target, listing=listing, progress=progress, cancel=cancel, dry_run=dry_run
        )
    finally:
        target.close()
