"""Screenshots of the newsroom server in the window (docs/server-*.png, issue 16): the status
bar offline and in sync, a story held on another desk, and the desk that lost it to a take-over.
Two real windows at 1280×720 on one real PostgreSQL (a throw-away cluster, as the tests start
it), each logged in as its own person. Run with `make screenshots`."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import postgres  # noqa: E402  (the tests' throw-away cluster)
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton  # noqa: E402
from sqlalchemy import make_url  # noqa: E402

from editor_app.domain.workflow import Role, User  # noqa: E402
from editor_app.gui import i18n, style  # noqa: E402
from editor_app.gui.editor import lock_notice  # noqa: E402
from editor_app.gui.main_window import MainWindow  # noqa: E402
from editor_app.gui.settings import Settings  # noqa: E402
from editor_app.gui.sync import locks as window_locks  # noqa: E402
from editor_app.services.server_users import add_user  # noqa: E402
from editor_app.services.workspace import Workspace  # noqa: E402
from editor_app.store.server import ServerStore  # noqa: E402

DOCS = ROOT / "docs"
MINH = User("Lê Minh", Role.REPORTER)
BINH = User("Trần Văn Bình", Role.EDITOR)
HEADLINE = "Giao ban công tác lý luận chính trị quý I năm 2023"
SAPO = (
    "Hội nghị đánh giá kết quả công tác lý luận chính trị quý I và triển khai nhiệm vụ quý II, "
    "trong đó tập trung nghiên cứu, tổng kết thực tiễn ở cơ sở."
)
BODY = (
    "Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác lý luận chính trị "
    "quý I năm 2023.\n\nĐồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy, chủ trì hội nghị."
)


def wait(app: QApplication, done: Callable[[], bool], seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the windows did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def window(folder: Path, user: User, url: str) -> MainWindow:
    os.environ["EDITOR_APP_SERVER_URL"] = url  # read once, when the window opens
    ws = Workspace.open(folder)
    ws.identity.set(user)
    settings = Settings(
        QSettings(str(folder.parent / f"{folder.name}.ini"), QSettings.Format.IniFormat)
    )
    w = MainWindow(settings)
    w.attach(ws)
    w.show()
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1280, 720)
    w.layout_memory.apply_default()
    return w


def shot(app: QApplication, w: QMainWindow, name: str) -> None:
    for _ in range(20):
        app.processEvents()
        time.sleep(0.05)
    w.grab().save(str(DOCS / name))
    print(DOCS / name)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    bins = postgres.bin_dir()
    if bins is None:
        print("PostgreSQL is not installed: run scripts/system-deps.sh", file=sys.stderr)
        return 1
    window_locks.HEARTBEAT = timedelta(seconds=1)  # the take-over is seen at once
    lock_notice.confirm_take_over = lambda *_: True  # type: ignore[assignment]
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    i18n.install(app, "vi")
    style.apply(app)
    server = postgres.start(bins)
    try:
        with server.database() as pg_url, tempfile.TemporaryDirectory() as tmp:
            os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_STATE_HOME"] = tmp
            return run(app, pg_url, Path(tmp))
    finally:
        postgres.stop(server)


def run(app: QApplication, pg_url: str, tmp: Path) -> int:
    ServerStore.open(pg_url).close()  # editor-app server init
    urls = {}
    for login, user in (("minh", MINH), ("binh", BINH)):
        add_user(make_url(pg_url), login, user.name, user.role, None)  # server add-user
        urls[login] = make_url(pg_url).set(username=login).render_as_string(hide_password=False)

    laptop = window(tmp / "laptop", MINH, f"postgresql://minh@127.0.0.1:{closed_port()}/toasoan")
    created = laptop.workspace.articles.create(
        headline=HEADLINE, sapo=SAPO, body=BODY, section="Thời sự"
    )
    laptop.bus.publish(created.changes)
    laptop.open_story(created.article.id)
    indicator = laptop.findChild(QLabel, "syncIndicator")
    assert isinstance(indicator, QLabel)
    wait(app, lambda: indicator.text().startswith("Ngoại tuyến"))
    shot(app, laptop, "server-offline.png")
    laptop.close()
    laptop.workspace.close()

    reporter = window(tmp / "reporter", MINH, urls["minh"])
    editor = window(tmp / "editor", BINH, urls["binh"])
    made = reporter.workspace.articles.create(
        headline=HEADLINE, sapo=SAPO, body=BODY, section="Thời sự"
    )
    aid = made.article.id
    reporter.bus.publish(made.changes)  # as the window's own "Bài mới" does
    wait(app, lambda: aid in editor.stories.model.ids())
    editor.open_story(aid)
    wait(app, lambda: editor.sync.locks.holding == aid)  # type: ignore[union-attr]
    shot(app, editor, "server-sync-online.png")
    reporter.open_story(aid)
    wait(app, lambda: reporter.ui.bodyEdit.isReadOnly())
    shot(app, reporter, "server-lock-held.png")
    button = reporter.findChild(QPushButton, "takeOverButton")
    assert isinstance(button, QPushButton)
    button.click()
    wait(app, lambda: editor.ui.bodyEdit.isReadOnly())
    shot(app, editor, "server-lock-taken-over.png")
    for w in (reporter, editor):
        w.close()
        w.workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
