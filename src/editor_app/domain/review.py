"""Review: comments anchored to a passage, revisions' metadata, conflicts, and the thinning of
autosaves. The word diff lives in `revision_diff` and is re-exported here.

See docs/workflow.md for the anchor algorithm and the thinning rule.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from editor_app.domain.errors import ValidationError
from editor_app.domain.revision_diff import (
    FIELD_LABELS,
    FieldDiff,
    Segment,
    diff_snapshots,
    word_diff,
)
from editor_app.domain.text import nfc
from editor_app.domain.timezone import to_local
from editor_app.domain.workflow import Role

__all__ = [
    "ANCHOR_CONTEXT",
    "ANCHOR_FIELDS",
    "FIELD_LABELS",
    "REVISION_KINDS",
    "Anchor",
    "Comment",
    "Conflict",
    "FieldDiff",
    "RevisionInfo",
    "Segment",
    "anchor_field_ok",
    "diff_snapshots",
    "locate",
    "make_anchor",
    "thin",
    "word_diff",
]

# --- anchors -------------------------------------------------------------------------------------

ANCHOR_CONTEXT = 32
"""How many characters of text before and after the quote an anchor keeps."""

ANCHOR_FIELDS = ("headline", "sapo", "body")
CAPTION_PREFIX = "caption:"


def anchor_field_ok(field: str) -> bool:
    """`headline`, `sapo`, `body` or `caption:<photo uuid>`."""
    if field in ANCHOR_FIELDS:
        return True
    if field.startswith(CAPTION_PREFIX):
        try:
            uuid.UUID(field[len(CAPTION_PREFIX) :])
        except ValueError:
            return False
        return True
    return False


@dataclass(frozen=True)
class Anchor:
    """A passage of one field: the quoted text, some context either side, where it started."""

    field: str
    quote: str
    prefix: str
    suffix: str
    start: int

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Anchor:
        return Anchor(
            field=str(data["field"]),
            quote=str(data["quote"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            start=int(data.get("start", 0)),
        )


def make_anchor(field: str, text: str, start: int, end: int) -> Anchor:
    """The anchor of `text[start:end]` in `field`; refuses an empty or blank selection."""
    if not anchor_field_ok(field):
        raise ValidationError(f"Không góp ý được vào trường {field}.")
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    quote = text[start:end]
    if not quote.strip():
        raise ValidationError("Hãy chọn đoạn văn cần góp ý.")
    return Anchor(
        field=field,
        quote=quote,
        prefix=text[max(0, start - ANCHOR_CONTEXT) : start],
        suffix=text[end : end + ANCHOR_CONTEXT],
        start=start,
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _best(text: str, quote: str, prefix: str, suffix: str, near: int) -> tuple[int, int] | None:
    """The occurrence of `quote` in `text` whose surroundings match `prefix`/`suffix` best;
    among equals, the one nearest `near`."""
    best: tuple[int, int] | None = None
    best_key: tuple[int, int] | None = None
    i = text.find(quote)
    while i != -1:
        j = i + len(quote)
        score = _common_suffix(text[max(0, i - len(prefix)) : i], prefix) + _common_prefix(
            text[j : j + len(suffix)], suffix
        )
        key = (-score, abs(i - near))
        if best_key is None or key < best_key:
            best, best_key = (i, j), key
        i = text.find(quote, i + 1)
    return best


_WS = re.compile(r"\s+")


def _loose(text: str) -> tuple[str, list[int], list[int]]:
    """`text` in NFC with each run of white space made one space, and for every character
    of the result the start and end offsets of what it came from in `text`."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            out.append(" ")
            starts.append(i)
            ends.append(j)
            i = j
            continue
        j = i + 1  # a base character and the combining marks after it
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchored passage is in `text` now, as (start, end); None when it is gone.

    The exact quote is looked for first, preferring the occurrence whose context matches best,
    then the nearest the old start; failing that, the same with white space runs and Unicode
    forms made equal (a re-typed accent, a line broken differently).
    """
    if not anchor.quote:
        return None
    found = _best(text, anchor.quote, anchor.prefix, anchor.suffix, anchor.start)
    if found is not None:
        return found
    loose_text, starts, ends = _loose(text)
    quote = _WS.sub(" ", nfc(anchor.quote))
    if not quote.strip():
        return None
    near = len(_loose(text[: anchor.start])[0]) if anchor.start <= len(text) else len(loose_text)
    hit = _best(
        loose_text,
        quote,
        _WS.sub(" ", nfc(anchor.prefix)),
        _WS.sub(" ", nfc(anchor.suffix)),
        near,
    )
    if hit is None:
        return None
    return starts[hit[0]], ends[hit[1] - 1]


# --- comments, revisions, conflicts --------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    """A review comment on a passage (`anchor`), or a reply to one (`parent_id`, no anchor)."""

    id: uuid.UUID
    article_id: uuid.UUID
    parent_id: uuid.UUID | None
    anchor: Anchor | None
    author: str
    role: Role
    text: str
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str = ""

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


REVISION_KINDS = {
    "save": "Lưu",
    "autosave": "Tự động lưu",
    "status": "Đổi trạng thái",
    "handoff": "Gửi bài",
    "received": "Nhận bài",
    "restore": "Khôi phục",
    "conflict": "Xung đột",
    "checklist": "Xuất bài bỏ qua kiểm tra",
    "export": "Xuất bài bỏ qua kiểm tra",  # what ExportService records for a forced export
    "publish": "Xuất bản",  # a new version of a story already published (no status move)
    "correction": "Đính chính",
    "embargo": "Không đăng trước",
}
"""Kinds of revision, with their Vietnamese names."""


@dataclass(frozen=True)
class RevisionInfo:
    """A revision without its snapshot: who made it, when, of what kind, and why."""

    id: uuid.UUID
    article_id: uuid.UUID
    created_at: datetime
    author: str
    role: str
    kind: str
    reason: str

    @property
    def kind_vi(self) -> str:
        return REVISION_KINDS.get(self.kind, self.kind)

    @property
    def role_vi(self) -> str:
        try:
            return Role(self.role).label_vi
        except ValueError:
            return self.role


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed: both values kept until a user settles it."""

    id: uuid.UUID
    article_id: uuid.UUID
    key: str
    label_vi: str
    ours: str
    theirs: str
    ours_value: Any
    theirs_value: Any
    ours_revision_id: uuid.UUID
    theirs_revision_id: uuid.UUID
    created_at: datetime
    settled_at: datetime | None = None
    settled_by: str = ""

    @property
    def settled(self) -> bool:
        return self.settled_at is not None


