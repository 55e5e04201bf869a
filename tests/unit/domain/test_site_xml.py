"""The site's feeds and sitemaps follow their rules: RSS 2.0 read by a real feed parser, the
sitemap protocol (namespaces, W3C datetimes, escaped URLs, 50,000 URLs a file, an index
above), Google News' 48 hours from the real publication dates."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from helpers.site_checks import check_feed, check_sitemap, news_dates
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.site_feeds import SiteAddress, site_files
from editor_app.domain.site_plan import SiteStory, plan_site
from editor_app.domain.site_xml import MAX_URLS, UrlEntry, clean_url, url_sitemap, w3c_datetime

NOW = datetime(2024, 3, 15, 9, 0, tzinfo=UTC)
SITE = SiteAddress("Báo Lào Cai", "https://baolaocai.vn")
BASE = "https://baolaocai.vn/"


def story(n: int, headline: str = "", hours_ago: float = 0.0) -> SiteStory:
    when = NOW - timedelta(hours=hours_ago, minutes=n)
    return SiteStory(
        uuid.UUID(int=n + 1),
        f"bai-{n}",
        "Kinh tế/Nông nghiệp",
        when,
        when + timedelta(minutes=5),
        headline or f"Bài số {n}",
        "Tóm tắt & “trích dẫn” <b>",
        keywords=("giá lúa",),
    )


def test_every_file_of_a_small_site_follows_its_rules() -> None:
    stories = [story(1, hours_ago=1), story(2, hours_ago=47), story(3, hours_ago=49)]
    files = site_files(plan_site(stories), SITE, NOW)
    assert set(files) == {
        "rss.xml",
        "kinh-te/rss.xml",
        "kinh-te/nong-nghiep/rss.xml",
        "sitemap.xml",
        "sitemap-news.xml",
        "sitemap-stories-1.xml",
        "sitemap-pages.xml",
        "robots.txt",
    }
    feed = check_feed(files["rss.xml"].encode())
    assert [e.title for e in feed.entries] == ["Bài số 1", "Bài số 2", "Bài số 3"]
    assert feed.entries[0].link == "https://baolaocai.vn/bai-1/"
    assert feed.entries[0].summary == "Tóm tắt & “trích dẫn” <b>"
    section = check_feed(files["kinh-te/nong-nghiep/rss.xml"].encode())
    assert section.feed.title == "Chuyên mục Nông nghiệp - Báo Lào Cai"
    index = check_sitemap(files["sitemap.xml"].encode(), BASE)
    assert index == [
        "https://baolaocai.vn/sitemap-news.xml",
        "https://baolaocai.vn/sitemap-stories-1.xml",
        "https://baolaocai.vn/sitemap-pages.xml",
    ]
    news = files["sitemap-news.xml"].encode()
    # Within 48 hours of the first publication only, with its real time.
    assert check_sitemap(news, BASE) == [
        "https://baolaocai.vn/bai-1/",
        "https://baolaocai.vn/bai-2/",
    ]
    assert news_dates(news) == [stories[0].first_published_at, stories[1].first_published_at]
    assert len(check_sitemap(files["sitemap-stories-1.xml"].encode(), BASE)) == 3
    pages = check_sitemap(files["sitemap-pages.xml"].encode(), BASE)
    assert "https://baolaocai.vn/tag/gia-lua/" in pages
    assert files["robots.txt"] == (
        "User-agent: *\nAllow: /\n\nSitemap: https://baolaocai.vn/sitemap.xml\n"
    )


def test_above_50000_story_urls_the_index_names_two_files() -> None:
    stories = [story(n) for n in range(MAX_URLS + 1)]
    files = site_files(plan_site(stories), SITE, NOW)
    first = check_sitemap(files["sitemap-stories-1.xml"].encode(), BASE)
    second = check_sitemap(files["sitemap-stories-2.xml"].encode(), BASE)
    assert len(first) == MAX_URLS and len(second) == 1
    # Counted from the oldest: the newest story is the one in the second file.
    assert second == ["https://baolaocai.vn/bai-0/"]
    assert "https://baolaocai.vn/sitemap-stories-2.xml" in check_sitemap(
        files["sitemap.xml"].encode(), BASE
    )
    with pytest.raises(ValueError):
        url_sitemap([UrlEntry("https://baolaocai.vn/")] * (MAX_URLS + 1))


def test_urls_and_dates_are_written_as_the_protocol_asks() -> None:
    assert (
        clean_url("https://baolaocai.vn/a b/?x=1&y=đ") == "https://baolaocai.vn/a%20b/?x=1&y=%C4%91"
    )
    xml = url_sitemap([UrlEntry("https://baolaocai.vn/?a=1&b=2", NOW)])
    assert "<loc>https://baolaocai.vn/?a=1&amp;b=2</loc>" in xml
    assert w3c_datetime(NOW.astimezone(UTC)) == "2024-03-15T09:00:00+00:00"
    check_sitemap(xml.encode(), BASE)


#: Vietnamese letters with every tone, digits, and what XML and HTML must escape.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
ALPHABET = (
    "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES)
    + "bcdđghklmnpqrstvx"
    + "ĐÂƯ0123456789 &<>\"',.:;!?–“”%#/"
)
TEXT = st.text(st.sampled_from(ALPHABET), min_size=1, max_size=60).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT)
def test_any_headline_and_lead_parse_back_as_written(headline: str, sapo: str) -> None:
    s = story(1)
    s = SiteStory(s.id, s.slug, s.section, s.first_published_at, s.version_at, headline, sapo)
    files = site_files(plan_site([s]), SITE, NOW)
    feed = check_feed(files["rss.xml"].encode())
    assert feed.entries[0].title == headline.strip()
    check_sitemap(files["sitemap-news.xml"].encode(), BASE)
