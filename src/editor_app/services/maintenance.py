"""Backup, restore, integrity and version checks of a data folder (docs/storage.md)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from editor_app.domain.errors import UserError
from editor_app.domain.listing import ArticleFilter
from editor_app.store import backups, sqlite_access
from editor_app.store.database import Database, head_revision
from editor_app.store.errors import StoreError
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import sections as sections_repo

if TYPE_CHECKING:
    from editor_app.media.leftovers import Leftover

log = logging.getLogger(__name__)

#: The full-text index after `check`: sound, damaged and rebuilt, damaged and left (it could
#: not be rebuilt here: the app holds the folder, or it is read-only), or not checked.
IndexState = Literal["ok", "rebuilt", "damaged", "unchecked"]


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
    #: The damage found at open, with the way out (the latest backup, `editor-app restore`).
    damage: str | None = None
    search_index: IndexState = "unchecked"
    #: Why the index was not checked or not rebuilt (empty when it was).
    search_index_note: str = ""
    #: Files left behind by work that did not finish (unfinished backup copies...).
    leftovers: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    #: What stops writing into the data folder ("" when nothing does): read-only, disk full.
    folder_fault: str = ""

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and self.damage is None
            and self.search_index != "damaged"
            and self.schema_version == self.app_schema_version
        )


@dataclass(frozen=True)
class Restored:
    backup: Path
    #: Where the database it replaced was kept (None: there was none).
    aside: Path | None


def restore(data_dir: Path, backup: Path | None = None) -> Restored:
    """Puts a backup in place of the folder's database (`backup` None: the latest good one in
    `backups/`), after checking it; the replaced database is kept aside. Refused while the
    app (or another writer) holds the folder."""
    used, aside = Database.restore(data_dir, backup)
    return Restored(used, aside)


def folder_fault(data_dir: Path) -> str:
    """Why nothing can be written into the data folder, in Vietnamese ("" when it can)."""
    if not sqlite_access.folder_writable(data_dir):
        return "chỉ đọc (chỉ các lệnh đọc dùng được)"
    if sqlite_access.disk_full(data_dir):
        return "ổ đĩa đầy (chỉ các lệnh đọc dùng được)"
    return ""


class MaintenanceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database, taken while the app may be writing. Refused
        for a damaged database."""
        dest = Path(dest)
        if dest.is_dir():
            raise UserError(f"{dest} là một thư mục: hãy cho tên tệp sao lưu, ví dụ {dest}/bak.db")
        try:
            self._db.backup(dest)
        except OSError as e:
            raise UserError(f"Không ghi được bản sao lưu {dest}: {e.strerror}.") from None
        return dest

    def check(self, repair: bool = True) -> CheckReport:
        """Integrity, the search index (rebuilt when damaged and `repair`), leftovers."""
        db = self._db
        damage = str(db.corrupt) if db.corrupt is not None else None
        problems = db.integrity_problems() if damage is None else []
        state, note = self._search_index(repair) if damage is None else ("unchecked", "")
        counts = (0, 0, 0)
        if damage is None:
            with db.read() as s:
                counts = (
                    len(repo.article_ids(s))
                    + len(repo.article_ids(s, ArticleFilter(trashed=True))),
                    len(officials_repo.list_officials(s)),
                    len(sections_repo.list_sections(s)),
                )
        return CheckReport(
            data_dir=db.data_dir,
            database=db.path,
            schema_version=db.current_revision() if damage is None else None,
            app_schema_version=head_revision(),
            problems=problems,
            articles=counts[0],
            officials=counts[1],
            sections=counts[2],
            damage=damage,
            search_index=state,
            search_index_note=note,
            leftovers=backups.leftover_parts(db.data_dir)
            + [found.path for found in self.media_leftovers()],
            backups=backups.backups_of(db.data_dir),
            folder_fault=folder_fault(db.data_dir),
        )

    def media_leftovers(self, deep: bool = True) -> list[Leftover]:
        """Temp files a killed photo copy or rendition left in the media folder
        (media/leftovers.py): the folder's writer takes every `.incoming-*` as left over (no one
        else stores photos), a reader only those idle for `GRACE` (the app may be copying one).
        `deep`: the cache's own folders too, where an older version wrote its temps."""
        from editor_app.media import leftovers  # the standard library only

        incoming = leftovers.GRACE if self._db.read_only else 0.0
        return leftovers.find(self._db.media_dir, incoming_grace=incoming, deep=deep)

    def sweep_media(self) -> None:
        """At a writer's open, removes the media folder's leftovers, the cache's own folders
        too (one listing of each: about 10 ms for 10,000 files). A failure is logged, never
        stops the open."""
        from editor_app.media import leftovers

        try:
            gone = leftovers.remove(self.media_leftovers())
        except OSError:  # housekeeping: an unreadable folder is for check to report
            log.info("sweeping the media folder FAILED", exc_info=True)
            return
        for item in gone:
            log.info("removed %s (%s bytes), left unfinished", item.path, item.size)

    def _search_index(self, repair: bool) -> tuple[IndexState, str]:
        sound = self._db.search_index_sound()
        if sound is None:
            return "unchecked", "thư mục dữ liệu chỉ đọc hoặc ổ đĩa đầy"
        if sound:
            return "ok", ""
        if not repair:
            return "damaged", ""
        try:
            self.rebuild_search_index()
        except StoreError as e:
            return "damaged", f"{e} Đóng ứng dụng rồi chạy lại editor-app check để dựng lại."
        return "rebuilt", ""

    def rebuild_search_index(self) -> int:
        """Builds the search index anew from the stories (as a writer: a folder opened to
        read is opened again, briefly, to write). Returns how many stories were indexed."""
        if not self._db.read_only:
            return self._db.rebuild_search_index()
        writer = Database.open(self._db.data_dir)
        try:
            return writer.rebuild_search_index()
        finally:
            writer.close()
