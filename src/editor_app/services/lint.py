"""Checks a story before it goes out (the pre-publication checklist): what must be filled in
(headline, sapo, primary section, byline; each photo's caption, credit and alt text), the outlet
configured, the headline and sapo within the outlet's length limits, no tag written as text and
no link that leads nowhere (`domain/checklist.py`), the officials' titles and names.

Each issue says where it is, in Vietnamese (`where`), and when one click can mend it, the
replacement for its span (`fix`; "" deletes it) and what the fix does (`fix_label`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from editor_app.domain.article import Article
from editor_app.domain.bylines import has_photographer
from editor_app.domain.checklist import Finding, check_article, site_not_configured, where
from editor_app.domain.officials.titles import Problem
from editor_app.domain.siteconfig import SiteConfig
from editor_app.domain.word_findings import word_findings
from editor_app.services.officials import OfficialService
from editor_app.services.word_lists import confused_words
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

__all__ = ["KIND_LABELS", "Issue", "LintService", "kind_label", "missing_fields"]

_PHOTO_FIELDS = {
    "caption": ("missing_caption", "chưa có chú thích"),
    "credit": ("missing_credit", "chưa ghi tác giả (nguồn ảnh)"),
    "alt_text": ("missing_alt_text", "chưa có mô tả thay thế (alt)"),
}

#: Each kind of issue in Vietnamese, for the terminal (`editor-app lint`; the codes stay the
#: machine keys, in --json). The window's checklist names them with its own translated labels.
KIND_LABELS = {
    "site_not_configured": "Chưa cấu hình trang báo",
    "missing_headline": "Thiếu tiêu đề",
    "missing_sapo": "Thiếu sapo",
    "missing_section": "Thiếu chuyên mục chính",
    "missing_caption": "Thiếu chú thích ảnh",
    "missing_credit": "Thiếu nguồn ảnh",
    "missing_alt_text": "Thiếu mô tả thay thế của ảnh",
    "missing_byline": "Thiếu tác giả",
    "headline_too_long": "Tiêu đề quá dài",
    "headline_too_short": "Tiêu đề quá ngắn",
    "sapo_too_long": "Sapo quá dài",
    "sapo_too_short": "Sapo quá ngắn",
    "literal_tag": "Thẻ HTML gõ như chữ",
    "more_literal_tag": "Còn thẻ HTML khác gõ như chữ",
    "bad_link": "Liên kết không dẫn tới đâu",
    "more_bad_link": "Còn liên kết hỏng khác",
    "unknown_title": "Chức danh không đúng",
    "outdated_title": "Chức danh cũ",
    "incomplete_title": "Chức danh viết thiếu",
    "former_title_held": "Vẫn đang giữ chức",
    "misspelled_name": "Tên viết sai",
    "confused_word": "Từ hay viết nhầm",
    "more_confused_word": "Còn từ hay viết nhầm khác",
    "tone_style": "Đặt dấu khác kiểu tòa soạn",
}


def kind_label(kind: str) -> str:
    """The kind of an issue in Vietnamese (the code itself for a kind without a label)."""
    return KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class Issue:
    """One thing to fix: where (a field, and a span of its text), what, and the fix: `fix`
    replaces `written` at start:end ("" deletes it); `fix_label` says what that does (None:
    the fix is the directory's wording, `fix` itself); `where`: the place in Vietnamese;
    `alternatives`: the readings to choose from when more than one fits (`fix` first);
    `warning`: listed and counted, but does not stop publication (confused words, tone
    placement: `domain/word_findings.py`)."""

    field: str
    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    written: str | None = None
    fix: str | None = None
    official_id: uuid.UUID | None = None
    where: str | None = None
    fix_label: str | None = None
    alternatives: tuple[str, ...] = ()
    warning: bool = False

    @property
    def location(self) -> str:
        """`body:123-160`, or just the field."""
        return self.field if self.start is None else f"{self.field}:{self.start}-{self.end}"

    @property
    def fix_text(self) -> str | None:
        """What the one-click fix does, in words (None: there is none)."""
        if self.fix is None:
            return None
        return self.fix_label or self.fix

    def line(self) -> str:
        """One line for a terminal: `body:123-160: outdated_title: … → fix: …`."""
        text = f"{self.location}: {self.kind}: {self.message}"
        return text + (f" → fix: {self.fix_text}" if self.fix_text else "")

    def checklist_line(self) -> str:
        """The issue as the export's checklist lists it: the message, and the fix if any."""
        return self.message + (f" (sửa: {self.fix_text})" if self.fix_text else "")

    @staticmethod
    def of_problem(p: Problem, where: str | None = None) -> Issue:
        return Issue(
            field=p.field,
            kind=p.kind.value,
            message=p.message,
            start=p.start,
            end=p.end,
            written=p.written,
            fix=p.fix,
            official_id=p.official_id,
            where=where,
            alternatives=p.alternatives,
        )

    @staticmethod
    def of_finding(f: Finding) -> Issue:
        return Issue(
            field=f.field,
            kind=f.kind,
            message=f.message,
            start=f.start,
            end=f.end,
            written=f.written,
            fix=f.fix,
            where=f.where or None,
            fix_label=f.fix_label,
            warning=f.warning,
        )


def missing_fields(article: Article) -> list[Issue]:
    """What must be filled in before the story is published (a photo's credit not when the
    byline names a photographer: the page and ninjs credit the photos to them)."""
    issues: list[Issue] = []
    if not article.headline.strip():
        issues.append(Issue("headline", "missing_headline", "Chưa có tiêu đề."))
    if not article.sapo.strip():
        issues.append(Issue("sapo", "missing_sapo", "Chưa có sapo."))
    if not article.section:
        issues.append(Issue("section", "missing_section", "Chưa chọn chuyên mục chính."))
    credited = has_photographer(article.byline)  # "… – Ảnh: Hồng Ninh" credits the photos
    for photo in article.photos:
        for name in photo.missing:
            if name == "credit" and credited:
                continue
            kind, what = _PHOTO_FIELDS[name]
            issues.append(Issue(f"photo:{photo.id}", kind, f"Ảnh “{photo.filename}” {what}."))
    return issues


def _problem_where(article: Article, p: Problem) -> str | None:
    """Where a title problem is, in the checklist's words."""
    if p.field in ("headline", "sapo", "body"):
        return where(p.field, getattr(article, p.field), p.start)
    for photo in article.photos:
        if p.field == f"caption:{photo.id}":
            return where(p.field, photo.caption, p.start, photo.filename)
    return None


class LintService:
    def __init__(
        self, db: Database, officials: OfficialService, site: SiteConfig | None = None
    ) -> None:
        """`site`: the configuration in effect (its outlet and length limits); None: the
        built-in defaults (an outlet not configured)."""
        self._db = db
        self._officials = officials
        self.site = site if site is not None else SiteConfig.defaults()

    def lint(self, article_id: uuid.UUID) -> list[Issue]:
        """See `lint_article`."""
        with self._db.read() as s:
            article = repo.get_article(s, article_id)
        return self.lint_article(article)

    def lint_article(self, article: Article) -> list[Issue]:
        """The outlet not configured and missing fields first; then, field by field, lengths,
        tags written as text and dead links; a missing byline; the title and name problems; then
        the warnings: confused words and the house style's tone placement."""
        title_check = self._officials.check_titles(article)
        issues: list[Issue] = []
        site = site_not_configured(self.site.defaulted_outlet())
        if site is not None:
            issues.append(Issue.of_finding(site))
        issues += missing_fields(article)
        issues += [Issue.of_finding(f) for f in check_article(article, self.site.length_limits)]
        issues += [Issue.of_problem(p, _problem_where(article, p)) for p in title_check.problems]
        style = self.site.tone_marks.value
        issues += [Issue.of_finding(f) for f in word_findings(article, confused_words(), style)]
        return issues
