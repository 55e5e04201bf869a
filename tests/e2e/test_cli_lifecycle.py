"""A story's whole life through the commands a newsroom runs (issue 13, "Done when"): the sample
article and a self-written one, draft → approved → published, an embargo that holds the sample
back until lifted, a correction with its note, a take-down; each page opened and read. Run as a
real `editor-app` process (a newsroom's scripts call it so)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from helpers.publishing import EDITOR_ENV, approve, ready_story
from helpers.sites import sample_site

from editor_app.domain.workflow import Status
from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
OWN = "Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng thi công"


def _cli(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _ok(env: dict[str, str], data: Path, *args: str) -> str:
    done = _cli(env, data, *args)
    assert done.returncode == 0, f"editor-app {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def _sample(env: dict[str, str], data: Path, site: Path) -> uuid.UUID:
    """The sample article imported with its photos, bylined, its photos credited, approved."""
    text = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
    if not text.is_file():
        pytest.skip(f"sample article not found at {text}")
    args = ["import-text", str(text), "--photos", str(SAMPLES / "photos")]
    aid = uuid.UUID(_ok(env, data, *args, "--section", "Chính trị/Xây dựng Đảng"))
    with Workspace.open(data, site=sample_site(site)) as ws:
        story = ws.articles.get(aid)
        ws.articles.save_fields(aid, {"byline": "Thanh Hà"})
        for p in story.photos:
            ws.photos.update(p.id, credit="Ảnh: Thanh Hà", alt_text=p.caption.rstrip("."))
    for status in ("editing", "approved"):
        _ok(env, data, "status", str(aid), status)
    return aid


def test_two_stories_are_published_held_back_corrected_and_withdrawn(tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(sample_site(site).path), USER_ENV: EDITOR_ENV})
    data, out = tmp_path / "data", tmp_path / "out"
    with Workspace.open(data, site=sample_site(site)) as ws:
        own = ready_story(ws, OWN, tmp_path / "photos")
        approve(ws, own)
    sample = _sample(env, data, site)

    # The self-written story goes out; its address is printed and kept.
    done = _cli(env, data, "publish", str(own), "--out", str(out))
    assert done.returncode == 0, done.stderr
    own_page = Path(done.stdout.strip()) / "index.html"
    assert "https://baolaocai.vn/khanh-thanh-cau-pho-moi" in done.stderr
    assert "Đã xuất bản lúc" in done.stderr

    # An embargo holds the sample back, even forced; lifted, it goes out.
    said = _ok(env, data, "embargo", str(sample), "--until", "8h30 ngày 15/3/2099")
    assert said == "Không đăng trước 15/3/2099 08:30 (giờ Việt Nam)."
    held = _cli(env, data, "publish", str(sample), "--out", str(out))
    assert held.returncode == 1 and "Không đăng trước 15/3/2099 08:30" in held.stderr
    forced = _cli(env, data, "export", str(sample), "--out", str(out), "--force", "--reason", "gấp")
    assert forced.returncode == 1 and "15/3/2099" in forced.stderr
    _ok(env, data, "embargo", str(sample), "--clear")
    published = json.loads(_ok(env, data, "publish", str(sample), "--out", str(out), "--json"))
    page = Path(published["path"]) / "index.html"
    first = published["first_published_at"]
    assert published["url"] == f"https://baolaocai.vn/{published['slug']}/"
    html = page.read_text(encoding="utf-8")
    assert "Đính chính" not in html

    # A correction: reopened, changed, approved again, published with its note.
    _ok(env, data, "status", str(sample), "editing")
    with Workspace.open(data, site=sample_site(site)) as ws:
        body = ws.articles.get(sample).body
        ws.articles.save_fields(sample, {"body": body + "\n\nBài đã được bổ sung."})
    _ok(env, data, "status", str(sample), "approved")
    note = "Bổ sung đoạn cuối"
    corrected = json.loads(
        _ok(env, data, "correct", str(sample), "--note", note, "--out", str(out), "--json")
    )
    assert corrected["first_published_at"] == first and corrected["version"] == 2
    assert [c["note"] for c in corrected["corrections"]] == [note]
    html = page.read_text(encoding="utf-8")
    assert note in html and "Bài đã được bổ sung." in html
    ld = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S)[1])  # type: ignore[index]
    assert ld["correction"][0]["text"] == note
    assert ld["datePublished"] != ld["dateModified"]

    # The own story's page, exported again, lists the sample in its related block...
    address = f"https://baolaocai.vn/{published['slug']}/"
    _ok(env, data, "export", str(own), "--out", str(out))
    assert address in own_page.read_text(encoding="utf-8")

    # ...until the sample is taken down: its address keeps a withdrawn page, noindex.
    _ok(env, data, "withdraw", str(sample), "--reason", "Sai số liệu", "--out", str(out))
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<meta name="robots" content="[^"]*noindex', html)
    assert note not in html and "Bài đã được bổ sung." not in html
    ninjs = json.loads((page.parent / "article.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["pubStatus"] == "canceled"
    _ok(env, data, "export", str(own), "--out", str(out))
    assert address not in own_page.read_text(encoding="utf-8")
    with Workspace.open(data, site=sample_site(site)) as ws:
        assert ws.articles.get(sample).status is Status.WITHDRAWN
        assert "Sai số liệu" in ws.review.history(sample)[0].reason
