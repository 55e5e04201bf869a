"""The real app in its own process, holding a data folder as its writer, for the tests of what
the command line does beside it (tests/e2e/test_cli_beside_the_window.py).

`python window_child.py DATA_DIR TEXT`: opens the app on DATA_DIR, starts a new story and types
TEXT into its body (as a Vietnamese input method delivers it), prints `story <id>`, and runs
until a line arrives on stdin; then it closes the window (its edits saved) and exits 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from editor_app.app import start


def main() -> int:
    data_dir, text = Path(sys.argv[1]), sys.argv[2]
    running = start(data_dir)
    if running is None:
        print("FAILED to start", flush=True)
        return 1
    window = running.window
    window.new_story(None)

    def type_text() -> None:
        body = window.ui.bodyEdit
        body.setFocus()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(body, event)
        article = window.editor.article
        print(f"story {article.id if article is not None else '-'}", flush=True)

    QTimer.singleShot(0, type_text)
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def close() -> None:
        stdin.setEnabled(False)
        sys.stdin.readline()
        window.close()  # the last window: the event loop ends

    stdin.activated.connect(close)
    code = int(running.app.exec())
    running.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
