"""publish layer: export bundles (page, stylesheet, renditions, ninjs), atomically.

See docs/render.md.
"""

from editor_app.publish.bundle import ExportCancelled, Progress, RenditionError, export_bundle
from editor_app.publish.renditions import RenditionRequest, RenditionsProvider

__all__ = [
    "ExportCancelled",
    "Progress",
    "RenditionError",
    "RenditionRequest",
    "RenditionsProvider",
    "export_bundle",
]
