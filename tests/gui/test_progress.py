"""The progress dialog fed from the worker thread: a report from another thread reaches the
dialog on the UI thread, Cancel is a flag the work reads, close leaves nothing behind."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from editor_app.gui.progress import WorkProgress


def test_reports_from_a_worker_thread_reach_the_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = WorkProgress(
        parent,
        "Đang thêm ảnh…",
        "Ảnh",
        cancel_text="Hủy",
        total=3,
        label=lambda name: f"Đang thêm {name}…" if name else "",
        object_name="attachProgress",
    )
    worker = threading.Thread(target=lambda: progress.report(2, 3, "DSC_0042.jpg"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: progress.dialog.value() == 2, timeout=3000)
    assert progress.dialog.labelText() == "Đang thêm DSC_0042.jpg…"
    assert progress.dialog.maximum() == 3 and progress.dialog.objectName() == "attachProgress"
    progress.report(1, 3, "")  # no name: the text stays
    qtbot.waitUntil(lambda: progress.dialog.value() == 1, timeout=3000)
    assert progress.dialog.labelText() == "Đang thêm DSC_0042.jpg…"

    assert not progress.cancelled()
    progress.dialog.show()
    button = progress.dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Hủy"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert progress.cancelled()
    progress.close()


def test_without_cancel_text_there_is_no_cancel_and_it_shows_at_once(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    progress = WorkProgress(parent, "Đang ghi gói của bài…", "editor_app", min_duration_ms=0)
    assert progress.dialog.isVisible()
    assert progress.dialog.findChild(QPushButton) is None
    progress.close()
