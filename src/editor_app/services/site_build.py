"""`editor-app site build`: the outlet's site around its published stories — the home page, a
page per section, subsection, keyword and official tagged (paginated), RSS feeds, sitemaps and
robots.txt — written into the folder the stories' bundles are published to.

Only the stories readers may see now are listed (`store/repo/site.py`: published, not taken
down, the embargo passed, not in the trash), as they were published. Incremental: the build
manifest (`site_manifest.py`) remembers what each file was made from; a file is rendered again
only when that changed and rewritten only when its bytes did, and a file the site no longer has
is removed. `SiteBuild` says which files were written and removed, and which of the site's files
are listings (pages, feeds, sitemaps), so an upload can send the stories' files before the
pages that link to them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.domain.article import utcnow
from editor_app.domain.section import SEPARATOR
from editor_app.domain.site_feeds import SiteAddress, site_files
from editor_app.domain.site_plan import (
    PER_PAGE,
    Listing,
    ListingPage,
    SitePlan,
    SiteStory,
    highlights,
    plan_site,
)
from editor_app.render.assets import page_assets
from editor_app.render.context import SiteSettings
from editor_app.render.site_page import ListingRenderer, design_fingerprint
from editor_app.services.site_manifest import Entry, Manifest, remove_file, sha256, write_atomic
from editor_app.store.database import Database
from editor_app.store.repo import site as srepo

if TYPE_CHECKING:
    from editor_app.services.workspace import Workspace

__all__ = ["SiteBuild", "SiteBuilder"]

Progress = Callable[[int, int, str], None]
#: Writes a story's missing bundle into the folder (ExportService.write_bundle).
BundleWriter = Callable[[SiteStory, Path], Path]


@dataclass(frozen=True)
class SiteBuild:
    """What a build did. Paths are relative to the site's folder, with `/`.

    `written`: the files written (a story bundle's files first, then the site's own), `removed`:
    the site's files removed, `listing`: every listing file of the site as it now stands
    (pages, feeds, sitemaps, robots.txt): upload these after the stories' files."""

    out: Path
    written: list[str]
    removed: list[str]
    listing: set[str]
    unchanged: int
    stories: int
    pages: int
    conflicts: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Item:
    path: str
    make: Callable[[], bytes]
    inputs: str = ""
    stories: tuple[str, ...] = ()


