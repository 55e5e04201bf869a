"""Sync when things go wrong (issue 16 points 2 and 3): a reporter's login cannot approve even
from a desk that says it is an editor; a connection cut in the middle of a push leaves the
server as it was and the next round completes it, nothing duplicated; a transaction that
commits late is not skipped by the feed; a cut photo upload or download resumes."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import postgres
from helpers.sync_desks import HA, Desk
from PIL import Image
from sqlalchemy import event, make_url, text
from sqlalchemy import exc as sa_exc

from editor_app.domain.errors import UserError
from editor_app.domain.workflow import Role, Status, User
from editor_app.services.sync import SyncService
from editor_app.services.sync_photos import CHUNK, PhotoTransfer
from editor_app.services.sync_server import ServerSide
from editor_app.services.workspace import Workspace
from editor_app.store.errors import StoreError
from editor_app.store.server import ServerStore

# A desk whose user says "editor", on a laptop the reporter set up herself.
FORGED = User("Lê Minh", Role.EDITOR)


@pytest.fixture
def reporter_login(pg_server: postgres.PgServer, pg_url: str) -> Iterator[str]:
    """The URL of a reporter's own login on the server (IT's `server add-user … --role
    reporter`: a member of editor_app_reporter)."""
    ServerStore.open(pg_url).close()  # the schema and the group roles
    login = "minh_" + uuid.uuid4().hex[:8]
    with pg_server.admin() as conn:
        conn.execute(f"CREATE ROLE {login} LOGIN IN ROLE editor_app_reporter")
    try:
        yield make_url(pg_url).set(username=login).render_as_string(hide_password=False)
    finally:
        with pg_server.admin() as conn:
            conn.execute(f"DROP OWNED BY {login}")  # (in its database: nothing; kept simple)
            conn.execute(f"DROP ROLE {login}")


def jpeg(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    Image.effect_noise(size, 80).convert("RGB").save(path, "JPEG", quality=95)
    return path


def test_a_reporter_login_cannot_approve_even_from_a_forged_desk(
    reporter_login: str, pg_url: str, tmp_path: Path
) -> None:
    reporter_server = ServerStore.open(reporter_login, migrate=False)
    editor_server = ServerStore.open(pg_url, migrate=False)
    try:
        with Workspace.open(tmp_path / "laptop") as ws, Workspace.open(tmp_path / "desk") as ed:
            laptop = Desk(ws, SyncService(ws.db, reporter_server, FORGED), FORGED)
            editor = Desk(ed, SyncService(ed.db, editor_server, HA), HA)
            aid = ws.articles.create(headline="Bài tự duyệt", body="Nội dung.").article.id
            ws.review.set_status(aid, Status.SUBMITTED, FORGED)
            assert laptop.sync.sync().problems == []
            # Offline, the forged desk approves (its own UI allows it: it says "editor").
            ws.review.set_status(aid, Status.EDITING, FORGED)
            ws.review.set_status(aid, Status.APPROVED, FORGED)
            report = laptop.sync.sync()
            assert len(report.refused) == 1
            assert "sang Đã duyệt" in report.refused[0] and "phóng viên" in report.refused[0]
            # The server kept its status, and so does the laptop now; the editor sees it so.
            with reporter_server.read() as s:
                status = s.execute(text("SELECT status FROM articles")).scalar()
            assert status == Status.SUBMITTED.value
            assert ws.articles.get(aid).status is Status.SUBMITTED
            editor.sync.sync()
            assert ed.articles.get(aid).status is Status.SUBMITTED
            # A forged push straight into the database is refused by the database itself.
            refused = pytest.raises(sa_exc.DBAPIError, match="Phóng viên")
            with refused, reporter_server.transaction() as s:
                s.execute(text("UPDATE articles SET status = 'approved'"))
    finally:
        reporter_server.close()
        editor_server.close()


@contextlib.contextmanager
def cut_on(server: ServerStore, admin: postgres.PgServer, marker: str) -> Iterator[threading.Event]:
    """Terminates the connection that runs the first statement containing `marker`, from
    another connection (as a network cut or a server restart would)."""
    fired = threading.Event()

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if marker in statement and not fired.is_set():
            fired.set()
            pid = conn.connection.dbapi_connection.info.backend_pid
            with admin.admin() as a:
                a.execute("SELECT pg_terminate_backend(%s)", (pid,))

    event.listen(server.engine, "before_cursor_execute", before)
    try:
        yield fired
    finally:
        event.remove(server.engine, "before_cursor_execute", before)


def count(server: ServerStore, table: str) -> int:
    with server.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)


def test_a_connection_cut_mid_push_leaves_the_server_as_it_was_and_the_next_round_completes(
    two_desks: tuple[Desk, Desk], server: ServerStore, pg_server: postgres.PgServer
) -> None:
    reporter, editor = two_desks
    ws = reporter.ws
    aid = ws.articles.create(headline="Tin bị cắt giữa chừng", body="Nội dung.").article.id
    ws.review.save_revision(aid, reporter.user, "Bản đầu")
    with cut_on(server, pg_server, "INSERT INTO revisions") as fired, pytest.raises(StoreError):
        reporter.sync.sync()
    assert fired.is_set()
    assert (count(server, "articles"), count(server, "sync_feed")) == (0, 0)
    assert reporter.sync.pending() == 1

    report = reporter.sync.sync()  # the pool gives a fresh connection: the round completes
    assert (report.pushed, report.problems, report.pending) == (1, [], 0)
    editor.sync.sync()
    assert editor.ws.articles.get(aid).headline == "Tin bị cắt giữa chừng"
    assert count(server, "articles") == 1
    assert count(server, "revisions") == len(ws.review.history(aid))
    # Cut after the push, while reading the feed: the next round has nothing to redo twice.
    ws.articles.save_fields(aid, {"body": "Nội dung đã sửa."})
    with cut_on(server, pg_server, "pg_snapshot_xmin") as fired, pytest.raises(StoreError):
        reporter.sync.sync()
    assert fired.is_set()
    reporter.sync.sync()
    editor.sync.sync()
    assert editor.ws.articles.get(aid).body == "Nội dung đã sửa."
    assert count(server, "revisions") == len(ws.review.history(aid))


def test_a_transaction_that_commits_late_is_not_skipped_by_the_feed(
    two_desks: tuple[Desk, Desk], server: ServerStore, tmp_path: Path
) -> None:
    reporter = two_desks[0]
    late_id = uuid.uuid4()
    side = ServerSide(server)
    with server.engine.connect() as slow:
        slow.begin()
        srepo_record = text(
            "INSERT INTO sync_feed (article_id, at, txid)"
            " VALUES (:id, now(), pg_current_xact_id()::text::bigint)"
        )
        slow.execute(srepo_record, {"id": str(late_id)})
        # Meanwhile another desk's push commits (a later transaction id).
        aid = reporter.ws.articles.create(headline="Tin đến sau").article.id
        reporter.sync.sync()
        ids, cursor = side.changes(0)
        assert late_id not in ids  # not committed: not visible …
        assert aid not in ids  # … and the feed stops before it, so nothing after is read yet
        slow.commit()
    ids, _ = side.changes(cursor)
    assert late_id in ids and aid in ids


def test_a_cut_photo_upload_and_download_resume_where_they_stopped(
    server: ServerStore, tmp_path: Path
) -> None:
    photo = jpeg(tmp_path / "big.jpg", (2000, 1500))
    data = photo.read_bytes()
    assert len(data) > 2 * CHUNK  # three chunks
    sha = hashlib.sha256(data).hexdigest()
    transfer = PhotoTransfer(server)
    calls = iter(range(100))
    sent = transfer.upload(sha, photo, cancelled=lambda: next(calls) >= 1)  # one chunk, then cut
    assert sent == CHUNK and transfer.missing([sha]) == {sha}
    rest = transfer.upload(sha, photo)
    assert rest == len(data) - CHUNK and transfer.missing([sha]) == set()

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / f"{sha}.part").write_bytes(data[: CHUNK + 10])  # a download cut mid-chunk
    got = transfer.download(sha, folder)
    assert got.read_bytes() == data
    # A part that is not what the server has is caught by the digest, and deleted.
    got.write_bytes(b"x" * (CHUNK + 5))
    with pytest.raises(UserError, match="hỏng"):
        transfer.download(sha, folder)
    assert not got.exists()
    assert transfer.download(sha, folder).read_bytes() == data


def test_a_reporter_login_cannot_publish_from_a_forged_desk_either(
    reporter_login: str, tmp_path: Path
) -> None:
    server = ServerStore.open(reporter_login, migrate=False)
    try:
        with Workspace.open(tmp_path / "laptop") as ws:
            laptop = SyncService(ws.db, server, FORGED)
            aid = ws.articles.create(headline="Bài tự đăng", body="Nội dung.").article.id
            for status in (Status.EDITING, Status.APPROVED, Status.PUBLISHED):
                ws.review.set_status(aid, status, FORGED)
            report = laptop.sync()
            assert len(report.refused) == 2, report.refused
            assert any("chỉ biên tập viên được xuất bản" in r for r in report.refused)
            with server.read() as s:
                assert s.execute(text("SELECT count(*) FROM publications")).scalar() == 0
                assert s.execute(text("SELECT status FROM articles")).scalar() == "submitted"
            # The laptop keeps its own record (its files were written) but the story's status
            # is the server's again.
            assert ws.articles.get(aid).status is Status.SUBMITTED
    finally:
        server.close()


def test_another_desks_push_between_this_desks_push_and_its_pull_is_not_skipped(
    two_desks: tuple[Desk, Desk], server: ServerStore, tmp_path: Path
) -> None:
    """Found by benchmarks/soak_sync.py: a desk skipped, in its pull, every story it had pushed
    in the round — also when another desk pushed the same story just after it, before its
    pull; its place in the feed then moved past that change for good."""
    reporter, editor = two_desks
    aid = reporter.ws.articles.create(headline="Tin chung", sapo="Sapo đầu.").article.id
    reporter.sync.sync()
    editor.sync.sync()
    reporter.ws.articles.save_fields(aid, {"sapo": "Sapo của phóng viên."})
    editor.ws.articles.save_fields(aid, {"headline": "Tiêu đề của biên tập viên"})

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "pg_snapshot_xmin" in statement and not fired.is_set():
            fired.set()  # the reporter's pull is about to read the feed: the editor pushes
            editor.sync.sync()

    fired = threading.Event()
    event.listen(server.engine, "before_cursor_execute", before)
    try:
        reporter.sync.sync()
    finally:
        event.remove(server.engine, "before_cursor_execute", before)
    assert fired.is_set()
    story = reporter.ws.articles.get(aid)
    assert (story.headline, story.sapo) == ("Tiêu đề của biên tập viên", "Sapo của phóng viên.")
