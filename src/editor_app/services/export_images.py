"""The pictures of a story's page: the XMP every rendition carries, the renditions provider the
bundle asks (over the media cache), the preview's local renditions, and the export's renditions
made ahead on every core. `ExportService` is one of these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from editor_app.domain.article import Photo
from editor_app.domain.errors import NotFound, UserError
from editor_app.media.batch import RenditionJob, make_renditions
from editor_app.media.cache import RenditionCache
from editor_app.media.renditions import Framing, Ratio
from editor_app.media.xmp import PhotoMetadata
from editor_app.publish import RenditionRequest
from editor_app.publish.renditions import crop_requests, width_requests
from editor_app.render.context import PhotoImages, Rendition, SiteSettings

__all__ = ["PREVIEW_WIDTHS", "ExportImages", "creator_of"]

#: Widths of the renditions the preview links to (JPEG only: the preview is local).
PREVIEW_WIDTHS = (480, 800, 1200)

_RATIOS: dict[str, Ratio] = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
_CREDIT_PREFIXES = ("ảnh:", "ảnh :", "ảnh -", "ảnh")


def creator_of(credit: str) -> str:
    """The photographer's name in a credit line ("Ảnh: Minh Hà" → "Minh Hà")."""
    text = credit.strip()
    low = text.lower()
    for prefix in _CREDIT_PREFIXES:
        if low.startswith(prefix):
            return text[len(prefix) :].strip(" :-")
    return text


class ExportImages:
    """Renditions for one outlet (`site`) over one media cache (`cache`)."""

    cache: RenditionCache
    site: SiteSettings

    def metadata(self, photo: Photo) -> PhotoMetadata:
        """What every rendition of the photo carries as XMP."""
        return PhotoMetadata(
            caption=photo.caption,
            creator=creator_of(photo.credit),
            credit=photo.credit,
            copyright=f"© {self.site.name}",
        )

    def provider(self, photo: Photo, request: RenditionRequest) -> Path:
        """The renditions provider of `publish.export_bundle`, over the media cache."""
        crop = _RATIOS[request.crop] if request.crop else None
        size = (photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None
        made = self.cache.file(
            photo.sha256,
            request.width,
            request.format.upper(),
            self.metadata(photo),
            crop=Framing(crop, photo.focus) if crop else None,
            size=size,
        )
        return made.path

    def preview_images(self, photo: Photo) -> PhotoImages:
        """The preview's renditions of the photo (made if missing; none when it cannot be)."""
        size = (photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None
        try:
            made = self.cache.ensure(
                photo.sha256,
                self.metadata(photo),
                size=size,
                formats=("JPEG",),
                widths=PREVIEW_WIDTHS,
                thumbnail=False,
            )
        except (NotFound, OSError, UserError):
            return PhotoImages()  # shows as a placeholder with its caption
        return PhotoImages(
            tuple(Rendition(r.path.as_uri(), r.width, r.height, "jpeg") for r in made)
        )

    def prepare_renditions(
        self, photos: Sequence[Photo], cancel: Callable[[], bool] | None = None
    ) -> None:
        """Makes the bundle's renditions that are not cached yet, one decode per photo, on
        every core (spawned processes): the bundle then only copies cached files. A photo that
        fails here fails again, with its message, when the bundle asks for it."""
        # The featured photo's crops (share previews) go first, so they are not left to the end
        # on one core; then every photo's widths in both formats.
        featured = next((p for p in photos if p.featured), photos[0] if photos else None)
        jobs: list[RenditionJob] = []
        if featured is not None:
            for r in crop_requests(featured):
                jobs.append(self._job(featured, (r.format.upper(),), (r.width,), r.crop))
        jobs += [self._job(p, ("JPEG", "WEBP"), tuple(width_requests(p))) for p in photos]
        if len(jobs) > 1:
            stop = _CancelFlag(cancel)
            make_renditions(jobs, self.cache, cancel=stop)

    def _job(
        self,
        photo: Photo,
        formats: tuple[str, ...],
        widths: tuple[int, ...],
        crop: str | None = None,
    ) -> RenditionJob:
        return RenditionJob(
            photo.sha256,
            self.metadata(photo),
            size=(photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None,
            formats=formats,
            widths=widths,
            thumbnail=False,
            crop=_RATIOS[crop] if crop else None,
            focus=photo.focus if crop else None,
        )


class _CancelFlag:
    """Adapts a `cancel()` callable to the `is_set()` the batch asks for."""

    def __init__(self, cancel: Callable[[], bool] | None) -> None:
        self._cancel = cancel

    def is_set(self) -> bool:
        return bool(self._cancel and self._cancel())
