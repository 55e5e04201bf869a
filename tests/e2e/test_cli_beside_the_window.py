"""The command line beside the running window (issue 15, point 4): while the real app holds the
data folder as its writer, the commands that read (`list`, `show`, `search`, `history`, `check`,
`preview`, `export` of a published story, `backup`) answer from what it has saved, and the
commands that write are refused with the message naming the app's process, changing nothing.
And a `backup` taken while a writer is in the middle of a transaction is a consistent copy.

Everything runs as real processes: the app (tests/e2e/window_child.py) types into a new story
of its own, and each command is `python -m editor_app`, as `editor-app` runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.publishing import EDITOR, EDITOR_ENV, approve, ready_story
from helpers.sites import sample_site, sample_site_file

from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

CHILD = Path(__file__).with_name("window_child.py")
#: A word no other story holds: typed in the window, found by the command line's search.
TYPED_WORD = "Mường Khương"
TYPED = f"Phiên chợ vùng cao {TYPED_WORD} đông vui ngày cuối tuần."
APPROVED = "Tỉnh ủy Lào Cai giao ban công tác tuyên giáo quý I năm 2023"
PUBLISHED = "Lào Cai khánh thành cầu mới bắc qua sông Hồng nối hai bờ thành phố"


@dataclass
class Desk:
    data: Path
    env: dict[str, str]
    window_pid: int
    typed: uuid.UUID
    approved: uuid.UUID
    published: uuid.UUID
    files: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run(self.data, self.env, *args)


def run(data: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`editor-app --data-dir DATA ARGS…` as a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _env(home: Path, site: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[SITE_CONFIG_ENV] = str(site)
    env[USER_ENV] = EDITOR_ENV
    env.pop("EDITOR_APP_DATA_DIR", None)
    return env


def _stories(data: Path, folder: Path) -> tuple[uuid.UUID, uuid.UUID]:
    """One story approved, one published (its record made, no bundle written yet)."""
    with Workspace.open(data, site=sample_site(folder / "site")) as ws:
        approved = ready_story(ws, APPROVED, folder / "photos")
        approve(ws, approved)
        published = ready_story(ws, PUBLISHED, folder / "photos", colour=(160, 40, 40))
        approve(ws, published)
        ws.export.publish(published, EDITOR, write=False)
    return approved, published


def _saved(desk: Desk, deadline: float) -> None:
    """Waits until the window's autosave has put the typed text on disk (read by `show`)."""
    while time.monotonic() < deadline:
        shown = desk.run("show", str(desk.typed), "--json")
        if shown.returncode == 0 and TYPED_WORD in json.loads(shown.stdout)["body"]:
            return
        time.sleep(0.3)
    pytest.fail("the window's typing never reached the disk")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The real window open on a data folder with three stories: one it is typing in, one
    approved, one published. Closed (saving its edits) at the end of the module."""
    folder = tmp_path_factory.mktemp("beside")
    data = folder / "data"
    with pytest.MonkeyPatch.context() as mp:
        env = _env(folder / "home", sample_site_file(folder / "site"))
        for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, env[var])
        approved, published = _stories(data, folder)
    window = subprocess.Popen(
        [sys.executable, str(CHILD), str(data), TYPED],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert window.stdout is not None
        line = window.stdout.readline()
        assert line.startswith("story "), line + (window.stderr.read() if window.stderr else "")
        typed = uuid.UUID(line.split()[1])
        desk = Desk(data, env, window.pid, typed, approved, published, folder / "files")
        desk.files.mkdir()
        _saved(desk, time.monotonic() + 60)
        yield desk
        assert window.poll() is None, "the window stopped by itself"
    finally:
        _, err = window.communicate("quit\n", timeout=60)
    assert window.returncode == 0, err


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the window's stdin is watched as a socket")
def test_reading_commands_answer_while_the_window_writes(desk: Desk) -> None:
    listed = desk.run("list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {row["id"] for row in json.loads(listed.stdout)} == {
        str(desk.typed),
        str(desk.approved),
        str(desk.published),
    }

    shown = desk.run("show", str(desk.approved))
    assert shown.returncode == 0, shown.stderr
    assert APPROVED in shown.stdout

    # The story typed in the window is not in the search index yet (the window indexes when
    # it searches): the command line finds it in its saved text all the same.
    found = desk.run("search", TYPED_WORD.lower(), "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)] == [str(desk.typed)]
    found = desk.run("search", "song hong")
    assert found.returncode == 0, found.stderr
    assert str(desk.published) in found.stdout and str(desk.approved) not in found.stdout

    history = desk.run("history", str(desk.published))
    assert history.returncode == 0, history.stderr
    assert "Đã duyệt → Đã xuất bản" in history.stdout

    check = desk.run("check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Toàn vẹn:        tốt" in check.stdout and "Bài viết: 3" in check.stdout

    page = desk.files / "preview.html"
    preview = desk.run("preview", str(desk.approved), "--out", str(page))
    assert preview.returncode == 0, preview.stderr
    assert APPROVED in page.read_text(encoding="utf-8")

    # Re-exporting a published story writes its bundle as the record says: only reads.
    exported = desk.run("export", str(desk.published), "--out", str(desk.files / "out"))
    assert exported.returncode == 0, exported.stderr
    bundle = Path(exported.stdout.strip())
    assert PUBLISHED in (bundle / "index.html").read_text(encoding="utf-8")

    copy = desk.files / "copy.db"
    backup = desk.run("backup", str(copy))
    assert backup.returncode == 0, backup.stderr
    assert _rows(copy) == ("ok", 3)
    # all along, the window held the folder
    assert (desk.data / "editor_app.lock").read_text().strip() == str(desk.window_pid)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the window's stdin is watched as a socket")
def test_writing_commands_are_refused_naming_the_window(desk: Desk) -> None:
    text_file = desk.files / "bai.txt"
    text_file.write_text("Tiêu đề bài mới\n\nĐoạn mở đầu của bài.\n", encoding="utf-8")
    sections = desk.files / "chuyen-muc.txt"
    sections.write_text("Thời sự\nKinh tế/Nông nghiệp\n", encoding="utf-8")
    photo = next((desk.data.parent / "photos").glob("*.jpg"))
    sections_before = desk.run("sections", "list", "--json").stdout
    writes = [
        ("import-text", str(text_file)),
        ("attach", str(desk.approved), str(photo)),
        ("status", str(desk.approved), "editing"),
        ("sections", "import", str(sections)),
        ("export", str(desk.approved), "--out", str(desk.files / "refused")),
        ("export", str(desk.published), "--force", "--reason", "Cần đăng lại"),
    ]
    held = (
        f"Thư mục dữ liệu {desk.data} đang được một phiên editor_app khác sử dụng "
        f"(tiến trình {desk.window_pid}). Hãy đóng phiên đó trước."
    )
    for args in writes:
        done = desk.run(*args)
        assert done.returncode == 1, (args, done.stdout)
        assert held in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr and done.stdout == ""
    # An approved story's export is its publication: said as such.
    refused = desk.run("export", str(desk.approved), "--out", str(desk.files / "refused"))
    assert "Xuất bài Đã duyệt là xuất bản bài" in refused.stderr
    assert not (desk.files / "refused").exists() or not any((desk.files / "refused").iterdir())

    listed = desk.run("list", "--json")
    statuses = {row["id"]: row["status"] for row in json.loads(listed.stdout)}
    assert len(statuses) == 3 and statuses[str(desk.approved)] == "approved"
    assert desk.run("sections", "list", "--json").stdout == sections_before


def _rows(copy: Path) -> tuple[str, int]:
    conn = sqlite3.connect(copy)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return ok, conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


# A writer holding the folder in the middle of a transaction big enough to spill its pages into
# the WAL before committing: 400 stories of 20 KB (SQLite's page cache holds 2 MB).
MID_TRANSACTION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from editor_app.domain.article import Article
    from editor_app.store.database import Database
    from editor_app.store.repo import articles as repo
    db = Database.open(Path(sys.argv[1]))
    with db.transaction() as s:
        for i in range(400):
            repo.add_article(s, Article(headline=f"Bài {i}", body="Chữ " * 5000))
            s.flush()
        print("mid", flush=True)
        sys.stdin.readline()
    print("committed", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


@pytest.mark.slow
def test_backup_while_a_writer_is_mid_transaction_is_consistent(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**_env(tmp_path / "home", tmp_path), SITE_CONFIG_ENV: "none"}
    with Workspace.open(data) as ws:
        ws.articles.create(headline="Bài đã lưu trước", body="Nội dung đã lưu.")
    writer = subprocess.Popen(
        [sys.executable, "-c", MID_TRANSACTION, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "mid"
        assert Path(f"{data / 'editor_app.db'}-wal").stat().st_size > 2_000_000  # spilled
        during = run(data, env, "backup", str(tmp_path / "during.db"))
        assert during.returncode == 0, during.stderr
        assert _rows(tmp_path / "during.db") == ("ok", 1)  # what was committed, nothing else

        assert writer.stdin is not None
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "committed"
        after = run(data, env, "backup", str(tmp_path / "after.db"))
        assert after.returncode == 0, after.stderr
        assert _rows(tmp_path / "after.db") == ("ok", 401)
    finally:
        writer.communicate("\n", timeout=60)
    assert writer.returncode == 0
