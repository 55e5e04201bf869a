"""Checks a story before it goes out: officials' titles and names, and what must be filled in
(headline, sapo, primary section; each photo's caption, credit and alt text)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from editor_app.domain.article import Article
from editor_app.domain.officials_titles import Problem
from editor_app.services.officials import OfficialService
from editor_app.store import repository as repo
from editor_app.store.database import Database

__all__ = ["Issue", "LintService", "missing_fields"]

_PHOTO_FIELDS = {
    "caption": ("missing_caption", "chưa có chú thích"),
    "credit": ("missing_credit", "chưa ghi tác giả (nguồn ảnh)"),
    "alt_text": ("missing_alt_text", "chưa có mô tả thay thế (alt)"),
}


@dataclass(frozen=True)
class Issue:
    """One thing to fix: where (a field, and a span for a title problem), what, and the fix."""

    field: str
    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    written: str | None = None
    fix: str | None = None
    official_id: uuid.UUID | None = None

    @property
    def location(self) -> str:
        """`body:123-160`, or just the field."""
        return self.field if self.start is None else f"{self.field}:{self.start}-{self.end}"

    def line(self) -> str:
        """One line for a terminal: `body:123-160: outdated_title: … → fix: …`."""
        text = f"{self.location}: {self.kind}: {self.message}"
        return text + (f" → fix: {self.fix}" if self.fix else "")

    @staticmethod
    def of_problem(p: Problem) -> Issue:
        return Issue(
            field=p.field,
            kind=p.kind.value,
            message=p.message,
            start=p.start,
            end=p.end,
            written=p.written,
            fix=p.fix,
            official_id=p.official_id,
        )


def missing_fields(article: Article) -> list[Issue]:
    """What must be filled in before the story is published."""
    issues: list[Issue] = []
    if not article.headline.strip():
        issues.append(Issue("headline", "missing_headline", "Chưa có tiêu đề."))
    if not article.sapo.strip():
        issues.append(Issue("sapo", "missing_sapo", "Chưa có sapo."))
    if not article.section:
        issues.append(Issue("section", "missing_section", "Chưa chọn chuyên mục chính."))
    for photo in article.photos:
        for name in photo.missing:
            kind, what = _PHOTO_FIELDS[name]
            issues.append(Issue(f"photo:{photo.id}", kind, f"Ảnh “{photo.filename}” {what}."))
    return issues


class LintService:
    def __init__(self, db: Database, officials: OfficialService) -> None:
        self._db = db
        self._officials = officials

    def lint(self, article_id: uuid.UUID) -> list[Issue]:
        """Missing fields first, then title and name problems in field order."""
        with self._db.read() as s:
            article = repo.get_article(s, article_id)
        return self.lint_article(article)

    def lint_article(self, article: Article) -> list[Issue]:
        review = self._officials.review(article)
        return missing_fields(article) + [Issue.of_problem(p) for p in review.problems]
