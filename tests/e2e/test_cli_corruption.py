"""A damaged database (issue 20, point 7), end to end through the CLI as a real process: an
empty file, 8 KB of garbage in the middle, a damaged search index; automatic backups and
`editor-app restore`. Real SQLite files, damaged as a disk would."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from editor_app.services.workspace import Workspace
from editor_app.store.database import Database

HEADLINE = "Hội nghị giao ban công tác Đảng quý I"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_folder(data: Path, stories: int = 60) -> uuid.UUID:
    """A data folder with enough stories for the database to span many pages; a second open
    takes the day's automatic backup (the first open creates the database)."""
    with Workspace.open(data) as ws:
        first = ws.articles.create(
            headline=HEADLINE, sapo="Sáng nay…", body="Đồng chí Dương Đức Huy phát biểu."
        ).article
        for i in range(stories):
            ws.articles.create(headline=f"Tin số {i}", body=f"Nội dung tin {i}. " * 200)
        ws.search.search("giao ban")
    Workspace.open(data).close()
    return first.id


def garble_middle(db: Path) -> None:
    size = db.stat().st_size
    with open(db, "r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(8192))


def test_an_empty_database_file_is_reported_not_recreated(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_folder(data, stories=2)
    db = data / "editor_app.db"
    db.write_bytes(b"")

    for args in (("list",), ("tag", str(uuid.uuid4()), "--keyword", "x"), ("search", "x")):
        done = run(data, *args)
        assert done.returncode == 1, args
        assert "rỗng (0 byte)" in done.stderr
        assert "restore" in done.stderr and "auto-" in done.stderr  # the way out, by name
        assert "Traceback" not in done.stderr
    assert db.stat().st_size == 0  # never silently replaced by an empty database

    done = run(data, "check")
    assert done.returncode == 1
    assert "rỗng (0 byte)" in done.stdout


def test_garbage_mid_file_opens_read_only_and_names_the_way_out(tmp_path: Path) -> None:
    data = tmp_path / "data"
    story = make_folder(data)
    db = data / "editor_app.db"
    garble_middle(db)
    damaged = db.read_bytes()

    done = run(data, "list")
    assert done.returncode == 1
    assert "bị hỏng" in done.stderr and "chỉ mở để đọc" in done.stderr
    assert "Bản sao lưu tốt mới nhất: auto-" in done.stderr
    assert f"editor-app --data-dir “{data}” restore" in done.stderr

    done = run(data, "show", str(story))
    assert done.returncode == 1 and "bị hỏng" in done.stderr

    done = run(data, "tag", str(story), "--keyword", "Đại hội")
    assert done.returncode == 1
    assert "bị hỏng" in done.stderr and "restore" in done.stderr

    copy = tmp_path / "copy.db"
    done = run(data, "backup", str(copy))
    assert done.returncode == 1
    assert "Không sao lưu" in done.stderr and "bị hỏng" in done.stderr
    assert not copy.exists()

    done = run(data, "check")
    assert done.returncode == 1
    assert "Toàn vẹn:        HỎNG" in done.stdout
    assert "cơ sở dữ liệu bị hỏng" in done.stderr
    assert db.read_bytes() == damaged  # nothing wrote into it

    done = run(data, "restore")
    assert done.returncode == 0, done.stderr
    assert "Đã khôi phục từ" in done.stdout and "auto-" in done.stdout
    aside = [p for p in data.glob("editor_app.db.before-restore-*") if "-wal" not in p.name]
    aside = [p for p in aside if not p.name.endswith("-shm")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged

    done = run(data, "list")
    assert done.returncode == 0, done.stderr
    assert HEADLINE in done.stdout
    assert run(data, "tag", str(story), "--keyword", "Đại hội").returncode == 0
    assert run(data, "check").returncode == 0


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_folder(data, stories=2)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\0" + os.urandom(8192))
    before = (data / "editor_app.db").read_bytes()

    done = run(data, "restore", str(bad))

    assert done.returncode == 1
    assert "không dùng được (tệp bị hỏng)" in done.stderr and "không khôi phục" in done.stderr
    assert (data / "editor_app.db").read_bytes() == before


def _damage_index(data: Path) -> None:
    with sqlite3.connect(data / "editor_app.db") as c:
        c.execute("DELETE FROM articles_fts_data WHERE id NOT IN (1, 10)")


def test_a_damaged_search_index_is_named_and_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    story = make_folder(data, stories=5)

    _damage_index(data)
    done = run(data, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Chỉ mục tìm kiếm: BỊ HỎNG, đã dựng lại từ các bài viết" in done.stdout
    assert "Chỉ mục tìm kiếm: tốt" in run(data, "check").stdout

    _damage_index(data)
    done = run(data, "search", "duong duc huy")  # a search that may write rebuilds it
    assert done.returncode == 0, done.stderr
    assert str(story) in done.stdout and done.stderr == ""

    _damage_index(data)
    app = Database.open(data)  # the app holds the folder: search and check only read
    try:
        done = run(data, "search", "Dương Đức Huy")
        assert done.returncode == 1
        assert "Chỉ mục tìm kiếm bị hỏng" in done.stderr and "editor-app check" in done.stderr
        assert "Cơ sở dữ liệu" not in done.stderr  # the stories are fine
        done = run(data, "check")
        assert done.returncode == 1
        assert "Chỉ mục tìm kiếm: BỊ HỎNG, chưa dựng lại" in done.stdout
        assert "đang được một phiên editor_app khác sử dụng" in done.stdout
    finally:
        app.close()


def test_automatic_backups_are_kept_and_check_lists_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_folder(data, stories=2)
    backups = data / "backups"
    autos = sorted(backups.glob("auto-*.db"))
    assert len(autos) == 1
    # Nine older daily copies: the next open takes today's and keeps the last seven.
    autos[0].rename(backups / "auto-20260101T000000Z.db")
    for day in range(2, 10):
        (backups / f"auto-202601{day:02d}T000000Z.db").write_bytes(
            (backups / "auto-20260101T000000Z.db").read_bytes()
        )
    (backups / "auto-20260110T000000Z.db.part").write_bytes(b"")  # a copy that failed

    done = run(data, "check", "--json")  # check only reads: the .part is reported...
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["leftovers"] == [str(backups / "auto-20260110T000000Z.db.part")]
    assert "Tệp sót lại" in run(data, "check").stdout

    Workspace.open(data).close()  # ...and a writer's open removes it, and takes today's copy

    kept = sorted(p.name for p in backups.glob("auto-*"))
    assert len(kept) == 7
    assert kept[0] == "auto-20260104T000000Z.db"
    assert not kept[-1].startswith("auto-2026010")
    assert json.loads(run(data, "check", "--json").stdout)["leftovers"] == []


def test_backup_while_the_app_holds_the_folder_copies_its_latest_work(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_folder(data, stories=1)
    with Workspace.open(data) as app:  # the app runs, its last save still in the WAL
        latest = app.articles.create(headline="Bài vừa lưu, chưa ghi vào tệp chính").article
        copy = tmp_path / "copy.db"
        done = run(data, "backup", str(copy))
        assert done.returncode == 0, done.stderr  # it used to be refused: the folder was locked
        with sqlite3.connect(copy) as c:
            ids = {r[0] for r in c.execute("SELECT id FROM articles")}
        assert latest.id.hex in {i.replace("-", "") for i in ids}
