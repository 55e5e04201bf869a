"""The outlet's site around its stories, as plain data: which listing pages exist, what each
lists, and how they are paginated. Pure; `services/site_build.py` reads the stories readers
may see now (`SiteStory`) and writes what this plans.

Listings (each a folder with an `index.html`):

- the home page (`index.html`): every story, newest first;
- one per section and subsection (`chinh-tri/xay-dung-dang/`): the stories of the section and
  of its subsections — every section of the outlet has one, empty or not (the menu links them);
- one per keyword and per official tagged (`tag/duong-duc-huy/`): a keyword and an official
  whose slugs are the same share the page (the story page links both there).

**Pagination that keeps its pages**: the front page of a listing holds the newest stories
(between `per_page` and `2 × per_page − 1` of them); the older ones are in pages of exactly
`per_page` stories counted from the oldest (`trang-1/` holds the oldest). A new story changes
the front page only, and once every `per_page` stories a new `trang-N/` is made (and the
newest page before it gets its link): an old page's address keeps its stories, so a publish
rewrites a few pages, not every page of the home listing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from editor_app.domain.collation import sort_key
from editor_app.domain.section import SEPARATOR
from editor_app.domain.text import slugify

__all__ = [
    "PER_PAGE",
    "RESERVED",
    "Listing",
    "ListingPage",
    "SitePlan",
    "SiteStory",
    "highlights",
    "page_number_folder",
    "paginate",
    "plan_site",
    "section_folder",
    "tag_folder",
]

#: Stories on an archive page (the front page holds 20 to 39).
PER_PAGE = 20
#: Stories of each section in the home page's side column.
HIGHLIGHTS = 4
#: Top-level names the site's own files take: a section whose slug is one of them has no page.
RESERVED = frozenset({"assets", "tag"})
ListingKind = Literal["home", "section", "tag"]


@dataclass(frozen=True, slots=True)
class SiteStory:
    """A story readers may see, as the site's listings show it: its published headline, lead
    and thumbnail, at its address for life, with the tags and section it is listed under."""

    id: uuid.UUID
    slug: str
    section: str | None
    first_published_at: datetime
    version_at: datetime
    headline: str
    sapo: str
    thumbnail: str = ""  # relative to the story's bundle
    keywords: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()  # full names

    @property
    def stamp(self) -> tuple[str, ...]:
        """Everything a listing shows of the story: a page whose stories' stamps are the same
        is the same page."""
        return (
            str(self.id),
            self.slug,
            self.section or "",
            self.first_published_at.isoformat(),
            self.version_at.isoformat(),
            self.headline,
            self.sapo,
            self.thumbnail,
        )


def section_folder(path: str) -> str:
    """`Chính trị/Xây dựng Đảng` → `chinh-tri/xay-dung-dang` (as the story page links it)."""
    return "/".join(slugify(p) for p in path.split(SEPARATOR))


def tag_folder(label: str) -> str:
    """`cầu Phố Mới` → `tag/cau-pho-moi` ("" when the label has no letter or digit)."""
    slug = slugify(label)
    return f"tag/{slug}" if slug else ""


def page_number_folder(number: int) -> str:
    """An archive page's folder inside its listing: `trang-3`."""
    return f"trang-{number}"


@dataclass(frozen=True)
class Listing:
    """One listing: its kind, its own name ("Kinh tế", "cầu Phố Mới"; "" for home), the
    page title, its folder ("" for home) and its stories, newest first."""

    kind: ListingKind
    name: str
    title: str
    folder: str
    stories: tuple[SiteStory, ...]
    crumbs: tuple[tuple[str, str], ...] = ()  # a section's path: (name, folder) from the top


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing. `number` 0 is the front page; 1.. the archive pages, counted from
    the oldest. `newer`/`older`: the pages the pager links (None: none)."""

    listing: Listing
    number: int
    stories: tuple[SiteStory, ...]
    newer: int | None = None
    older: int | None = None

    def folder_of(self, number: int) -> str:
        base = self.listing.folder
        if number == 0:
            return base
        return f"{base}/{page_number_folder(number)}" if base else page_number_folder(number)

    @property
    def folder(self) -> str:
        return self.folder_of(self.number)

    @property
    def path(self) -> str:
        """The file, relative to the site's folder: `kinh-te/trang-2/index.html`."""
        return f"{self.folder}/index.html" if self.folder else "index.html"

    @property
    def depth(self) -> int:
        """How many folders deep the page is (its links to the site's root go up as many)."""
        return self.folder.count("/") + 1 if self.folder else 0

    @property
    def title(self) -> str:
        """The page's name in the build's records ("… – Trang 3"); a reader sees the days of
        its stories instead (`render.site_page.ListingRenderer.title`)."""
        return f"{self.listing.title} – Trang {self.number}" if self.number else self.listing.title


