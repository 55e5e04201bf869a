"""A story's life in front of readers: its address, its publication times, corrections, the
take-down and the embargo. Pure rules; the store keeps one `Publication` per story.

- The **slug** is given once, at the first publication, and kept for life: a later headline
  edit does not move the story's URL. A slug another story already has gets a suffix (`-2`,
  `-3`, …).
- **Times**: the first publication's time, then the time of each later published version (a
  version is a publication whose content differs from the one before, or a correction, or a
  return after a take-down). An autosave, or publishing again what is already out, moves
  neither. The page's date line, JSON-LD, Open Graph and ninjs read these, never the last change.
- A **correction** ("Đính chính") is a later version with a short note and its time.
- A **take-down** ("Gỡ bài") records when, by whom and why; the story leaves related blocks.
- An **embargo** ("Không đăng trước") is a time before which the story may not be published
  or exported.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from editor_app.domain.errors import UserError, ValidationError
from editor_app.domain.text import format_datetime, nfc
from editor_app.domain.timezone import LOCAL
from editor_app.domain.workflow import Role, Status, may_publish

__all__ = [
    "EXPORTABLE",
    "Correction",
    "Embargoed",
    "LiveStory",
    "Publication",
    "PublicationError",
    "PublishedVersion",
    "check_embargo",
    "content_hash",
    "embargo_line",
    "export_refusals",
    "local_text",
    "parse_when",
    "publish",
    "set_embargo",
    "unique_slug",
    "withdraw",
]

#: The statuses a story may be exported in without --force.
EXPORTABLE = (Status.APPROVED, Status.PUBLISHED, Status.WITHDRAWN)
#: The longest correction note or take-down reason (a short note, not an article).
NOTE_MAX = 1000


class PublicationError(ValidationError):
    """A publication step the story's state does not allow (a Vietnamese message)."""


class Embargoed(UserError):
    """The story may not be published or exported before its embargo."""

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(
            f"{embargo_line(until)} Chưa được xuất bản hoặc xuất bài trước thời điểm đó."
        )


def local_text(when: datetime, weekday: bool = False) -> str:
    """ "15/3/2025 08:00" in Việt Nam's time (GMT+7), the way the newsroom writes it."""
    return format_datetime(when.astimezone(LOCAL), weekday=weekday)


def embargo_line(until: datetime) -> str:
    """The checklist's line: "Không đăng trước 15/3/2025 08:00 (giờ Việt Nam)." """
    return f"Không đăng trước {local_text(until)} (giờ Việt Nam)."


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction published with a later version: the note readers see and its time."""

    note: str
    at: datetime
    by: str = ""
    version: int = 0


@dataclass(frozen=True, slots=True)
class PublishedVersion:
    """What readers get of one version: the content's fingerprint (to tell a new version
    from the same one published again), and what other stories' related blocks show of it."""

    content_hash: str
    headline: str
    sapo: str
    thumbnail: str = ""  # the featured photo's small rendition, relative to the bundle


@dataclass(frozen=True, slots=True)
class LiveStory:
    """A story readers may see, as related blocks list it: its published headline, lead and
    thumbnail at the address it was published at."""

    id: uuid.UUID
    section: str | None
    slug: str
    first_published_at: datetime
    headline: str
    sapo: str
    thumbnail: str = ""


@dataclass(frozen=True)
class Publication:
    """Where a story stands with readers (all times aware, UTC)."""

    slug: str = ""
    first_published_at: datetime | None = None
    version_at: datetime | None = None  # the current published version's time
    version: int = 0  # published versions so far
    content_hash: str = ""  # of the current published version ("" unknown: before records)
    headline: str = ""
    sapo: str = ""
    thumbnail: str = ""
    corrections: tuple[Correction, ...] = ()
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""
    withdrawn_by: str = ""
    embargo_until: datetime | None = None

    @property
    def published(self) -> bool:
        """Published at least once (even if taken down since)."""
        return self.first_published_at is not None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def embargoed(self, now: datetime) -> bool:
        return self.embargo_until is not None and now < self.embargo_until

    def live(self, now: datetime) -> bool:
        """Readers may see it: published, not taken down, its embargo passed."""
        return self.published and not self.withdrawn and not self.embargoed(now)

    def current(self, content: str) -> bool:
        """Whether `content` (a `content_hash`) is what was published last (unknown: yes)."""
        return not self.content_hash or self.content_hash == content


def content_hash(snapshot: Mapping[str, Any]) -> str:
    """The fingerprint of what a story shows readers: its revision snapshot without its status."""
    data = {k: v for k, v in snapshot.items() if k != "status"}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unique_slug(base: str, taken: Collection[str], fallback: str) -> str:
    """`base`, or `base-2`, `base-3`… when another story has it; `fallback` for an empty base."""
    base = base or fallback
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _note(text: str, what: str) -> str:
    clean = " ".join(nfc(text).split())
    if not clean:
        raise PublicationError(f"Cần ghi {what}.")
    if len(clean) > NOTE_MAX:
        raise PublicationError(
            f"{what[0].upper()}{what[1:]} dài {len(clean)} ký tự, tối đa {NOTE_MAX}."
        )
    return clean


