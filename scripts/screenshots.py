"""Screenshots for the README: the main window with the sample article open at a laptop's
1280×720 and a desktop's 1920×1080, focus mode and the preview beside the text
(docs/screenshot-*.png). Needs ../shared/samples. Run with `make screenshots`."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


def main() -> int:
    if not SAMPLES.is_dir():
        print(f"no sample material at {SAMPLES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["XDG_STATE_HOME"] = tmp
        data = Path(tmp) / "data"
        from editor_app.services.workspace import Workspace

        with Workspace.open(data) as ws:
            ws.sections.import_sections(SAMPLES / "sections.txt")
            ws.officials.import_csv(SAMPLES / "officials.csv")
            result = ws.importing.import_text(
                SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt",
                photos_dir=SAMPLES / "photos",
                section="Chính trị/Xây dựng Đảng",
            )
            aid = result.article.id
            from datetime import date

            ws.articles.save_fields(
                aid,
                {
                    "keywords": ["lý luận chính trị", "Ban Tuyên giáo"],
                    "byline": "Thanh Hà",
                    "location": "Lào Cai",
                    "event_date": date(2023, 4, 12),
                },
            )
            for i, headline in enumerate(
                [
                    "Hội nghị hiệp thương lần thứ nhất giới thiệu người ứng cử đại biểu Quốc hội",
                    "Người dân Lào Cai quan tâm đến phiên chất vấn tại Kỳ họp thứ Sáu",
                    "Tuyên truyền lưu động nhân kỷ niệm 81 năm Ngày thành lập Quân đội",
                ]
            ):
                ws.articles.create(
                    headline=headline,
                    section=["Chính trị/Bầu cử", "Thời sự", "Văn hóa - Du lịch"][i],
                )

        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import QApplication

        from editor_app.app import start

        running = start(data)
        assert running is not None
        window = running.window
        window.open_story(aid)
        app = QApplication.instance()
        assert app is not None
        docs = ROOT / "docs"

        def preview() -> None:
            from editor_app.gui.preview.dock import PreviewDock

            dock = next(d for d in window.panels if isinstance(d, PreviewDock))
            dock.show()
            dock.raise_()

        def details() -> None:
            window.ui.detailsDock.raise_()

        shots: list[tuple[str, tuple[int, int], Callable[[], None]]] = [
            ("screenshot-main.png", (1280, 720), details),
            ("screenshot-main-1920.png", (1920, 1080), details),
            (
                "screenshot-focus.png",
                (1280, 720),
                lambda: window.ui.actionFocusMode.setChecked(True),
            ),
            ("screenshot-preview.png", (1280, 720), preview),
            ("screenshot-preview-1920.png", (1920, 1080), preview),
        ]

        def shoot(i: int) -> None:
            if i == len(shots):
                window.close()
                app.quit()
                return
            name, (width, height), arrange = shots[i]
            window.ui.actionFocusMode.setChecked(False)
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(width, height)
            window.layout_memory.apply_default()
            arrange()

            def grab() -> None:
                window.grab().save(str(docs / name))
                print(docs / name)
                shoot(i + 1)

            QTimer.singleShot(2500, grab)  # the preview renders, the thumbnails arrive

        QTimer.singleShot(500, lambda: shoot(0))
        app.exec()
        running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