def paginate(listing: Listing, per_page: int = PER_PAGE) -> list[ListingPage]:
    """The listing's pages, front page first (see the module's notes)."""
    stories = listing.stories
    n = len(stories)
    archive = max(0, n // per_page - 1)
    front = n - archive * per_page
    pages = [ListingPage(listing, 0, stories[:front], None, archive or None)]
    for c in range(archive, 0, -1):
        # Chunk c (1 = oldest) holds stories counted from the oldest end.
        end = n - (c - 1) * per_page
        chunk = stories[end - per_page : end]
        newer = c + 1 if c < archive else 0
        pages.append(ListingPage(listing, c, chunk, newer, c - 1 or None))
    return pages


@dataclass
class SitePlan:
    """Every listing of the site, and what could not be given a page (with why)."""

    stories: tuple[SiteStory, ...]
    listings: list[Listing] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def pages(self, per_page: int = PER_PAGE) -> list[ListingPage]:
        return [p for listing in self.listings for p in paginate(listing, per_page)]

    @property
    def sections(self) -> list[Listing]:
        return [x for x in self.listings if x.kind == "section"]


def _newest_first(stories: Iterable[SiteStory]) -> tuple[SiteStory, ...]:
    return tuple(sorted(stories, key=lambda s: (s.first_published_at, str(s.id)), reverse=True))


def _section_paths(stories: Sequence[SiteStory], sections: Iterable[str]) -> list[str]:
    paths: set[str] = set()
    for path in [*sections, *(s.section for s in stories if s.section)]:
        parts = [p.strip() for p in path.split(SEPARATOR) if p.strip()]
        for i in range(len(parts)):
            paths.add(SEPARATOR.join(parts[: i + 1]))
    return sorted(paths, key=lambda p: tuple(sort_key(x) for x in p.split(SEPARATOR)))


def _section_listing(path: str, stories: Sequence[SiteStory]) -> Listing:
    parts = path.split(SEPARATOR)
    inside = [
        s for s in stories if s.section and (s.section + SEPARATOR).startswith(path + SEPARATOR)
    ]
    crumbs = tuple(
        (name, section_folder(SEPARATOR.join(parts[: i + 1]))) for i, name in enumerate(parts)
    )
    return Listing(
        "section", parts[-1], f"Chuyên mục {parts[-1]}", section_folder(path), tuple(inside), crumbs
    )


def _tag_listings(stories: Sequence[SiteStory]) -> list[Listing]:
    labels: dict[str, tuple[str, bool]] = {}  # folder → (label, an official's)
    listed: dict[str, list[SiteStory]] = {}
    for story in stories:
        tags = [(o, True) for o in story.officials] + [(k, False) for k in story.keywords]
        seen: set[str] = set()
        for label, official in tags:
            folder = tag_folder(label)
            if not folder or folder in seen:
                continue
            seen.add(folder)
            known = labels.get(folder)
            if known is None or (official and not known[1]):
                labels[folder] = (label, official)
            listed.setdefault(folder, []).append(story)
    out = []
    for folder, (label, official) in labels.items():
        title = f"Nhân vật: {label}" if official else f"Từ khóa: {label}"
        out.append(Listing("tag", label, title, folder, tuple(listed[folder])))
    out.sort(key=lambda x: (sort_key(x.name), x.folder))
    return out


def plan_site(stories: Iterable[SiteStory], sections: Iterable[str] = ()) -> SitePlan:
    """The site's listings: home, every section (of `sections`, the outlet's, and of the
    stories) and every tag. A section whose folder is a story's (a story's address is for
    life), or one of the site's own names, gets no page: `conflicts` says which."""
    ordered = _newest_first(stories)
    plan = SitePlan(ordered)
    plan.listings.append(Listing("home", "", "Trang chủ", "", ordered))
    story_folders = {s.slug for s in ordered}
    for path in _section_paths(ordered, sections):
        listing = _section_listing(path, ordered)
        top = listing.folder.split("/", 1)[0]
        if not top or top in RESERVED or top in story_folders or top.startswith("trang-"):
            plan.conflicts.append(
                f"Chuyên mục “{path}” không có trang: địa chỉ …/{listing.folder}/ "
                "trùng với một bài hoặc tệp của trang."
            )
            continue
        plan.listings.append(listing)
    plan.listings += _tag_listings(ordered)
    return plan


def highlights(
    plan: SitePlan,
    sections: Sequence[str],
    skip: Iterable[uuid.UUID] = (),
    per_section: int = HIGHLIGHTS,
) -> list[tuple[Listing, tuple[SiteStory, ...]]]:
    """The home page's side column: for each of `sections` (the menu's, in its order) that has
    a page, its newest stories but those in `skip` (the front page's own), `per_section` at
    most; a section with none left is left out."""
    left_out = set(skip)
    pages = {SEPARATOR.join(name for name, _ in x.crumbs): x for x in plan.sections}
    out = []
    for path in sections:
        listing = pages.get(path)
        if listing is None:
            continue
        shown = tuple(s for s in listing.stories if s.id not in left_out)[:per_section]
        if shown:
            out.append((listing, shown))
    return out
