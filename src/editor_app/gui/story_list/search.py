"""Which stories the list shows: the filters' stories, or a search run off the UI thread.

A search never blocks the window. While it runs the list keeps its last rows; a search asked for
meanwhile waits and runs next (only the newest of those); a result older than what was asked
last (a newer query, or the box cleared) is dropped, so a slow search never replaces a newer
list. Queries are capped and deduplicated by `domain/search_query.py` (docs/search.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor_app.domain.errors import UserError
from editor_app.domain.search_query import (
    MAX_PHRASE_WORDS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    parse_query,
)
from editor_app.gui.worker import Worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from editor_app.domain.listing import ArticleFilter, SearchHit
    from editor_app.gui.story_list.model import StoryListModel
    from editor_app.services.workspace import Workspace

LIMIT = 200  # hits the list shows for a search
SHOWN_QUERY = 60  # characters of the query the caption repeats


class StorySearch(QObject):
    """`refresh(query, filter)` fills the model and the caption; `shown` follows each change
    of the list, `failed` carries a UserError to show."""

    shown = Signal()
    failed = Signal(object)  # UserError

    def __init__(
        self, workspace: Workspace, model: StoryListModel, caption: QLabel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._model = model
        self._caption = caption
        self._worker = Worker(self, name="story-search")
        self._generation = 0
        self._running = False
        self._next: tuple[str, ArticleFilter] | None = None

    def refresh(self, query: str, flt: ArticleFilter) -> None:
        query = query.strip()
        self._generation += 1  # what runs now is stale
        if query and self._running:
            self._next = (query, flt)
        elif query:
            self._run(query, flt)
        else:
            self._next = None
            try:
                ids = self._ws.articles.ids(flt)
            except UserError as e:
                self.failed.emit(e)
                return
            self._model.set_ids(ids)
            self._caption.setText(self.tr("{n} stories").format(n=len(ids)))
            self.shown.emit()

    def close(self) -> None:
        self._generation += 1
        self._next = None
        self._worker.shutdown()

    def _run(self, query: str, flt: ArticleFilter) -> None:
        self._running = True
        generation, ws = self._generation, self._ws

        def job() -> list[SearchHit]:
            hits = ws.search.search(query, limit=LIMIT, as_you_type=True)
            allowed = set(ws.articles.ids(flt))
            return [h for h in hits if h.id in allowed]

        self._worker.submit(
            job,
            lambda hits: self._finished(generation, query, hits, None),
            lambda error: self._finished(generation, query, None, error),
        )

    def _finished(
        self,
        generation: int,
        query: str,
        hits: list[SearchHit] | None,
        error: BaseException | None,
    ) -> None:
        self._running = False
        if self._next is not None:
            waiting, self._next = self._next, None
            self._run(*waiting)
        if generation != self._generation:
            return  # stale: a newer search was asked for, or the list changed meanwhile
        if error is not None:
            if not isinstance(error, UserError):
                raise error  # to the error reporter, as any fault in a slot
            self.failed.emit(error)
        elif hits is not None:
            self._model.set_ids([h.id for h in hits], {h.id: h.snippet for h in hits})
            self._caption.setText(self.caption(query, len(hits)))
            self.shown.emit()

    def caption(self, query: str, n: int) -> str:
        shown = " ".join(query.split())
        if len(shown) > SHOWN_QUERY:
            shown = shown[: SHOWN_QUERY - 1] + "…"
        text = self.tr("{n} results for “{q}”").format(n=n, q=shown)
        parsed = parse_query(query)
        if not parsed.shortened:
            return text
        if parsed.phrase:
            note = self.tr("phrase shortened to its first {words} words")
            return f"{text} ({note.format(words=MAX_PHRASE_WORDS)})"
        note = self.tr("query shortened: at most {words} different words, {chars} characters")
        return f"{text} ({note.format(words=MAX_TERMS, chars=MAX_QUERY_CHARS)})"
