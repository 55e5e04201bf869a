"""`editor-app server add-user|users|login` and `check`'s server report (issue 16, points 3
and 5), against a real PostgreSQL that asks everyone but its superuser for a password
(scram-sha-256 over TCP, as a newsroom's pg_hba.conf does), with an in-memory keyring (never
the user's). Most commands run in-process (`main`); one runs as a real process reading the
password from stdin."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from helpers import postgres
from helpers.memory_keyring import MemoryKeyring, no_keyring, use_memory_keyring
from sqlalchemy import URL, make_url

from editor_app.cli import main
from editor_app.services import server_link, siteconfig
from editor_app.store.database import SCHEMA_HEAD

ADMIN_PASSWORD = "Quản-trị_2026!"
PASSWORD = "Bình-viết-bài-42"


def _cluster() -> postgres.PgServer:
    bins = postgres.bin_dir()
    if bins is None:
        pytest.skip("PostgreSQL not installed: run scripts/system-deps.sh as root")
    server = postgres.start(bins)
    postgres.require_passwords(server)
    return server


@pytest.fixture(scope="module")
def cluster() -> Iterator[postgres.PgServer]:
    """A cluster of this module's own: passwords required, its group roles its own."""
    server = _cluster()
    try:
        yield server
    finally:
        postgres.stop(server)


def _owned_database(server: postgres.PgServer, createrole: bool = True) -> tuple[str, str]:
    """An empty database owned by IT's login (with CREATEROLE, as docs/server.md says): its
    URL with the password, and the login."""
    owner = "it_" + uuid.uuid4().hex[:8]
    name = server.create_database()
    rights = "CREATEROLE" if createrole else "NOCREATEROLE"
    with server.admin() as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN {rights} PASSWORD '{ADMIN_PASSWORD}'")
        conn.execute(f'ALTER DATABASE "{name}" OWNER TO {owner}')
    url = URL.create("postgresql", owner, ADMIN_PASSWORD, server.host, server.port, name)
    return url.render_as_string(hide_password=False), owner


@pytest.fixture
def admin_url(cluster: postgres.PgServer) -> Iterator[str]:
    url, _owner = _owned_database(cluster)
    try:
        yield url
    finally:
        cluster.drop_database(str(make_url(url).database))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = use_memory_keyring()
    try:
        yield backend
    finally:
        no_keyring()


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    for secret in (PASSWORD, ADMIN_PASSWORD):
        assert secret not in out + err
    assert "Traceback" not in out + err
    return code, out, err


def _login_works(server: postgres.PgServer, url: str, login: str, password: str) -> bool:
    database = make_url(url).database
    try:
        with psycopg.connect(
            host=server.host, port=server.port, dbname=database, user=login, password=password
        ):
            return True
    except psycopg.OperationalError:
        return False


def _tag() -> str:
    return uuid.uuid4().hex[:6]


def test_add_user_users_and_moving_a_login_between_groups(
    cluster: postgres.PgServer,
    admin_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", admin_url)
    assert cli(capsys, monkeypatch, "server", "init")[0] == 0
    tag = _tag()
    binh, an, dung = f"binh.{tag}", f"an.{tag}", f"dung-{tag}"
    people = ((binh, "Trần Văn Bình", "reporter"), (an, "Đào Thị An", "editor"))
    for login, name, role in (*people, (dung, "Dương Văn Dũng", "phóng viên")):
        code, out, err = cli(
            capsys, monkeypatch, "server", "add-user", login, "--name", name, "--role", role,
            "--password-stdin", stdin=PASSWORD + "\n",
        )  # fmt: skip
        assert code == 0, err
        assert out.startswith(f"Đã tạo {login} — {name}: ")
    code, out, _ = cli(capsys, monkeypatch, "server", "users", "--json")
    listed = [(p["login"], p["name"], p["role"]) for p in json.loads(out)]
    # Vietnamese order: D, then Đ, then T (code points would put Đ after T).
    assert listed == [
        (dung, "Dương Văn Dũng", "reporter"),
        (an, "Đào Thị An", "editor"),
        (binh, "Trần Văn Bình", "reporter"),
    ]
    assert _login_works(cluster, admin_url, binh, PASSWORD)
    assert not _login_works(cluster, admin_url, binh, "sai-mật-khẩu")
    with cluster.admin() as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (binh,))
        verifier = str(stored.fetchone()[0])  # type: ignore[index]
    assert verifier.startswith("SCRAM-SHA-256$4096:")

    code, out, err = cli(
        capsys, monkeypatch, "server", "add-user", binh, "--name", "Trần  Văn Bình ",
        "--role", "editor", "--no-password",
    )  # fmt: skip
    assert code == 0, err
    assert out == f"Đã cập nhật {binh} — Trần Văn Bình: Biên tập viên (không đổi mật khẩu).\n"
    code, out, _ = cli(capsys, monkeypatch, "server", "users")
    assert f"{binh}  Trần Văn Bình — Biên tập viên" in out.replace(" " * 4, "  ")
    assert _login_works(cluster, admin_url, binh, PASSWORD)  # the password was kept

    as_binh = make_url(admin_url).set(username=binh, password=PASSWORD)
    code, out, err = cli(
        capsys, monkeypatch, "server", "check", "--url", as_binh.render_as_string(False)
    )
    assert code == 0, err
    assert f"Tài khoản: {binh} — Trần Văn Bình, Biên tập viên" in out


