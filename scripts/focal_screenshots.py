"""Screenshots of the focal point (issue 17): the photo dock with the marker on the featured
photo's point (docs/focal-point.png) and the preview dock's share cards cut around it
(docs/share-card.png); the story's details with its two bylines (docs/byline-editor.png); the
window at 1280×720 on the sample article, for the sample outlet. Needs ../shared/samples.
Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/focal_screenshots.py`."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
SITE = '[outlet]\nname = "Báo Lào Cai"\nbase_url = "https://baolaocai.vn"\n'
BYLINE = "Bài: Thanh Hà – Ảnh: Hồng Ninh"
FOCUS = (0.44, 0.2)  # the speaker's face on the sample's first photo


def _sample_story(data: Path) -> tuple[uuid.UUID, uuid.UUID]:
    """The sample article with its photos and two bylines: its id, its featured photo's."""
    from editor_app.services.workspace import Workspace

    with Workspace.open(data) as ws:
        ws.sections.import_sections(SAMPLES / "sections.txt")
        result = ws.importing.import_text(
            SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt",
            photos_dir=SAMPLES / "photos",
            section="Chính trị/Xây dựng Đảng",
        )
        aid = result.article.id
        ws.articles.save_fields(aid, {"byline": BYLINE})
        featured = next(p for p in ws.photos.of_article(aid) if p.featured)
    return aid, featured.id


def main() -> int:
    if not SAMPLES.is_dir():
        print(f"no sample material at {SAMPLES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["XDG_STATE_HOME"] = tmp
        site = Path(tmp) / "site.toml"  # the sample outlet: its domain on the cards
        site.write_text(SITE, encoding="utf-8")
        os.environ["EDITOR_APP_SITE_CONFIG"] = str(site)
        data = Path(tmp) / "data"
        aid, featured_id = _sample_story(data)

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from editor_app.app import start
        from editor_app.gui.photos.panel import PhotoPanel
        from editor_app.gui.preview.dock import PreviewDock

        running = start(data)
        assert running is not None
        window = running.window
        app = QApplication.instance()
        assert app is not None
        docs = ROOT / "docs"
        window.resize(1280, 720)
        window.layout_memory.apply_default()
        window.open_story(aid)
        panel = next(p for p in window.panels if isinstance(p, PhotoPanel))
        dock = next(d for d in window.panels if isinstance(d, PreviewDock))

        def photos() -> None:
            panel.show()
            panel.raise_()
            panel.select_photo(featured_id)
            panel.focus_picker.setFocus()
            panel.focus_picker._move(FOCUS)

        def cards() -> None:
            dock.show()
            dock.raise_()
            dock.share_action.setChecked(True)

        def details() -> None:
            window.ui.detailsDock.show()
            window.ui.detailsDock.raise_()
            window.editor.byline_list.rows[-1].name.setFocus()

        shots: list[tuple[str, Callable[[], None]]] = [
            ("focal-point.png", photos),
            ("share-card.png", cards),
            ("byline-editor.png", details),
        ]

        def shoot(i: int) -> None:
            if i == len(shots):
                window.close()
                app.quit()
                return
            name, arrange = shots[i]
            arrange()

            def grab() -> None:
                window.grab().save(str(docs / name))
                print(docs / name)
                shoot(i + 1)

            QTimer.singleShot(4000, grab)  # the picture and the cards arrive

        QTimer.singleShot(800, lambda: shoot(0))
        app.exec()
        running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
