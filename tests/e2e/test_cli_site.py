"""`editor-app site build` as a real process: the site around a story published through the
command line, its report in JSON, and a second run that writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.publishing import EDITOR_ENV, approve, ready_story
from helpers.sites import sample_site

from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

HEADLINE = "Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng thi công"


def _cli(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_site_build_from_the_command_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(sample_site(site).path), USER_ENV: EDITOR_ENV})
    data, out = tmp_path / "data", tmp_path / "out"
    with Workspace.open(data, site=sample_site(site)) as ws:
        aid = ready_story(ws, HEADLINE, tmp_path / "photos", section="Kinh tế", keywords=("cầu",))
        approve(ws, aid)
    published = _cli(env, data, "publish", str(aid), "--out", str(out))
    assert published.returncode == 0, published.stderr

    done = _cli(env, data, "site", "build", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["stories"] == 1
    assert {"index.html", "kinh-te/index.html", "tag/cau/index.html", "rss.xml"} <= set(
        report["written"]
    )
    assert "sitemap.xml" in report["listing"] and report["removed"] == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert HEADLINE in home and "<title>Trang chủ - Báo Lào Cai</title>" in home

    again = _cli(env, data, "site", "build", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == str(out)
    assert "1 bài" in again.stderr and "ghi 0 tệp" in again.stderr

    missing = _cli(env, data, "site", "bogus")
    assert missing.returncode == 2
