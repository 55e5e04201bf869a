"""Start-up and autosave figures for the writing desk (issue 3).

1. Process start to a usable window with 10,000 stories in the database, median of 10 runs,
   against a bare PySide6 window in the same run (goal: at most 2× the bare window). Two
   moments are printed for the app: the window on screen (frame, menus, editor) and the story
   list filled (data folder opened, first page of rows drawn).
2. An autosave of a 20,000-word body through the app's save path (service → SQLAlchemy →
   SQLite), against a raw sqlite3 UPDATE of the same row in the same run (goal: at most 3×);
   the full-text index is not touched by the save (it catches up later, off the typing path).

Run: .venv/bin/python benchmarks/startup.py [--runs N] [--stories N]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from editor_app.store.repo import search as search_repo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv)
    w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
    print("shown", time.time(), flush=True)
    """
)

# The app as staff start it: the `editor-app` command's entry (no command: the window), nothing
# imported ahead of it. The frame on screen (start's on_shown) and the end of start() are timed;
# the event loop then quits.
APP = textwrap.dedent(
    """
    import sys, time
    import editor_app.app as app_module
    from editor_app import cli
    marks = {}
    real_start = app_module.start
    def shown():
        marks["shown"] = time.time()
    def start(data_dir=None, **kw):
        running = real_start(data_dir, on_shown=shown, **kw)
        running.window.ui.storyList.viewport().repaint()
        marks["listed"] = time.time()
        assert running.window.model.rowCount() > 0
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, running.app.quit)
        return running
    app_module.start = start
    cli.main(["--data-dir", sys.argv[1]])
    print("shown", marks["shown"], flush=True)
    print("listed", marks["listed"], flush=True)
    """
)


def _run(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    out = done.stdout
    marks = {}
    for line in out.splitlines():
        name, _, value = line.partition(" ")
        marks[name] = float(value) - t0
    return marks


def make_stories(data: Path, n: int) -> None:
    from editor_app.domain.article import Article
    from editor_app.domain.workflow import Role, User
    from editor_app.services.identity import IdentityService
    from editor_app.store.database import Database
    from editor_app.store.repo import articles as repo

    db = Database.open(data)
    body = "Nội dung bài viết về công tác giáo dục lý luận chính trị. " * 60
    with db.transaction() as s:
        for i in range(n):
            repo.add_article(
                s, Article(headline=f"Bài số {i}: hội nghị giao ban quý I", sapo="Sapo", body=body)
            )
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
    db.close()
    # A day like any other: the reporter is known (no first-start question).
    IdentityService(data).set(User("Phóng viên", Role.REPORTER))


def compile_package() -> None:
    """Byte-compiles editor_app as an installation has it: with PYTHONDONTWRITEBYTECODE set
    (as on this machine), a module edited since its .pyc was written would be compiled from
    source at every start, and timed with it."""
    import compileall

    import editor_app

    compileall.compile_dir(Path(editor_app.__file__).parent, quiet=1)


def startup(runs: int, stories: int) -> None:
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        t = time.perf_counter()
        make_stories(data, stories)
        print(f"made {stories:,} stories in {time.perf_counter() - t:.1f} s")
        env = {**os.environ, "XDG_CONFIG_HOME": tmp, "XDG_STATE_HOME": tmp}
        bare, shown, listed = [], [], []
        for _ in range(runs):
            bare.append(_run(BARE, env=env)["shown"])
            marks = _run(APP, str(data), env=env)
            shown.append(marks["shown"])
            listed.append(marks["listed"])
    b, s, l_ = (statistics.median(x) for x in (bare, shown, listed))
    print(f"bare PySide6 window on screen      median {b * 1000:6.0f} ms")
    print(f"editor_app window on screen        median {s * 1000:6.0f} ms  ({s / b:.2f}× bare)")
    print(f"editor_app story list filled       median {l_ * 1000:6.0f} ms  ({l_ / b:.2f}× bare)")


def autosave(repeats: int = 200) -> None:
    """The app's save and the raw UPDATE alternate on the same row and file, so that both meet
    the same disk and the same noise; medians of `repeats` each."""
    from editor_app.services.workspace import Workspace

    words = ("Hội nghị giao ban công tác giáo dục lý luận chính trị quý một năm nay " * 1334)[
        : 20_000 * 6
    ]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "data")
        a = ws.articles.create(headline="Bài dài", body=words).article
        ws.search.catch_up()
        conn = sqlite3.connect(ws.db.path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        app_times, raw_times = [], []
        for i in range(repeats):
            text = words + f" {i}"
            t = time.perf_counter()
            ws.articles.save_fields(a.id, {"body": text})
            app_times.append(time.perf_counter() - t)
            text = words + f" raw {i}"
            t = time.perf_counter()
            conn.execute("UPDATE articles SET body = ? WHERE id = ?", (text, str(a.id)))
            conn.commit()
            raw_times.append(time.perf_counter() - t)
        conn.close()
        ws.close()
    app_ms = statistics.median(app_times) * 1000
    raw_ms = statistics.median(raw_times) * 1000
    n_words = len(words.split())
    print(f"autosave of a {n_words:,}-word body   median {app_ms:6.2f} ms")
    ratio = app_ms / raw_ms
    print(f"raw sqlite3 UPDATE of the same row  median {raw_ms:6.2f} ms  (app {ratio:.2f}×)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stories", type=int, default=10_000)
    args = parser.parse_args()
    startup(args.runs, args.stories)
    autosave()


if __name__ == "__main__":
    main()