# --- thinning ------------------------------------------------------------------------------------

DENSE_FOR = timedelta(hours=1)
HOURLY_FOR = timedelta(days=1)


def thin(revisions: Iterable[RevisionInfo], now: datetime) -> set[uuid.UUID]:
    """The autosave revisions to delete: every autosave of the last hour is kept; older than
    that, the newest of each clock hour for the last day, then the newest of each (Vietnam)
    day. Buckets are fixed in time, so thinning again later deletes nothing more until
    revisions age into a coarser bucket. Other kinds of revision are never deleted."""
    kept: dict[tuple[str, datetime | date], RevisionInfo] = {}
    drop: set[uuid.UUID] = set()
    for r in revisions:
        if r.kind != "autosave":
            continue
        age = now - r.created_at
        if age <= DENSE_FOR:
            continue
        local = to_local(r.created_at)
        bucket: tuple[str, datetime | date] = (
            ("hour", local.replace(minute=0, second=0, microsecond=0))
            if age <= HOURLY_FOR
            else ("day", local.date())
        )
        other = kept.get(bucket)
        if other is None:
            kept[bucket] = r
        elif (r.created_at, str(r.id)) > (other.created_at, str(other.id)):
            drop.add(other.id)
            kept[bucket] = r
        else:
            drop.add(r.id)
    return drop
