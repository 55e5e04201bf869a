"""The officials directory and the officials of a story: browse, edit, merge, retire, import,
export, tag, detect names in the text and check the titles written with them.

Every action returns a `Changes` record (`officials=True` when the directory changed). The
directory's name index (`OfficialsIndex`) is built once and kept until this service changes the
directory; `check_titles()` only computes, so the GUI may call it off the UI thread.
"""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from editor_app.domain.article import Article
from editor_app.domain.errors import UserError, ValidationError
from editor_app.domain.officials.csv_io import parse_officials_csv, to_csv
from editor_app.domain.officials.detect import OfficialsIndex
from editor_app.domain.officials.people import Official
from editor_app.domain.site_limits import MAX_OFFICIALS_BYTES
from editor_app.domain.text import fold, nfc
from editor_app.services.changes import Changes
from editor_app.services.officials_match import plan_import
from editor_app.services.text_files import read_text_file
from editor_app.services.title_check import (
    Detected,
    ImportReport,
    TaggedOfficial,
    TitleCheck,
    check_titles,
    filter_officials,
    merged_official,
    title_from_cells,
    unique_names,
)
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import officials_bulk
from editor_app.store.repo import photos as photos_repo

__all__ = ["Detected", "ImportReport", "OfficialService", "TaggedOfficial", "TitleCheck"]


# --- the service ---------------------------------------------------------------------------------


