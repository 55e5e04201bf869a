"""`editor-app server init|upgrade|check|backup` (issue 16 point 5): the real command as a
process against the real PostgreSQL of the tests (tests/helpers/postgres.py), through a role
with a password that must never appear in any output."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from helpers import postgres
from sqlalchemy import make_url, text

from editor_app.store import postgres as store_pg
from editor_app.store.database import SCHEMA_HEAD

PASSWORD = "Bí-mật_42xyz"


@pytest.fixture
def server_url(pg_server: postgres.PgServer) -> Iterator[str]:
    """An empty database owned by a new role that logs in with a password (the cluster trusts
    everyone, so any password works; what matters is that it is never printed)."""
    role = "huy_" + uuid.uuid4().hex[:8]
    name = pg_server.create_database()
    with pg_server.admin() as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
        conn.execute(f'ALTER DATABASE "{name}" OWNER TO {role}')
    try:
        url = make_url(f"postgresql://{role}@{pg_server.host}:{pg_server.port}/{name}")
        yield url.set(password=PASSWORD).render_as_string(hide_password=False)
    finally:
        pg_server.drop_database(name)
        with pg_server.admin() as conn:
            conn.execute(f"DROP ROLE {role}")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "server", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert PASSWORD not in output
    assert quote(PASSWORD, safe="") not in output
    assert "Traceback" not in output
    return result


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_init_then_check_then_init_again_and_upgrade(server_url: str) -> None:
    done = run("init", "--url", server_url)
    assert done.returncode == 0, done.stderr
    assert f"lược đồ {SCHEMA_HEAD}" in done.stdout
    assert ":***@" in done.stdout

    checked = run("check", "--url", server_url, "--json")
    assert checked.returncode == 0, checked.stderr
    status = json.loads(checked.stdout)
    assert status["reachable"] is True
    assert status["state"] == "current"
    assert status["revision"] == status["head"] == SCHEMA_HEAD
    assert status["stories"] == 0
    assert status["server_version"][0].isdigit()
    assert ":***@" in status["url"]

    plain = run("check", env={"EDITOR_APP_SERVER_URL": server_url})
    assert plain.returncode == 0, plain.stderr
    assert "đúng phiên bản" in plain.stdout
    assert "Số bài: 0" in plain.stdout

    again = run("init", "--url", server_url)
    assert again.returncode == 0, again.stderr
    assert "không thay đổi gì" in again.stdout

    nothing = run("upgrade", "--url", server_url)
    assert nothing.returncode == 0, nothing.stderr
    assert "không có gì để nâng cấp" in nothing.stdout


def test_upgrade_prints_from_and_to(server_url: str) -> None:
    engine = store_pg.create_server_engine(server_url)
    try:
        store_pg.migrate_engine(engine, "0005")
    finally:
        engine.dispose()
    checked = run("check", "--url", server_url)
    assert checked.returncode == 1
    assert "cần nâng cấp" in checked.stdout
    assert run("init", "--url", server_url).returncode == 1  # init leaves it to upgrade

    done = run("upgrade", "--url", server_url)
    assert done.returncode == 0, done.stderr
    assert f"0005 → {SCHEMA_HEAD}" in done.stdout
    assert run("check", "--url", server_url).returncode == 0


def test_a_newer_or_foreign_database_is_refused_untouched(server_url: str) -> None:
    engine = store_pg.create_server_engine(server_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE payroll (id int)"))
        foreign = run("init", "--url", server_url)
        assert foreign.returncode == 1
        assert "không phải của editor_app" in foreign.stderr
        assert len(foreign.stderr.strip().splitlines()) == 1

        with engine.begin() as conn:
            conn.execute(text("DROP TABLE payroll"))
        store_pg.migrate_engine(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        for command in ("init", "upgrade"):
            newer = run(command, "--url", server_url)
            assert newer.returncode == 1
            assert "mới hơn" in newer.stderr
        assert "mới hơn ứng dụng này" in run("check", "--url", server_url).stdout
        with engine.connect() as conn:
            assert store_pg.current_revision(conn) == "9999"
    finally:
        engine.dispose()


def test_an_unreachable_server_is_one_vietnamese_line() -> None:
    port = _closed_port()
    url = f"postgresql://huy:{PASSWORD}@127.0.0.1:{port}/toasoan"
    for args in (
        ("check", "--url", url),
        ("check", "--json", "--url", url),
        ("init", "--url", url),
    ):
        result = run(*args)
        assert result.returncode == 1
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("editor-app: Không kết nối được máy chủ PostgreSQL")
        assert f"127.0.0.1:{port}" in lines[0]
        assert "huy:***@" in lines[0]


def test_a_refused_login_names_the_server_not_the_password(
    server_url: str, pg_server: postgres.PgServer
) -> None:
    url = make_url(server_url).set(username="khong_co_ai").render_as_string(hide_password=False)
    result = run("check", "--url", url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"{pg_server.host}:{pg_server.port}" in lines[0]
    assert "khong_co_ai" in lines[0]


def test_without_a_url_says_how_to_give_one() -> None:
    env = {k: v for k, v in os.environ.items() if k != "EDITOR_APP_SERVER_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "server", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "EDITOR_APP_SERVER_URL" in result.stderr


def test_backup_is_a_dump_pg_restore_reads_and_is_never_overwritten(
    server_url: str, pg_server: postgres.PgServer, tmp_path: Path
) -> None:
    assert run("init", "--url", server_url).returncode == 0
    out = tmp_path / "toasoan.dump"
    done = run("backup", "--url", server_url, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert "KB" in done.stdout or "MB" in done.stdout
    listed = subprocess.run(
        [str(pg_server.bin_dir / "pg_restore"), "--list", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "TABLE public articles" in listed.stdout
    assert "TABLE public alembic_version" in listed.stdout

    before = out.read_bytes()
    refused = run("backup", "--url", server_url, "--out", str(out))
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert out.read_bytes() == before

    forced = run("backup", "--url", server_url, "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["toasoan.dump"]  # no partial file left


def test_a_backup_restores_into_an_empty_database(
    server_url: str, pg_server: postgres.PgServer, tmp_path: Path
) -> None:
    """The restore docs/server.md gives: pg_restore --dbname=… --no-owner FILE."""
    assert run("init", "--url", server_url).returncode == 0
    engine = store_pg.create_server_engine(server_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO sections (path, position) VALUES ('Thời sự', 0)"))
    finally:
        engine.dispose()
    out = tmp_path / "toasoan.dump"
    assert run("backup", "--url", server_url, "--out", str(out)).returncode == 0
    with pg_server.database() as restored:
        target = make_url(restored)
        subprocess.run(
            [
                str(pg_server.bin_dir / "pg_restore"),
                f"--dbname={pg_server.dsn(str(target.database))}",
                "--no-owner",
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        checked = run("check", "--url", restored, "--json")
        assert checked.returncode == 0, checked.stderr
        assert json.loads(checked.stdout)["revision"] == SCHEMA_HEAD
        engine = store_pg.create_server_engine(restored)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT path FROM sections")).scalars().all() == [
                    "Thời sự"
                ]
        finally:
            engine.dispose()
