"""The app's start with IT's site configuration: seeded sections and officials, a locked
language, and a broken file that leaves the app on its defaults and tells the user once."""

from __future__ import annotations

import faulthandler
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app import logs
from editor_app.app import Running, start
from editor_app.gui import i18n
from editor_app.gui.settings import Settings


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Running]]:
    """Starts are shut down after the test; the hooks the app installs are restored."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    runs: list[Running] = []
    yield runs
    for r in runs:
        for box in r.window.findChildren(QMessageBox):
            box.close()
        r.shutdown()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "en")  # the other tests read English
    faulthandler.enable(
        sys.__stderr__ or sys.stderr
    )  # the app sent it to crash.log; back to the terminal


def _start(runs: list[Running], data: Path) -> Running:
    running = start(data, show=False)
    assert running is not None
    runs.append(running)
    return running


def test_first_start_seeds_the_sites_sections_and_officials_and_locks_the_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Running]
) -> None:
    it = tmp_path / "it"
    it.mkdir()
    (it / "officials.csv").write_text(
        "full_name,titles,organization\nTrần Huy Tuấn,Bí thư Tỉnh ủy,Tỉnh ủy Yên Bái\n",
        encoding="utf-8",
    )
    site = it / "site.toml"
    site.write_text(
        '[outlet]\nname = "Báo Yên Bái"\nbase_url = "https://baoyenbai.com.vn"\n'
        '[directory]\nsections = ["Thời sự", "Kinh tế/Nông nghiệp"]\n'
        'officials_csv = "officials.csv"\n'
        '[ui]\nlanguage = "vi"\n[policy]\nuser_may_change = ["export_folder"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", str(site))
    running = _start(started, tmp_path / "data")
    window = running.window
    sections = [window.ui.sectionFilter.itemData(i) for i in range(window.ui.sectionFilter.count())]
    assert sections[1:] == ["Thời sự", "Kinh tế", "Kinh tế/Nông nghiệp"]
    assert [o.full_name for o in running.workspace.officials.all()] == ["Trần Huy Tuấn"]
    assert running.workspace.export.site.name == "Báo Yên Bái"
    # The language is IT's: Vietnamese, and the user's choice is disabled.
    assert window.ui.actionVietnamese.isChecked()
    assert not window.ui.actionEnglish.isEnabled()
    assert window.ui.menuHelp.title() == "Trợ &giúp"
    assert window.findChild(QLabel, "siteNotice") is None  # nothing wrong, nothing said
    # The app's icon (set once the frame is up) at every size the desktop asks for.
    sizes = running.app.windowIcon().availableSizes()
    assert {16, 32, 48, 256} <= {s.width() for s in sizes}


def test_a_broken_site_file_starts_on_defaults_and_tells_the_user_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Running]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[outlet]\nname = "Báo Yên Bái"\nbase_url = "baoyenbai.com.vn"\n')
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", str(site))
    running = _start(started, tmp_path / "data")
    assert running.workspace.site.broken
    assert running.workspace.export.site.name == "Báo Lào Cai"  # the defaults
    mark = running.window.findChild(QLabel, "siteNotice")
    assert mark is not None and f"{site}:3" in mark.toolTip()
    boxes = running.window.findChildren(QMessageBox, "siteNoticeBox")
    assert len(boxes) == 1 and f"{site}:3" in boxes[0].text()
    assert "địa chỉ trang báo không hợp lệ" in boxes[0].text()
    log = (logs.log_dir() / logs.LOG_NAME).read_text(encoding="utf-8")
    assert f"site configuration: {site}:3" in log
    boxes[0].close()
    running.shutdown()
    started.remove(running)
    # The next start: the status bar still says it, no dialog again.
    again = _start(started, tmp_path / "data")
    assert again.window.findChild(QLabel, "siteNotice") is not None
    assert not again.window.findChildren(QMessageBox, "siteNoticeBox")


@pytest.mark.parametrize("allowed", [True, False])
def test_export_dialog_starts_in_the_sites_folder_and_remembers_the_users_if_allowed(
    qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, allowed: bool
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from editor_app.gui.main_window import MainWindow
    from editor_app.gui.preview.dock import PreviewDock
    from editor_app.gui.settings import EXPORT_FOLDER
    from editor_app.services.siteconfig import load_site
    from editor_app.services.workspace import Workspace

    policy = '["export_folder"]' if allowed else "[]"
    site = tmp_path / "site.toml"
    site.write_text(f'[export]\nfolder = "xuat"\n[policy]\nuser_may_change = {policy}\n')
    with Workspace.open(tmp_path / "data", site=load_site(site)) as ws:
        window = MainWindow(settings)
        window.attach(ws)
        qtbot.addWidget(window)
        dock = next(d for d in window.panels if isinstance(d, PreviewDock))
        ws.articles.create(headline="Tin", sapo="Sapo.", body="Thân bài.")
        dock.article_id = ws.articles.ids(window.current_filter())[0]
        asked: list[str] = []
        mine = tmp_path / "của tôi"

        def choose(_parent: object, _title: str, start: str) -> str:
            asked.append(start)
            return str(mine)

        exported: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
        monkeypatch.setattr(dock, "export_to", lambda folder, **_kw: exported.append(folder))
        dock.export_story()
        assert asked == [str(tmp_path / "xuat")]
        assert exported == [mine]
        assert (settings.get(EXPORT_FOLDER) == str(mine)) is allowed
        expected = mine if allowed else tmp_path / "xuat"
        assert ws.export.default_folder == expected
        window.close()


# --- hostile site files (issue #20, point 6) ------------------------------------------------
def _deep(tmp: Path) -> tuple[Path, str]:
    site = tmp / "site.toml"
    site.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return site, "lồng nhau quá sâu"


def _folder(tmp: Path) -> tuple[Path, str]:
    site = tmp / "site.toml"
    site.mkdir()
    return site, "đây là một thư mục, không phải tệp"


def _not_utf8(tmp: Path) -> tuple[Path, str]:
    site = tmp / "site.toml"
    site.write_bytes('[outlet]\nname = "Báo Yên Bái"\n'.encode("cp1258"))
    return site, "UTF-8"


def _huge(tmp: Path) -> tuple[Path, str]:
    site = tmp / "site.toml"
    site.write_text(("# " + "x" * 1000 + "\n") * 5000, encoding="utf-8")
    return site, "quá lớn"


@pytest.mark.parametrize("make", [_deep, _folder, _not_utf8, _huge])
def test_a_hostile_site_file_starts_a_usable_window_on_defaults_and_says_why(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: list[Running],
    make: Callable[[Path], tuple[Path, str]],
) -> None:
    site, reason = make(tmp_path)
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", str(site))
    running = _start(started, tmp_path / "data")
    assert running.workspace.site.broken
    assert running.workspace.export.site.name == "Báo Lào Cai"  # the defaults
    mark = running.window.findChild(QLabel, "siteNotice")
    assert mark is not None and mark.text().startswith("⚠ Cấu hình site có lỗi")
    boxes = running.window.findChildren(QMessageBox, "siteNoticeBox")
    assert len(boxes) == 1
    text = boxes[0].text()
    assert f"\n{site}" in text and reason in text, text  # the line names the file
    assert "đang chạy với thiết lập mặc định" in text
    assert len(text) < 5000
    # Usable: a new story is made and listed.
    running.window.ui.actionNew.trigger()
    assert len(running.workspace.articles.ids(running.window.current_filter())) == 1


CHILD = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QLabel, QMessageBox
from editor_app.app import start

running = start(Path(sys.argv[1]), show=False)
assert running is not None
mark = running.window.findChild(QLabel, "siteNotice")
box = running.window.findChildren(QMessageBox, "siteNoticeBox")[0]
running.window.ui.actionNew.trigger()
stories = len(running.workspace.articles.ids(running.window.current_filter()))
print(mark.text(), box.text(), f"stories={stories}", sep="\\n")
for b in running.window.findChildren(QMessageBox):
    b.close()
running.shutdown()
"""


def _limit_memory() -> None:
    import resource

    limit = 4 << 30  # /dev/zero read to the end took 3.8 GB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_fifo_or_dev_zero_named_by_the_site_file_does_not_stop_the_window(
    tmp_path: Path, target: str
) -> None:
    """In a child process with a timeout: on the old code the window hung on the FIFO and read
    /dev/zero until memory ran out."""
    import os
    import subprocess

    if target == "fifo":
        named = tmp_path / "sections.txt"
        os.mkfifo(named)
    else:
        named = Path(target)
    site = tmp_path / "site.toml"
    site.write_text(f'[directory]\nsections_file = "{named}"\n', encoding="utf-8")
    env = {**os.environ, "EDITOR_APP_SITE_CONFIG": str(site), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    reason = "ống dẫn (FIFO)" if target == "fifo" else "thiết bị"
    assert child.stdout.startswith("⚠ Cấu hình site có lỗi"), child.stdout
    assert f"{site}:2: [directory] sections_file: {named}: đây là" in child.stdout
    assert reason in child.stdout
    assert "stories=1" in child.stdout
