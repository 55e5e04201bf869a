"""The processes a test started, found through /proc by a marker in their environment (every
descendant inherits it, even one whose parent is gone), killed when the test ends, and the
check that none outlives a killed parent (issue 20, point 4)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

MARK = "EDITOR_APP_PROCESS_TREE_TEST"

needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")


def marked(mark: str) -> dict[int, str]:
    """pid -> command line of every live (not zombie) process whose environment has `mark`."""
    found = {}
    needle = f"{MARK}={mark}".encode()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            environ = Path(entry.path, "environ").read_bytes()
            cmdline = Path(entry.path, "cmdline").read_bytes()
            state = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone meanwhile
        if needle in environ.split(b"\0") and state != "Z":
            found[int(entry.name)] = cmdline.replace(b"\0", b" ").decode(errors="replace")
    return found


def workers(mark: str) -> int:
    """How many multiprocessing spawn workers carry `mark` (a frozen app's too)."""
    return sum("--multiprocessing-fork" in c for c in marked(mark).values())


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def eof_within(fd: int, seconds: float) -> bool:
    """Whether the pipe `fd` reaches end-of-file (every writer closed it) within `seconds`."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready and not os.read(fd, 65536):
            return True
    return False


@contextmanager
def marked_process(command: Sequence[str]) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """Starts `command` in a session of its own with a fresh marker (stdout a pipe); on leaving,
    kills it and every process still carrying the marker, whatever the test found."""
    mark = uuid.uuid4().hex
    process = subprocess.Popen(
        list(command),
        env={**os.environ, MARK: mark},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process, mark
    finally:
        process.kill()
        process.wait()
        for pid in marked(mark):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        assert process.stdout is not None
        process.stdout.close()


def kill_and_check_nothing_stays(process: subprocess.Popen[bytes], mark: str) -> None:
    """SIGKILLs `process`; then its stdout must close and no process of it may remain (spawn
    workers, the resource tracker), each within a few seconds."""
    assert process.stdout is not None
    process.kill()
    process.wait()
    assert eof_within(process.stdout.fileno(), 5), f"stdout still held by {marked(mark)}"
    assert wait_for(lambda: not marked(mark), 5), f"left alive: {marked(mark)}"
