"""How a reader pages through a listing of the outlet's site: archive pages are stored from the
oldest (`trang-1/` holds the oldest stories, so a page keeps its address), but what a reader
sees never counts that way. From the front page, "Tin cũ hơn" leads to older and older news and
"Tin mới hơn" back; each archive page is titled by the days of its stories, not by a number
that would go down as the news gets older."""

from __future__ import annotations

import posixpath
import uuid
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.site_plan import ListingPage, SiteStory, paginate, plan_site
from editor_app.render.context import SiteSettings
from editor_app.render.site_page import ListingRenderer

SITE = SiteSettings(name="Báo Lào Cai", base_url="https://baolaocai.vn")
# 1:00 UTC is 8:00 in Hà Nội: each story on its own day there.
T0 = datetime(2023, 3, 1, 1, 0, tzinfo=UTC)
RENDERER = ListingRenderer(SITE)


def story(n: int, per_day: int = 1) -> SiteStory:
    when = T0 + timedelta(days=n // per_day, minutes=n % per_day)
    return SiteStory(
        id=uuid.UUID(int=n + 1),
        slug=f"bai-so-{n}",
        section="Kinh tế",
        first_published_at=when,
        version_at=when,
        headline=f"Bài số {n}",
        sapo="Tóm tắt.",
        keywords=(),
    )


class _Page(HTMLParser):
    """The page as a reader meets it: its title, heading, the stories' links in order, and
    the pager's links by their words."""

    def __init__(self) -> None:
        super().__init__()
        self.title = self.heading = ""
        self.stories: list[str] = []
        self.pager: dict[str, str] = {}
        self._in: str | None = None
        self._href = ""
        self._in_pager = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav" and a.get("class") == "pager":
            self._in_pager = True
        if tag in ("title", "h1"):
            self._in = tag
        elif tag == "a":
            self._href = a.get("href") or ""
            if self._in_pager:
                self._in = "pager"
        elif tag == "h2" and "story-title" in (a.get("class") or ""):
            self._in = "h2"

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_pager = False
        if tag in ("title", "h1", "h2") or (tag == "a" and self._in == "pager"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.heading += data
        elif self._in == "pager":
            self.pager[data.strip()] = self._href
        elif self._in == "h2":
            self.stories.append(data.strip())


def rendered(pages: list[ListingPage]) -> dict[str, _Page]:
    """Every page of the listing, rendered and read, by its file's path."""
    out = {}
    for page in pages:
        parsed = _Page()
        parsed.feed(RENDERER.render(page))
        out[page.path] = parsed
    return out


def follow(path: str, link: str) -> str:
    """The site's file a relative link of the page at `path` opens."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), link))


def opens(pages: dict[str, _Page], path: str) -> dict[str, str]:
    """The page's pager: each link's words and the file it opens."""
    return {words: follow(path, link) for words, link in pages[path].pager.items()}


def walk(pages: dict[str, _Page], start: str, words: str) -> list[str]:
    """The files a reader opens from `start`, following the pager's link named `words`."""
    seen = [start]
    while words in pages[seen[-1]].pager:
        seen.append(follow(seen[-1], pages[seen[-1]].pager[words]))
        assert len(seen) <= len(pages), "the pager goes round in a circle"
    return seen


def section_pages(n: int, per_page: int, per_day: int = 1) -> list[ListingPage]:
    plan = plan_site([story(i, per_day) for i in range(n)])
    listing = next(x for x in plan.listings if x.folder == "kinh-te")
    return paginate(listing, per_page)


def test_archive_pages_are_titled_by_their_days_not_by_a_number() -> None:
    pages = rendered(section_pages(7, per_page=2))
    # 7 stories, 2 a page: the front page holds the newest 3, then 2/4 and 2/2 are stored as
    # trang-2 and trang-1.
    front, newer, oldest = (
        pages[p] for p in ("kinh-te/index.html", "kinh-te/trang-2/index.html",
                           "kinh-te/trang-1/index.html")
    )  # fmt: skip
    assert front.heading == "Chuyên mục Kinh tế"
    assert newer.heading == "Chuyên mục Kinh tế – Tin từ 3/3/2023 đến 4/3/2023"
    assert oldest.heading == "Chuyên mục Kinh tế – Tin từ 1/3/2023 đến 2/3/2023"
    assert oldest.title == f"{oldest.heading} - Báo Lào Cai"
    for page in pages.values():
        assert "Trang 1" not in page.title + page.heading
        assert "Trang 2" not in page.title + page.heading
    assert opens(pages, "kinh-te/index.html") == {"Tin cũ hơn →": "kinh-te/trang-2/index.html"}
    assert opens(pages, "kinh-te/trang-2/index.html") == {
        "← Tin mới hơn": "kinh-te/index.html",
        "Tin cũ hơn →": "kinh-te/trang-1/index.html",
    }
    assert opens(pages, "kinh-te/trang-1/index.html") == {
        "← Tin mới hơn": "kinh-te/trang-2/index.html"
    }


def test_a_page_of_one_day_says_that_day() -> None:
    pages = rendered(section_pages(6, per_page=2, per_day=3))
    assert pages["kinh-te/trang-1/index.html"].heading == "Chuyên mục Kinh tế – Tin ngày 1/3/2023"


def test_a_listing_of_one_page_has_no_pager() -> None:
    pages = rendered(section_pages(3, per_page=2))
    assert list(pages) == ["kinh-te/index.html"] and pages["kinh-te/index.html"].pager == {}


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=7))
def test_tin_cu_hon_reads_every_story_newest_first_and_tin_moi_hon_goes_back(
    n: int, per_page: int
) -> None:
    pages = rendered(section_pages(n, per_page))
    front = "kinh-te/index.html"
    older = walk(pages, front, "Tin cũ hơn →")
    assert sorted(older) == sorted(pages)  # every page, each once
    read = [headline for path in older for headline in pages[path].stories]
    assert read == [f"Bài số {i}" for i in reversed(range(n))]
    assert walk(pages, older[-1], "← Tin mới hơn") == older[::-1]
