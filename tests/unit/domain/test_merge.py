"""The three-way merge of a received story: one side's change is taken, both sides' different
changes are a conflict, and nothing either side wrote is dropped without one."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.merge import (
    FIELD_KEYS,
    merge_snapshots,
    newest_common,
)

P1, P2, P3, P4 = (f"00000000-0000-4000-8000-00000000000{i}" for i in range(1, 5))


def photo(pid: str, caption: str = "", credit: str = "", featured: bool = False) -> dict[str, Any]:
    return {
        "id": pid,
        "sha256": pid[-1] * 64,
        "caption": caption,
        "credit": credit,
        "alt_text": "",
        "featured": featured,
        "filename": f"{pid[-1]}.jpg",
    }


def snap(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "headline": "Hội nghị giao ban",
        "sapo": "Sáng 12/4, hội nghị…",
        "body": "Đoạn một.\n\nĐoạn hai.",
        "section": "Chính trị",
        "secondary_sections": [],
        "keywords": ["giao ban"],
        "byline": "Lê Minh",
        "location": "Hà Giang",
        "event_date": "2023-04-12",
        "status": "submitted",
        "officials": [],
        "photos": [photo(P1, "Ảnh một", featured=True), photo(P2, "Ảnh hai")],
    }
    base.update(fields)
    return base


def keys(result: Any) -> set[str]:
    return {c.key for c in result.conflicts}


# --- examples ------------------------------------------------------------------------------------


def test_a_field_changed_on_one_side_only_takes_that_side() -> None:
    base = snap()
    ours = snap(sapo="Sa pô mới của biên tập viên")
    theirs = snap(body="Thân bài mới của phóng viên")
    result = merge_snapshots(base, ours, theirs)
    assert result.conflicts == ()
    assert result.merged["sapo"] == "Sa pô mới của biên tập viên"
    assert result.merged["body"] == "Thân bài mới của phóng viên"
    assert result.taken == ("body",)


def test_both_changing_a_headline_differently_is_a_conflict_keeping_ours() -> None:
    result = merge_snapshots(snap(), snap(headline="Tiêu đề A"), snap(headline="Tiêu đề B"))
    (c,) = result.conflicts
    assert (c.key, c.label_vi, c.ours, c.theirs) == (
        "headline",
        "Tiêu đề",
        "Tiêu đề A",
        "Tiêu đề B",
    )
    assert (c.ours_value, c.theirs_value) == ("Tiêu đề A", "Tiêu đề B")
    assert result.merged["headline"] == "Tiêu đề A"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    same = snap(headline="Cùng một tiêu đề", keywords=["a", "b"])
    result = merge_snapshots(snap(), same, copy.deepcopy(same))
    assert result.conflicts == ()
    assert result.merged["headline"] == "Cùng một tiêu đề"


def test_unrelated_histories_make_every_difference_a_conflict() -> None:
    ours = snap(headline="Một", sapo="Cùng sapo")
    theirs = snap(headline="Hai", sapo="Cùng sapo", status="editing")
    result = merge_snapshots(None, ours, theirs)
    assert keys(result) == {"headline", "status"}
    assert result.merged["headline"] == "Một" and result.merged["status"] == "submitted"


def test_status_and_officials_conflicts_show_labels_and_names() -> None:
    a, b = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
    names = {a: "Dương Đức Huy", b: "Nguyễn Văn A"}
    result = merge_snapshots(
        snap(), snap(status="editing", officials=[a]), snap(status="draft", officials=[b]), names
    )
    by_key = {c.key: c for c in result.conflicts}
    assert by_key["status"].ours == "Đang biên tập" and by_key["status"].theirs == "Nháp"
    assert by_key["officials"].ours == "Dương Đức Huy"
    assert by_key["officials"].theirs_value == [b]


def test_both_editing_one_caption_is_a_conflict_on_that_photo() -> None:
    ours = snap(photos=[photo(P1, "Chú thích A", featured=True), photo(P2, "Ảnh hai")])
    theirs = snap(photos=[photo(P1, "Chú thích B", featured=True), photo(P2, "Ảnh hai (sửa)")])
    result = merge_snapshots(snap(), ours, theirs)
    (c,) = result.conflicts
    assert c.key == f"photo:{P1}:caption"
    assert c.label_vi == "Chú thích ảnh 1"
    assert (c.ours, c.theirs) == ("Chú thích A", "Chú thích B")
    captions = [p["caption"] for p in result.merged["photos"]]
    assert captions == ["Chú thích A", "Ảnh hai (sửa)"]
    assert f"photo:{P2}:caption" in result.taken


def test_photos_added_on_either_side_are_kept_in_place() -> None:
    ours = snap(photos=[photo(P1, "1", featured=True), photo(P2, "2"), photo(P3, "ours")])
    theirs = snap(photos=[photo(P4, "theirs"), photo(P1, "1", featured=True), photo(P2, "2")])
    result = merge_snapshots(snap(photos=ours["photos"][:2]), ours, theirs)
    assert result.conflicts == ()
    assert [p["id"] for p in result.merged["photos"]] == [P4, P1, P2, P3]
    assert "photos" in result.taken


def test_a_photo_removed_there_and_untouched_here_goes() -> None:
    base = snap()
    theirs = snap(photos=[photo(P1, "Ảnh một", featured=True)])
    result = merge_snapshots(base, snap(), theirs)
    assert [p["id"] for p in result.merged["photos"]] == [P1]
    assert result.conflicts == ()


def test_a_photo_removed_there_but_edited_here_stays_with_the_edit() -> None:
    ours = snap(photos=[photo(P1, "Ảnh một", featured=True), photo(P2, "Sửa ở đây")])
    theirs = snap(photos=[photo(P1, "Ảnh một", featured=True)])
    result = merge_snapshots(snap(), ours, theirs)
    assert [p["caption"] for p in result.merged["photos"]] == ["Ảnh một", "Sửa ở đây"]
    # … and the other way round: removed here, edited there, it comes back with their edit.
    result = merge_snapshots(snap(), theirs, ours)
    assert [p["caption"] for p in result.merged["photos"]] == ["Ảnh một", "Sửa ở đây"]


def test_reordering_on_one_side_is_taken_on_both_a_conflict() -> None:
    three = [photo(P1, "1", featured=True), photo(P2, "2"), photo(P3, "3")]
    base = snap(photos=three)
    moved = snap(photos=[three[2], three[0], three[1]])
    result = merge_snapshots(base, base, moved)
    assert [p["id"] for p in result.merged["photos"]] == [P3, P1, P2]
    other = snap(photos=[three[1], three[0], three[2]])
    result = merge_snapshots(base, other, moved)
    (c,) = result.conflicts
    assert c.key == "photos"
    assert [p["id"] for p in result.merged["photos"]] == [P2, P1, P3]
    assert [p["id"] for p in c.theirs_value] == [P3, P1, P2]
    assert c.ours.splitlines() == ["2", "1", "3"]


def test_the_featured_photo_is_one_choice() -> None:
    base = snap()
    theirs = snap(photos=[photo(P1, "Ảnh một"), photo(P2, "Ảnh hai", featured=True)])
    result = merge_snapshots(base, base, theirs)
    assert [p["featured"] for p in result.merged["photos"]] == [False, True]
    # Both chose a featured photo, differently: a conflict, ours kept.
    base3 = snap(photos=[*snap()["photos"], photo(P3, "Ảnh ba")])
    ours = snap(photos=[photo(P1, "Ảnh một"), photo(P2, "Ảnh hai", featured=True), photo(P3, "3")])
    theirs = snap(
        photos=[photo(P1, "Ảnh một"), photo(P2, "Ảnh hai"), photo(P3, "3", featured=True)]
    )
    result = merge_snapshots(base3, ours, theirs)
    (c,) = [c for c in result.conflicts if c.key.endswith(":featured")]
    assert c.key == f"photo:{P3}:featured" and (c.ours_value, c.theirs_value) == (False, True)
    assert [p["featured"] for p in result.merged["photos"]] == [False, True, False]


def test_when_their_side_may_not_change_the_story_every_change_is_a_conflict() -> None:
    # A reporter's package for a story approved here: nothing of theirs is taken silently.
    base = snap(status="approved")
    theirs = snap(
        status="draft",
        body="Phóng viên sửa sau khi bài đã duyệt.",
        photos=[photo(P1, "Ảnh một (sửa)"), photo(P2, "Ảnh hai", featured=True), photo(P3, "Mới")],
    )
    ours = snap(status="approved", sapo="Biên tập viên sửa sa pô.")
    result = merge_snapshots(base, ours, theirs, keep_ours=True)
    assert result.taken == ()
    assert result.merged == ours
    by_key = {c.key: c for c in result.conflicts}
    assert set(by_key) == {"status", "body", "photos"}
    assert (by_key["status"].ours_value, by_key["status"].theirs_value) == ("approved", "draft")
    assert by_key["body"].theirs_value == "Phóng viên sửa sau khi bài đã duyệt."
    photos = by_key["photos"]
    assert photos.ours_value == ours["photos"]
    assert photos.theirs_value == merge_snapshots(base, ours, theirs).merged["photos"]
    assert photos.theirs.splitlines() == ["Ảnh một (sửa)", "Ảnh hai (ảnh đại diện)", "Mới"]
    # A photo removed there, or only its credit changed: it stays here, offered as a conflict.
    removed = [photo(P1, "Ảnh một", featured=True)]
    credited = [photo(P1, "Ảnh một", "Lê Minh", featured=True), photo(P2, "Ảnh hai")]
    for changed in (removed, credited):
        result = merge_snapshots(base, ours, {**base, "photos": changed}, keep_ours=True)
        assert result.merged["photos"] == ours["photos"] and result.taken == ()
        (c,) = result.conflicts
        assert c.key == "photos" and c.ours != c.theirs
    # Their side unchanged: nothing to settle.
    assert merge_snapshots(base, ours, base, keep_ours=True).conflicts == ()


def test_newest_common_revision_is_the_base() -> None:
    ours = [("a", 1, {"n": 1}), ("b", 3, {"n": 2}), ("c", 5, {"n": 3})]
    assert newest_common(ours, {"a", "b", "x"}) == ("b", 3, {"n": 2})
    assert newest_common(ours, {"x"}) is None


# --- properties ----------------------------------------------------------------------------------

WORDS = st.sampled_from(["", "Hà Nội", "Đà Nẵng", "giao ban", "x"])
PIDS = st.sampled_from([P1, P2, P3, P4])


@st.composite
def photo_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(PIDS, unique=True, max_size=4))
    featured = draw(st.sampled_from([None, *ids]))
    return [photo(i, draw(WORDS), draw(WORDS), featured=i == featured) for i in ids]


@st.composite
def snapshots(draw: st.DrawFn) -> dict[str, Any]:
    return snap(
        headline=draw(WORDS),
        sapo=draw(WORDS),
        keywords=draw(st.lists(WORDS, max_size=2)),
        status=draw(st.sampled_from(["draft", "submitted", "editing"])),
        section=draw(st.sampled_from([None, "Chính trị", "Xã hội"])),
        photos=draw(photo_lists()),
    )


@st.composite
def edits_of(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """`base` with some fields changed (often none), photos sometimes redrawn."""
    out = copy.deepcopy(base)
    for key in ("headline", "sapo", "status", "section"):
        if draw(st.booleans()):
            out[key] = draw(snapshots())[key]
    if draw(st.booleans()):
        out["photos"] = draw(photo_lists())
    return out


def _norm_photos(photos: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(p["id"], p["caption"], p["credit"], p["featured"]) for p in photos]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_property_one_sided_changes_are_taken_whole(data: st.DataObject) -> None:
    base = data.draw(snapshots())
    theirs = data.draw(edits_of(base))
    result = merge_snapshots(base, copy.deepcopy(base), theirs)
    assert result.conflicts == ()
    for key in FIELD_KEYS:
        assert result.merged[key] == theirs[key]
    assert _norm_photos(result.merged["photos"]) == _norm_photos(theirs["photos"])
    result = merge_snapshots(base, theirs, copy.deepcopy(base))
    assert result.conflicts == ()
    assert all(result.merged[k] == theirs[k] for k in FIELD_KEYS)
    assert _norm_photos(result.merged["photos"]) == _norm_photos(theirs["photos"])
    assert result.taken == ()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_property_nothing_is_dropped_without_a_conflict(data: st.DataObject) -> None:
    base = data.draw(snapshots())
    ours, theirs = data.draw(edits_of(base)), data.draw(edits_of(base))
    result = merge_snapshots(base, ours, theirs)
    clashing = keys(result)
    for key in FIELD_KEYS:
        merged = result.merged[key]
        assert merged in (ours[key], theirs[key])
        if merged != ours[key]:  # ours overwritten only where ours had not changed
            assert ours[key] == base[key] and key in result.taken
        if merged != theirs[key] and theirs[key] != base[key]:  # their change kept aside
            assert key in clashing
    # Photos: every photo either side added is in the result.
    merged_ids = {p["id"] for p in result.merged["photos"]}
    base_ids = {p["id"] for p in base["photos"]}
    for side in (ours, theirs):
        assert {p["id"] for p in side["photos"]} - base_ids <= merged_ids
    assert sum(p["featured"] for p in result.merged["photos"]) <= 1
    # The same conflicts whichever desk merges (the featured mark names the chosen photo).
    mirror = merge_snapshots(base, theirs, ours)
    plain = {k for k in clashing if not k.endswith(":featured")}
    assert plain == {k for k in keys(mirror) if not k.endswith(":featured")}


@settings(max_examples=200, deadline=None)
@given(snapshots(), snapshots())
def test_property_unrelated_histories_conflict_on_every_difference(
    ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    result = merge_snapshots(None, ours, theirs)
    differing = {k for k in FIELD_KEYS if ours[k] != theirs[k]}
    assert differing <= keys(result)
    assert all(result.merged[k] == ours[k] for k in FIELD_KEYS)


@settings(max_examples=200, deadline=None)
@given(snapshots())
def test_property_merging_a_story_with_itself_changes_nothing(s: dict[str, Any]) -> None:
    for base in (None, s):
        result = merge_snapshots(base, s, copy.deepcopy(s))
        assert result.conflicts == () and result.taken == ()
        assert _norm_photos(result.merged["photos"]) == _norm_photos(s["photos"])
