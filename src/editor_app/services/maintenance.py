"""Backup, integrity and version checks of a data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.listing import ArticleFilter
from editor_app.store import repository as repo
from editor_app.store.database import Database, head_revision


@dataclass(frozen=True)
class CheckReport:
    data_dir: Path
    database: Path
    schema_version: str | None
    app_schema_version: str
    problems: list[str]
    articles: int
    officials: int
    sections: int

    @property
    def ok(self) -> bool:
        return not self.problems and self.schema_version == self.app_schema_version


class MaintenanceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database, taken while the app may be writing."""
        dest = Path(dest)
        if dest.is_dir():
            raise UserError(f"{dest} là một thư mục: hãy cho tên tệp sao lưu, ví dụ {dest}/bak.db")
        try:
            self._db.backup(dest)
        except OSError as e:
            raise UserError(f"Không ghi được bản sao lưu {dest}: {e.strerror}.") from None
        return dest

    def check(self) -> CheckReport:
        problems = self._db.integrity_problems()
        with self._db.read() as s:
            n_articles = len(repo.article_ids(s)) + len(
                repo.article_ids(s, ArticleFilter(trashed=True))
            )
            n_officials = len(repo.list_officials(s))
            n_sections = len(repo.list_sections(s))
        return CheckReport(
            data_dir=self._db.data_dir,
            database=self._db.path,
            schema_version=self._db.current_revision(),
            app_schema_version=head_revision(),
            problems=problems,
            articles=n_articles,
            officials=n_officials,
            sections=n_sections,
        )
