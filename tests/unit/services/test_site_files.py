"""Reading the site file and the files it names (issue #20, point 6): only regular files, at
most so many bytes, never blocking; each refusal a Vietnamese reason naming the file, and the
app on its defaults. Real files, folders, FIFOs and devices; an alarm fails a test that would
block instead of hanging the run."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from editor_app.domain.site_limits import MAX_SECTIONS_BYTES, MAX_SITE_BYTES
from editor_app.services.safe_read import UnreadableFile, check_regular, read_regular
from editor_app.services.site_setup import SEEDED_MARKER
from editor_app.services.siteconfig import find_site_file, load_site
from editor_app.services.workspace import Workspace

posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices: POSIX")


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    """A read that blocks (a FIFO with no writer) fails the test after 10 s."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def blocked(_sig: int, _frame: FrameType | None) -> None:
        raise TimeoutError("blocked reading a file")

    old = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def as_nobody() -> Iterator[None]:
    """Root reads everything: drop the effective user for the block (tests run as root)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def reason(path: Path, limit: int = 1 << 20) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_regular(path, limit)
    assert caught.value.path == path
    said = f"Không đọc được tệp {path}: {caught.value.reason}."
    if caught.value.reason == "không tìm thấy tệp":
        said = f"Không tìm thấy tệp {path}."
    assert str(caught.value) == said
    return caught.value.reason


@posix
def test_only_a_regular_file_within_the_limit_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert reason(fifo) == "đây là một ống dẫn (FIFO), không phải tệp thường"
    assert reason(Path("/dev/zero")) == "đây là một thiết bị, không phải tệp thường"
    assert reason(tmp_path) == "đây là một thư mục, không phải tệp"
    assert reason(tmp_path / "missing") == "không tìm thấy tệp"
    big = tmp_path / "big"
    big.write_bytes(b"x" * (3 << 20))
    assert reason(big) == "tệp quá lớn (3.145.728 byte; tối đa 1 MB)"
    assert reason(big / "x") == "một phần của đường dẫn không phải thư mục"
    assert reason(Path(f"{tmp_path}/a\0b")) == "đường dẫn có ký tự NUL"
    exact = tmp_path / "exact"
    exact.write_bytes(b"\r\n" * 512)
    assert read_regular(exact, 1024) == b"\r\n" * 512  # as written, to the last byte
    link = tmp_path / "link"
    link.symlink_to(exact)
    assert check_regular(link, 1024) == 1024  # a link to a regular file is one
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert reason(loop) == "liên kết tượng trưng vòng quanh"


@posix
def test_a_file_that_may_not_be_read_is_said_so(tmp_path: Path) -> None:
    secret = tmp_path / "site.toml"
    secret.write_text('[outlet]\nname = "Báo Yên Bái"\n', encoding="utf-8")
    secret.chmod(0)
    tmp_path.chmod(0o755)
    with as_nobody():
        assert reason(secret) == "không có quyền đọc tệp"
        load = load_site(secret)
    assert load.broken and load.config.name.value == "Báo Lào Cai"
    assert str(load.problems[0]) == f"{secret}: không có quyền đọc tệp."


@posix
def _made(path: Path, make: Callable[[Path], object]) -> Path:
    make(path)
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda t: _made(t / "site.toml", os.mkfifo), "ống dẫn (FIFO)"),
        (lambda t: _made(t / "site.toml", Path.mkdir), "thư mục"),
        (lambda t: Path("/dev/zero"), "thiết bị"),
        (
            lambda t: ((t / "site.toml").write_bytes(b"#" * (MAX_SITE_BYTES + 1)), t / "site.toml")[
                1
            ],
            "tệp quá lớn (1.048.577 byte; tối đa 1 MB)",
        ),
    ],
)
def test_a_site_file_that_is_not_a_file_leaves_the_defaults(tmp_path: Path, make, words) -> None:  # type: ignore[no-untyped-def]
    site = make(tmp_path)
    load = load_site(site)
    assert load.broken and load.config.source is None and load.path == site
    (problem,) = load.problems
    assert problem.path == str(site) and words in problem.message


@posix
@pytest.mark.parametrize("target", ["fifo", "/dev/zero", "folder", "big"])
def test_a_sections_file_that_is_not_a_file_is_reported_at_its_key(
    tmp_path: Path, target: str
) -> None:
    named = {"fifo": tmp_path / "s.txt", "folder": tmp_path, "big": tmp_path / "big.txt"}.get(
        target, Path(target)
    )
    if target == "fifo":
        os.mkfifo(named)
    if target == "big":
        named.write_bytes(b"A\n" * MAX_SECTIONS_BYTES)
    site = tmp_path / "site.toml"
    site.write_text(f'# IT\n[directory]\nsections_file = "{named}"\n', encoding="utf-8")
    load = load_site(site)
    assert load.broken and load.config.sections.value == ()
    (problem,) = load.problems
    assert (problem.path, problem.line) == (str(site), 3)
    assert problem.message.startswith(f"[directory] sections_file: {named}: ")


def test_too_many_sections_in_the_sections_file(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("".join(f"M{i}\n" for i in range(1500)), encoding="utf-8")
    site = tmp_path / "site.toml"
    site.write_text('[directory]\nsections_file = "s.txt"\n', encoding="utf-8")
    (problem,) = load_site(site).problems
    assert problem.message.endswith("s.txt: quá nhiều chuyên mục (1.500; tối đa 1.000).")


@posix
def test_the_platform_file_is_reported_when_it_is_not_a_file(tmp_path: Path) -> None:
    """A folder or a FIFO where IT's file belongs was ignored in silence; now it is read (and
    refused with its reason)."""
    there = tmp_path / "site.toml"
    there.mkdir()
    assert find_site_file({}, there) == (there, False)
    assert "thư mục" in load_site(env={}, platform_file=there).problems[0].message
    assert find_site_file({}, tmp_path / "none.toml") == (None, False)


@posix
def test_an_officials_csv_swapped_for_a_fifo_after_the_start_does_not_hang_seeding(
    tmp_path: Path,
) -> None:
    csv = tmp_path / "officials.csv"
    csv.write_text("full_name,titles\nTrần Huy Tuấn,Bí thư Tỉnh ủy\n", encoding="utf-8")
    site = tmp_path / "site.toml"
    site.write_text('[directory]\nofficials_csv = "officials.csv"\n', encoding="utf-8")
    load = load_site(site)
    assert not load.broken
    csv.unlink()
    os.mkfifo(csv)
    with Workspace.open(tmp_path / "data", site=load) as ws:
        report = ws.site_setup.seed(load.config)
        assert report.problems == [
            f"Không đọc được tệp {csv}: đây là một ống dẫn (FIFO), không phải tệp thường."
        ]
        assert ws.officials.all() == []
        assert not (ws.db.data_dir / SEEDED_MARKER).exists()  # tried again at the next start
