"""The outlet's sections and the officials directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.officials_csv import RowError, parse_officials_csv
from editor_app.domain.people import Official
from editor_app.domain.section import Section, parse_sections
from editor_app.domain.text import fold
from editor_app.services.changes import Changes
from editor_app.store import repository as repo
from editor_app.store.database import Database


@dataclass(frozen=True)
class OfficialsReport:
    added: int
    updated: int
    errors: list[RowError]


def read_text_file(path: Path) -> str:
    """A text file as IT or Excel writes it: UTF-8 with or without BOM; clear errors."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp {path}.") from None
    except OSError as e:
        raise UserError(f"Không đọc được tệp {path}: {e.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            f"Tệp {path} không phải văn bản UTF-8. Hãy lưu lại dưới dạng “CSV UTF-8”."
        ) from None


class DirectoryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # sections
    def import_sections(self, path: Path) -> tuple[Changes, list[Section]]:
        sections = parse_sections(read_text_file(path))
        if not sections:
            raise UserError(f"Tệp {path} không có chuyên mục nào.")
        with self._db.transaction() as s:
            repo.replace_sections(s, sections)
        return Changes(sections=True), sections

    def sections(self) -> list[Section]:
        with self._db.read() as s:
            return repo.list_sections(s)

    # officials
    def officials(self, include_retired: bool = True) -> list[Official]:
        with self._db.read() as s:
            return repo.list_officials(s, include_retired)

    def save_official(self, official: Official) -> Changes:
        with self._db.transaction() as s:
            repo.upsert_official(s, official)
        return Changes(officials=True)

    def import_officials_csv(self, path: Path) -> OfficialsReport:
        """Imports the directory from CSV; bad rows are reported with their line number and
        the rest is imported. An official with the same name is updated, not duplicated."""
        parsed = parse_officials_csv(read_text_file(path))
        added, updated = self.replace_officials_by_name(parsed.officials)
        return OfficialsReport(added, updated, list(parsed.errors))

    def replace_officials_by_name(self, officials: list[Official]) -> tuple[int, int]:
        """Adds new officials and updates those with the same name; returns (added, updated)."""
        added = updated = 0
        with self._db.transaction() as s:
            existing = {fold(o.full_name): o for o in repo.list_officials(s)}
            for o in officials:
                old = existing.get(fold(o.full_name))
                if old is not None:
                    o.id = old.id
                    updated += 1
                else:
                    added += 1
                repo.upsert_official(s, o)
        return added, updated
