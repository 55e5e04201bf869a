"""Freeing stored originals that no story uses any more (after a delete or a failed import)."""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.store.database import Database
from editor_app.store.repo import articles as repo


def forget_unused(db: Database, hashes: Iterable[str]) -> list[str]:
    """Removes from the media library each original no photo refers to; returns those hashes."""
    from editor_app.media.library import MediaLibrary  # Pillow: loaded only when needed

    with db.read() as s:
        unused = [h for h in dict.fromkeys(hashes) if not repo.photo_hash_in_use(s, h)]
    library = MediaLibrary(db.media_dir)
    for h in unused:
        library.remove(h)
    return unused
