"""Hostile site files (issue #20, point 6): nesting 100,000 deep, a FIFO or /dev/zero in place of
a file, a folder, bytes that are not UTF-8, a huge file, a value no parser should choke on. Each
runs `editor-app` as a real process with a timeout and a memory cap, so that a regression fails
instead of hanging or eating the machine: `check` exits 1 quickly with a Vietnamese message
naming the file and the reason, and other commands run on the defaults."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TIMEOUT = 60  # seconds; each case takes well under 5 on a loaded 2-core machine
MEMORY = 2 << 30  # address space of the child: reading /dev/zero to the end used 3.8 GB


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(site: Path | str, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EDITOR_APP_SITE_CONFIG": str(site), "EDITOR_APP_LANG": "vi"}
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
    )


def _site(tmp: Path, text: str | bytes) -> Path:
    site = tmp / "site.toml"
    if isinstance(text, bytes):
        site.write_bytes(text)
    else:
        site.write_text(text, encoding="utf-8")
    return site


def _fifo(tmp: Path, name: str) -> Path:
    path = tmp / name
    os.mkfifo(path)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _names(tmp: Path, key: str, target: Path | str) -> tuple[Path, str]:
    site = _site(tmp, f'[directory]\n{key} = "{target}"\n')
    return site, str(target)


# Each case: (tmp) -> (the site file given to the app, the file the message must name), and
# the reason the message must give.
Case = Callable[[Path], tuple[Path, str]]
DEEP = 100_000
CASES: dict[str, tuple[Case, str]] = {
    "nested arrays": (
        lambda t: (s := _site(t, "x = " + "[" * DEEP + "]" * DEEP + "\n"), str(s)),
        "lồng nhau quá sâu",
    ),
    "nested inline tables": (
        lambda t: (s := _site(t, "x = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"), str(s)),
        "lồng nhau quá sâu",
    ),
    "nested arrays in a key's value": (
        lambda t: (
            s := _site(t, '[directory]\nsections = ["A", ' + "[" * 5000 + "]" * 5000 + "]\n"),
            str(s),
        ),
        "lồng nhau quá sâu",
    ),
    "a key of 100,000 dotted parts": (
        lambda t: (s := _site(t, "[outlet]\nx" + ".x" * DEEP + " = 1\n"), str(s)),
        "quá nhiều phần nối bằng dấu chấm",
    ),
    "an integer of 5,000 digits": (
        lambda t: (s := _site(t, '[outlet]\nname = "A"\nx = ' + "7" * 5000 + "\n"), str(s)),
        "Số quá dài",
    ),
    "site file is a FIFO": (lambda t: (f := _fifo(t, "site.toml"), str(f)), "FIFO"),
    "site file is a folder": (
        lambda t: (_folder(t / "site.toml"), str(t / "site.toml")),
        "thư mục",
    ),
    "site file is /dev/zero": (lambda t: (Path("/dev/zero"), "/dev/zero"), "thiết bị"),
    "site file is not UTF-8": (
        lambda t: (s := _site(t, '[outlet]\nname = "Báo Yên Bái"\n'.encode("cp1258")), str(s)),
        "UTF-8",
    ),
    "huge site file": (
        lambda t: (s := _site(t, ("# " + "x" * 1000 + "\n") * 5000), str(s)),
        "quá lớn",
    ),
    "sections_file is /dev/zero": (lambda t: _names(t, "sections_file", "/dev/zero"), "thiết bị"),
    "sections_file is a FIFO": (
        lambda t: _names(t, "sections_file", _fifo(t, "sections.txt")),
        "FIFO",
    ),
    "sections_file is a folder": (lambda t: _names(t, "sections_file", t), "thư mục"),
    "sections_file is huge": (
        lambda t: (
            (t / "big.txt").write_text("Thời sự\n" * 400_000, encoding="utf-8"),
            _names(t, "sections_file", t / "big.txt"),
        )[1],
        "quá lớn",
    ),
    "sections_file is not UTF-8": (
        lambda t: (
            (t / "s.txt").write_bytes("Thời sự\n".encode("utf-16")),
            _names(t, "sections_file", t / "s.txt"),
        )[1],
        "UTF-8",
    ),
    "officials_csv is a FIFO": (
        lambda t: _names(t, "officials_csv", _fifo(t, "officials.csv")),
        "FIFO",
    ),
    "officials_csv is /dev/zero": (lambda t: _names(t, "officials_csv", "/dev/zero"), "thiết bị"),
    "a path with a NUL": (
        lambda t: (s := _site(t, '[directory]\nsections_file = "a\\u0000b"\n'), str(s)),
        "ký tự NUL",
    ),
    "a 900,000-character name": (
        lambda t: (s := _site(t, f'[outlet]\nname = "{"x" * 900_000}"\n'), str(s)),
        "quá dài",
    ),
    "5,000 sections": (
        lambda t: (
            s := _site(
                t,
                "[directory]\nsections = [" + ", ".join(f'"M{i}"' for i in range(5_000)) + "]\n",
            ),
            str(s),
        ),
        "quá nhiều",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_names_the_file_and_the_reason_and_other_commands_run_on_defaults(
    tmp_path: Path, case: str
) -> None:
    make, reason = CASES[case]
    site, named = make(tmp_path)
    data = tmp_path / "data"
    started = time.monotonic()
    checked = run(site, data, "check")
    took = time.monotonic() - started
    assert checked.returncode == 1, (checked.stdout[-2000:], checked.stderr[-2000:])
    # One Vietnamese line on stderr, no traceback.
    assert len(checked.stderr.strip().splitlines()) == 1, checked.stderr[-2000:]
    assert "cấu hình site có lỗi" in checked.stderr
    out = checked.stdout
    assert "CÓ LỖI, đang dùng giá trị mặc định" in out
    problems = [line for line in out.splitlines() if line.startswith("  lỗi: ")]
    assert problems, out[-2000:]
    assert any(named in line and reason in line for line in problems), out[-3000:]
    assert "Báo Lào Cai  [mặc định]" in out  # the defaults are in effect
    assert len(out) < 20_000  # said plainly: no 900,000-character echo
    assert took < TIMEOUT
    listed = run(site, data, "list")
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert "Traceback" not in listed.stderr


def test_hostile_but_valid_toml_is_read_quickly(tmp_path: Path) -> None:
    """Thousands of unknown keys, a quoted key of 200,000 spaces (which a backtracking line
    scan takes hours over): warnings only, the file applies, a few of them are listed."""
    keys = "".join(f"k{i} = {i}\n" for i in range(30_000))
    spaces = " " * 200_000  # the file stays under the 1 MB cap
    site = _site(
        tmp_path,
        f'[outlet]\nname = "Báo Yên Bái"\n"a{spaces}b" = 1\n["t{spaces}u"]\n[ui]\n{keys}',
    )
    checked = run(site, tmp_path / "data", "check")
    assert checked.returncode == 0, (checked.stdout[-2000:], checked.stderr[-2000:])
    out = checked.stdout
    assert "Báo Yên Bái  [site:" in out
    assert "cảnh báo" in out and "khóa không dùng đến" in out
    assert len(out) < 20_000  # the first warnings, then how many more
    assert "cảnh báo khác" in out
