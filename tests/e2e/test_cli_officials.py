"""`editor-app tag`, `lint` and the officials commands end to end (real files, real database)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from helpers.sites import sample_site_file

from editor_app.cli import main
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

DIRECTORY = (
    "\ufefffull_name,titles,organization\n"
    'Dương Đức Huy,"Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng Ban Tuyên giáo Tỉnh ủy [từ 1/10/2020]",'
    "Tỉnh ủy Lào Cai\n"
    "Nguyễn Văn Trọng,Giám đốc Sở Nội vụ,UBND tỉnh Lào Cai\n"
    "Nguyễn Văn Trọng,Chủ tịch UBND xã Cốc San,UBND xã Cốc San\n"
)
CLEAN = """Giao ban công tác giáo dục lý luận chính trị quý I

Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận chính trị.

Dự hội nghị có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy.
"""


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setenv(SITE_CONFIG_ENV, str(sample_site_file(tmp_path / "site")))
    data = tmp_path / "data"
    csv = tmp_path / "officials.csv"
    csv.write_text(DIRECTORY, encoding="utf-8")
    assert cli(capsys, data, "officials", "import", str(csv))[0] == 0
    sections = tmp_path / "sections.txt"
    sections.write_text("Chính trị\nChính trị/Xây dựng Đảng\n", encoding="utf-8")
    assert cli(capsys, data, "sections", "import", str(sections))[0] == 0
    return data


def _import(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, text: str) -> str:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = cli(capsys, data, "import-text", str(path))
    assert code == 0, err
    return out.strip()


def test_officials_list_json_has_dated_titles(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, out, _ = cli(capsys, data, "officials", "list", "--json")
    assert code == 0
    huy = next(o for o in json.loads(out) if o["full_name"] == "Dương Đức Huy")
    assert huy["titles"] == [
        {"text": "Ủy viên Ban Thường vụ Tỉnh ủy", "start": None, "end": None},
        {"text": "Trưởng Ban Tuyên giáo Tỉnh ủy", "start": "2020-10-01", "end": None},
    ]


def test_tag_officials_section_and_keywords(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    aid = _import(capsys, data, tmp_path, CLEAN)
    code, out, err = cli(
        capsys,
        data,
        "tag",
        aid,
        "--official",
        "duong duc huy",
        "--section",
        "Chính trị/Xây dựng Đảng",
        "--keyword",
        "Giáo dục lý luận",
        "--keyword",
        "giao duc ly luan",
        "Lào Cai",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert [o["full_name"] for o in result["officials"]] == ["Dương Đức Huy"]
    assert result["section"] == "Chính trị/Xây dựng Đảng"
    assert result["keywords"] == ["Giáo dục lý luận", "Lào Cai"]
    # a second call adds, never duplicates
    code, out, _ = cli(capsys, data, "tag", aid, "--official", "DƯƠNG ĐỨC HUY", "--json")
    assert code == 0 and len(json.loads(out)["officials"]) == 1


def test_tag_refuses_ambiguous_or_unknown_names_and_sections(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    aid = _import(capsys, data, tmp_path, CLEAN)
    code, out, err = cli(capsys, data, "tag", aid, "--official", "nguyen van trong")
    assert code == 1 and out == ""
    assert "khớp 2 người" in err and "UBND xã Cốc San" in err and "Traceback" not in err
    code, _, err = cli(capsys, data, "tag", aid, "--official", "Lò Văn Sáng")
    assert code == 1 and "Không có ai" in err
    code, _, err = cli(capsys, data, "tag", aid, "--section", "Thể thao")
    assert code == 1 and "Thể thao" in err
    # nothing was written by the refused commands
    code, out, _ = cli(capsys, data, "show", aid, "--json")
    assert json.loads(out)["section"] is None
    # an id settles a namesake
    code, out, _ = cli(capsys, data, "officials", "list", "--json")
    trong = next(o for o in json.loads(out) if o["organization"] == "UBND xã Cốc San")
    code, out, err = cli(capsys, data, "tag", aid, "--official", trong["id"])
    assert code == 0, err


def _byline(data: Path, article_id: str) -> None:
    with Workspace.open(data) as ws:
        ws.articles.save_fields(uuid.UUID(article_id), {"byline": "Thu Hà"})


def test_lint_exit_codes(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    clean = _import(capsys, data, tmp_path, CLEAN)
    cli(capsys, data, "tag", clean, "--section", "Chính trị")
    _byline(data, clean)
    code, out, _ = cli(capsys, data, "lint", clean)
    assert code == 0, out
    code, out, _ = cli(capsys, data, "lint", clean, "--json")
    assert code == 0 and json.loads(out)["issues"] == []

    faulty = _import(
        capsys, data, tmp_path, CLEAN.replace("Trưởng Ban Tuyên giáo", "Phó Trưởng Ban Dân vận")
    )
    _byline(data, faulty)
    code, out, _ = cli(capsys, data, "lint", faulty)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("section: Thiếu chuyên mục chính: ")
    (title,) = [line for line in lines if line.startswith("body:")]
    assert " Chức danh không đúng: " in title
    assert title.endswith("→ sửa: Trưởng Ban Tuyên giáo Tỉnh ủy")
    code, out, _ = cli(capsys, data, "lint", faulty, "--json")
    issues = json.loads(out)["issues"]
    assert code == 1
    assert [i["kind"] for i in issues] == ["missing_section", "unknown_title"]
    assert issues[1]["written"] == "Phó Trưởng Ban Dân vận Tỉnh ủy"

    code, _, err = cli(capsys, data, "lint", "not-an-id")
    assert code == 1 and "không hợp lệ" in err


def test_officials_export_round_trip(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    out_csv = tmp_path / "out.csv"
    code, _, err = cli(capsys, data, "officials", "export", str(out_csv))
    assert code == 0, err
    code, out, _ = cli(capsys, tmp_path / "other", "officials", "import", str(out_csv), "--json")
    assert code == 0 and json.loads(out)["added"] == 3
