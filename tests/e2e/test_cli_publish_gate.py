"""Issue 13, points 1-4 end to end: real data folder, real `editor-app` commands, the exported
files opened and read. Each test failed on the code before the publication record existed."""

from __future__ import annotations

import json
import re
import time
import uuid
from pathlib import Path

import pytest
from helpers.publishing import EDITOR, EDITOR_ENV, REPORTER, REPORTER_ENV, approve, ready_story
from helpers.sites import sample_site

from editor_app.domain.workflow import Status
from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I"


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    from editor_app.cli import main

    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = sample_site(tmp_path / "site")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(site.path))
    monkeypatch.setenv(USER_ENV, EDITOR_ENV)
    folder = tmp_path / "data"
    Workspace.open(folder).close()
    return folder


def ws_of(data: Path) -> Workspace:
    return Workspace.open(data, site=sample_site(data.parent / "site"))


def json_ld(html: str) -> dict[str, object]:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert m, "no JSON-LD"
    found: dict[str, object] = json.loads(m.group(1))
    return found


def og(html: str, prop: str) -> str:
    m = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)"', html)
    assert m, prop
    return m.group(1)


def publish_by_status(capsys: pytest.CaptureFixture[str], data: Path, aid: uuid.UUID) -> None:
    code, _, err = cli(capsys, data, "status", str(aid), "published")
    assert code == 0, err


