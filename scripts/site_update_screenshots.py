"""Xuất bản › Cập nhật trang in the window (docs/site-update.png, issue 18): two stories of the
sample outlet published, the site built into the export folder and uploaded to a real OpenSSH
server on 127.0.0.1 (tests/helpers/sshd.py); the window at 1280×720 with the Xuất bản menu open
over it and the message saying what was done (framed: no window manager draws its title), the
status bar saying it too. Runs under Xvfb (`xvfb-run -s "-screen 0 1280x720x24"`) or offscreen;
`make screenshots` runs it."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import sshd  # noqa: E402  (the tests' OpenSSH server)
from helpers.publishing import EDITOR, approve, ready_story  # noqa: E402
from helpers.sites import sample_site  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from editor_app.gui import i18n, style  # noqa: E402
from editor_app.gui.main_window import MainWindow  # noqa: E402
from editor_app.gui.settings import Settings  # noqa: E402
from editor_app.services.workspace import Workspace  # noqa: E402

OUT = ROOT / "docs" / "site-update.png"
STORIES = [
    ("Lào Cai khánh thành cầu mới qua sông Hồng nối hai xã vùng cao", (40, 90, 160)),
    ("Bát Xát ra quân trồng 300 ha rừng thay thế trong mùa mưa năm nay", (60, 140, 70)),
]
PUBLISH_KEYS = (
    "publish_target",
    "publish_host",
    "publish_port",
    "publish_user",
    "publish_key_file",
    "publish_remote_path",
    "publish_known_hosts",
)


def wait(app: QApplication, done: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float = 1.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.05)


def drawn_over(w: QWidget, *parts: QWidget) -> None:
    """The window with its popups and dialogs drawn where they stand (each is a window)."""
    image = w.grab()
    painter = QPainter(image)
    painter.setPen(QColor(120, 120, 120))
    for part in parts:
        at = part.mapToGlobal(QPoint(0, 0)) - w.mapToGlobal(QPoint(0, 0))
        painter.drawPixmap(at, part.grab())
        painter.drawRect(at.x() - 1, at.y() - 1, part.width() + 1, part.height() + 1)
    painter.end()
    image.save(str(OUT))
    print(OUT)


def workspace(folder: Path, server: sshd.SshServer) -> Workspace:
    ws = Workspace.open(folder / "data", site=sample_site(folder / "site"))
    sftp = server.site()
    fields = {key: getattr(sftp, key) for key in PUBLISH_KEYS}
    ws.site = replace(ws.site, config=replace(ws.site.config, **fields))
    ws.export.default_folder = folder / "trang"
    ws.identity.set(EDITOR)
    for headline, colour in STORIES:
        story = ready_story(ws, headline, folder / "photos", colour=colour)
        approve(ws, story)
        ws.export.publish(story, EDITOR, None)
    return ws


def run(app: QApplication, folder: Path, server: sshd.SshServer) -> int:
    ws = workspace(folder, server)
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.attach(ws)
    w.show()
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1280, 720)
    w.layout_memory.apply_default()
    w.refresh_list()
    update = w.review.site_update
    told: list[str] = []
    update.finished.connect(told.append)
    update.update()
    wait(app, lambda: bool(told) and update.message_box is not None)
    box = update.message_box
    assert box is not None
    wait(app, box.isVisible)
    box.move(w.mapToGlobal(QPoint(360, 200)))  # over the empty middle, below the menu
    bar = w.menuBar()
    menu = update.menu
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    menu.setActiveAction(update.action)
    settle(app)
    drawn_over(w, menu, box)
    print(told[0])
    menu.close()
    box.close()
    w.close()
    ws.close()
    return 0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    i18n.install(app, "vi")
    style.apply(app)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_STATE_HOME"] = tmp
        with sshd.running() as server:
            return run(app, Path(tmp), server)


if __name__ == "__main__":
    sys.exit(main())
