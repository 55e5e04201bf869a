"""Seeding a new data folder from the site configuration: the outlet's sections and officials
directory, once per folder (recorded in the folder, so what users delete later stays deleted)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from editor_app.domain.errors import UserError
from editor_app.domain.section import Section
from editor_app.domain.site_limits import MAX_OFFICIALS_BYTES
from editor_app.domain.siteconfig import SiteConfig
from editor_app.services.changes import Changes
from editor_app.services.officials import ImportReport, OfficialService
from editor_app.services.safe_read import check_regular
from editor_app.store.database import Database
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import sections as sections_repo

__all__ = ["SEEDED_MARKER", "SeedReport", "SiteSetupService"]

log = logging.getLogger(__name__)

#: In the data folder: what was seeded from the site file, so it is done once.
SEEDED_MARKER = "site_seeded.json"


@dataclass(frozen=True)
class SeedReport:
    """What a start took from the site file: how many `sections` were added, the officials
    CSV import's report (None: not imported), and what failed (retried at the next start)."""

    sections: int = 0
    officials: ImportReport | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes(sections=self.sections > 0, officials=self.officials is not None)


class SiteSetupService:
    """Seeds an empty data folder with the site's sections and officials, once: what was done
    is recorded in the data folder, so an official deleted later does not come back."""

    def __init__(self, db: Database, officials: OfficialService) -> None:
        self._db = db
        self._officials = officials
        self._marker = db.data_dir / SEEDED_MARKER

    def seeded(self) -> dict[str, Any]:
        """What was recorded: {"sections": {...}, "officials": {...}} (empty: nothing yet)."""
        try:
            data = json.loads(self._marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _record(self, done: dict[str, Any]) -> None:
        tmp = self._marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(done, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self._marker)

    def seed(self, config: SiteConfig) -> SeedReport:
        """At start: the site's sections (when the folder has none) and officials CSV (when the
        directory is empty), each once per data folder. Never raises a `UserError`: failures
        are in the report and retried at the next start."""
        done = self.seeded()
        before = dict(done)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        added_sections = 0
        report: ImportReport | None = None
        problems: list[str] = []
        with self._db.read() as s:
            has_sections = bool(sections_repo.list_sections(s))
            has_officials = bool(officials_repo.list_officials(s))
        if config.sections.value and "sections" not in done:
            source = config.sections.origin.label()
            if has_sections:
                done["sections"] = {"at": now, "source": source, "skipped": "đã có chuyên mục"}
            else:
                with self._db.transaction() as s:
                    sections_repo.replace_sections(s, [Section(p) for p in config.sections.value])
                added_sections = len(config.sections.value)
                done["sections"] = {"at": now, "source": source, "count": added_sections}
                log.info("seeded %d sections from %s", added_sections, source)
        csv = config.officials_csv.value
        if csv is not None and "officials" not in done:
            if has_officials:
                done["officials"] = {
                    "at": now,
                    "source": str(csv),
                    "skipped": "danh bạ đã có người",
                }
            else:
                try:
                    # Still a regular file within the limit (it may have changed since the
                    # start read the site file): a FIFO or /dev/zero must not hang the window.
                    check_regular(csv, MAX_OFFICIALS_BYTES)
                    _changes, report = self._officials.import_csv(csv)
                except UserError as e:
                    problems.append(str(e))
                    log.warning("seeding officials from %s failed: %s", csv, e)
                else:
                    done["officials"] = {"at": now, "source": str(csv), "count": report.added}
                    log.info("seeded %d officials from %s", report.added, csv)
        if done != before:
            try:
                self._record(done)
            except OSError as e:
                problems.append(f"Không ghi được {self._marker}: {e.strerror}.")
        return SeedReport(added_sections, report, problems)
