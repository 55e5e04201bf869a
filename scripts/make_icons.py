"""Renders the app's icon from resources/icons/editor_app.svg: PNGs in the sizes a Linux desktop
and the window use (resources/icons/editor_app-<size>.png) and the Windows icon file with
every size in it (resources/icons/editor_app.ico). Also the exported page's icons from
resources/favicon/favicon.svg: favicon.ico (16, 32 and 48 px) and apple-touch-icon.png (180 px,
on an opaque background: iOS draws transparency black). Run after editing an SVG:

    .venv/bin/python scripts/make_icons.py

The outputs are committed (the installers need no Qt tools to build).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "editor_app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
FAVICON = ROOT / "resources" / "favicon"
FAVICON_SVG = FAVICON / "favicon.svg"
FAVICON_ICO_SIZES = (16, 32, 48)
TOUCH_ICON_SIZE = 180
TOUCH_ICON_BACKGROUND = "#b3151f"  # the favicon's own red, under its rounded corners


def render(size: int, svg: Path = SVG, background: str | None = None) -> bytes:
    """The SVG drawn at size × size by Qt's SVG renderer (on `background`, else transparent),
    as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background) if background else Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stub wants bytes, Qt a str)
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {size: render(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        path = ICONS / f"editor_app-{size}.png"
        path.write_bytes(rendered[size])
        print(path.relative_to(ROOT))
    images = [Image.open(io.BytesIO(rendered[s])).convert("RGBA") for s in ICO_SIZES]
    ico = ICONS / "editor_app.ico"
    largest = images[-1]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(ico.relative_to(ROOT))
    make_favicons()
    return 0


def make_favicons() -> None:
    """The exported page's icons (resources/favicon/), from favicon.svg."""
    from PIL import Image

    images = [
        Image.open(io.BytesIO(render(s, FAVICON_SVG))).convert("RGBA") for s in FAVICON_ICO_SIZES
    ]
    ico = FAVICON / "favicon.ico"
    images[-1].save(
        ico, format="ICO", sizes=[(s, s) for s in FAVICON_ICO_SIZES], append_images=images[:-1]
    )
    print(ico.relative_to(ROOT))
    touch = FAVICON / "apple-touch-icon.png"
    touch.write_bytes(render(TOUCH_ICON_SIZE, FAVICON_SVG, TOUCH_ICON_BACKGROUND))
    print(touch.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
