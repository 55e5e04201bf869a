"""Photos: validation and facts (probe), originals kept by content (library), renditions for
preview and export (renditions, cache, batch). See docs/media.md. No Qt, no database."""

from editor_app.media.batch import BatchResult, JobResult, RenditionJob, make_renditions
from editor_app.media.cache import Rendition, RenditionCache
from editor_app.media.errors import PhotoError, Reason
from editor_app.media.imaging import MAX_PIXELS
from editor_app.media.library import MediaLibrary
from editor_app.media.probe import ProbedImage
from editor_app.media.renditions import RENDITION_WIDTHS, THUMBNAIL_SIZE, make_thumbnail, render
from editor_app.media.xmp import PhotoMetadata, build_xmp, parse_xmp

__all__ = [
    "MAX_PIXELS",
    "RENDITION_WIDTHS",
    "THUMBNAIL_SIZE",
    "BatchResult",
    "JobResult",
    "MediaLibrary",
    "PhotoError",
    "PhotoMetadata",
    "ProbedImage",
    "Reason",
    "Rendition",
    "RenditionCache",
    "RenditionJob",
    "build_xmp",
    "make_renditions",
    "make_thumbnail",
    "parse_xmp",
    "render",
]
