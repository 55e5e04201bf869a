"""A real PostgreSQL for the tests: a throw-away cluster in a temporary folder.

One cluster per test session (`initdb` + `pg_ctl`, about a second), a fresh empty database per
test (`CREATE DATABASE`, dropped afterwards). PostgreSQL refuses to run as root, and CI runs as
root: then every server command runs as the unprivileged `nobody` (subprocess `user=`/`group=`),
in a temporary folder handed over to it. The server listens only on 127.0.0.1, on a free port,
its unix socket in the same folder; local connections are trusted (no password). Stopping it
removes the folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

SUPERUSER = "postgres"
UNPRIVILEGED = "nobody"  # present on every Debian system
# Durability is not what these tests are about: a cluster that never syncs starts and creates
# databases several times faster.
_FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def bin_dir() -> Path | None:
    """The newest PostgreSQL's binaries (Debian: /usr/lib/postgresql/<major>/bin), or None."""
    found = [
        d
        for d in Path("/usr/lib/postgresql").glob("*/bin")
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file()
    ]
    if not found:
        return None
    return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running cluster: where it listens and how to reach a database in it."""

    bin_dir: Path
    folder: Path
    port: int
    host: str = "127.0.0.1"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, dbname: str = "postgres") -> str:
        """The SQLAlchemy URL of `dbname` (trust auth: no password)."""
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}/{dbname}"

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host={self.host} port={self.port} user={SUPERUSER} dbname={dbname}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit connection to the maintenance database (CREATE/DROP DATABASE)."""
        return psycopg.connect(self.dsn(), autocommit=True)

    def create_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:16]
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextlib.contextmanager
    def database(self) -> Iterator[str]:
        """A fresh empty database for one test, dropped after it (even if connections remain)."""
        name = self.create_database()
        try:
            yield self.url(name)
        finally:
            self.drop_database(name)


def _run(cmd: list[str], cwd: Path) -> None:
    """Runs a server command, as `nobody` when we are root; its output only when it fails."""
    root = os.geteuid() == 0
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "HOME": str(cwd)}
    result = subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        user=UNPRIVILEGED if root else None,
        group="nogroup" if root else None,
        extra_groups=[] if root else None,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )


def start(bins: Path) -> PgServer:
    """initdb and start a cluster in a new temporary folder (owned by `nobody` when root)."""
    folder = Path(tempfile.mkdtemp(prefix="editor-app-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user=UNPRIVILEGED, group="nogroup")
    server = PgServer(bins, folder, _free_port())
    try:
        _run(
            [
                str(bins / "initdb"),
                "-D",
                str(server.data_dir),
                "-A",
                "trust",
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            folder,
        )
        launch(server)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def launch(server: PgServer) -> None:
    """Starts the cluster's server (again, after `halt`: same port, same data)."""
    options = f"-p {server.port} -k {server.folder} -c listen_addresses={server.host} {_FAST}"
    pg_ctl = str(server.bin_dir / "pg_ctl")
    log = str(server.folder / "log")
    _run(
        [pg_ctl, "-D", str(server.data_dir), "-o", options, "-l", log, "-w", "-t", "30", "start"],
        server.folder,
    )


def halt(server: PgServer) -> None:
    """Stops the server (fast: running sessions are ended), keeping its data: a newsroom's
    server gone for a while (`launch` brings it back)."""
    pg_ctl = str(server.bin_dir / "pg_ctl")
    _run([pg_ctl, "-D", str(server.data_dir), "-m", "fast", "-w", "stop"], server.folder)


def stop(server: PgServer) -> None:
    """Stops the cluster and removes its folder."""
    try:
        halt(server)
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


def require_passwords(server: PgServer) -> None:
    """Makes the cluster ask every login but the superuser for its password over TCP
    (scram-sha-256), as a newsroom's pg_hba.conf does; the superuser and the unix socket stay
    trusted, so the fixtures keep working. Takes effect at once (`pg_ctl reload`)."""
    hba = server.data_dir / "pg_hba.conf"
    hba.write_text(
        "local all all trust\n"
        f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n",
        encoding="utf-8",
    )
    pg_ctl = str(server.bin_dir / "pg_ctl")
    _run([pg_ctl, "-D", str(server.data_dir), "-w", "reload"], server.folder)
