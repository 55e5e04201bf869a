"""The window's *Xuất bản › Cập nhật trang*, and the same after a publication, correction or
withdrawal: the site built into the export folder (`site_build`), then uploaded to the target IT
set in the site file's `[publish]` (`site_upload`), as `editor-app site build` followed by
`editor-app site upload --from` that folder do.

Runs for seconds to minutes: call it off the UI thread with `progress` and `cancel` (asked
before each page and file of the build, and as the upload writes). It only reads the data
folder, on connections of its own: the desk's saves go on meanwhile. A failure raises a
`UserError` in Vietnamese (`UploadFailed`: the server is left as it was or consistently newer,
and the next update completes it); a cancel raises `UpdateCancelled` or the upload's
`UploadCancelled`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.domain.errors import UserError
from editor_app.services.site_build import SiteBuild, bundle_writer, site_builder
from editor_app.services.site_upload import (
    Uploaded,
    UploadTarget,
    site_listing,
    upload_site,
    upload_target,
)

if TYPE_CHECKING:
    from editor_app.services.workspace import Workspace

__all__ = ["NoSiteFolder", "SiteUpdated", "UpdateCancelled", "site_folder", "update_site"]

Progress = Callable[[int, int, str], None]


class NoSiteFolder(UserError):
    """No export folder is configured: there is nowhere to build the site."""


class UpdateCancelled(UserError):
    """The user stopped the update while the site was being built (nothing was uploaded)."""


@dataclass(frozen=True)
class SiteUpdated:
    """What an update did: `build` the site build, `upload` the upload (None: the target is
    the folder the site was built in, nothing to send)."""

    folder: Path
    build: SiteBuild
    target: UploadTarget
    upload: Uploaded | None


def site_folder(ws: Workspace) -> Path | None:
    """The folder the site is built in: the export folder (the site file's `[export] folder`,
    as `editor-app site build` without `--out`); None when none is set."""
    return ws.export.default_folder


def update_site(
    ws: Workspace,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SiteUpdated:
    """Builds the site into the export folder and uploads it to the configured target."""
    folder = site_folder(ws)
    if folder is None:
        raise NoSiteFolder(
            "Chưa có thư mục của trang: IT đặt [export] folder trong tệp cấu hình site (và "
            "[publish] để đưa trang lên máy chủ web)."
        )
    stopped = cancel if cancel is not None else _never

    def check() -> None:
        if stopped():
            raise UpdateCancelled("Đã dừng cập nhật trang theo yêu cầu; chưa tải gì lên.")

    def building(done: int, total: int, message: str) -> None:
        check()
        if progress is not None:
            progress(done, total, message)

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"Không tạo được thư mục {folder}: {e.strerror}.") from None
    building(0, 0, "")
    build = site_builder(ws).build(
        folder, bundles=bundle_writer(ws), progress=building, check=check
    )
    building(0, 0, "")
    config = ws.site.config
    target = upload_target(config)
    uploaded = upload_site(
        folder, config, listing=site_listing(folder), progress=progress, cancel=cancel
    )
    return SiteUpdated(folder, build, target, uploaded)


def _never() -> bool:
    return False