def check_embargo(pub: Publication, now: datetime) -> None:
    if pub.embargo_until is not None and pub.embargoed(now):
        raise Embargoed(pub.embargo_until)


def publish(
    pub: Publication,
    now: datetime,
    version: PublishedVersion,
    slug: str,
    note: str = "",
    by: str = "",
) -> Publication:
    """The record after publishing `version` at `now`. `slug`: the address a first
    publication takes (ignored later). `note`: a correction's note (a later version only).
    Publishing again what is already out changes nothing."""
    check_embargo(pub, now)
    if not pub.published:
        if note.strip():
            raise PublicationError("Bài chưa xuất bản lần nào nên chưa có gì để đính chính.")
        return replace(
            pub,
            slug=pub.slug or slug,
            first_published_at=now,
            version_at=now,
            version=1,
            content_hash=version.content_hash,
            headline=version.headline,
            sapo=version.sapo,
            thumbnail=version.thumbnail,
            withdrawn_at=None,
            withdrawn_reason="",
            withdrawn_by="",
        )
    correction = _note(note, "nội dung đính chính") if note.strip() else ""
    if not correction and not pub.withdrawn and pub.content_hash == version.content_hash:
        return pub  # the same version again
    assert pub.version_at is not None
    when = max(now, pub.version_at)
    added = (Correction(correction, when, by, pub.version + 1),) if correction else ()
    return replace(
        pub,
        version_at=when,
        version=pub.version + 1,
        content_hash=version.content_hash,
        headline=version.headline,
        sapo=version.sapo,
        thumbnail=version.thumbnail,
        corrections=pub.corrections + added,
        withdrawn_at=None,
        withdrawn_reason="",
        withdrawn_by="",
    )


def withdraw(pub: Publication, now: datetime, reason: str, by: str) -> Publication:
    """The record after taking the story down."""
    if not pub.published:
        raise PublicationError("Bài chưa xuất bản nên không có gì để gỡ.")
    if pub.withdrawn_at is not None:
        raise PublicationError(f"Bài đã được gỡ lúc {local_text(pub.withdrawn_at)}.")
    return replace(
        pub, withdrawn_at=now, withdrawn_reason=_note(reason, "lý do gỡ bài"), withdrawn_by=by
    )


def set_embargo(pub: Publication, until: datetime | None, now: datetime) -> Publication:
    """The record with an embargo until `until` (None: lifted)."""
    if pub.published and not pub.withdrawn:
        assert pub.first_published_at is not None
        raise PublicationError(
            f"Bài đã xuất bản lúc {local_text(pub.first_published_at)}: "
            "không đặt giờ “không đăng trước” cho bài đã đến tay bạn đọc."
        )
    if until is not None and until <= now:
        raise PublicationError(f"Thời điểm {local_text(until)} đã qua.")
    return replace(pub, embargo_until=until)


def export_refusals(status: Status, role: Role) -> list[str]:
    """Why a story may not be exported without --force (empty: it may)."""
    status, role = Status(status), Role(role)
    out: list[str] = []
    if status not in EXPORTABLE:
        out.append(
            f"Bài đang ở trạng thái {status.label_vi}: chỉ bài {Status.APPROVED.label_vi} "
            f"hoặc {Status.PUBLISHED.label_vi} mới được xuất."
        )
    if not may_publish(role):
        out.append(
            f"{role.label_vi} không được xuất bản bài: việc này của {Role.EDITOR.label_vi.lower()}."
        )
    return out


# --- times as the newsroom writes them -------------------------------------------------------

_DMY = re.compile(
    r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:[ ,T]+(?P<h>\d{1,2})(?:(?:[:h](?P<mi>\d{2}))|h)?)?$",
    re.IGNORECASE,
)
_HOUR_FIRST = re.compile(
    r"^(?P<h>\d{1,2})(?:(?:[:h](?P<mi>\d{2}))|h)[ ,]+(?:ngày\s+)?"
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$",
    re.IGNORECASE,
)
HOW_TO_WRITE = "viết dạng 15/3/2025 08:00 (giờ Việt Nam) hoặc 2025-03-15T08:00+07:00"


def parse_when(text: str, zone: tzinfo = LOCAL) -> datetime:
    """A time as typed: "15/3/2025 08:00", "15/3/2025 8h30", "8h30 ngày 15/3/2025",
    "15/3/2025" (midnight), or ISO 8601 (with its offset, else in `zone`). Returns UTC."""
    raw = " ".join(nfc(str(text)).split())
    m = _DMY.match(raw) or _HOUR_FIRST.match(raw)
    try:
        if m is not None:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
            clock = time(int(m["h"] or 0), int(m["mi"] or 0))
            local = datetime.combine(day, clock, tzinfo=zone)
        else:
            iso = raw.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", raw) else raw
            if not re.match(r"^\d{4}-\d\d-\d\d", iso):
                raise ValueError(iso)
            parsed = datetime.fromisoformat(iso.replace("Z", "+00:00").replace("z", "+00:00"))
            local = parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)
        return local.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValidationError(f"Không hiểu thời điểm “{raw[:60]}”: {HOW_TO_WRITE}.") from None
