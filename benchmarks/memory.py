"""Peak memory with 50 camera photos attached to the story open in the window (issue 4).

Goal: under 500 MB. Prints the peak resident set size of this process (the whole app: Qt,
the web preview's own processes are separate and not counted here) after the story is open
and every thumbnail is drawn.

Run: .venv/bin/python benchmarks/memory.py [--photos N] [--megapixels MP]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def camera_jpeg(path: Path, megapixels: float, seed: int) -> None:
    from PIL import Image, ImageFilter

    width = int((megapixels * 1_000_000 * 4 / 3) ** 0.5)
    height = int(width * 3 / 4)
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed % 20).convert("RGB")
    base = Image.linear_gradient("L").resize((width // 4, height // 4)).convert("RGB")
    img = Image.blend(base, noise, 0.5).filter(ImageFilter.SMOOTH).resize((width, height))
    img.save(path, quality=90)


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--megapixels", type=float, default=12.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["XDG_STATE_HOME"] = tmp
        folder = Path(tmp) / "camera"
        folder.mkdir()
        files = []
        for i in range(args.photos):
            f = folder / f"IMG_{i:04d}.jpg"
            camera_jpeg(f, args.megapixels, i)
            files.append(f)
        from editor_app.services.workspace import Workspace

        with Workspace.open(Path(tmp) / "data") as ws:
            story = ws.articles.create(headline="Năm mươi ảnh", body="Nội dung.\n").article
            t = time.perf_counter()
            report = ws.photos.attach(story.id, files)
            print(f"attached {len(report.photos)} photos in {time.perf_counter() - t:.1f} s")
        before = peak_mb()
        from PySide6.QtWidgets import QApplication

        from editor_app.app import start

        running = start(Path(tmp) / "data")
        assert running is not None
        app = QApplication.instance()
        assert app is not None
        window = running.window
        window.open_story(story.id)
        from editor_app.gui.photos.panel import PhotoPanel

        panel = next(p for p in window.panels if isinstance(p, PhotoPanel))
        drawn: set[object] = set()
        panel.thumbnail_loaded.connect(drawn.add)
        deadline = time.monotonic() + 300
        while len(drawn) < args.photos and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        print(f"thumbnails drawn: {len(drawn)}/{args.photos}")
        print(f"peak RSS before the window: {before:.0f} MB")
        print(f"peak RSS with the story open: {peak_mb():.0f} MB (goal: under 500 MB)")
        window.close()
        running.shutdown()


if __name__ == "__main__":
    main()
