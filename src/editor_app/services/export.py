"""Preview, export and publication of a story: the page context from the database (its
publication record, related blocks of stories readers may see), the publish checklist, and the
verbs that put a story in front of readers — export (gated by the workflow: approved or
published stories, for a role that may publish; --force recorded with who and why), publish,
correct and withdraw (the record first, then the bundle). Renditions: `export_images.py`.

`SiteSettings` (the outlet's name and public address) is a constructor argument: the default is
the built-in one (`SiteSettings()`: "Báo Lào Cai", the placeholder https://example.invalid),
meant for the sample data and tests; a site configuration passes the real outlet's settings.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.house_style import styled_article
from editor_app.domain.publication import (
    Publication,
    PublicationError,
    check_embargo,
    content_hash,
    embargo_line,
    export_refusals,
    local_text,
)
from editor_app.domain.section import SEPARATOR
from editor_app.domain.workflow import Status, User
from editor_app.media.cache import RenditionCache
from editor_app.publish import export_bundle
from editor_app.publish.bundle import Progress
from editor_app.publish.names import check_owner
from editor_app.render.context import (
    PageContext,
    SiteSettings,
    StaticImageResolver,
    TaggedOfficial,
)
from editor_app.render.page import PageRenderer
from editor_app.services.articles import ArticleService, snapshot
from editor_app.services.changes import Changes
from editor_app.services.export_images import PREVIEW_WIDTHS, ExportImages, creator_of
from editor_app.services.identity import NoIdentity
from editor_app.services.lint import LintService
from editor_app.services.officials import OfficialService
from editor_app.services.publishing import PublishingService
from editor_app.services.related import RELATED_COUNT, RelatedStories, related
from editor_app.store.database import Database

__all__ = [
    "PREVIEW_WIDTHS",
    "RELATED_COUNT",
    "ExportService",
    "Exported",
    "NotAllowed",
    "NotReady",
    "PublishOutcome",
    "creator_of",
]


class NotReady(UserError):
    """The story fails the publish checklist; `failures` lists what to fix."""

    def __init__(self, failures: list[str]) -> None:
        self.failures = list(failures)
        lines = "\n".join(f"- {f}" for f in failures)
        super().__init__(f"Bài chưa sẵn sàng xuất bản:\n{lines}")


class NotAllowed(NotReady):
    """The workflow does not let this user export the story now (without --force): `reasons`
    says why; `failures` lists those and what the checklist finds, all at once."""

    def __init__(self, reasons: list[str], checklist: list[str]) -> None:
        self.reasons = list(reasons)
        super().__init__(self.reasons + list(checklist))


@dataclass(frozen=True)
class PublishOutcome:
    """A publish, a correction or a take-down: the record after it, and the bundle written
    (None when no export folder is known: the record is made, the bundle waits)."""

    publication: Publication
    path: Path | None
    changes: Changes
    first: bool = False
    new_version: bool = False


@dataclass(frozen=True)
class Exported:
    """An export: the bundle written, and the change for the views."""

    path: Path
    changes: Changes


class ExportService(ExportImages):
    """Builds a story's `PageContext` and renders or exports it."""

    def __init__(
        self,
        db: Database,
        articles: ArticleService,
        officials: OfficialService,
        lint: LintService,
        site: SiteSettings | None = None,
        folder: Path | None = None,
        publishing: PublishingService | None = None,
    ) -> None:
        """`site`: the outlet (name, public base URL, menu); None: the sample outlet's
        defaults (`SiteSettings()`), for the sample data and tests. `folder`: where exports go
        unless told otherwise (the site configuration's; None: the user is asked).
        `publishing`: the publication records (and the clock they read)."""
        self._db = db
        self._articles = articles
        self._officials = officials
        self._lint = lint
        self.publishing = publishing if publishing is not None else PublishingService(db)
        self._related = RelatedStories(db)
        self.site = site if site is not None else SiteSettings()
        self.default_folder = folder
        self.cache = RenditionCache(db.media_dir)
        self._renderer = PageRenderer()
        self._render_lock = threading.Lock()  # PageRenderer is not thread-safe

    def context(self, article_id: uuid.UUID, now: datetime | None = None) -> PageContext:
        """Everything the story's page shows (images: none; see preview_html and export): its
        slug, times, corrections and embargo from the publication record; related blocks of
        the stories readers may see at `now` (default: the clock). The text is in the outlet's
        house style of tone placement (`[style] tone_marks`), the stored story unchanged."""
        article = styled_article(self._articles.get(article_id), self._lint.site.tone_marks.value)
        pub = self.publishing.publication(article_id)
        now = now or self.publishing.clock()
        day = article.event_date
        officials = tuple(
            TaggedOfficial.from_official(o, day) for o in self._officials.tagged(article_id)
        )
        same = self._related.same_section(article, now)
        others = self._related.may_interest(article, now, exclude={r.id for r in same})
        section = tuple(article.section.split(SEPARATOR)) if article.section else ()
        return PageContext(
            article=article,
            site=self.site,
            section_path=section,
            officials=officials,
            same_section=related(self.site, same),
            may_interest=related(self.site, others),
            published_at=pub.first_published_at,
            modified_at=pub.version_at,
            slug=pub.slug or None,
            version=max(pub.version, 1),
            corrections=pub.corrections,
            embargo_until=pub.embargo_until,
        )

    # --- checklist -------------------------------------------------------------------------
    def readiness(self, article_id: uuid.UUID) -> list[str]:
        """What stops the story from being published (empty: ready): the lint checklist
        (`services/lint.py`: the outlet configured, missing fields, lengths, tags written as
        text, dead links, byline, officials' titles and names; not its warnings) and a featured
        photo."""
        article = self._articles.get(article_id)
        issues = self._lint.lint_article(article)
        failures = [issue.checklist_line() for issue in issues if not issue.warning]
        if not any(p.featured for p in article.photos):
            failures.append("Chưa chọn ảnh đại diện (ảnh nổi bật).")
        pub = self.publishing.publication(article_id)
        if pub.embargo_until is not None and pub.embargoed(self.publishing.clock()):
            failures.append(embargo_line(pub.embargo_until))
        return failures

    # --- preview and export ----------------------------------------------------------------
    def preview_html(self, article_id: uuid.UUID) -> str:
        """The live preview's page: renditions from the local cache (file:// URLs), made if
        missing. Slow the first time for a photo: call it off the UI thread."""
        ctx = self.context(article_id)
        images = {p.id: self.preview_images(p) for p in ctx.article.photos}
        ctx = dataclasses.replace(ctx, images=StaticImageResolver(images))
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
        *,
        user: User | None = None,
    ) -> Exported:
        """Writes the story's bundle (`out_dir/<slug>/` or `<slug>.zip`; `out_dir` None: the
        default export folder, created if missing); returns its path and what changed.

        Without `force_reason`: only an approved story (which this publishes, as `publish`
        does), a published one (as it was published: the same dates, unless it changed since,
        which `publish` or a correction must put out first) or a withdrawn one (its withdrawn
        page), only for a `user` whose role may publish, and only when the checklist passes
        (`NotAllowed`, `NotReady`). `force_reason` overrides all but the embargo and is
        recorded, with the user's name and role, as an `export` revision. Never before an
        embargo (`Embargoed`).
        """
        if user is None:
            raise NoIdentity()
        now = self.publishing.clock()
        article = self._articles.get(article_id)
        pub = self.publishing.publication(article_id)
        if pub.embargo_until is not None:
            check_embargo(pub, now)
        forced = bool(force_reason and force_reason.strip())
        refusals = export_refusals(article.status, user.role)
        if article.status is Status.PUBLISHED and not pub.published:
            refusals.append(
                "Bài ở trạng thái Đã xuất bản nhưng máy này chưa có bản ghi xuất bản của bài "
                "(bài nhận từ máy khác?): hãy xuất bản bài (editor-app publish)."
            )
        elif article.status is Status.PUBLISHED and not pub.current(
            content_hash(snapshot(article))
        ):
            assert pub.version_at is not None
            refusals.append(
                f"Bài đã được sửa sau lần xuất bản lúc {local_text(pub.version_at)}: hãy xuất "
                "bản phiên bản mới (editor-app publish) hoặc đính chính (editor-app correct)."
            )
        failures = [] if article.status is Status.WITHDRAWN else self.readiness(article_id)
        if not forced:
            if refusals:
                raise NotAllowed(refusals, failures)
            if article.status is Status.APPROVED:  # its export is its publication
                if self._db.read_only:  # the app holds the folder (or it cannot be written)
                    raise self._db.write_refused(
                        "Xuất bài Đã duyệt là xuất bản bài, việc này phải ghi vào dữ liệu."
                    )
                outcome = self.publish(article_id, user, out_dir, zip, "", progress, cancel)
                assert outcome.path is not None
                return Exported(outcome.path, outcome.changes)
            if failures:
                raise NotReady(failures)
        out = Path(out_dir) if out_dir is not None else self._default_out_dir()
        # An export of a published or withdrawn story records nothing for it (the bundle is
        # written as the publication record says): the changes still name the story, so that
        # the window can refresh its row. A forced export records an `export` revision.
        changes = Changes.of([article_id])
        if forced:
            skipped = refusals + failures
            said = f"Xuất bài bỏ qua kiểm tra: {' '.join((force_reason or '').split())}"
            if skipped:
                said += " (bỏ qua: " + "; ".join(s.rstrip(".") for s in skipped) + ")"
            self._articles.save_revision(article_id, user, said, kind="export")
            changes = Changes.of([article_id], revisions=True)
        path = self.write_bundle(article_id, out, zip, progress, cancel, now=now)
        return Exported(path, changes)

    def publish(
        self,
        article_id: uuid.UUID,
        user: User,
        out_dir: Path | None = None,
        zip: bool = False,
        note: str = "",
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        *,
        write: bool = True,
    ) -> PublishOutcome:
        """Publishes the story (see `PublishingService.publish`: an approved story, or a
        published one's new version; `note`: a correction) and writes its bundle into
        `out_dir` (None: the default folder; `write` False, or no folder known: the record
        only). The checklist must pass and the bundle's place must be the story's own: both are
        checked before anything is recorded."""
        failures = self.readiness(article_id)
        if failures:
            raise NotReady(failures)
        if note.strip() and not self.publishing.publication(article_id).published:
            raise PublicationError("Bài chưa xuất bản lần nào nên chưa có gì để đính chính.")
        out = self._out_or_none(out_dir) if write else None
        if out is not None:
            slug = self.publishing.slug(article_id)
            check_owner(out / (f"{slug}.zip" if zip else slug), article_id)
        done = self.publishing.publish(article_id, user, note)
        path = None
        if out is not None:
            path = self._write_after_record(article_id, out, zip, progress, cancel)
        return PublishOutcome(done.after, path, done.changes, done.first, done.new_version)

    def withdraw(
        self,
        article_id: uuid.UUID,
        user: User,
        reason: str,
        out_dir: Path | None = None,
        zip: bool = False,
        *,
        write: bool = True,
    ) -> PublishOutcome:
        """Takes the story down (status Đã gỡ, the reason in its history) and replaces its
        bundle in `out_dir` (None: the default folder, when known) by the withdrawn page."""
        changes = self.publishing.withdraw(article_id, user, reason)  # the status, a revision
        out = self._out_or_none(out_dir) if write else None
        path = None
        if out is not None:
            path = self._write_after_record(article_id, out, zip, None, None)
        return PublishOutcome(self.publishing.publication(article_id), path, changes)

    def _out_or_none(self, out_dir: Path | None) -> Path | None:
        if out_dir is not None:
            return Path(out_dir)
        return self._default_out_dir() if self.default_folder is not None else None

    def _write_after_record(
        self,
        article_id: uuid.UUID,
        out: Path,
        zip: bool,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
    ) -> Path:
        try:
            return self.write_bundle(article_id, out, zip, progress, cancel)
        except UserError as e:
            raise UserError(
                f"Đã ghi nhận việc xuất bản, nhưng chưa ghi được gói của bài: {e} "
                f"Khi sửa xong, chạy lại: editor-app export {article_id}"
            ) from e

    def write_bundle(
        self,
        article_id: uuid.UUID,
        out: Path,
        zip: bool = False,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        *,
        now: datetime | None = None,
    ) -> Path:
        """The bundle as the record says (no checks: `export` and `publish` make them). A story
        never published (a forced export) is dated `now`, at the slug it would get."""
        now = now or self.publishing.clock()
        ctx = self.context(article_id, now)
        pub = self.publishing.publication(article_id)
        if not pub.published:
            slug = self.publishing.slug(article_id)
            ctx = dataclasses.replace(ctx, published_at=now, modified_at=now, slug=slug)
        if pub.withdrawn_at is not None:
            return export_bundle(
                ctx,
                out,
                self.provider,
                progress,
                cancel,
                zip=zip,
                owner=article_id,
                withdrawn_at=pub.withdrawn_at,
            )
        self.prepare_renditions(ctx.article.photos, cancel)
        return export_bundle(ctx, out, self.provider, progress, cancel, zip=zip, owner=article_id)

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
