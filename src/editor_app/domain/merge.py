"""The three-way merge of a story received from another desk, field by field.

`base` is the snapshot of the newest revision both desks have; `ours` is the story here,
`theirs` the story in the package (snapshots as `services.articles.snapshot` makes them). For
every field: unchanged here → theirs is taken; unchanged there → ours is kept; changed alike on
both → fine; changed differently on both → a conflict: ours stays in the story and both values
are kept for the user to settle. With no base (two unrelated histories of one id), every field
that differs is a conflict.

Keys are those of `revision_diff.FieldDiff`: the top-level fields, ``photo:<id>:caption`` (and
``credit``, ``alt_text``, ``featured``, ``focus``: the focal point, one value per photo) and
``photos`` (the set and order). Photos merge as a
set: a photo added on either side is kept; a photo removed on one side goes, unless the other
side changed it (an edit wins over a removal: nothing written is lost). The featured photo is
one choice per story (merged as one value, reported under the chosen photo's key).

With `keep_ours` (their side may not change the story here: a reporter's package for a story
approved here) nothing is taken: what would be is offered as conflicts instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from editor_app.domain.article import ARTICLE_FIELDS
from editor_app.domain.revision_diff import (
    FIELD_LABELS,
    PHOTO_FIELD_LABELS,
    field_texts,
    focus_text,
    photo_texts,
)

__all__ = [
    "FIELD_KEYS",
    "PHOTO_TEXT_FIELDS",
    "FieldConflict",
    "MergeResult",
    "merge_snapshots",
    "newest_common",
]

FIELD_KEYS = (*ARTICLE_FIELDS, "status", "officials")
"""Top-level fields merged one by one (as whole values: a list of keywords is one value)."""
PHOTO_TEXT_FIELDS = ("caption", "credit", "alt_text")
_LIST_KEYS = frozenset({"secondary_sections", "keywords", "officials"})
_NULL_KEYS = frozenset({"section", "event_date", "status"})


class _Missing:
    """The value of a field in a base that does not exist (unrelated histories)."""

    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()


@dataclass(frozen=True)
class FieldConflict:
    """A field changed differently on both desks: texts to show and JSON values to apply."""

    key: str
    label_vi: str
    ours: str
    theirs: str
    ours_value: Any
    theirs_value: Any


@dataclass(frozen=True)
class MergeResult:
    merged: dict[str, Any]
    """The snapshot the story should now have (ours wherever there is a conflict)."""
    conflicts: tuple[FieldConflict, ...]
    taken: tuple[str, ...]
    """Keys where their value was taken (what changed here)."""


def _value(snap: Mapping[str, Any], key: str) -> Any:
    value = snap.get(key)
    if value is None:
        return [] if key in _LIST_KEYS else None if key in _NULL_KEYS else ""
    return value


def _three_way(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool, bool]:
    """(merged value, their value taken, conflict)."""
    if ours == theirs:
        return ours, False, False
    if base is not _MISSING and ours == base:
        return theirs, True, False
    if base is not _MISSING and theirs == base:
        return ours, False, False
    return ours, False, True


def _photos(snap: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """id → photo, in the story's order (entries without an id are ignored)."""
    out: dict[str, dict[str, Any]] = {}
    for p in (snap or {}).get("photos") or []:
        if isinstance(p, Mapping) and p.get("id"):
            out.setdefault(str(p["id"]), dict(p))
    return out


def _focus(p: Mapping[str, Any]) -> list[float] | None:
    value = p.get("focus")
    return [float(v) for v in value] if isinstance(value, list | tuple) else None


def _texts(p: Mapping[str, Any]) -> tuple[object, ...]:
    """What a desk may change on a photo (its texts and focal point)."""
    return (*(str(p.get(f) or "") for f in PHOTO_TEXT_FIELDS), _focus(p))


def _featured(photos: Mapping[str, Mapping[str, Any]], alive: set[str]) -> str | None:
    for pid, p in photos.items():
        if p.get("featured") and pid in alive:
            return pid
    return None


