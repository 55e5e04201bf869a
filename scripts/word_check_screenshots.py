"""Screenshot of the word-level checks (issue 17, part 3): a paragraph with commonly confused
words and tone marks not in the house style ("hòa, thủy"), their underlines in the sapo and the
body, the right-click menu on one of them and the checklist's warnings, the window at 1280×720
(docs/word-checks.png). Run with
`QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/word_check_screenshots.py`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ROOT = Path(__file__).resolve().parent.parent
HEADLINE = "Tỉnh chấn chỉnh việc xử lý hồ sơ đất đai chậm trễ"
SAPO = (
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành và địa phương rà soát, giải quyết dứt điểm hồ sơ "
    "tồn đọng trước ngày 30/6, trú trọng công khai kết quả cho người dân."
)
BODY = (
    "Tại buổi làm việc, lãnh đạo tỉnh yêu cầu các sở sử lý dứt điểm những hồ sơ tồn đọng, "
    "trú trọng công khai kết quả và không để người dân phải đi lại nhiều lần. Thái độ bàng\n"
    "quang trước khó khăn của người dân là điều không thể chấp nhận.\n\n"
    "Theo Sở Y tế, nhiều ca bệnh bị chuẩn đoán muộn vì người bệnh ngại đến cơ sở y tế. Ngành "
    "thủy lợi và y tế sẽ phối hợp để bảo vệ sức khoẻ người dân vùng lũ, hướng tới một tương lai "
    "sáng lạn, hoà thuận.\n\n"
    "Bác sĩ cho biết bệnh viêm bàng quang thường gặp ở phụ nữ sau mùa mưa."
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["XDG_STATE_HOME"] = tmp
        site = Path(tmp) / "site.toml"
        site.write_text(
            '[outlet]\nname = "Báo Lào Cai"\nbase_url = "https://baolaocai.vn"\n\n'
            '[style]\ntone_marks = "hòa"\n',
            encoding="utf-8",
        )
        os.environ["EDITOR_APP_SITE_CONFIG"] = str(site)
        data = Path(tmp) / "data"
        from editor_app.services.workspace import Workspace

        with Workspace.open(data) as ws:
            aid = ws.articles.create(
                headline=HEADLINE, sapo=SAPO, body=BODY, section="Thời sự", byline="Thu Hà"
            ).article.id

        from PySide6.QtCore import QPoint, QTimer
        from PySide6.QtGui import QPainter, QTextCursor
        from PySide6.QtWidgets import QApplication

        from editor_app.app import start
        from editor_app.gui.checklist.panel import ChecklistPanel

        running = start(data)
        assert running is not None
        window = running.window
        app = QApplication.instance()
        assert app is not None
        window.resize(1280, 720)
        window.layout_memory.apply_default()
        window.open_story(aid)
        checklist = next(p for p in window.panels if isinstance(p, ChecklistPanel))
        body = window.ui.bodyEdit
        out = ROOT / "docs" / "word-checks.png"

        def menu_then_grab() -> None:
            checklist.show()
            checklist.raise_()
            cursor = QTextCursor(body.document())
            cursor.setPosition(body.toPlainText().index("khoẻ") + 1)
            at = body.cursorRect(cursor).center()
            menu = body.create_context_menu(at)
            menu.popup(body.viewport().mapToGlobal(at + QPoint(4, 16)))

            def grab() -> None:
                picture = window.grab()
                painter = QPainter(picture)
                painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
                painter.end()
                picture.save(str(out))
                print(out)
                menu.close()
                window.close()
                app.quit()

            QTimer.singleShot(1200, grab)

        QTimer.singleShot(2500, menu_then_grab)  # the list loaded, the checklist run
        app.exec()
        running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
