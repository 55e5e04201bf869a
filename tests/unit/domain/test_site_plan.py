"""The site's plan: which listing pages exist, what each lists, pagination that keeps its
pages when stories are published."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.site_plan import SiteStory, highlights, paginate, plan_site

T0 = datetime(2024, 3, 15, 1, 0, tzinfo=UTC)


def story(
    n: int, section: str | None = "Kinh tế", keywords: tuple[str, ...] = (), **kw: object
) -> SiteStory:
    when = T0 + timedelta(minutes=n)
    return SiteStory(
        id=uuid.UUID(int=n + 1),
        slug=f"bai-so-{n}",
        section=section,
        first_published_at=when,
        version_at=when,
        headline=f"Bài số {n}",
        sapo="Tóm tắt.",
        keywords=keywords,
        **kw,  # type: ignore[arg-type]
    )


def test_home_sections_subsections_and_tags() -> None:
    plan = plan_site(
        [
            story(1, "Chính trị/Xây dựng Đảng", ("lý luận",), officials=("Dương Đức Huy",)),
            story(2, "Kinh tế", ("Lý luận",)),
            story(3, None, ("dương đức huy",)),
        ],
        sections=["Xã hội", "Chính trị"],
    )
    by_folder = {x.folder: x for x in plan.listings}
    assert [s.slug for s in by_folder[""].stories] == ["bai-so-3", "bai-so-2", "bai-so-1"]
    assert by_folder[""].title == "Trang chủ"
    assert by_folder["chinh-tri"].title == "Chuyên mục Chính trị"
    # A section lists its subsections' stories; an empty section of the outlet has its page.
    assert [s.slug for s in by_folder["chinh-tri"].stories] == ["bai-so-1"]
    assert [s.slug for s in by_folder["chinh-tri/xay-dung-dang"].stories] == ["bai-so-1"]
    assert by_folder["xa-hoi"].stories == ()
    # Keywords that differ only in case share a page; an official and a keyword of the same
    # slug share one, titled by the official.
    assert [s.slug for s in by_folder["tag/ly-luan"].stories] == ["bai-so-2", "bai-so-1"]
    assert by_folder["tag/duong-duc-huy"].title == "Nhân vật: Dương Đức Huy"
    assert len(by_folder["tag/duong-duc-huy"].stories) == 2
    # Sections in Vietnamese order (Chính trị before Kinh tế before Xã hội).
    assert [x.name for x in plan.sections] == ["Chính trị", "Xây dựng Đảng", "Kinh tế", "Xã hội"]


def test_a_section_whose_address_is_a_story_gets_no_page() -> None:
    clash = story(1)
    clash = SiteStory(**{**{f: getattr(clash, f) for f in clash.__slots__}, "slug": "kinh-te"})
    plan = plan_site([clash], sections=["Kinh tế", "Tag"])
    assert "kinh-te" not in {x.folder for x in plan.listings}
    assert "tag" not in {x.folder for x in plan.listings}
    assert len(plan.conflicts) == 2 and "Kinh tế" in plan.conflicts[0]


def test_page_titles_and_paths() -> None:
    plan = plan_site([story(n) for n in range(45)])
    pages = paginate(plan.listings[1], per_page=20)
    assert [p.path for p in pages] == ["kinh-te/index.html", "kinh-te/trang-1/index.html"]
    assert [p.title for p in pages] == ["Chuyên mục Kinh tế", "Chuyên mục Kinh tế – Trang 1"]
    assert len(pages[0].stories) == 25 and len(pages[1].stories) == 20
    assert pages[0].older == 1 and pages[1].newer == 0 and pages[1].older is None
    assert pages[1].depth == 2


@given(st.integers(min_value=0, max_value=130), st.integers(min_value=1, max_value=12))
def test_pages_hold_every_story_once_and_keep_their_stories(n: int, per_page: int) -> None:
    before = paginate(plan_site([story(i) for i in range(n)]).listings[0], per_page)
    listed = [s.id for p in before for s in p.stories]
    assert len(listed) == n == len(set(listed))
    front, archive = before[0], before[1:]
    assert len(front.stories) < 2 * per_page
    assert n < per_page or len(front.stories) >= per_page
    assert all(len(p.stories) == per_page for p in archive)
    # One story published: the front page changes; an archive page keeps its stories (and its
    # links, but for the newest one when a new archive page appears).
    after = paginate(plan_site([story(i) for i in range(n + 1)]).listings[0], per_page)
    old = {p.number: p for p in archive}
    changed = [
        p.number
        for p in after[1:]
        if p.number not in old
        or old[p.number].stories != p.stories
        or (old[p.number].newer, old[p.number].older) != (p.newer, p.older)
    ]
    assert len(changed) <= 2
    # Links between pages go to pages that exist.
    numbers = {p.number for p in after}
    for p in after:
        assert {p.newer, p.older} - {None} <= numbers


def test_the_home_pages_side_column_follows_the_menu_and_skips_the_front() -> None:
    stories = [story(n, "Kinh tế") for n in range(6)]
    stories += [story(10 + n, "Chính trị/Xây dựng Đảng") for n in range(2)]
    stories += [story(20, "Thể thao")]
    plan = plan_site(stories, ["Xã hội"])
    front = [s.id for s in stories if s.section == "Thể thao" or s.headline == "Bài số 5"]
    side = highlights(plan, ["Thể thao", "Chính trị", "Kinh tế", "Xã hội", "Không có"], front)
    assert [(x.name, [s.headline for s in shown]) for x, shown in side] == [
        ("Chính trị", ["Bài số 11", "Bài số 10"]),  # its subsection's stories, newest first
        ("Kinh tế", ["Bài số 4", "Bài số 3", "Bài số 2", "Bài số 1"]),  # four, not the front's
    ]  # Thể thao: on the front page; Xã hội: no story; "Không có": no page
    assert highlights(plan, ["Kinh tế"], per_section=2)[0][1] == (stories[5], stories[4])