def test_related_blocks_list_only_published_stories_with_their_url_lead_and_thumbnail(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    photos = tmp_path / "photos"
    with ws_of(data) as ws:
        main_id = ready_story(ws, HEADLINE, photos)
        other = ready_story(ws, "Tỉnh ủy Lào Cai tổng kết công tác xây dựng Đảng năm 2022", photos)
        draft = ready_story(ws, "Bản nháp chưa duyệt không được lọt ra trang báo", photos)
        for aid in (main_id, other):
            approve(ws, aid)
    publish_by_status(capsys, data, other)
    publish_by_status(capsys, data, main_id)
    with ws_of(data) as ws:  # the reporter's draft changes its headline after: still a draft
        ws.articles.save_fields(draft, {"headline": "Bản nháp sửa lại, vẫn chưa duyệt"})
    out = tmp_path / "out"
    code, stdout, err = cli(capsys, data, "export", str(main_id), "--out", str(out))
    assert code == 0, err
    html = (Path(stdout.strip()) / "index.html").read_text(encoding="utf-8")
    assert "Bản nháp" not in html
    block = html.split('id="tin-cung-chuyen-muc"', 1)[1]
    assert "Tỉnh ủy Lào Cai tổng kết công tác xây dựng Đảng năm 2022" in block
    assert (
        'href="https://baolaocai.vn/tinh-uy-lao-cai-tong-ket-cong-tac-xay-dung-dang-nam-2022/"'
        in block
    )
    assert "Ngày 12/4, Ban Tuyên giáo" in block  # its lead
    thumb = re.search(r'<img src="([^"]+)"', block)
    assert thumb and thumb.group(1).startswith(
        "https://baolaocai.vn/tinh-uy-lao-cai-tong-ket-cong-tac-xay-dung-dang-nam-2022/images/"
    )


def test_a_reporter_cannot_export_her_submitted_story_without_force(
    capsys: pytest.CaptureFixture[str],
    data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with ws_of(data) as ws:
        aid = ready_story(ws, HEADLINE, tmp_path / "photos")
        ws.review.set_status(aid, Status.SUBMITTED, REPORTER)
    monkeypatch.setenv(USER_ENV, REPORTER_ENV)
    out = tmp_path / "out"
    code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
    assert code == 1 and stdout == ""
    assert "Chờ duyệt" in err
    assert not out.exists() or not any(out.iterdir())

    with ws_of(data) as ws:  # approved: still not for a reporter, whose role may not publish
        ws.review.set_status(aid, Status.EDITING, EDITOR)
        ws.review.set_status(aid, Status.APPROVED, EDITOR)
    code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
    assert code == 1 and stdout == ""
    assert "Phóng viên" in err


def test_force_records_who_forced_it_and_why_in_vietnamese(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    with ws_of(data) as ws:
        aid = ready_story(ws, HEADLINE, tmp_path / "photos")
    out = tmp_path / "out"
    reason = "Đăng gấp theo chỉ đạo của Tổng biên tập"
    code, stdout, err = cli(
        capsys, data, "export", str(aid), "--out", str(out), "--force", "--reason", reason
    )
    assert code == 0, err
    code, stdout, err = cli(capsys, data, "history", str(aid), "--json")
    assert code == 0, err
    forced = [r for r in json.loads(stdout) if r["kind"] == "export"]
    assert len(forced) == 1
    assert forced[0]["author"] == "Trần Thu Hà" and forced[0]["role"] == "editor"
    assert reason in forced[0]["reason"]
    assert "command line" not in forced[0]["reason"]


def test_two_stories_with_one_headline_never_share_a_bundle(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    photos = tmp_path / "photos"
    with ws_of(data) as ws:
        first = ready_story(ws, HEADLINE, photos, body="Bài thứ nhất.")
        second = ready_story(ws, HEADLINE, photos, body="Bài thứ hai.")
        for aid in (first, second):
            approve(ws, aid)
    out = tmp_path / "out"
    bundles = []
    for aid in (first, second):
        publish_by_status(capsys, data, aid)
        code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
        assert code == 0, err
        bundles.append(Path(stdout.strip()))
    assert bundles[0] != bundles[1]
    assert "Bài thứ nhất." in (bundles[0] / "index.html").read_text(encoding="utf-8")
    assert "Bài thứ hai." in (bundles[1] / "index.html").read_text(encoding="utf-8")
    assert bundles[1].name == bundles[0].name + "-2"

    # a later headline edit does not move the URL
    with ws_of(data) as ws:
        ws.review.set_status(first, Status.EDITING, EDITOR)
        ws.articles.save_fields(first, {"headline": HEADLINE + " (đã sửa)"})
        ws.review.set_status(first, Status.APPROVED, EDITOR)
    publish_by_status(capsys, data, first)
    code, stdout, err = cli(capsys, data, "export", str(first), "--out", str(out))
    assert code == 0, err
    assert Path(stdout.strip()) == bundles[0]


def test_publication_dates_do_not_move_with_an_autosave_or_a_later_version(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    with ws_of(data) as ws:
        aid = ready_story(ws, HEADLINE, tmp_path / "photos")
        approve(ws, aid)
    publish_by_status(capsys, data, aid)
    out = tmp_path / "out"
    code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
    assert code == 0, err
    bundle = Path(stdout.strip())
    first = json_ld((bundle / "index.html").read_text(encoding="utf-8"))
    ninjs = json.loads((bundle / "article.ninjs.json").read_text(encoding="utf-8"))
    assert first["datePublished"] == first["dateModified"]

    time.sleep(1.1)  # the page shows times to the second
    with ws_of(data) as ws:  # the story opened: an autosave of the same text
        story = ws.articles.get(aid)
        ws.articles.save_fields(aid, {"headline": story.headline, "sapo": story.sapo})
    code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
    assert code == 0, err
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert json_ld(html)["datePublished"] == first["datePublished"]
    assert json_ld(html)["dateModified"] == first["dateModified"]

    with ws_of(data) as ws:  # a typo fixed and published again: a new version
        ws.review.set_status(aid, Status.EDITING, EDITOR)
        ws.articles.save_fields(aid, {"body": "Đoạn một của bài, đã sửa lỗi.\n\nĐoạn hai."})
        ws.review.set_status(aid, Status.APPROVED, EDITOR)
    publish_by_status(capsys, data, aid)
    code, stdout, err = cli(capsys, data, "export", str(aid), "--out", str(out))
    assert code == 0, err
    html = (bundle / "index.html").read_text(encoding="utf-8")
    ld = json_ld(html)
    assert ld["datePublished"] == first["datePublished"]
    assert str(ld["dateModified"]) > str(first["dateModified"])
    assert og(html, "article:published_time") == first["datePublished"]
    assert og(html, "article:modified_time") == ld["dateModified"]
    again = json.loads((bundle / "article.ninjs.json").read_text(encoding="utf-8"))
    assert again["firstCreated"] == ninjs["firstCreated"]
    assert again["versionCreated"] > ninjs["versionCreated"]
    assert again["version"] == "2"
    # the page's date line is the first publication's, with the update's time after it
    assert re.search(r'<time datetime="' + re.escape(str(first["datePublished"])), html)


def test_status_published_goes_through_the_checklist(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    """`editor-app status ID published` recorded a publication for a story with no sapo and no
    photo; it now refuses as `publish` does, listing every item."""
    with ws_of(data) as ws:
        story = ws.articles.create(headline="Tin ngắn", body="Một dòng.").article.id
        approve(ws, story)
    code, _, err = cli(capsys, data, "status", str(story), "published")
    assert code == 1
    assert "Chưa có sapo" in err and "ảnh đại diện" in err
    with ws_of(data) as ws:
        assert ws.articles.get(story).status is Status.APPROVED
        assert not ws.publishing.publication(story).published
