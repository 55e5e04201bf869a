"""What a package may carry, from what a real story needs (docs/handoff.md lists them): the
container's sizes, how many revisions, comments and conflicts, how long each text field and
list, and how far ahead of this machine's clock a time may be. Beyond any of them a package is
refused, naming what is too big."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

__all__ = [
    "CLOCK_SKEW",
    "DEFAULT_CHARS",
    "DEFAULT_ITEMS",
    "LIMITS",
    "MAX_CHARS",
    "MAX_ITEMS",
    "Limits",
]

_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The container's limits and the lengths of the part lists, checked while reading (a
    list is refused as soon as one item past its limit is met). Tests pass smaller ones."""

    max_entries: int = 1000
    max_photo_bytes: int = 1024 * _MIB  # as media.imaging.MAX_FILE_BYTES
    max_json_bytes: int = 256 * _MIB  # a JSON part is read into memory
    max_manifest_bytes: int = 4 * _MIB
    max_total_bytes: int = 8 * 1024 * _MIB
    max_ratio: int = 100  # inflated / compressed, for entries above ratio_from bytes
    # A JSON part repeats itself: each revision holds the story's whole text (300 revisions of
    # a 20,000-character body compress 122:1). A run of one byte compresses 1,000:1.
    max_json_ratio: int = 400
    ratio_from: int = _MIB
    # A story edited daily for a year keeps a few hundred (autosaves are thinned).
    max_revisions: int = 5000
    max_comments: int = 5000
    max_conflicts: int = 1000
    max_photos: int = 200  # photo entries, as MAX_ITEMS["photos"]: checked before extracting


LIMITS = Limits()
_PHOTOS = LIMITS.max_photos

MAX_CHARS: dict[str, int] = {
    # the story (in article.json and in each revision's snapshot)
    "headline": 1_000,
    "sapo": 5_000,
    "body": 500_000,  # about 100,000 words; a long investigation runs to 20,000
    "byline": 500,
    "location": 500,
    "section": 500,
    "secondary_sections": 500,
    "keywords": 200,
    "status": 20,
    # photos
    "caption": 10_000,
    "credit": 500,
    "alt_text": 5_000,
    "filename": 500,
    "format": 20,
    "camera": 500,
    # officials
    "full_name": 500,
    "organization": 1_000,
    "aliases": 500,
    "text": 20_000,  # a comment's text, an official's title
    # revisions, comments, conflicts
    "author": 300,
    "resolved_by": 300,
    "reason": 2_000,
    "quote": 500_000,  # a passage of the body
    "prefix": 1_000,
    "suffix": 1_000,
    "ours": 500_000,  # a field's value as shown
    "theirs": 500_000,
}
"""Characters a text field may hold, by its key (a list of texts: each item)."""

DEFAULT_CHARS = 1_000

MAX_ITEMS: dict[str, int] = {
    "keywords": 100,
    "secondary_sections": 50,
    "aliases": 50,
    "titles": 50,
    "photos": _PHOTOS,
    "photo_files": _PHOTOS,
    "officials": 200,
}
"""Items a list inside a part may hold, by its key."""

DEFAULT_ITEMS = 1_000

CLOCK_SKEW = timedelta(days=1)
"""How far ahead of this machine's clock a time in a package may be: a sender's clock set to
the wrong zone is hours off; beyond a day the time is refused, or it would win every later
update (a comment's newest `updated_at` is kept)."""
