"""The real app in its own process, for the SIGKILL test (tests/e2e/test_crash_recovery.py).

`type DATA_DIR`: opens the app, starts a new story and types into its body, one character every
15 ms, printing `typed <n> <monotonic time>` after each. It never stops by itself.
`recover DATA_DIR`: opens the app and prints the recovery message it shows, then exits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from editor_app.app import start

TEXT = (
    "Sáng 12/4, đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy "
    "chủ trì hội nghị giao ban công tác giáo dục lý luận chính trị quý I năm 2023. "
) * 40


def main() -> int:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    running = start(data_dir)
    if running is None:
        print("FAILED to start", flush=True)
        return 1
    window = running.window
    if mode == "recover":
        box = getattr(window, "recovery_box", None)
        print("RECOVERY " + (box.text().replace("\n", " ") if box is not None else "-"), flush=True)
        window.close()
        running.shutdown()
        return 0

    window.new_story(None)
    body = window.ui.bodyEdit
    body.setFocus()
    typed = 0

    def tick() -> None:
        nonlocal typed
        event = QInputMethodEvent()
        event.setCommitString(TEXT[typed % len(TEXT)])
        QApplication.sendEvent(body, event)
        typed += 1
        print(f"typed {typed} {time.monotonic():.4f}", flush=True)

    timer = QTimer(interval=15)
    timer.timeout.connect(tick)
    timer.start()
    print(f"story {window.editor.article.id if window.editor.article else '-'}", flush=True)
    return int(running.app.exec())


if __name__ == "__main__":
    sys.exit(main())
