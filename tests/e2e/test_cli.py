"""The command line end to end: real files, real database, real exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from editor_app.cli import main

SAMPLE_PHOTOS = [
    "IMG_20230412_095452.jpg",
    "IMG_20230412_095542.jpg",
    "20230412_100410_0000.jpg",
    "IMG_20230412_095411.jpg",
]


def run(
    *args: str, data: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _note(seen: list[object], value: object) -> int:
    seen.append(value)
    return 0


def test_sample_article_imports_with_photos_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_article: Path, sample_photos: Path
) -> None:
    data = tmp_path / "data"
    code, out, err = cli(
        capsys,
        data,
        "import-text",
        str(sample_article),
        "--photos",
        str(sample_photos),
        "--section",
        "Chính trị/Xây dựng Đảng",
    )
    assert code == 0, err
    article_id = out.strip()
    code, out, _ = cli(capsys, data, "show", article_id, "--json")
    assert code == 0
    a = json.loads(out)
    assert a["headline"] == (
        "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
    )
    assert a["sapo"].startswith("Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban")
    assert a["section"] == "Chính trị/Xây dựng Đảng"
    assert [p["filename"] for p in a["photos"]] == SAMPLE_PHOTOS
    assert [p["caption"] for p in a["photos"]] == [
        'Các đại biểu dự tiết giảng “Đường lối phát triển kinh tế - xã hội của Đảng".',
        "Các đại biểu dự hội nghị giao ban công tác giáo dục lý luận chính trị quý I năm 2023.",
        "Các đại biểu phát biểu ý kiến.",
        "Đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy nhấn mạnh "
        "một số nội dung cần thực hiện đối với công tác giáo dục lý luận chính trị trong thời "
        "gian tới.",
    ]
    assert a["photos"][0]["featured"] is True
    # The sideways photo (stored 3000×4000 with EXIF Orientation 6) has its upright size.
    sideways = a["photos"][3]
    assert (sideways["width"], sideways["height"]) == (4000, 3000)
    body = a["body"]
    for furniture in (
        "Có thể bạn quan tâm",
        "Tin cùng chuyên mục",
        "Hội nghị hiệp thương",
        "fb yt",
    ):
        assert furniture not in body
    assert body.rstrip().endswith("tại trung tâm chính trị.")
    # Each photo stands in the body where the page had it, referred to by id.
    positions = [body.index(f"(photo:{p['id']})") for p in a["photos"]]
    assert positions == sorted(positions)
    # Originals are kept untouched in the data folder.
    for p in a["photos"]:
        stored = list((data / "media" / "originals").rglob(p["sha256"] + ".*"))
        assert len(stored) == 1
        assert stored[0].read_bytes() == (sample_photos / p["filename"]).read_bytes()

    for q in ("duong duc huy", "Dương Đức Huy", "DUONG DUC HUY"):
        code, out, _ = cli(capsys, data, "search", q, "--json")
        assert code == 0
        assert [h["id"] for h in json.loads(out)] == [article_id], q


def test_missing_photo_names_the_file_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_article: Path, sample_photos: Path
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in SAMPLE_PHOTOS[:3]:
        shutil.copy(sample_photos / name, photos / name)
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "import-text", str(sample_article), "--photos", str(photos))
    assert code == 1
    assert "IMG_20230412_095411.jpg" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = cli(capsys, data, "list", "--json")
    assert json.loads(out) == []
    assert not any((data / "media").rglob("*.jpg"))


OWN_ARTICLE = """Đại hội Đảng bộ xã Tả Phìn nhiệm kỳ 2025 - 2030

Sáng 15/3, Đảng bộ xã Tả Phìn tổ chức Đại hội đại biểu lần thứ XX.

Đồng chí Trịnh Việt Hùng dự và phát biểu chỉ đạo đại hội.

ảnh đại hội 01.jpg
Quang cảnh đại hội.

Tin cùng chuyên mục

Một tin khác

