"""Which changes the review views react to."""

from __future__ import annotations

from editor_app.services.changes import Changes


def is_plain_autosave(changes: Changes) -> bool:
    """An autosave of the text and nothing more: statuses, comments, conflicts and the history
    are untouched (the comment marks follow the text by themselves)."""
    return changes.saved_at is not None and not (
        changes.membership
        or changes.photos
        or changes.revisions
        or changes.comments
        or changes.conflicts
    )
