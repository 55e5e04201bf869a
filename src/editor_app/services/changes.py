"""What a service call changed: views refresh from this; the window's runner adds who asked
(the initiator), so the widget that made the change can skip its echo."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

Progress = Callable[[int, int, str], None]
"""progress(done, total, message) — the GUI shows a bar, the CLI prints a line."""


def no_progress(done: int, total: int, message: str) -> None:
    """A progress callback that shows nothing."""


@dataclass(frozen=True)
class Changes:
    """A small record of what one user action changed."""

    articles: frozenset[uuid.UUID] = frozenset()
    # The set of stories changed (one added, trashed, restored or deleted): the list re-queries.
    membership: bool = False
    photos: frozenset[uuid.UUID] = frozenset()
    officials: bool = False
    sections: bool = False
    # The story's revisions, review comments or hand-off conflicts changed (their panels reload).
    revisions: bool = False
    comments: bool = False
    conflicts: bool = False
    saved_at: datetime | None = None
    # Things the user should be told (e.g. photos a restore could not bring back).
    messages: tuple[str, ...] = ()
    # Set by the window's change bus, never by a service: the object that asked for it.
    initiator: object | None = field(default=None, compare=False)

    @staticmethod
    def of(
        article_ids: Iterable[uuid.UUID] = (), *, membership: bool = False, **kw: object
    ) -> Changes:
        return Changes(articles=frozenset(article_ids), membership=membership, **kw)  # type: ignore[arg-type]
