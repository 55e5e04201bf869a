"""Word-level differences between two revisions of a story, field by field.

Text is cut into tokens — runs of word characters (a Vietnamese syllable is one), runs of
white space, single punctuation marks — and compared token by token (difflib, no junk
heuristics). Snapshots are the dicts `services.articles.snapshot` makes; a key missing from
an older snapshot counts as empty.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from editor_app.domain.workflow import Status

__all__ = ["FIELD_LABELS", "FieldDiff", "Segment", "diff_snapshots", "tokenize", "word_diff"]

SegmentKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


@dataclass(frozen=True)
class FieldDiff:
    """One changed field: its key, Vietnamese label, both texts as shown, and the word diff."""

    key: str
    label_vi: str
    old: str
    new: str
    segments: tuple[Segment, ...]


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks; they join back to `text`."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments whose equal+delete texts join to `old` and equal+insert texts join to `new`.

    Between two unchanged stretches, everything removed is one delete and everything added one
    insert; white space alone between two changes is folded into them, so that a rewritten
    phrase reads as one change rather than word, space, word."""
    a, b = tokenize(old), tokenize(new)
    raw: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Segment("delete", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Segment("insert", "".join(b[j1:j2])))
    # Fold white-space-only equal stretches that sit between two changes into the changes.
    folded: list[Segment] = []
    for k, seg in enumerate(raw):
        if (
            seg.kind == "equal"
            and not seg.text.strip()
            and 0 < k < len(raw) - 1
            and raw[k - 1].kind != "equal"
            and raw[k + 1].kind != "equal"
        ):
            folded.append(Segment("delete", seg.text))
            folded.append(Segment("insert", seg.text))
        else:
            folded.append(seg)
    # Merge: each run of changes becomes one delete then one insert.
    out: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(Segment("delete", "".join(deleted)))
        if inserted:
            out.append(Segment("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for seg in folded:
        if seg.kind == "delete":
            deleted.append(seg.text)
        elif seg.kind == "insert":
            inserted.append(seg.text)
        else:
            flush()
            if out and out[-1].kind == "equal":
                out[-1] = Segment("equal", out[-1].text + seg.text)
            elif seg.text:
                out.append(seg)
    flush()
    return tuple(out)


FIELD_LABELS: dict[str, str] = {
    "headline": "Tiêu đề",
    "sapo": "Sa pô",
    "body": "Nội dung",
    "section": "Chuyên mục",
    "secondary_sections": "Chuyên mục phụ",
    "keywords": "Từ khóa",
    "byline": "Tác giả",
    "location": "Địa điểm",
    "event_date": "Ngày sự kiện",
    "status": "Trạng thái",
    "officials": "Quan chức được gắn",
    "photos": "Ảnh",
}
PHOTO_FIELD_LABELS = {
    "caption": "Chú thích ảnh {n}",
    "credit": "Tác giả ảnh {n}",
    "alt_text": "Mô tả ảnh (alt) {n}",
    "featured": "Ảnh đại diện (ảnh {n})",
    "focus": "Điểm chính ảnh {n}",
}
_LIST_SEP = ", "


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _status_text(value: Any) -> str:
    try:
        return Status(value).label_vi
    except ValueError:
        return _text(value)


def _date_text(value: Any) -> str:
    if not value:
        return ""
    try:
        d = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{d.day}/{d.month}/{d.year}"


def _list_text(value: Any) -> str:
    return _LIST_SEP.join(str(v) for v in value or [])


def _photos(snap: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [p for p in snap.get("photos") or [] if isinstance(p, dict) and p.get("id")]


def field_texts(snap: Mapping[str, Any], names: Mapping[str, str] = {}) -> dict[str, str]:
    """Every top-level field of a snapshot as the text the diff shows (not the photos)."""
    return {
        "headline": _text(snap.get("headline")),
        "sapo": _text(snap.get("sapo")),
        "body": _text(snap.get("body")),
        "section": _text(snap.get("section")),
        "secondary_sections": _list_text(snap.get("secondary_sections")),
        "keywords": _list_text(snap.get("keywords")),
        "byline": _text(snap.get("byline")),
        "location": _text(snap.get("location")),
        "event_date": _date_text(snap.get("event_date")),
        "status": _status_text(snap.get("status")) if snap.get("status") else "",
        "officials": _LIST_SEP.join(names.get(str(o), str(o)) for o in snap.get("officials") or []),
    }


def photo_texts(photo: Mapping[str, Any]) -> dict[str, str]:
    return {
        "caption": _text(photo.get("caption")),
        "credit": _text(photo.get("credit")),
        "alt_text": _text(photo.get("alt_text")),
        "featured": "có" if photo.get("featured") else "không",
        "focus": focus_text(photo.get("focus")),
    }


def focus_text(value: Any) -> str:
    """A focal point as the diff shows it: "giữa ảnh", or "ngang 30%, dọc 62%"."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return "giữa ảnh"
    try:
        x, y = (round(float(v) * 100) for v in value)
    except (TypeError, ValueError):
        return "giữa ảnh"
    return f"ngang {x}%, dọc {y}%"


def _photo_name(pid: str, *photos: Mapping[str, Any] | None) -> str:
    for p in photos:
        if p and str(p.get("caption") or "").strip():
            caption = " ".join(str(p["caption"]).split())
            return caption if len(caption) <= 60 else caption[:59] + "…"
    return f"ảnh {pid[:8]}"


def _diff(key: str, label: str, old: str, new: str) -> FieldDiff:
    return FieldDiff(key, label, old, new, word_diff(old, new))


def diff_snapshots(
    old: Mapping[str, Any], new: Mapping[str, Any], names: Mapping[str, str] = {}
) -> list[FieldDiff]:
    """The fields that differ between two snapshots, in the order the editor shows them.

    `names` maps an official's id to the name to show. Photos are matched by id: one present
    on both sides has its caption, credit, alt text and featured mark compared (labelled with
    its number in the newer snapshot); photos added, removed or reordered make one `photos`
    entry listing them by caption."""
    out: list[FieldDiff] = []
    before, after = field_texts(old, names), field_texts(new, names)
    for key, label in FIELD_LABELS.items():
        if key == "photos":
            continue
        if before[key] != after[key]:
            out.append(_diff(key, label, before[key], after[key]))
    old_photos = {str(p["id"]): p for p in _photos(old)}
    new_photos = {str(p["id"]): p for p in _photos(new)}
    if list(old_photos) != list(new_photos):
        old_list = "\n".join(
            _photo_name(pid, new_photos.get(pid), p) for pid, p in old_photos.items()
        )
        new_list = "\n".join(_photo_name(pid, p) for pid, p in new_photos.items())
        out.append(_diff("photos", FIELD_LABELS["photos"], old_list, new_list))
    for n, (pid, p) in enumerate(new_photos.items(), start=1):
        q = old_photos.get(pid)
        if q is None:
            continue
        a, b = photo_texts(q), photo_texts(p)
        for field, template in PHOTO_FIELD_LABELS.items():
            if a[field] != b[field]:
                out.append(_diff(f"photo:{pid}:{field}", template.format(n=n), a[field], b[field]))
    return out
