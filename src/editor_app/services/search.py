"""Full-text search over headline, sapo, body, captions, officials and keywords."""

from __future__ import annotations

import logging

from editor_app.domain.listing import SearchHit
from editor_app.store.database import Database
from editor_app.store.errors import SearchIndexCorrupt
from editor_app.store.repo import search as search_repo

log = logging.getLogger(__name__)


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def catch_up(self) -> int:
        """Indexes what changed since the last search (kept off the typing path)."""
        if self._db.read_only:  # a folder opened to read: `search` reads the changed stories
            return 0
        with self._db.transaction() as s:
            return search_repo.reindex_dirty(s)

    def search(self, query: str, limit: int = 20, *, as_you_type: bool = False) -> list[SearchHit]:
        """Ranked hits with snippets; diacritics, case and đ/d do not matter. Never raises on
        odd input: quotes, operators and punctuation are searched as plain words."""
        try:
            self.catch_up()
            with self._db.read() as s:
                # A reader may not index: the stories changed since are searched as they are now
                unindexed = self._db.read_only
                return search_repo.search(s, query, limit, prefix=as_you_type, unindexed=unindexed)
        except SearchIndexCorrupt:
            if self._db.read_only:  # `editor-app check` rebuilds it (the message says so)
                raise
            log.info("the search index was damaged: rebuilt from the stories")
            self._db.rebuild_search_index()
            with self._db.read() as s:
                return search_repo.search(s, query, limit, prefix=as_you_type)
