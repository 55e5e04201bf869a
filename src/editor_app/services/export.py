"""Preview and export of a story: the page context from the database, the renditions from the
media cache, the publish checklist.

`SiteSettings` (the outlet's name and public address) is a constructor argument: the default is
the built-in one (`SiteSettings()`: "Báo Lào Cai", the placeholder https://example.invalid),
meant for the sample data and tests; a site configuration passes the real outlet's settings.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from editor_app.domain.article import Article, Photo
from editor_app.domain.errors import NotFound, UserError
from editor_app.domain.listing import ArticleFilter, ArticleSummary
from editor_app.domain.section import SEPARATOR
from editor_app.media.batch import RenditionJob, make_renditions
from editor_app.media.cache import RenditionCache
from editor_app.media.renditions import Ratio
from editor_app.media.xmp import PhotoMetadata
from editor_app.publish import RenditionRequest, export_bundle
from editor_app.publish.bundle import Progress
from editor_app.publish.renditions import crop_requests, width_requests
from editor_app.render.context import (
    PageContext,
    PhotoImages,
    RelatedStory,
    Rendition,
    SiteSettings,
    StaticImageResolver,
    TaggedOfficial,
)
from editor_app.render.page import PageRenderer
from editor_app.services.articles import ArticleService
from editor_app.services.lint import LintService
from editor_app.services.officials import OfficialService
from editor_app.store.database import Database

__all__ = ["FORCE_FROM_CLI", "ExportService", "NotReady"]

#: How many stories "Tin cùng chuyên mục" and "Có thể bạn quan tâm" list.
RELATED_COUNT = 5
#: Widths of the renditions the preview links to (JPEG only: the preview is local).
PREVIEW_WIDTHS = (480, 800, 1200)
#: The reason recorded when `editor-app export --force` overrides the checklist.
FORCE_FROM_CLI = "--force from the command line"

_RATIOS: dict[str, Ratio] = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
_CREDIT_PREFIXES = ("ảnh:", "ảnh :", "ảnh -", "ảnh")


class NotReady(UserError):
    """The story fails the publish checklist; `failures` lists what to fix."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = list(failures)
        lines = "\n".join(f"- {f}" for f in failures)
        super().__init__(f"Bài chưa sẵn sàng xuất bản:\n{lines}")


def creator_of(credit: str) -> str:
    """The photographer's name in a credit line ("Ảnh: Minh Hà" → "Minh Hà")."""
    text = credit.strip()
    low = text.lower()
    for prefix in _CREDIT_PREFIXES:
        if low.startswith(prefix):
            return text[len(prefix) :].strip(" :-")
    return text