def _weave(primary: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """`primary`, with each id only `secondary` has put after the one it follows there."""
    out = list(primary)
    for i, pid in enumerate(secondary):
        if pid in out:
            continue
        before = next((q for q in reversed(secondary[:i]) if q in out), None)
        out.insert(0 if before is None else out.index(before) + 1, pid)
    return out


def _photo_name(p: Mapping[str, Any]) -> str:
    caption = " ".join(str(p.get("caption") or "").split())
    if len(caption) > 60:
        caption = caption[:59] + "…"
    return caption or f"ảnh {str(p.get('id'))[:8]}"


def _photo_list_text(photos: Sequence[Mapping[str, Any]]) -> str:
    return "\n".join(_photo_name(p) for p in photos)


def merge_snapshots(
    base: Mapping[str, Any] | None,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    names: Mapping[str, str] = {},
    keep_ours: bool = False,
) -> MergeResult:
    """The merged snapshot, the conflicts, and the keys taken from theirs (see the module's
    doc). `names` maps an official's id to the name shown in a conflict.

    `keep_ours`: their side may not change the story here (a reporter's package for a story
    approved here): nothing is taken; each top-level field they changed is a conflict, and
    any change to the photos one `photos` conflict offering the photos the merge would give."""
    if keep_ours:
        return _kept(merge_snapshots(base, ours, theirs, names), ours, theirs, names)
    related = base is not None
    merged: dict[str, Any] = dict(ours)
    conflicts: list[FieldConflict] = []
    taken: list[str] = []
    ours_texts, theirs_texts = field_texts(ours, names), field_texts(theirs, names)
    for key in FIELD_KEYS:
        b = _value(base, key) if base is not None else _MISSING
        value, took, clash = _three_way(b, _value(ours, key), _value(theirs, key))
        merged[key] = value
        if took:
            taken.append(key)
        if clash:
            conflicts.append(
                FieldConflict(
                    key,
                    FIELD_LABELS[key],
                    ours_texts[key],
                    theirs_texts[key],
                    _value(ours, key),
                    _value(theirs, key),
                )
            )
    photos, photo_conflicts, photos_taken = _merge_photos(base if related else None, ours, theirs)
    merged["photos"] = photos
    conflicts.extend(photo_conflicts)
    taken.extend(photos_taken)
    return MergeResult(merged, tuple(conflicts), tuple(taken))


def _photo_lines(photos: Sequence[Mapping[str, Any]]) -> str:
    """Each photo's caption, credit and featured mark, a line each (what a `photos` conflict
    of `keep_ours` shows: any of them may be what changed)."""
    lines = []
    for p in photos:
        credit = " ".join(str(p.get("credit") or "").split())
        lines.append(
            _photo_name(p)
            + (f" — {credit}" if credit else "")
            + (" (ảnh đại diện)" if p.get("featured") else "")
        )
    return "\n".join(lines)


def _kept(
    normal: MergeResult,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    names: Mapping[str, str],
) -> MergeResult:
    """`normal` turned into ours kept whole, with what it would take from theirs offered as
    conflicts (`merge_snapshots`' `keep_ours`)."""
    if not normal.taken:
        return normal
    merged = dict(normal.merged)
    conflicts = list(normal.conflicts)
    ours_texts, theirs_texts = field_texts(ours, names), field_texts(theirs, names)
    for key in normal.taken:
        if key in FIELD_KEYS:
            merged[key] = _value(ours, key)
            conflicts.append(
                FieldConflict(
                    key,
                    FIELD_LABELS[key],
                    ours_texts[key],
                    theirs_texts[key],
                    _value(ours, key),
                    _value(theirs, key),
                )
            )
    if any(key not in FIELD_KEYS for key in normal.taken):
        mine = [dict(p) for p in _photos(ours).values()]
        offered = next((c.theirs_value for c in conflicts if c.key == "photos"), merged["photos"])
        merged["photos"] = mine
        conflicts = [c for c in conflicts if c.key != "photos"]
        conflicts.append(
            FieldConflict(
                "photos",
                FIELD_LABELS["photos"],
                _photo_lines(mine),
                _photo_lines(offered),
                mine,
                offered,
            )
        )
    return MergeResult(merged, tuple(conflicts), ())


def _survivors(
    b: Mapping[str, Mapping[str, Any]],
    o: Mapping[str, Mapping[str, Any]],
    t: Mapping[str, Mapping[str, Any]],
) -> set[str]:
    alive: set[str] = set()
    for pid, p in o.items():
        # Kept: on both sides, added here, or removed there but changed here since.
        if pid in t or pid not in b or _texts(p) != _texts(b[pid]):
            alive.add(pid)
    for pid, p in t.items():
        # Theirs: added there, or removed here but changed there since.
        if pid not in o and (pid not in b or _texts(p) != _texts(b[pid])):
            alive.add(pid)
    return alive


def _merge_photos(
    base: Mapping[str, Any] | None, ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], list[FieldConflict], list[str]]:
    b, o, t = _photos(base), _photos(ours), _photos(theirs)
    alive = _survivors(b, o, t)
    conflicts: list[FieldConflict] = []
    taken: list[str] = []

    # The order: of the photos all three have, whichever side moved them wins.
    common = [p for p in b if p in o and p in t and p in alive]
    in_ours = [p for p in o if p in alive]
    in_theirs = [p for p in t if p in alive]
    ours_common = [p for p in in_ours if p in common]
    theirs_common = [p for p in in_theirs if p in common]
    ours_first = _weave(in_ours, in_theirs)
    theirs_first = _weave(in_theirs, in_ours)
    clash = False
    if base is None:
        order, clash = (
            ours_first,
            [p for p in in_ours if p in t] != [p for p in in_theirs if p in o],
        )
    elif ours_common == common:
        order = theirs_first
    else:
        order = ours_first
        clash = theirs_common not in (common, ours_common)

    photos: dict[str, dict[str, Any]] = {}
    for pid in order:
        if pid not in o:
            photos[pid] = dict(t[pid])
            continue
        photo = dict(o[pid])
        if pid in t:
            for field in PHOTO_TEXT_FIELDS:
                bv = str(b[pid].get(field) or "") if pid in b else _MISSING
                ov, tv = str(o[pid].get(field) or ""), str(t[pid].get(field) or "")
                value, took, field_clash = _three_way(bv, ov, tv)
                photo[field] = value
                key = f"photo:{pid}:{field}"
                if took:
                    taken.append(key)
                if field_clash:
                    label = PHOTO_FIELD_LABELS[field].format(n=order.index(pid) + 1)
                    conflicts.append(FieldConflict(key, label, ov, tv, ov, tv))
            _merge_focus(photo, b.get(pid), t[pid], order.index(pid) + 1, taken, conflicts)
        photos[pid] = photo

    # The featured photo: one value for the story.
    fb = _featured(b, alive) if base is not None else _MISSING
    fo, ft = _featured(o, alive), _featured(t, alive)
    featured, took, feat_clash = _three_way(fb, fo, ft)
    for pid, p in photos.items():
        p["featured"] = pid == featured
    if took:
        taken.append(f"photo:{featured or fo}:featured")
    if feat_clash:
        chosen = ft or fo
        assert chosen is not None
        label = PHOTO_FIELD_LABELS["featured"].format(n=order.index(chosen) + 1)
        ours_on, theirs_on = chosen == fo, chosen == ft
        conflicts.append(
            FieldConflict(
                f"photo:{chosen}:featured",
                label,
                photo_texts({"featured": ours_on})["featured"],
                photo_texts({"featured": theirs_on})["featured"],
                ours_on,
                theirs_on,
            )
        )

    result = list(photos.values())
    if order != list(o):
        taken.append("photos")
    if clash:
        theirs_value = [photos[p] for p in theirs_first]
        conflicts.append(
            FieldConflict(
                "photos",
                FIELD_LABELS["photos"],
                _photo_list_text(result),
                _photo_list_text(theirs_value),
                result,
                theirs_value,
            )
        )
    return result, conflicts, taken


def _merge_focus(
    photo: dict[str, Any],
    base: Mapping[str, Any] | None,
    theirs: Mapping[str, Any],
    number: int,
    taken: list[str],
    conflicts: list[FieldConflict],
) -> None:
    """The photo's focal point, merged as one value like its caption (`photo` is ours)."""
    ov, tv = _focus(photo), _focus(theirs)
    value, took, clash = _three_way(_focus(base) if base is not None else _MISSING, ov, tv)
    photo.pop("focus", None)
    if value is not None:
        photo["focus"] = value
    key = f"photo:{photo['id']}:focus"
    if took:
        taken.append(key)
    if clash:
        label = PHOTO_FIELD_LABELS["focus"].format(n=number)
        conflicts.append(FieldConflict(key, label, focus_text(ov), focus_text(tv), ov, tv))


def newest_common(
    ours: Sequence[tuple[str, Any, Any]], theirs_ids: set[str]
) -> tuple[str, Any, Any] | None:
    """Of our revisions as (id, created_at, snapshot), the newest whose id they have too."""
    shared = [r for r in ours if r[0] in theirs_ids]
    return max(shared, key=lambda r: (r[1], r[0])) if shared else None
