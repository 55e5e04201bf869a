"""`editor-app lint` end to end (issue 13, points 6 and 7), as a real process on a real data
folder: tags typed as text, dead links, the missing byline, lengths from the site file and the
site not configured, each with where it is in Vietnamese and the fix; exit 1 until mended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.sites import SAMPLE_SITE
from PIL import Image

from editor_app.cli import main
from editor_app.services.identity import USER_ENV
from editor_app.services.lint import KIND_LABELS, kind_label
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

STORY = (
    'Tin nóng <script>alert("x")</script> về hội nghị giao ban công tác Đảng\n\n'
    "Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I năm 2023.\n\n"
    "Xem thêm [tại đây](javascript:void(0)) và <img src=x onerror=alert(1)> nữa.\n\n"
    "Đoạn cuối có [liên kết trống]() và [dấu thăng](#).\n"
)


def _codes_in(text: str) -> list[str]:
    """The issue codes (missing_credit, bad_link...) in a text: --json's keys, not words."""
    return [code for code in KIND_LABELS if code in text]


def run(data: Path, *args: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(site) if site else "none"})
    env.setdefault(USER_ENV, "Trần Thu Hà:editor")  # who exports (issue 13, point 2)
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_lint_names_junk_dead_links_byline_and_the_unconfigured_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    story = tmp_path / "bai.txt"
    story.write_text(STORY, encoding="utf-8")
    done = run(data, "import-text", str(story))
    assert done.returncode == 0, done.stderr
    aid = done.stdout.strip()
    assert run(data, "tag", aid, "--section", "Thời sự").returncode == 0

    done = run(data, "lint", aid)
    assert done.returncode == 1 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0].startswith("site: Chưa cấu hình trang báo: Máy này chưa cấu hình trang báo")
    assert "https://example.invalid" in lines[0]
    assert lines[1:] == [
        'headline:9-37: Thẻ HTML gõ như chữ: Đoạn mã “<script>alert("x")</script>” gõ như chữ '
        "(tiêu đề, ký tự 10): người đọc sẽ thấy nguyên văn. → sửa: Xóa cả đoạn mã",
        "body:9-38: Liên kết không dẫn tới đâu: Liên kết “[tại đây](javascript:void(0))” không "
        "dẫn tới đâu (địa chỉ javascript: bị bỏ khi xuất bản; thân bài, đoạn 1 (dòng 1, cột "
        "10)): trên trang chỉ còn chữ trông như liên kết. → sửa: Bỏ liên kết, giữ chữ",
        "body:42-71: Thẻ HTML gõ như chữ: Thẻ HTML “<img src=x onerror=alert(1)>” gõ như chữ "
        "(thân bài, đoạn 1 (dòng 1, cột 43)): người đọc sẽ thấy nguyên văn. → sửa: Xóa thẻ",
        "body:90-108: Liên kết không dẫn tới đâu: Liên kết “[liên kết trống]()” không dẫn tới "
        "đâu (không có địa chỉ; thân bài, đoạn 2 (dòng 3, cột 14)): trên trang chỉ còn chữ "
        "trông như liên kết. → sửa: Bỏ liên kết, giữ chữ",
        "body:112-126: Liên kết không dẫn tới đâu: Liên kết “[dấu thăng](#)” không dẫn tới đâu "
        "(địa chỉ chỉ là dấu #; thân bài, đoạn 2 (dòng 3, cột 36)): trên trang chỉ còn chữ "
        "trông như liên kết. → sửa: Bỏ liên kết, giữ chữ",
        "byline: Thiếu tác giả: Chưa ghi tác giả (dòng tác giả, bút danh hoặc tên nhóm phóng "
        "viên).",
    ]
    assert _codes_in(done.stdout) == [] and "fix" not in done.stdout

    # For a configured outlet with tighter limits: no site item, the headline too long.
    site = tmp_path / "site.toml"
    site.write_text(SAMPLE_SITE + "[checklist]\nheadline_max = 60\n", encoding="utf-8")
    done = run(data, "lint", aid, "--json", site=site)
    assert done.returncode == 1, done.stderr
    issues = json.loads(done.stdout)["issues"]
    assert [i["kind"] for i in issues][:2] == ["headline_too_long", "literal_tag"]
    head = issues[1]
    assert head["where"] == "tiêu đề, ký tự 10"
    assert head["fix"] == "" and head["fix_label"] == "Xóa cả đoạn mã"
    assert head["written"] == '<script>alert("x")</script> '
    assert (head["start"], head["end"]) == (9, 37)
    assert "site_not_configured" not in {i["kind"] for i in issues}

    # The export refuses with the same items, in Vietnamese.
    done = run(data, "export", aid, "--out", str(tmp_path / "out"), site=site)
    assert done.returncode == 1 and done.stdout == ""
    assert "Thẻ HTML “<img src=x onerror=alert(1)>” gõ như chữ" in done.stderr
    assert "(sửa: Bỏ liên kết, giữ chữ)" in done.stderr
    assert "Chưa ghi tác giả" in done.stderr


def test_lint_speaks_vietnamese_and_keeps_the_codes_for_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15, point 6: a photo without caption, credit or alt text, the missing fields:
    each kind named in Vietnamese; the codes stay in --json, the machine's keys."""
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        aid = str(ws.articles.create(headline="Hội nghị giao ban").article.id)
    photo = tmp_path / "hoi-nghi.jpg"
    Image.new("RGB", (40, 30), (200, 0, 0)).save(photo, "JPEG")
    assert main(["--data-dir", str(data), "attach", aid, str(photo)]) == 0
    capsys.readouterr()

    assert main(["--data-dir", str(data), "lint", aid]) == 1
    out = capsys.readouterr().out
    labels = [line.split(": ")[1] for line in out.splitlines()]
    assert labels == [
        "Chưa cấu hình trang báo",
        "Thiếu sapo",
        "Thiếu chuyên mục chính",
        "Thiếu chú thích ảnh",
        "Thiếu nguồn ảnh",
        "Thiếu mô tả thay thế của ảnh",
        "Tiêu đề quá ngắn",
        "Thiếu tác giả",
    ]
    assert _codes_in(out) == [] and "fix" not in out

    assert main(["--data-dir", str(data), "lint", aid, "--json"]) == 1
    issues = json.loads(capsys.readouterr().out)["issues"]
    assert [i["kind"] for i in issues][3:6] == [
        "missing_caption",
        "missing_credit",
        "missing_alt_text",
    ]
    assert all(i["label"] == kind_label(i["kind"]) != i["kind"] for i in issues)
    assert [i["kind"] for i in issues if i["kind"] in out] == []
