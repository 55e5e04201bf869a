"""The outlet's site as readers and search engines get it, like the story page
(tests/e2e/test_page_audit.py): the home page, a section page and a tag page of a site built by
`editor-app site build` (a real process), and the pager of a listing that has older pages, each
scores at least 95 in Lighthouse accessibility and SEO with no serious or critical axe-core
violation at 1280 and 390 px, in Debian's Chromium, offline, served over HTTP from 127.0.0.1.

Five stories in two sections, two of them tagged, are published through the app's services.
The pager needs more stories than a page holds (20): the same stories are built a second time
with pages of two (`SiteBuilder.per_page`), and its front page and oldest archive page are
audited too. The tools and how they run: tests/helpers/page_audit.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers.page_audit import (
    MIN_SCORE,
    WIDTHS,
    axe,
    blocking_violations,
    failing_audits,
    lighthouse,
    served,
    tools,
)
from helpers.publishing import EDITOR, EDITOR_ENV, approve, ready_story
from helpers.sites import sample_site

from editor_app.services.identity import USER_ENV
from editor_app.services.site_build import bundle_writer, site_builder
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace

pytestmark = pytest.mark.slow

STORIES = [
    ("Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng thi công", "Kinh tế",
     ("cầu Phố Mới",)),
    ("Giá chè búp tươi tăng mạnh, nông dân Bát Xát phấn khởi vào vụ", "Kinh tế", ()),
    ("Hội nghị giao ban công tác giáo dục lý luận chính trị quý I năm 2023",
     "Chính trị/Xây dựng Đảng", ("lý luận chính trị",)),
    ("Lào Cai đẩy mạnh chuyển đổi số trong cải cách hành chính", "Kinh tế", ("cầu Phố Mới",)),
    ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 khóa XVI", "Chính trị/Xây dựng Đảng", ()),
]  # fmt: skip
#: name → (which site, the page's path under it)
PAGES = {
    "home": ("site", ""),
    "section": ("site", "kinh-te/"),
    "subsection": ("site", "chinh-tri/xay-dung-dang/"),
    "tag": ("site", "tag/cau-pho-moi/"),
    "paged-home": ("paged", ""),
    "archive": ("paged", "trang-1/"),
}


@dataclass
class Audited:
    lighthouse: dict[str, dict[str, Any]] = field(default_factory=dict)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[tuple[str, int]] = field(default_factory=list)
    html: dict[str, str] = field(default_factory=dict)


def build_sites(tmp: Path) -> dict[str, Path]:
    """The stories published, the site built by the command line into `site/` and, with pages
    of two stories, by the service into `paged/`."""
    site, paged = tmp / "site", tmp / "paged"
    site.mkdir()
    config = sample_site(tmp / "config")
    with Workspace.open(tmp / "data", site=config) as ws:
        for n, (headline, section, keywords) in enumerate(STORIES):
            colour = (40 + 40 * n, 90, 160 - 20 * n)
            aid = ready_story(ws, headline, tmp / "photos", section=section,
                              keywords=keywords, colour=colour)  # fmt: skip
            approve(ws, aid)
            ws.export.publish(aid, EDITOR, site)
        builder = site_builder(ws)
        builder.per_page = 2
        builder.build(paged, bundles=bundle_writer(ws))
    env = dict(os.environ, **{SITE_CONFIG_ENV: str(config.path), USER_ENV: EDITOR_ENV})
    done = subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(tmp / "data"), "site", "build",
         "--out", str(site)],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {"site": site, "paged": paged}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    node, chromium = tools()
    tmp = tmp_path_factory.mktemp("site-audit")
    folders = build_sites(tmp)
    result = Audited()
    for name, (which, path) in PAGES.items():
        result.html[name] = (folders[which] / path / "index.html").read_text(encoding="utf-8")
    with (
        served(folders["site"], result.requests) as site,
        served(folders["paged"], result.requests) as paged,
    ):
        bases = {"site": site, "paged": paged}
        urls = {name: f"{bases[which]}/{path}" for name, (which, path) in PAGES.items()}
        for name, url in urls.items():
            result.lighthouse[name] = lighthouse(node, chromium, url, tmp / f"lh-{name}.json")
        pages = axe(node, chromium, list(urls.values()))
    for name, url in urls.items():
        result.axe[name] = [p for p in pages if p["url"] == url]
    yield result


def test_the_pages_audited_are_what_they_say(audited: Audited) -> None:
    html = audited.html
    assert "Tin mới nhất" in html["home"] and STORIES[0][0] in html["home"]
    assert "Chuyên mục Kinh tế" in html["section"] and STORIES[3][0] in html["section"]
    assert "Từ khóa: cầu Phố Mới" in html["tag"]
    assert "Tin cũ hơn" in html["paged-home"] and "Tin mới hơn" in html["archive"]
    # The side column: the sections' stories the front page (three of five) does not list.
    assert '<aside class="sidebar" aria-label="Tin theo chuyên mục">' in html["paged-home"]


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("category", ["accessibility", "seo"])
def test_lighthouse_scores_at_least_95(audited: Audited, name: str, category: str) -> None:
    report = audited.lighthouse[name]
    score = report["categories"][category]["score"]
    print(f"{name}: Lighthouse {report['lighthouseVersion']} {category} {round(score * 100)}")
    assert score >= MIN_SCORE, failing_audits(report, category)


@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_finds_nothing_to_fix(audited: Audited, name: str) -> None:
    """Not only ≥ 95: every weighted audit passes (so a new problem is seen at once)."""
    report = audited.lighthouse[name]
    assert failing_audits(report, "accessibility") + failing_audits(report, "seo") == []


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation(audited: Audited, name: str) -> None:
    pages = audited.axe[name]
    assert sorted(p["width"] for p in pages) == sorted(WIDTHS)
    found, blocking = blocking_violations(pages)
    print(f"{name}: axe-core violations: {found or 'none'}")
    assert blocking == []


def test_the_pages_ask_for_nothing_that_is_not_there(audited: Audited) -> None:
    """Every file the browsers asked for is in the site, robots.txt and the icons included."""
    assert sorted({path for path, code in audited.requests if code >= 400}) == []
    assert {code for _, code in audited.requests} <= {200, 304}
