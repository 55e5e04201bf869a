"""A real OpenSSH server for the upload's tests: Debian's sshd on 127.0.0.1, a free port, its
own configuration, host key, authorized_keys and logs in a temporary folder.

sshd serves only the user it runs as, and it is never run as root here: CI runs as root, so
the fixture creates (once) a system user of its own, `editor-app-sftp` (no password, no home,
a login only by the test's key to the test's sshd), and runs sshd as that user with the
folder handed over to it; run by anyone else, sshd runs as that person. `UsePAM no` and
`StrictModes no` let it run unprivileged; privilege separation needs nothing more.

The SFTP side is OpenSSH's sftp-server, started through a two-line wrapper that keeps its log
at VERBOSE in the folder (`sftp.log`): every open, rename, mkdir, remove and chmod the server
carried out, in order — what the tests read to see the order files became visible in and that
no file was ever written at its final name. (`internal-sftp` logs only to syslog or to the
client, which is why the wrapper.) sshd's own log (`sshd.log`) names each connection's
process, which a test kills to cut a connection mid-upload.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from editor_app.domain.siteconfig import SiteConfig, Value

SSHD = Path("/usr/sbin/sshd")
SFTP_SERVERS = (Path("/usr/lib/openssh/sftp-server"), Path("/usr/libexec/sftp-server"))
TEST_USER = "editor-app-sftp"
_OPERATION = re.compile(r'^(open|posix-rename old|remove name|mkdir name|set|rmdir name) "([^"]*)"')
_RENAME_TO = re.compile(r'new "([^"]*)"')
_CHILD = re.compile(r"User child is on pid (\d+)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str:
    """The user sshd runs as: the test user when we are root (created once), else ourselves."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid()).pw_name
    try:
        pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/bin/sh",  # sshd starts the subsystem's command through the user's shell
                TEST_USER,
            ],
            check=True,
            capture_output=True,
        )
    return TEST_USER


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", path.name, "-f", str(path)],
        check=True,
        capture_output=True,
    )


@dataclass
class SshServer:
    """A running sshd and what a test needs of it."""

    folder: Path
    port: int
    user: str
    process: subprocess.Popen[bytes] | None = None
    killed: set[int] = field(default_factory=set)

    @property
    def www(self) -> Path:
        """The site's folder on the server (`remote_path`)."""
        return self.folder / "www"

    @property
    def client_key(self) -> Path:
        return self.folder / "client_ed25519"

    @property
    def known_hosts(self) -> Path:
        return self.folder / "known_hosts"

    @property
    def log(self) -> Path:
        return self.folder / "sshd.log"

    @property
    def sftp_log(self) -> Path:
        return self.folder / "sftp.log"

    def site(self, **changes: object) -> SiteConfig:
        """The site file's [publish] for this server (each key overridable)."""
        values: dict[str, Any] = {
            "publish_target": "sftp",
            "publish_host": "127.0.0.1",
            "publish_port": self.port,
            "publish_user": self.user,
            "publish_key_file": self.client_key,
            "publish_remote_path": str(self.www),
            "publish_known_hosts": self.known_hosts,
        }
        values.update(changes)
        fields: dict[str, Any] = {k: Value(v) for k, v in values.items()}
        return replace(SiteConfig.defaults(), **fields)

    def operations(self) -> list[tuple[str, str]]:
        """What the SFTP server did, in order: ("write", path) and ("read", path) (a file opened
        for it), ("rename", new path), ("remove", path), ("mkdir", path), ("set", path),
        ("rmdir", path); paths relative to `www`."""
        out: list[tuple[str, str]] = []
        text = self.sftp_log.read_text(encoding="utf-8") if self.sftp_log.exists() else ""
        for line in text.splitlines():
            m = _OPERATION.match(line)
            if m is None:
                continue
            verb, path = m.group(1).split(" ")[0], m.group(2)
            if verb == "open":
                verb = "write" if "WRITE" in line[m.end() :] else "read"
            elif verb == "posix-rename":
                new = _RENAME_TO.search(line)
                assert new is not None, line
                verb, path = "rename", new.group(1)
            out.append((verb, os.path.relpath(path, self.www)))
        return out

    def clear_log(self) -> None:
        self.sftp_log.write_text("", encoding="utf-8")

    def sessions(self) -> list[int]:
        """The processes sshd started for connections (its log names them)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [int(pid) for pid in _CHILD.findall(text)]

    def cut(self) -> None:
        """Kills every connection's process at once: the network cable pulled."""
        for pid in self.sessions():
            if pid not in self.killed:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                self.killed.add(pid)

    def start(self) -> None:
        user = None if os.geteuid() != 0 else self.user
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(SSHD), "-D", "-e", "-f", str(self.folder / "sshd_config")],
                stdout=log,
                stderr=log,
                user=user,
                group=user,
                extra_groups=[] if user else None,
                cwd=self.folder,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"sshd did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        """Stops the server and every connection it has (the folder stays)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None
        self.cut()


def _configure(server: SshServer, sftp_server: Path) -> None:
    folder = server.folder
    _keygen(folder / "host_ed25519")
    _keygen(server.client_key)
    shutil.copy(folder / "client_ed25519.pub", folder / "authorized_keys")
    host_key = (folder / "host_ed25519.pub").read_text(encoding="ascii").split()
    server.known_hosts.write_text(
        f"[127.0.0.1]:{server.port} {host_key[0]} {host_key[1]}\n", encoding="ascii"
    )
    wrapper = folder / "sftp-server"
    wrapper.write_text(
        f"#!/bin/sh\nexec {sftp_server} -e -l VERBOSE 2>>{server.sftp_log}\n", encoding="ascii"
    )
    wrapper.chmod(0o755)
    (folder / "sshd_config").write_text(
        f"Port {server.port}\n"
        "ListenAddress 127.0.0.1\n"
        f"HostKey {folder / 'host_ed25519'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\n"
        f"PidFile {folder / 'sshd.pid'}\n"
        f"AllowUsers {server.user}\n"
        "UsePAM no\n"
        "StrictModes no\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\n"
        "LogLevel VERBOSE\n"
        f"Subsystem sftp {wrapper}\n",
        encoding="ascii",
    )
    server.www.mkdir()


@contextlib.contextmanager
def running() -> Iterator[SshServer]:
    """An sshd for one test, stopped and its folder removed afterwards. Skips, saying why,
    where OpenSSH's server is not installed (scripts/system-deps.sh installs it)."""
    sftp_server = next((p for p in SFTP_SERVERS if p.is_file()), None)
    if not SSHD.is_file() or sftp_server is None:
        pytest.skip("OpenSSH's server is not installed: run scripts/system-deps.sh as root")
    user = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="editor-app-sshd-"))
    server = SshServer(folder, _free_port(), user)
    try:
        _configure(server, sftp_server)
        if os.geteuid() == 0:
            for path in [folder, *folder.rglob("*")]:
                shutil.chown(path, user=user, group=user)
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
