"""Story locks on a real PostgreSQL (issue 16, point 4; tests/helpers/postgres.py): two desks as
two logins (their own PostgreSQL roles), taking, holding, expiring, taking over, racing, and a
server that goes away mid-heartbeat. No mocks; no sleeping through the expiry (the heartbeat
is set back with SQL)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from helpers import postgres
from sqlalchemy import make_url

from editor_app.domain.locks import EXPIRY, held_notice, lost_notice
from editor_app.services.locks import LockService, LockState, desk_id
from editor_app.store.database import Database
from editor_app.store.errors import StoreError
from editor_app.store.pg_roles import EDITOR_GROUP, REPORTER_GROUP
from editor_app.store.server import ServerStore

UNREACHABLE = "Không kết nối được máy chủ"


@dataclass
class Desks:
    a: LockService
    b: LockService
    url: str
    """The test database's URL (as the cluster's superuser)."""
    a_name: str
    b_name: str
    """The two people's names in the staff list (a reporter, an editor)."""

    def sql(self, statement: str, *params: object) -> list[tuple[object, ...]]:
        dsn = make_url(self.url).set(drivername="postgresql").render_as_string(False)
        with psycopg.connect(dsn, autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def age(self, article_id: uuid.UUID, by: timedelta) -> None:
        """Moves the lock's last heartbeat `by` into the past (no sleeping through EXPIRY)."""
        self.sql(
            "UPDATE story_locks SET heartbeat_at = heartbeat_at - %s WHERE article_id = %s",
            by,
            str(article_id),
        )


def _login(pg_server: postgres.PgServer, url: str, name: str, group: str, full_name: str) -> str:
    """A person's login as `server add-user` makes it: a member of the reporters' or the
    editors' group (migration 0008's rights), named in the staff list; its URL."""
    with pg_server.admin() as conn:
        conn.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE "{group}"')
    with psycopg.connect(pg_server.dsn(str(make_url(url).database)), autocommit=True) as conn:
        conn.execute(
            "INSERT INTO staff (login, full_name, created_at) VALUES (%s, %s, now())",
            (name, full_name),
        )
    return make_url(url).set(username=name).render_as_string(False)


def _drop_login(pg_server: postgres.PgServer, url: str, name: str) -> None:
    with psycopg.connect(pg_server.dsn(str(make_url(url).database)), autocommit=True) as conn:
        conn.execute("DELETE FROM story_locks WHERE login = %s", (name,))
        conn.execute(f'DROP OWNED BY "{name}"')
    with pg_server.admin() as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def desks(pg_server: postgres.PgServer, pg_url: str) -> Iterator[Desks]:
    """Two desks, logged in as two people: Bình a reporter, Hường an editor (their logins
    `binh_…` and `huong_…`)."""
    ServerStore.open(pg_url).close()  # the schema, as IT's `server init` makes it
    suffix = uuid.uuid4().hex[:8]
    people = [
        (f"binh_{suffix}", REPORTER_GROUP, "Trần Văn Bình"),
        (f"huong_{suffix}", EDITOR_GROUP, "Nguyễn Thị Thu Hường"),
    ]
    stores: list[ServerStore] = []
    made: list[str] = []
    try:
        for name, group, full_name in people:
            made.append(name)
            stores.append(
                ServerStore.open(_login(pg_server, pg_url, name, group, full_name), migrate=False)
            )
        yield Desks(
            LockService(stores[0], "desk-a"),
            LockService(stores[1], "desk-b"),
            pg_url,
            *[full_name for _, _, full_name in people],
        )
    finally:
        for store in stores:
            store.close()
        for name in made:
            _drop_login(pg_server, pg_url, name)


@pytest.fixture
def store(pg_url: str) -> Iterator[ServerStore]:
    opened = ServerStore.open(pg_url)
    try:
        yield opened
    finally:
        opened.close()


def test_take_hold_release(desks: Desks) -> None:
    story = uuid.uuid4()
    first = desks.a.take(story)
    assert first.state is LockState.TAKEN
    assert first.lock.login == desks.a.login and desks.a.login.startswith("binh_")
    assert first.lock.desk_id == "desk-a" and first.lock.holder == desks.a_name
    assert desks.a.take(story).state is LockState.MINE  # reopened on the same desk

    held = desks.b.take(story)
    assert held.state is LockState.HELD and held.held_elsewhere
    assert held.lock.login == desks.a.login
    assert held.lock.taken_at == first.lock.taken_at
    assert held.notice(desks.b.login) == held_notice(held.lock, held.now)
    assert held.notice().startswith(f"Đang được {desks.a_name} sửa (từ ")
    assert desks.a.take(story).notice() == ""

    assert desks.b.release(story) is False  # not hers to release
    assert desks.b.take(story).state is LockState.HELD
    assert desks.a.release(story) is True
    assert desks.b.take(story).state is LockState.TAKEN
    assert desks.a.take(story).state is LockState.HELD


def test_the_same_person_on_another_desk_is_told_so(store: ServerStore) -> None:
    laptop, office = LockService(store, "laptop"), LockService(store, "office")
    story = uuid.uuid4()
    assert laptop.take(story).state is LockState.TAKEN
    there = office.take(story)
    assert there.state is LockState.HELD
    assert there.notice(office.login).startswith("Bạn đang sửa bài này trên một máy khác (từ ")


def test_a_stale_lock_is_taken_silently_and_its_holder_learns_it(desks: Desks) -> None:
    story = uuid.uuid4()
    desks.a.take(story)
    desks.age(story, EXPIRY - timedelta(seconds=5))
    assert desks.b.take(story).state is LockState.HELD  # not stale yet
    assert desks.a.heartbeat([story]) == {}  # a late beat keeps it
    desks.age(story, EXPIRY + timedelta(seconds=1))
    assert desks.a.holders([story]) == {}  # stale: nobody is shown as editing it

    taken = desks.b.take(story)
    assert taken.state is LockState.TAKEN
    assert taken.lock.login == desks.b.login and not taken.lock.taken_over
    lost = desks.a.heartbeat([story])
    assert set(lost) == {story}
    assert lost[story].by == desks.b_name and not lost[story].taken_over
    assert lost_notice(lost[story]).startswith("Khóa sửa bài đã hết hạn")
    assert desks.b.heartbeat([story]) == {}


def test_a_stale_lock_nobody_took_stays_with_its_desk(desks: Desks) -> None:
    story = uuid.uuid4()
    desks.a.take(story)
    desks.age(story, timedelta(minutes=30))  # the laptop slept
    assert desks.a.heartbeat([story]) == {}
    assert set(desks.b.holders([story])) == {story}  # fresh again
    assert desks.a.take(story).state is LockState.MINE


def test_an_expiry_of_the_service_own(store: ServerStore) -> None:
    quick = LockService(store, "desk-a", expiry=timedelta(milliseconds=200))
    other = LockService(store, "desk-b", expiry=timedelta(milliseconds=200))
    story = uuid.uuid4()
    quick.take(story)
    assert other.take(story).state is LockState.HELD
    time.sleep(0.3)
    assert other.take(story).state is LockState.TAKEN


def test_take_over_then_the_holder_learns_who_on_its_next_heartbeat(desks: Desks) -> None:
    story, other_story = uuid.uuid4(), uuid.uuid4()
    desks.a.take(story)
    desks.a.take(other_story)
    over = desks.b.take_over(story)
    assert over.state is LockState.TAKEN_OVER
    assert over.previous == desks.a_name
    assert over.lock.login == desks.b.login and over.lock.desk_id == "desk-b"
    assert over.lock.taken_over_by == desks.b_name

    lost = desks.a.heartbeat([story, other_story])
    assert set(lost) == {story}  # the other story is still hers
    assert lost[story].taken_over and lost[story].by == desks.b_name
    assert lost_notice(lost[story]) == (
        f"{desks.b_name} đã tiếp quản bài này — bản của bạn đã được lưu thành một phiên bản"
    )
    assert desks.a.take(story).state is LockState.HELD  # read-only now
    assert desks.b.heartbeat([story]) == {}
    assert desks.b.holders([story, other_story]).keys() == {story, other_story}
    assert desks.b.take(story).state is LockState.MINE


def test_taking_over_a_free_or_own_lock_simply_takes_it(desks: Desks) -> None:
    story = uuid.uuid4()
    assert desks.a.take_over(story).state is LockState.TAKEN
    assert desks.a.take_over(story).state is LockState.MINE


def test_a_heartbeat_takes_back_a_lock_nobody_holds(desks: Desks) -> None:
    story = uuid.uuid4()
    desks.a.take(story)
    desks.sql("DELETE FROM story_locks")
    assert desks.a.heartbeat([story]) == {}
    assert desks.b.take(story).state is LockState.HELD
    assert desks.a.heartbeat([]) == {}  # nothing open: no round trip at all


def test_holders_for_the_story_list(desks: Desks) -> None:
    live, stale, free = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    desks.a.take(live)
    desks.a.take(stale)
    desks.age(stale, EXPIRY * 2)
    found = desks.b.holders([live, stale, free])
    assert found.keys() == {live}
    assert found[live].login == desks.a.login
    assert desks.a.is_mine(found[live]) and not desks.b.is_mine(found[live])
    assert desks.b.holders([]) == {}
    assert desks.b.holders([free]) == {}


def test_release_all_lets_go_of_this_desk_s_locks_only(desks: Desks) -> None:
    mine, hers = uuid.uuid4(), uuid.uuid4()
    desks.a.take(mine)
    desks.b.take(hers)
    assert desks.a.release_all() == 1
    assert desks.b.holders([mine, hers]).keys() == {hers}


def test_two_desks_racing_for_a_free_story_one_wins(desks: Desks) -> None:
    for _ in range(10):
        story = uuid.uuid4()
        start = threading.Barrier(2)

        def race(
            service: LockService, story: uuid.UUID = story, start: threading.Barrier = start
        ) -> LockState:
            start.wait(timeout=10)
            return service.take(story).state

        with ThreadPoolExecutor(2) as pool:
            states = sorted(s.value for s in pool.map(race, [desks.a, desks.b]))
        assert states == ["held", "taken"]
        assert len(desks.sql("SELECT 1 FROM story_locks WHERE article_id = %s", str(story))) == 1


def test_a_data_folder_keeps_its_desk_id(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "data")
    try:
        first = desk_id(db)
        assert uuid.UUID(first) and desk_id(db) == first
    finally:
        db.close()
    again = Database.open(tmp_path / "data")
    try:
        assert desk_id(again) == first
    finally:
        again.close()
    other = Database.open(tmp_path / "other")
    try:
        assert desk_id(other) != first
    finally:
        other.close()


def test_a_login_without_the_right_is_told_so(desks: Desks) -> None:
    login = str(desks.b.server.engine.url.username)
    desks.sql(f'REVOKE "{EDITOR_GROUP}" FROM "{login}"')
    with pytest.raises(StoreError, match=f"Tài khoản {login} không có quyền dùng khóa bài viết"):
        desks.b.take(uuid.uuid4())


def _wait_for(check: Callable[[], bool], what: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_killed_backend_mid_heartbeat_is_a_clear_error_then_it_recovers(desks: Desks) -> None:
    story = uuid.uuid4()
    desks.a.take(story)
    dsn = make_url(desks.url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(dsn) as blocker:  # holds the row, so the beat waits on it
        blocker.execute("SELECT 1 FROM story_locks WHERE article_id = %s FOR UPDATE", [str(story)])
        with ThreadPoolExecutor(1) as pool:
            beat = pool.submit(desks.a.heartbeat, [story])

            def waiting() -> list[tuple[object, ...]]:
                return desks.sql(
                    "SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event_type = "
                    "'Lock'",
                    desks.a.login,
                )

            _wait_for(lambda: bool(waiting()), "the heartbeat to wait on the row")
            desks.sql("SELECT pg_terminate_backend(%s)", waiting()[0][0])
            with pytest.raises(StoreError) as cut:
                beat.result(timeout=10)
        blocker.rollback()
    assert str(cut.value).startswith(UNREACHABLE)
    assert "Traceback" not in str(cut.value)
    assert desks.a.heartbeat([story]) == {}  # the next call connects afresh
    assert desks.b.take(story).state is LockState.HELD


def _pg_ctl(server: postgres.PgServer, *args: str) -> None:
    postgres._run(
        [str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), *args], server.folder
    )


@pytest.mark.slow
def test_a_server_restart_is_a_clear_error_then_it_recovers(
    pg_server: postgres.PgServer, desks: Desks
) -> None:
    story = uuid.uuid4()
    desks.a.take(story)
    _pg_ctl(pg_server, "-m", "fast", "-w", "stop")
    try:
        with pytest.raises(StoreError) as down:
            desks.a.heartbeat([story])
        assert str(down.value).startswith(UNREACHABLE)
        assert f"{pg_server.host}:{pg_server.port}" in str(down.value)
        with pytest.raises(StoreError, match=UNREACHABLE):
            desks.b.take(story)
    finally:
        options = (
            f"-p {pg_server.port} -k {pg_server.folder} "
            f"-c listen_addresses={pg_server.host} {postgres._FAST}"
        )
        _pg_ctl(pg_server, "-o", options, "-l", str(pg_server.folder / "log"), "-w", "start")
    assert desks.a.heartbeat([story]) == {}
    assert desks.b.take(story).state is LockState.HELD
