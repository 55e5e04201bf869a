"""A story's bylines: the people who made it, each with a role (bài, ảnh, video, nhóm), written
the outlet's way.

The story keeps its byline as the text the page prints (`Article.byline`), so a story, a
revision, a package and the server all carry one field, and a byline written before this
module existed ("Thanh Hà") is read as one writer, unchanged. The text is the list:

    Thanh Hà                                  one writer (printed as is)
    Bài: Thanh Hà, Hồng Ninh                  two writers
    Bài: Thanh Hà – Ảnh: Hồng Ninh            a writer and a photographer
    Bài, ảnh: Thanh Hà                        (read as Bài: Thanh Hà – Ảnh: Thanh Hà)
    Nhóm PV                                   a team (its name, with "Nhóm")
    Bài: Thanh Hà – Video: Minh Long – Nhóm PV Thời sự

Roles are printed in the order bài, ảnh, video, nhóm; people of one role in the order given;
parts joined by an en dash. `parse_byline(format_byline(c)) == c` for names without ",", ":"
or "–"; a text that is not in this shape (an older byline with a title, "Đ/c Dương Đức Huy,
Trưởng Ban Tuyên giáo") is one writer, kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import nfc

__all__ = [
    "ROLES",
    "ROLE_LABELS",
    "Credit",
    "byline_names",
    "check_credits",
    "format_byline",
    "has_photographer",
    "parse_byline",
]

ROLES = ("bai", "anh", "video", "nhom")
ROLE_LABELS = {"bai": "Bài", "anh": "Ảnh", "video": "Video", "nhom": "Nhóm"}
_BY_LABEL = {label.casefold(): role for role, label in ROLE_LABELS.items()}
_PART_SEP = " – "
_PARTS = re.compile(r"\s+[–—]\s+")
_LABELLED = re.compile(r"^([^:]{2,20}):\s*(.+)$")
_RESERVED = re.compile(r"[,:–—]")


def _team(name: str) -> str:
    return name if name.casefold().startswith("nhóm ") else f"Nhóm {name}"


@dataclass(frozen=True)
class Credit:
    """One person (or team) of the byline."""

    name: str
    role: str = "bai"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValidationError(f"Vai trò không hợp lệ: {self.role}")
        name = " ".join(nfc(self.name).split())
        if self.role == "nhom" and name:
            name = _team(name)
        object.__setattr__(self, "name", name)


def _labelled(part: str) -> list[Credit] | None:
    """The people of a "Bài: A, B" or "Bài, ảnh: A" part; None when it has no known label."""
    found = _LABELLED.match(part)
    if found is None:
        return None
    roles = [_BY_LABEL.get(label.strip().casefold()) for label in found.group(1).split(",")]
    if not roles or any(r is None or r == "nhom" for r in roles):
        return None
    names = [n.strip() for n in found.group(2).split(",") if n.strip()]
    return [Credit(n, r) for r in roles if r is not None for n in names]


def parse_byline(text: str) -> list[Credit]:
    """The people of a byline text (see the module's doc); [] for an empty one."""
    text = " ".join(nfc(text).split())
    if not text:
        return []
    credits: list[Credit] = []
    for part in _PARTS.split(text):
        people = _labelled(part)
        if people is not None:
            credits.extend(people)
        elif part.casefold().startswith("nhóm "):
            credits.append(Credit(part, "nhom"))
        else:
            return [Credit(text)]  # one writer as typed (or a text not in the shape), whole
    return _unique(credits)


def _unique(credits: Sequence[Credit]) -> list[Credit]:
    seen: set[tuple[str, str]] = set()
    out: list[Credit] = []
    for c in credits:
        key = (c.name.casefold(), c.role)
        if c.name and key not in seen:
            seen.add(key)
            out.append(c)
    return out


def format_byline(credits: Sequence[Credit]) -> str:
    """The byline as the page prints it (see the module's doc)."""
    people = _unique(credits)
    if not people:
        return ""
    if len(people) == 1 and people[0].role in ("bai", "nhom"):
        return people[0].name
    parts: list[str] = []
    for role in ROLES:
        names = [c.name for c in people if c.role == role]
        if not names:
            continue
        if role == "nhom":
            parts.extend(names)
        else:
            parts.append(f"{ROLE_LABELS[role]}: {', '.join(names)}")
    return _PART_SEP.join(parts)


def check_credits(credits: Sequence[Credit]) -> list[Credit]:
    """The list as it will be kept: names trimmed, empty ones left out, duplicates once;
    ValidationError when a name of a list of several holds a comma, colon or dash (they
    separate the people in the printed byline)."""
    people = _unique([c for c in credits if c.name])
    if len(people) > 1 or (people and people[0].role not in ("bai", "nhom")):
        for c in people:
            if _RESERVED.search(c.name):
                raise ValidationError(
                    f"Tên “{c.name}” có dấu phẩy, hai chấm hoặc gạch ngang: "
                    "hãy ghi mỗi người một dòng, không kèm chức vụ."
                )
    return people


def byline_names(text: str) -> list[str]:
    """Every name in a byline, each once, in order (teams with their "Nhóm")."""
    out: list[str] = []
    for c in parse_byline(text):
        if c.name not in out:
            out.append(c.name)
    return out


def has_photographer(text: str) -> bool:
    """Whether a byline names a photographer ("Bài: Thanh Hà – Ảnh: Hồng Ninh"): the page
    credits the photos to them, so a photo of the story needs no credit of its own."""
    return any(c.role == "anh" for c in parse_byline(text))