class OfficialService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._index: OfficialsIndex | None = None

    # --- reading --------------------------------------------------------------------------------
    def all(self, include_retired: bool = True) -> list[Official]:
        """The directory, by name."""
        with self._db.read() as s:
            return officials_repo.list_officials(s, include_retired)

    def get(self, official_id: uuid.UUID) -> Official:
        with self._db.read() as s:
            return officials_repo.get_official(s, official_id)

    def search(self, query: str, include_retired: bool = True) -> list[Official]:
        """Officials matching a query typed without marks ("duong duc huy"), best first."""
        return filter_officials(self.all(include_retired), query)

    def pickable(self, query: str = "") -> list[Official]:
        """What the tag picker offers: the directory without the retired."""
        return filter_officials(self.all(include_retired=False), query)

    def story_counts(self) -> dict[uuid.UUID, int]:
        """How many stories are tagged with each official (officials with none left out)."""
        with self._db.read() as s:
            return officials_repo.official_tag_counts(s)

    def find_by_name(self, name: str, include_retired: bool = True) -> list[Official]:
        """Officials whose full name or an alias is `name`, folded (or whose id it is)."""
        officials = self.all(include_retired)
        try:
            wanted_id: uuid.UUID | None = uuid.UUID(name.strip())
        except ValueError:
            wanted_id = None
        if wanted_id is not None:
            return [o for o in officials if o.id == wanted_id]
        folded = " ".join(fold(name).split())
        return [o for o in officials if folded in o.folded_names]

    def index(self) -> OfficialsIndex:
        """The directory's names, indexed for detection (built once, thread-safe)."""
        with self._lock:
            if self._index is None:
                self._index = OfficialsIndex(self.all())
            return self._index

    def _changed(self) -> None:
        with self._lock:
            self._index = None

    # --- editing the directory ------------------------------------------------------------------
    def save(self, official: Official) -> Changes:
        """Adds an official or saves an edited one (same id). Raises ValidationError."""
        official = _validated(official)
        with self._db.transaction() as s:
            for other in officials_repo.list_officials(s):
                if other.id != official.id and _same_person(other, official):
                    org = other.organization or "không ghi cơ quan"
                    raise ValidationError(
                        f"Danh bạ đã có “{other.full_name}” ({org}): hãy sửa người đó, "
                        "hoặc ghi cơ quan khác."
                    )
            officials_repo.upsert_official(s, official)
            officials_repo.mark_official_articles_dirty(s, official.id)
        self._changed()
        return Changes(officials=True)

    def retire(self, official_id: uuid.UUID, retired: bool = True) -> Changes:
        """Retired officials leave the pickers; their stories keep the tag."""
        with self._db.transaction() as s:
            officials_repo.set_official_retired(s, official_id, retired)
        self._changed()
        return Changes(officials=True)

    def merge(self, keep_id: uuid.UUID, drop_id: uuid.UUID) -> Changes:
        """Merges a duplicate into `keep_id`: its stories are re-tagged with the kept one, its
        name and aliases become aliases of the kept one, its titles not already there are added
        after the kept one's; then the duplicate is deleted."""
        if keep_id == drop_id:
            raise ValidationError("Hãy chọn hai người khác nhau để gộp.")
        with self._db.transaction() as s:
            keep = officials_repo.get_official(s, keep_id)
            drop = officials_repo.get_official(s, drop_id)
            merged = merged_official(keep, drop)
            affected = officials_repo.merge_officials(s, merged, drop_id)
        self._changed()
        return Changes.of(affected, officials=True)

    def import_csv(self, path: Path) -> tuple[Changes, ImportReport]:
        """Imports a directory CSV (IT's, or one exported here). Bad rows are reported with
        their line numbers; the rest is imported.

        A row updates the official with its id, else the one with its name (or an alias) —
        among namesakes, the one of the same organisation; other rows are added. An import
        replaces the titles, keeps the aliases already known, and never brings a retired
        official back (reinstate in the directory). Matched through an index, written in one
        batch (`officials_match.plan_import`, `store.repo.officials_bulk`): 100,000 rows in
        seconds.
        """
        parsed = parse_officials_csv(read_text_file(path, MAX_OFFICIALS_BYTES))
        with self._db.transaction() as s:
            plan = plan_import(officials_bulk.list_all_officials(s), parsed.officials)
            officials_bulk.save_officials(s, plan.added, list(plan.updated.values()))
            officials_bulk.mark_officials_articles_dirty(s, plan.updated.keys())
        self._changed()
        report = ImportReport(len(plan.added), plan.rows_updating, list(parsed.errors))
        return Changes(officials=True), report

    def export_csv(self, path: Path, include_retired: bool = True, delimiter: str = ",") -> int:
        """Writes the directory as CSV (UTF-8 with BOM, as Excel reads it); returns how many
        officials were written. The file is replaced only once complete."""
        officials = self.all(include_retired)
        data = to_csv(officials, delimiter).encode("utf-8-sig")
        path = Path(path)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".officials-", suffix=".csv", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as e:
            raise UserError(f"Không ghi được tệp {path}: {e.strerror}.") from None
        return len(officials)

    # --- the officials of a story ---------------------------------------------------------------
    def tagged(self, article_id: uuid.UUID) -> list[Official]:
        with self._db.read() as s:
            ids = repo.get_article(s, article_id).official_ids
            by_id = {o.id: o for o in officials_repo.list_officials(s)}
        return [by_id[i] for i in ids if i in by_id]

    def tag(self, article_id: uuid.UUID, official_ids: Iterable[uuid.UUID]) -> Changes:
        """Adds officials to a story's tags (those already tagged are left where they are)."""
        with self._db.transaction() as s:
            current = repo.get_article(s, article_id).official_ids
            for oid in official_ids:
                officials_repo.get_official(s, oid)  # NotFound for an unknown id
            officials_repo.set_article_officials(s, article_id, [*current, *official_ids])
        return Changes.of([article_id])

    def untag(self, article_id: uuid.UUID, official_id: uuid.UUID) -> Changes:
        with self._db.transaction() as s:
            current = repo.get_article(s, article_id).official_ids
            officials_repo.set_article_officials(
                s, article_id, [i for i in current if i != official_id]
            )
        return Changes.of([article_id])

    def fix_caption(
        self,
        photo_id: uuid.UUID,
        start: int,
        end: int,
        written: str,
        replacement: str,
    ) -> Changes:
        """Puts the directory's wording in a caption, where `written` still stands."""
        with self._db.transaction() as s:
            article_id = photos_repo.photo_article_id(s, photo_id)
            caption = next(
                p.caption for p in repo.get_article(s, article_id).photos if p.id == photo_id
            )
            if caption[start:end] != written:
                raise UserError("Chú thích ảnh đã thay đổi: hãy kiểm tra lại.")
            photos_repo.update_photo(
                s, photo_id, {"caption": nfc(caption[:start] + replacement + caption[end:])}
            )
        return Changes.of([article_id], photos=frozenset({photo_id}))

    def check_titles(self, article: Article, texts: Mapping[str, str] | None = None) -> TitleCheck:
        """Tags, names to tag and title problems of a story (`check_titles` on the cached
        index: safe off the UI thread)."""
        return check_titles(article, self.index(), texts)


# --- helpers -------------------------------------------------------------------------------------


def _validated(official: Official) -> Official:
    name = " ".join(nfc(official.full_name).split())
    if not name:
        raise ValidationError("Họ tên không được để trống.")
    aliases = unique_names(official.aliases, exclude=name)
    for alias in aliases:
        if ";" in alias:
            raise ValidationError(f"Tên khác “{alias}” không được có dấu ;.")
    titles = [replace(title_from_cells(t.text), start=t.start, end=t.end) for t in official.titles]
    for t in titles:
        if t.start is not None and t.end is not None and t.start > t.end:
            raise ValidationError(f"Chức danh “{t.text}”: ngày bắt đầu sau ngày kết thúc.")
    result = replace(official, full_name=name, aliases=aliases, titles=titles)
    to_csv([result])  # what the directory holds must export (raises ValidationError)
    return result


def _same_person(a: Official, b: Official) -> bool:
    return fold(a.full_name) == fold(b.full_name) and fold(a.organization) == fold(b.organization)
