"""LintService on a real data folder (issue 13, points 6 and 7): the outlet not configured,
junk in the text and captions, dead links, the byline, lengths from the site file; the
export's readiness says the same."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sites import sample_site, sample_site_file
from PIL import Image

from editor_app.services.siteconfig import load_site
from editor_app.services.workspace import Workspace

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    yield workspace
    workspace.close()


def _story(ws: Workspace, **fields: object) -> uuid.UUID:
    values: dict[str, object] = {
        "headline": HEADLINE,
        "sapo": SAPO,
        "body": "Đoạn một.\n\nĐoạn hai.",
        "section": "Chính trị",
        "byline": "Thu Hà",
    }
    values.update(fields)
    return ws.articles.create(**values).article.id


def test_a_clean_story_for_a_configured_outlet_has_nothing(ws: Workspace) -> None:
    assert ws.lint.lint(_story(ws)) == []


def test_without_a_site_file_the_site_is_not_configured(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        issues = ws.lint.lint(_story(ws))
        assert [i.kind for i in issues] == ["site_not_configured"]
        assert "https://example.invalid" in issues[0].message
        assert any("chưa cấu hình trang báo" in f for f in ws.export.readiness(_story(ws)))


def test_junk_dead_links_and_the_byline(ws: Workspace, tmp_path: Path) -> None:
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (320, 240), (10, 20, 30)).save(image, "JPEG")
    aid = _story(
        ws,
        headline=HEADLINE + " <script>alert(1)</script>",
        body="Xem [tại đây](javascript:void(0)).\n\nẢnh <img src=x onerror=alert(1)> đây.",
        byline="",
    )
    (pic,) = ws.photos.attach(aid, [image], caption="Quang cảnh <b>hội nghị</b>").photos
    ws.photos.update(pic.id, credit="Ảnh: Minh", alt_text="Hội trường")
    issues = ws.lint.lint(aid)
    assert [(i.field, i.kind, i.written) for i in issues] == [
        ("headline", "literal_tag", " <script>alert(1)</script>"),
        ("body", "bad_link", "[tại đây](javascript:void(0))"),
        ("body", "literal_tag", "<img src=x onerror=alert(1)> "),
        (f"caption:{pic.id}", "literal_tag", "<b>"),
        (f"caption:{pic.id}", "literal_tag", "</b>"),
        ("byline", "missing_byline", None),
    ]
    tag = issues[0]
    assert tag.where == "tiêu đề, ký tự 84" and tag.fix == "" and tag.fix_label == "Xóa cả đoạn mã"
    assert tag.line().endswith("→ fix: Xóa cả đoạn mã")
    assert tag.checklist_line().endswith("(sửa: Xóa cả đoạn mã)")
    link = issues[1]
    assert link.fix == "tại đây" and link.where == "thân bài, đoạn 1 (dòng 1, cột 5)"
    failures = ws.export.readiness(aid)
    assert any("“<script>alert(1)</script>”" in f for f in failures)
    assert any("javascript:" in f and "(sửa: Bỏ liên kết, giữ chữ)" in f for f in failures)
    assert any("Chưa ghi tác giả" in f for f in failures)


def test_lengths_follow_the_site_file(tmp_path: Path) -> None:
    site = sample_site_file(tmp_path / "site")
    site.write_text(
        site.read_text(encoding="utf-8") + "[checklist]\nheadline_max = 60\nsapo_min = 200\n",
        encoding="utf-8",
    )
    load = load_site(site)
    assert not load.problems
    with Workspace.open(tmp_path / "data", site=load) as ws:
        issues = ws.lint.lint(_story(ws))
        assert [i.kind for i in issues] == ["headline_too_long", "sapo_too_short"]
        assert "quá giới hạn 60" in issues[0].message
        assert "tối thiểu 200" in issues[1].message


def test_title_problems_say_where_they_are(ws: Workspace) -> None:
    from datetime import date

    from editor_app.domain.officials.people import Official, Title

    huy = Official(
        "Dương Đức Huy", titles=[Title("Trưởng Ban Tuyên giáo Tỉnh ủy", date(2020, 10, 1))]
    )
    ws.officials.save(huy)
    aid = _story(
        ws, body="Đoạn một.\n\nĐồng chí Dương Đức Huy, Phó Trưởng Ban Dân vận Tỉnh ủy, phát biểu."
    )
    ws.officials.tag(aid, [huy.id])
    (issue,) = ws.lint.lint(aid)
    assert issue.kind == "unknown_title" and issue.where == "thân bài, đoạn 2 (dòng 3, cột 25)"


def test_a_photographer_in_the_byline_credits_the_photos(ws: Workspace, tmp_path: Path) -> None:
    """The page prints "Bài: Thanh Hà – Ảnh: Hồng Ninh" and ninjs credits the photos to the
    photographer: a photo without a credit of its own is not a missing field then."""
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (320, 240), (10, 20, 30)).save(image, "JPEG")
    aid = _story(ws, byline="Thanh Hà")
    (pic,) = ws.photos.attach(aid, [image], caption="Quang cảnh hội nghị").photos
    ws.photos.update(pic.id, alt_text="Hội trường")
    assert [i.kind for i in ws.lint.lint(aid)] == ["missing_credit"]
    assert any("nguồn ảnh" in f for f in ws.export.readiness(aid))

    ws.articles.save_fields(aid, {"byline": "Bài: Thanh Hà – Ảnh: Hồng Ninh"})
    assert ws.lint.lint(aid) == [] and ws.export.readiness(aid) == []
    ws.articles.save_fields(aid, {"byline": "Bài: Thanh Hà, Hồng Ninh"})  # two writers
    assert [i.kind for i in ws.lint.lint(aid)] == ["missing_credit"]
    ws.photos.update(pic.id, alt_text="")  # the other fields are still asked for
    ws.articles.save_fields(aid, {"byline": "Bài, ảnh: Thanh Hà"})
    assert [i.kind for i in ws.lint.lint(aid)] == ["missing_alt_text"]
