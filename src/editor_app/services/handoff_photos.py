"""The photos a received package brings: each one new to this desk decoded (a package whose
photo is not a photo we take is refused), and the facts of each one the story uses, whether
new or already stored here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor_app.domain.errors import NotFound, UserError
from editor_app.exchange.package import Package, PackageError
from editor_app.exchange.story import Story

if TYPE_CHECKING:
    from editor_app.media.library import MediaLibrary
    from editor_app.media.probe import ProbedImage

__all__ = ["PackagePhotos", "check_photos"]


class PackagePhotos:
    """The facts of the photos a package brings: decoded from the package when new here,
    else from the original stored here (decoded only when asked)."""

    def __init__(self, library: MediaLibrary) -> None:
        self.library = library
        self.probed: dict[str, ProbedImage] = {}

    def facts(self, sha256: str) -> ProbedImage:
        if sha256 not in self.probed:
            from editor_app.media.probe import probe

            original = self.library.original_path(sha256)
            if original is None:
                raise NotFound(f"Không tìm thấy ảnh gốc {sha256[:12]}.")
            self.probed[sha256] = probe(original, sha256=sha256)
        return self.probed[sha256]

    def meta(self, sha256: str) -> dict[str, Any] | None:
        """What bringing a photo (back) onto a story needs (`revision_apply.OriginalFinder`)."""
        try:
            info = self.facts(sha256)
        except UserError:
            return None
        from editor_app.services.importing import camera_time_to_utc

        return {
            "filename": info.filename,
            "format": info.format,
            "width": info.width,
            "height": info.height,
            "size_bytes": info.size_bytes,
            "taken_at": camera_time_to_utc(info.taken_at),
            "camera": info.camera,
        }


def check_photos(library: MediaLibrary, package: Package, story: Story) -> PackagePhotos:
    """Every photo the story uses that is new to this desk decodes as a photo we take
    (PackageError otherwise); one already stored here is the same bytes (same digest)."""
    from editor_app.media.probe import probe

    photos = PackagePhotos(library)
    for f in story.photo_files.values():
        if f.sha256 in photos.probed or library.has(f.sha256):
            continue
        try:
            photos.probed[f.sha256] = probe(
                package.photos[f.sha256], sha256=f.sha256, display_name=f.filename
            )
        except UserError as e:
            raise PackageError(f"Gói “{package.path.name}” bị từ chối: {e}") from None
    return photos
