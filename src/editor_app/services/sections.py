"""The outlet's sections (the officials directory is services/officials.py)."""

from __future__ import annotations

from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.section import Section, parse_sections
from editor_app.domain.site_limits import MAX_SECTIONS_BYTES
from editor_app.services.changes import Changes
from editor_app.services.text_files import read_text_file
from editor_app.store.database import Database
from editor_app.store.repo import sections as sections_repo


class SectionService:
    """The outlet's sections: imported from a text file (one a line, `/` for a subsection)
    and listed."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def import_sections(self, path: Path) -> tuple[Changes, list[Section]]:
        sections = parse_sections(read_text_file(path, MAX_SECTIONS_BYTES))
        if not sections:
            raise UserError(f"Tệp {path} không có chuyên mục nào.")
        with self._db.transaction() as s:
            sections_repo.replace_sections(s, sections)
        return Changes(sections=True), sections

    def sections(self) -> list[Section]:
        with self._db.read() as s:
            return sections_repo.list_sections(s)