class ExportService:
    """Builds a story's `PageContext` and renders or exports it."""

    def __init__(
        self,
        db: Database,
        articles: ArticleService,
        officials: OfficialService,
        lint: LintService,
        site: SiteSettings | None = None,
        folder: Path | None = None,
    ) -> None:
        """`site`: the outlet (name, public base URL, menu); None: the sample outlet's
        defaults (`SiteSettings()`), for the sample data and tests. `folder`: where exports go
        unless told otherwise (the site configuration's; None: the user is asked)."""
        self._db = db
        self._articles = articles
        self._officials = officials
        self._lint = lint
        self.site = site if site is not None else SiteSettings()
        self.default_folder = folder
        self.cache = RenditionCache(db.media_dir)
        self._renderer = PageRenderer()
        self._render_lock = threading.Lock()  # PageRenderer is not thread-safe

    # --- the page's data -------------------------------------------------------------------
    def metadata(self, photo: Photo) -> PhotoMetadata:
        """What every rendition of the photo carries as XMP."""
        return PhotoMetadata(
            caption=photo.caption,
            creator=creator_of(photo.credit),
            credit=photo.credit,
            copyright=f"© {self.site.name}",
        )

    def provider(self, photo: Photo, request: RenditionRequest) -> Path:
        """The renditions provider of `publish.export_bundle`, over the media cache."""
        crop = _RATIOS[request.crop] if request.crop else None
        size = (photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None
        made = self.cache.file(
            photo.sha256,
            request.width,
            request.format.upper(),
            self.metadata(photo),
            crop=crop,
            size=size,
        )
        return made.path

    def _url(self, headline: str, article_id: uuid.UUID) -> str:
        probe = PageContext(Article(headline=headline, id=article_id), site=self.site)
        return probe.page_url

    def _related(self, rows: list[ArticleSummary]) -> tuple[RelatedStory, ...]:
        return tuple(RelatedStory(r.headline, self._url(r.headline, r.id)) for r in rows)

    def same_section(self, article: Article) -> list[ArticleSummary]:
        """Up to 5 other stories of the same primary section (not trashed), newest first."""
        if not article.section:
            return []
        rows = self._articles.list_stories(ArticleFilter(section=article.section))
        rows = [
            r
            for r in rows
            if r.id != article.id and r.section == article.section and r.headline.strip()
        ]
        rows.sort(key=lambda r: (r.updated_at, str(r.id)), reverse=True)
        return rows[:RELATED_COUNT]

    def may_interest(
        self, article: Article, exclude: set[uuid.UUID] | None = None
    ) -> list[ArticleSummary]:
        """Up to 5 stories sharing officials or keywords: most shared first, then newest."""
        shared: dict[uuid.UUID, int] = {}
        found: dict[uuid.UUID, ArticleSummary] = {}
        filters = [ArticleFilter(official_id=i) for i in article.official_ids]
        filters += [ArticleFilter(keyword=k) for k in article.keywords]
        for flt in filters:
            for row in self._articles.list_stories(flt):
                if row.id == article.id or not row.headline.strip():
                    continue
                if exclude and row.id in exclude:
                    continue
                shared[row.id] = shared.get(row.id, 0) + 1
                found[row.id] = row
        rows = sorted(
            found.values(), key=lambda r: (shared[r.id], r.updated_at, str(r.id)), reverse=True
        )
        return rows[:RELATED_COUNT]

    def context(self, article_id: uuid.UUID) -> PageContext:
        """Everything the story's page shows (images: none; see preview_html and export)."""
        article = self._articles.get(article_id)
        day = article.event_date
        officials = tuple(
            TaggedOfficial.from_official(o, day) for o in self._officials.tagged(article_id)
        )
        same = self.same_section(article)
        others = self.may_interest(article, exclude={r.id for r in same})
        section = tuple(article.section.split(SEPARATOR)) if article.section else ()
        return PageContext(
            article=article,
            site=self.site,
            section_path=section,
            officials=officials,
            same_section=self._related(same),
            may_interest=self._related(others),
        )

    # --- checklist -------------------------------------------------------------------------
    def readiness(self, article_id: uuid.UUID) -> list[str]:
        """What stops the story from being published (empty: ready): the lint checklist
        (`services/lint.py`: the outlet configured, missing fields, lengths, tags written as
        text, dead links, byline, officials' titles and names) and a featured photo."""
        article = self._articles.get(article_id)
        failures = [issue.checklist_line() for issue in self._lint.lint_article(article)]
        if not any(p.featured for p in article.photos):
            failures.append("Chưa chọn ảnh đại diện (ảnh nổi bật).")
        return failures

    # --- preview and export ----------------------------------------------------------------
    def _preview_images(self, photo: Photo) -> PhotoImages:
        size = (photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None
        try:
            made = self.cache.ensure(
                photo.sha256,
                self.metadata(photo),
                size=size,
                formats=("JPEG",),
                widths=PREVIEW_WIDTHS,
                thumbnail=False,
            )
        except (NotFound, OSError, UserError):
            return PhotoImages()  # shows as a placeholder with its caption
        return PhotoImages(
            tuple(Rendition(r.path.as_uri(), r.width, r.height, "jpeg") for r in made)
        )

    def preview_html(self, article_id: uuid.UUID) -> str:
        """The live preview's page: renditions from the local cache (file:// URLs), made if
        missing. Slow the first time for a photo: call it off the UI thread."""
        ctx = self.context(article_id)
        images = {p.id: self._preview_images(p) for p in ctx.article.photos}
        ctx = PageContext(
            article=ctx.article,
            site=ctx.site,
            section_path=ctx.section_path,
            officials=ctx.officials,
            same_section=ctx.same_section,
            may_interest=ctx.may_interest,
            images=StaticImageResolver(images),
        )
        with self._render_lock:
            return self._renderer.render(ctx, mode="preview").html

    def export(
        self,
        article_id: uuid.UUID,
        out_dir: Path | None,
        zip: bool = False,
        force_reason: str | None = None,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Path:
        """Writes the story's bundle (`out_dir/<slug>/` or `<slug>.zip`; `out_dir` None: the
        default export folder, created if missing); returns its path.

        Refuses (`NotReady`, listing the checklist's failures) unless `force_reason` is given;
        an override is recorded as a revision (kind "export") with that reason.
        """
        if out_dir is None:
            out_dir = self._default_out_dir()
        failures = self.readiness(article_id)
        if failures:
            if not (force_reason and force_reason.strip()):
                raise NotReady(failures)
            self._articles.save_revision(article_id, reason=force_reason, kind="export")
        ctx = self.context(article_id)
        self.prepare_renditions(ctx.article.photos, cancel)
        return export_bundle(ctx, Path(out_dir), self.provider, progress, cancel, zip=zip)

    def _default_out_dir(self) -> Path:
        if self.default_folder is None:
            raise UserError("Chưa có thư mục xuất mặc định: hãy chọn thư mục để xuất bài.")
        try:
            self.default_folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(
                f"Không tạo được thư mục xuất {self.default_folder}: {e.strerror}."
            ) from None
        return self.default_folder

    def prepare_renditions(
        self, photos: Sequence[Photo], cancel: Callable[[], bool] | None = None
    ) -> None:
        """Makes the bundle's renditions that are not cached yet, one decode per photo, on
        every core (spawned processes): the bundle then only copies cached files. A photo that
        fails here fails again, with its message, when the bundle asks for it."""
        # The featured photo's crops (share previews) go first, so they are not left to the end
        # on one core; then every photo's widths in both formats.
        featured = next((p for p in photos if p.featured), photos[0] if photos else None)
        jobs: list[RenditionJob] = []
        if featured is not None:
            for r in crop_requests(featured):
                jobs.append(self._job(featured, (r.format.upper(),), (r.width,), r.crop))
        jobs += [self._job(p, ("JPEG", "WEBP"), tuple(width_requests(p))) for p in photos]
        if len(jobs) > 1:
            stop = _CancelFlag(cancel)
            make_renditions(jobs, self.cache, cancel=stop)

    def _job(
        self,
        photo: Photo,
        formats: tuple[str, ...],
        widths: tuple[int, ...],
        crop: str | None = None,
    ) -> RenditionJob:
        return RenditionJob(
            photo.sha256,
            self.metadata(photo),
            size=(photo.width, photo.height) if photo.width > 0 and photo.height > 0 else None,
            formats=formats,
            widths=widths,
            thumbnail=False,
            crop=_RATIOS[crop] if crop else None,
        )


class _CancelFlag:
    """Adapts a `cancel()` callable to the `is_set()` the batch asks for."""

    def __init__(self, cancel: Callable[[], bool] | None) -> None:
        self._cancel = cancel

    def is_set(self) -> bool:
        return bool(self._cancel and self._cancel())
