"""`editor-app server backup`: the server's database as one `pg_dump --format=custom` file,
checked with `pg_restore --list` before it takes its name. The password travels in PGPASSWORD
(never on the command line, where `ps` shows it); an existing file is kept unless forced."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from editor_app.domain.errors import UserError
from editor_app.services.server_admin import hide_password, shown

DUMP_TIMEOUT_S = 6 * 60 * 60
CHECK_TIMEOUT_S = 10 * 60


def _server_bin_dirs() -> list[Path]:
    """Debian's PostgreSQL binaries, newest first (a newer pg_dump reads older servers)."""
    found = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if d.is_dir()]
    return sorted(
        found,
        key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0,
        reverse=True,
    )


def find_tool(name: str) -> Path:
    """`pg_dump` or `pg_restore`: next to the server's binaries first, then on PATH."""
    for folder in _server_bin_dirs():
        if (folder / name).is_file():
            return folder / name
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise UserError(
        f"Không tìm thấy {name}: hãy cài gói postgresql-client (apt install postgresql-client)."
    )


def _environment(url: URL) -> dict[str, str]:
    """The connection for libpq's tools, all in the environment (nothing on the command line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    values = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password and str(url.password),
        "PGDATABASE": url.database,
        "PGSSLMODE": url.query.get("sslmode"),
        # The TLS files of site.toml's [server] (services/server_link.py puts them in the query).
        "PGSSLROOTCERT": url.query.get("sslrootcert"),
        "PGSSLCERT": url.query.get("sslcert"),
        "PGSSLKEY": url.query.get("sslkey"),
        "PGCONNECT_TIMEOUT": "10",
    }
    env.update({k: str(v) for k, v in values.items() if v})
    return env


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    entries: int  # the archive's table of contents, as pg_restore lists it


def _failed(tool: str, result: subprocess.CompletedProcess[str], url: URL) -> UserError:
    detail = " ".join(line.strip() for line in result.stderr.splitlines() if line.strip())
    return UserError(
        f"{tool} không sao lưu được {shown(url)} (mã {result.returncode}): "
        f"{hide_password(detail[:400], url) or 'không rõ lý do'}"
    )


def backup(url: URL, out: Path, *, force: bool = False) -> Backup:
    """Dumps the database at `url` to `out` (custom format) through a temporary file next to
    it, checked by `pg_restore --list`; `out` keeps its old content on any failure."""
    if out.exists() and not force:
        raise UserError(f"Tệp {out} đã có: không ghi đè (dùng --force để thay thế).")
    if out.is_dir():
        raise UserError(f"{out} là một thư mục: hãy ghi tên tệp sao lưu.")
    if not out.parent.is_dir():
        raise UserError(f"Không có thư mục {out.parent}.")
    dump, restore = find_tool("pg_dump"), find_tool("pg_restore")
    env = _environment(url)
    partial = out.with_name(f".{out.name}.partial")
    try:
        result = subprocess.run(
            [str(dump), "--format=custom", "--no-password", f"--file={partial}"],
            env=env,
            capture_output=True,
            text=True,
            timeout=DUMP_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0:
            raise _failed("pg_dump", result, url)
        listed = subprocess.run(
            [str(restore), "--list", str(partial)],
            env=env,
            capture_output=True,
            text=True,
            timeout=CHECK_TIMEOUT_S,
            check=False,
        )
        if listed.returncode != 0:
            raise _failed("pg_restore --list", listed, url)
        entries = sum(1 for line in listed.stdout.splitlines() if line and line[0].isdigit())
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return Backup(out, out.stat().st_size, entries)