def _fingerprint(*parts: Iterable[str] | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        for text in [part] if isinstance(part, str) else part:
            h.update(text.encode("utf-8"))
            h.update(b"\x1f")
        h.update(b"\x1e")
    return h.hexdigest()


def _site_key(site: SiteSettings) -> str:
    return repr((site.name, site.base_url, site.locale, site.time_zone, site.nav_sections))


def _nav_key(nav: tuple[str, ...]) -> str:
    return repr(nav)


class SiteBuilder:
    """Builds the site from the database into a folder."""

    def __init__(
        self,
        db: Database,
        site: SiteSettings,
        sections: Callable[[], list[str]] = list,
        clock: Callable[[], datetime] = utcnow,
        per_page: int = PER_PAGE,
    ) -> None:
        """`sections`: the outlet's sections (paths), each of which gets a page even when
        empty (the menu links the top-level ones)."""
        self._db = db
        self.site = site
        self._sections = sections
        self.clock = clock
        self.per_page = per_page

    def stories(self, now: datetime) -> list[SiteStory]:
        with self._db.read() as s:
            return srepo.site_stories(s, now)

    def plan(self, now: datetime | None = None) -> SitePlan:
        now = now or self.clock()
        return plan_site(self.stories(now), self._sections())

    def build(
        self,
        out: Path,
        *,
        full: bool = False,
        bundles: BundleWriter | None = None,
        progress: Progress | None = None,
        check: Callable[[], None] | None = None,
    ) -> SiteBuild:
        """Writes the site into `out` (created if missing). `full`: render every page again
        (the bytes still decide what is written). `bundles`: writes the bundle of a listed
        story whose folder has no page yet (None: stories are left as they are). `check()` is
        called before each story's bundle and each page or file: raise from it to stop (what
        was written stays, and the next build picks up from there)."""
        started = time.perf_counter()
        now = self.clock()
        plan = self.plan(now)
        out.mkdir(parents=True, exist_ok=True)
        written: list[str] = []
        if bundles is not None:
            written += self._missing_bundles(plan, out, bundles, progress, check)
        items = self._items(plan, now)
        manifest = Manifest.read(out)
        design = design_fingerprint()
        reuse = not full and manifest.design == design
        fresh = Manifest(design)
        unchanged = 0
        total = len(items)
        for n, item in enumerate(items, 1):
            if check is not None:
                check()
            if progress is not None and n % 200 == 0:
                progress(n, total, f"Trang của tòa soạn: {item.path}")
            old = manifest.files.get(item.path)
            target = out / item.path
            if reuse and old and item.inputs and old.inputs == item.inputs and target.exists():
                fresh.files[item.path] = old
                unchanged += 1
                continue
            data = item.make()
            digest = sha256(data)
            if old is not None and old.sha256 == digest and target.exists():
                unchanged += 1
            else:
                write_atomic(target, data)
                written.append(item.path)
            fresh.files[item.path] = Entry(digest, item.inputs, item.stories)
        removed = [p for p in sorted(manifest.files) if p not in fresh.files]
        removed = [p for p in removed if remove_file(out, p)]
        fresh.write(out)
        listing = {p for p in fresh.files if not p.startswith("assets/")}
        return SiteBuild(
            out=out,
            written=written,
            removed=removed,
            listing=listing,
            unchanged=unchanged,
            stories=len(plan.stories),
            pages=sum(1 for p in fresh.files if p.endswith(".html")),
            conflicts=list(plan.conflicts),
            seconds=time.perf_counter() - started,
        )

    def _missing_bundles(
        self,
        plan: SitePlan,
        out: Path,
        write: BundleWriter,
        progress: Progress | None,
        check: Callable[[], None] | None,
    ) -> list[str]:
        missing = [s for s in plan.stories if not (out / s.slug / "index.html").is_file()]
        written: list[str] = []
        for n, story in enumerate(missing, 1):
            if check is not None:
                check()
            if progress is not None:
                progress(n, len(missing), f"Gói bài: {story.slug}")
            folder = write(story, out)
            written += sorted(
                p.relative_to(out).as_posix() for p in folder.rglob("*") if p.is_file()
            )
        return written

    def _items(self, plan: SitePlan, now: datetime) -> list[_Item]:
        items = [_Item(href, partial(Path.read_bytes, src)) for src, href in page_assets()]
        nav = tuple(x.name for x in plan.sections if len(x.crumbs) == 1)
        renderer = ListingRenderer(self.site, nav)
        site_key = _site_key(self.site) + _nav_key(renderer.nav)
        children = _subsections(plan)
        for page in plan.pages(self.per_page):
            front = page.number == 0
            subs = children.get(page.listing.folder, ()) if front else ()
            side = (
                highlights(plan, renderer.nav, [s.id for s in page.stories])
                if front and page.listing.kind == "home"
                else []
            )
            items.append(_page_item(renderer, page, subs, side, site_key))
        address = SiteAddress(self.site.name, self.site.base_url, self.site.language)
        for path, text in site_files(plan, address, now).items():
            items.append(_Item(path, partial(str.encode, text, "utf-8")))
        return items


def _subsections(plan: SitePlan) -> dict[str, tuple[str, ...]]:
    """A section's folder → its direct subsections' paths."""
    paths = [x.crumbs for x in plan.sections]
    out: dict[str, list[str]] = {}
    for crumbs in paths:
        if len(crumbs) > 1:
            path = SEPARATOR.join(name for name, _ in crumbs)
            out.setdefault(crumbs[-2][1], []).append(path)
    return {k: tuple(v) for k, v in out.items()}


def _page_item(
    renderer: ListingRenderer,
    page: ListingPage,
    subsections: tuple[str, ...],
    side: list[tuple[Listing, tuple[SiteStory, ...]]],
    site_key: str,
) -> _Item:
    """A listing page; `side`: its side column's sections and stories (the home page's)."""
    beside = [s for _, stories in side for s in stories]
    inputs = _fingerprint(
        site_key,
        page.path,
        page.title,
        str(page.listing.crumbs),
        subsections,
        (str(page.newer), str(page.older)),
        [field for story in page.stories for field in story.stamp],
        [f"{listing.name}\x1e{listing.folder}\x1e{len(stories)}" for listing, stories in side],
        [field for story in beside for field in story.stamp],
    )

    def make() -> bytes:
        return renderer.render(page, subsections, side).encode("utf-8")

    return _Item(page.path, make, inputs, tuple(str(s.id) for s in (*page.stories, *beside)))


def site_builder(ws: Workspace) -> SiteBuilder:
    """The site builder of a workspace: its outlet, its sections (the data folder's and the
    site file's) and its clock."""
    config = ws.site.config

    def sections() -> list[str]:
        return [s.path for s in ws.sections.sections()] + list(config.sections.value)

    return SiteBuilder(ws.db, ws.export.site, sections, clock=ws.publishing.clock)


def bundle_writer(ws: Workspace) -> BundleWriter:
    """Writes a listed story's bundle as its publication record says (`write_bundle`)."""

    def write(story: SiteStory, out: Path) -> Path:
        return ws.export.write_bundle(story.id, out)

    return write