@pytest.mark.parametrize(
    ("login", "expected"),
    [
        ('x"; DROP TABLE articles; --', "Tên đăng nhập không hợp lệ"),
        ("binh'); DROP ROLE postgres; --", "Tên đăng nhập không hợp lệ"),
        ("Bình", "Tên đăng nhập không hợp lệ"),
        ("postgres", "dành riêng"),
        ("pg_monitor", "dành riêng"),
        ("editor_app_editor", "dành riêng"),
        ("a" * 64, "Tên đăng nhập không hợp lệ"),
    ],
)
def test_bad_logins_are_refused_with_a_clear_message(
    admin_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    login: str,
    expected: str,
) -> None:
    code, out, err = cli(
        capsys, monkeypatch, "server", "add-user", login, "--name", "Trần Văn Bình",
        "--role", "reporter", "--url", admin_url, "--password-stdin", stdin=PASSWORD,
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.startswith("editor-app: ") and expected in err
    assert len(err.strip().splitlines()) == 1


def test_a_name_is_data_never_sql_and_bad_names_and_passwords_are_refused(
    admin_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", admin_url)
    assert cli(capsys, monkeypatch, "server", "init")[0] == 0
    login = f"robert.{_tag()}"
    sly = "Robert'); DROP TABLE staff; --"
    code, _, err = cli(
        capsys, monkeypatch, "server", "add-user", login, "--name", sly, "--role", "reporter",
        "--password-stdin", stdin=PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = cli(capsys, monkeypatch, "server", "users", "--json")
    assert {"login": login, "name": sly, "role": "reporter", "can_login": True} in json.loads(out)

    for name, password, expected in (
        ("   ", PASSWORD, "Họ tên không được để trống"),
        ("Trần\x07Bình", PASSWORD, "ký tự điều khiển"),
        ("Trần Văn Bình", "ngắn", "Mật khẩu quá ngắn"),
    ):
        code, _, err = cli(
            capsys, monkeypatch, "server", "add-user", f"x{_tag()}", "--name", name,
            "--role", "reporter", "--password-stdin", stdin=password,
        )  # fmt: skip
        assert code == 1 and expected in err, err
    code, _, err = cli(
        capsys, monkeypatch, "server", "add-user", f"x{_tag()}", "--name", "A", "--role", "sếp",
        "--no-password",
    )  # fmt: skip
    assert code == 1 and "Vai trò không hợp lệ" in err


def test_add_user_as_a_process_reads_the_password_from_stdin_only(admin_url: str) -> None:
    env = {**os.environ, "EDITOR_APP_SERVER_URL": admin_url}
    command = [sys.executable, "-m", "editor_app", "server", "add-user", f"hoa.{_tag()}"]
    command += ["--name", "Lê Thị Hoa", "--role", "editor"]
    init = subprocess.run([*command[:4], "init"], env=env, capture_output=True, timeout=120)
    assert init.returncode == 0, init.stderr
    no_tty = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert no_tty.returncode == 1
    assert "--password-stdin" in no_tty.stderr
    done = subprocess.run(
        [*command, "--password-stdin"], env=env, input=PASSWORD + "\n",
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Biên tập viên" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr


def test_a_login_without_createrole_is_told_what_to_run_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = _cluster()  # a cluster where the group roles do not exist yet
    try:
        url, owner = _owned_database(server, createrole=False)
        monkeypatch.setenv("EDITOR_APP_SERVER_URL", url)
        code, out, err = cli(capsys, monkeypatch, "server", "init")
        assert code == 1 and out == ""
        assert "CREATEROLE" in err and "CREATE ROLE editor_app_reporter NOLOGIN" in err
        assert owner in err and "không bị thay đổi" in err
        code, out, _ = cli(capsys, monkeypatch, "server", "check", "--json")
        assert json.loads(out)["state"] == "empty"

        with server.admin() as conn:  # what the message says IT may do instead
            conn.execute("CREATE ROLE editor_app_reporter NOLOGIN")
            conn.execute("CREATE ROLE editor_app_editor NOLOGIN")
        assert cli(capsys, monkeypatch, "server", "init")[0] == 0
        code, _, err = cli(
            capsys, monkeypatch, "server", "add-user", "binh", "--name", "Trần Văn Bình",
            "--role", "reporter", "--password-stdin", stdin=PASSWORD,
        )  # fmt: skip
        assert code == 1 and "cần CREATEROLE" in err
    finally:
        postgres.stop(server)


def _site(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site.toml"
    site.write_text(f'[server]\nurl = "{url}"\nsslmode = "disable"\n', encoding="utf-8")
    monkeypatch.setenv(siteconfig.SITE_CONFIG_ENV, str(site))
    monkeypatch.delenv("EDITOR_APP_SERVER_URL", raising=False)
    return site


def test_server_login_keeps_the_password_in_the_keyring_and_check_reports_the_server(
    admin_url: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    binh = f"binh.{_tag()}"
    for args in (("init",), ("add-user", binh, "--name", "Trần Văn Bình", "--role", "reporter")):
        code, _, err = cli(
            capsys, monkeypatch, "server", *args, "--url", admin_url,
            *(("--password-stdin",) if len(args) > 1 else ()), stdin=PASSWORD,
        )  # fmt: skip
        assert code == 0, err
    server = make_url(admin_url)
    _site(tmp_path, f"postgresql://{server.host}:{server.port}/{server.database}", monkeypatch)
    data = ("--data-dir", str(tmp_path / "data"))

    code, out, err = cli(capsys, monkeypatch, *data, "check")
    assert code == 0, err
    assert "chưa đăng nhập" in out and "editor-app server login" in out

    code, _, err = cli(
        capsys, monkeypatch, "server", "login", "--user", binh, "--password-stdin",
        stdin="sai-mật-khẩu\n",
    )  # fmt: skip
    assert code == 1 and "password authentication failed" in err
    assert memory_keyring.entries == {}  # a refused password is not kept

    code, out, err = cli(
        capsys, monkeypatch, "server", "login", "--user", binh, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err
    assert f"{binh} — Trần Văn Bình, Phóng viên" in out
    assert PASSWORD in memory_keyring.entries.values()
    assert not [
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and PASSWORD in p.read_text("utf-8", "replace")
    ]

    code, out, err = cli(capsys, monkeypatch, *data, "check", "--json")
    assert code == 0, err
    report = json.loads(out)["server"]
    assert report["state"] == "ok" and report["reachable"] is True
    status = report["status"]
    assert (status["login"], status["name"], status["role"]) == (binh, "Trần Văn Bình", "reporter")
    assert status["revision"] == SCHEMA_HEAD and status["state"] == "current"
    assert status["server_version"][0].isdigit()
    code, out, _ = cli(capsys, monkeypatch, *data, "check")
    assert f"Tài khoản: {binh} — Trần Văn Bình, Phóng viên" in out
    assert "kết nối được, PostgreSQL" in out

    # IT's commands on this desk: no --url, no EDITOR_APP_SERVER_URL: the desk's own link.
    code, out, err = cli(capsys, monkeypatch, "server", "check")
    assert code == 0, err
    assert f"Tài khoản: {binh} — Trần Văn Bình, Phóng viên" in out


def test_an_unreachable_server_is_information_for_check(
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    site = _site(tmp_path, f"postgresql://binh@127.0.0.1:{port}/toasoan", monkeypatch)
    server_link.remember(make_url(f"postgresql://127.0.0.1:{port}/toasoan"), "binh", PASSWORD)
    code, out, err = cli(capsys, monkeypatch, "--data-dir", str(tmp_path / "data"), "check")
    assert code == 0, err  # a desk may be offline
    assert f"Máy chủ tòa soạn: postgresql+psycopg://binh:***@127.0.0.1:{port}/toasoan" in out
    assert "ngoại tuyến" in out and "Không kết nối được" in out
    code, out, _ = cli(capsys, monkeypatch, "--data-dir", str(tmp_path / "data"), "check", "--json")
    assert code == 0
    assert json.loads(out)["server"]["state"] == "offline"
    assert site.is_file()