fb yt zl tw
"""


def test_own_article_with_vietnamese_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "bài viết"
    folder.mkdir()
    (folder / "bai.txt").write_text(OWN_ARTICLE, encoding="utf-8-sig")
    Image.new("RGB", (640, 480), (200, 40, 40)).save(folder / "ảnh đại hội 01.jpg", quality=90)
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "import-text", str(folder / "bai.txt"))
    assert code == 0, err
    code, out, _ = cli(capsys, data, "show", out.strip(), "--json")
    a = json.loads(out)
    assert a["photos"][0]["caption"] == "Quang cảnh đại hội."
    assert "Một tin khác" not in a["body"]


def test_broken_photo_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bai.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    (folder / "ảnh đại hội 01.jpg").write_text("không phải ảnh", encoding="utf-8")
    code, _, err = cli(capsys, tmp_path / "data", "import-text", str(folder / "bai.txt"))
    assert code == 1
    assert "ảnh đại hội 01.jpg" in err and "Traceback" not in err


def test_officials_and_sections(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, samples_dir: Path
) -> None:
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "officials", "import", str(samples_dir / "officials.csv"))
    assert code == 0, err
    code, out, _ = cli(capsys, data, "officials", "list", "--json")
    officials = {o["full_name"]: o for o in json.loads(out)}
    assert officials["Dương Đức Huy"]["current_titles"] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    ]
    code, _, _ = cli(capsys, data, "officials", "import", str(samples_dir / "officials.csv"))
    code, out, _ = cli(capsys, data, "officials", "list", "--json")
    assert len(json.loads(out)) == 4  # importing again updates, never duplicates
    code, out, _ = cli(capsys, data, "sections", "import", str(samples_dir / "sections.txt"))
    assert code == 0
    code, out, _ = cli(capsys, data, "sections", "list", "--json")
    assert "Chính trị/Bầu cử" in json.loads(out)


def test_backup_and_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out, _ = cli(capsys, data, "check", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["schema_version"] == report["app_schema_version"]
    code, out, _ = cli(capsys, data, "backup", str(tmp_path / "b" / "copy.db"))
    assert code == 0 and Path(out.strip()).stat().st_size > 0


def test_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = run("show", "not-an-id", data=data)
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = run("show", "0b6c8f7e-1111-4222-8333-944445555666", data=data)
    assert r.returncode == 1 and "Không tìm thấy" in r.stderr
    r = run("no-such-command", data=data)
    assert r.returncode == 2
    r = run("search", data=data)
    assert r.returncode == 2
    r = run("import-text", str(tmp_path / "missing.txt"), data=data)
    assert r.returncode == 2  # argparse: the file cannot be opened
    r = run("list", "--json", data=data, env={"EDITOR_APP_DATA_DIR": str(tmp_path / "env")})
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_the_window_path_imports_no_command_and_keeps_the_full_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No command opens the window without importing the commands (they load SQLAlchemy before
    # the window would show); bad options still get the full usage; --smoke comes first.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, editor_app.app as a, editor_app.cli as c\n"
            "a.run_gui = lambda d: print(sorted(m for m in sys.modules if m.startswith("
            "('sqlalchemy', 'editor_app.cli.', 'editor_app.store')))) or 0\n"
            "sys.exit(c.main(['--data-dir', sys.argv[1]]))",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "['editor_app.cli.argparse_vi']"  # the parser's own words
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir"])
    assert exit_.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # the full usage, commands listed
    smoked: list[object] = []
    monkeypatch.setattr("editor_app.smoke.run", lambda article, data_dir: _note(smoked, data_dir))
    assert main(["--smoke", "--data-dir", str(tmp_path / "d"), "list"]) == 0
    assert smoked == [tmp_path / "d"] and not (tmp_path / "d").exists()


def test_data_dir_from_environment(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "editor_app", "check", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "EDITOR_APP_DATA_DIR": str(tmp_path / "from-env")},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["data_dir"] == str(tmp_path / "from-env")


def test_second_process_is_refused_cleanly(tmp_path: Path) -> None:
    from editor_app.store.database import Database

    data = tmp_path / "data"
    sections = tmp_path / "sections.txt"
    sections.write_text("Thời sự\n", encoding="utf-8")
    db = Database.open(data)
    try:
        r = run("sections", "import", str(sections), data=data)
        assert r.returncode == 1
        assert "đang được một phiên editor_app khác sử dụng" in r.stderr
        assert run("list", data=data).returncode == 0  # a reader needs no lock
    finally:
        db.close()
