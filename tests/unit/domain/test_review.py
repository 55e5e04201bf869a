"""Anchors that survive edits around them, and the thinning of autosaves."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor_app.domain.errors import ValidationError
from editor_app.domain.review import (
    ANCHOR_CONTEXT,
    Anchor,
    RevisionInfo,
    locate,
    make_anchor,
    thin,
)
from editor_app.domain.timezone import to_local

# --- anchors -------------------------------------------------------------------------------------

BODY = (
    "Sáng 12/4, Đảng ủy Khối tổ chức hội nghị giao ban. Đồng chí Dương Đức Huy, "
    "Bí thư Đảng ủy Khối, phát biểu chỉ đạo hội nghị."
)


def _anchor(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return make_anchor("body", text, start, start + len(quote))


def test_make_anchor_keeps_the_quote_and_some_context() -> None:
    a = _anchor(BODY, "Dương Đức Huy")
    assert a.quote == "Dương Đức Huy"
    assert a.prefix == BODY[a.start - ANCHOR_CONTEXT : a.start]
    assert a.suffix.startswith(", Bí thư Đảng ủy Khối")
    assert len(a.suffix) == ANCHOR_CONTEXT
    assert make_anchor("headline", "Tiêu đề", 5, 0).quote == "Tiêu "  # reversed selection
    assert make_anchor(f"caption:{uuid.uuid4()}", "Ảnh", 0, 3).quote == "Ảnh"
    assert Anchor.from_json(a.to_json()) == a
    with pytest.raises(ValidationError):
        make_anchor("body", BODY, 3, 3)
    with pytest.raises(ValidationError):
        make_anchor("body", "a   b", 1, 4)  # only white space
    with pytest.raises(ValidationError):
        make_anchor("byline", BODY, 0, 4)
    with pytest.raises(ValidationError):
        make_anchor("caption:not-a-uuid", BODY, 0, 4)


def test_edits_around_the_passage_move_it() -> None:
    a = _anchor(BODY, "Dương Đức Huy")
    edited = "Tin ảnh. " + BODY.replace("Sáng 12/4", "Sáng thứ Tư 12/4").replace(
        "phát biểu", "đã phát biểu"
    )
    start = edited.index("Dương Đức Huy")
    assert locate(a, edited) == (start, start + len("Dương Đức Huy"))


def test_the_occurrence_whose_context_matches_is_preferred() -> None:
    text = "Hội nghị lần một. Xem thêm hội nghị.\n\nBáo cáo của hội nghị tổng kết năm."
    a = _anchor(text, "hội nghị", occurrence=1)  # “… của hội nghị tổng kết”
    edited = "Mở đầu dài thêm nhiều chữ. " + text.replace("Xem thêm", "Xem")
    start = edited.index("của hội nghị") + len("của ")
    assert locate(a, edited) == (start, start + len("hội nghị"))


def test_a_retyped_accent_or_rewrapped_line_still_finds_the_passage() -> None:
    a = _anchor(BODY, "Dương Đức Huy, Bí thư")
    nfd = unicodedata.normalize("NFD", BODY).replace("Huy, Bí", "Huy,\n   Bí")
    span = locate(a, nfd)
    assert span is not None
    found = nfd[span[0] : span[1]]
    assert " ".join(unicodedata.normalize("NFC", found).split()) == "Dương Đức Huy, Bí thư"


def test_a_removed_passage_is_not_found() -> None:
    a = _anchor(BODY, "Dương Đức Huy")
    assert locate(a, BODY.replace("Dương Đức Huy", "Nguyễn Văn A")) is None
    assert locate(a, "") is None
    assert locate(Anchor("body", "", "", "", 0), BODY) is None


# Surrounding text never contains “§”; every quote does, so it is found only where it is.
_OUTSIDE = st.text(
    alphabet=st.sampled_from(list("aăâbdđeêhiklmnoôơuưyàảãáạờởỡớợ ,.\n")), max_size=80
)
_QUOTE = st.builds(
    lambda a, b: a + "§" + b,
    st.text(alphabet=st.sampled_from(list("hội nghị ĐỨC ")), max_size=12),
    st.text(alphabet=st.sampled_from(list("hội nghị ĐỨC ")), max_size=12),
)


@st.composite
def _edited(draw: st.DrawFn, text: str) -> str:
    """`text` with a few random insertions and deletions."""
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(text)))
        if draw(st.booleans()) or not text:
            text = text[:i] + draw(_OUTSIDE) + text[i:]
        else:
            j = draw(st.integers(i, min(len(text), i + 20)))
            text = text[:i] + text[j:]
    return text


@settings(max_examples=300)
@given(data=st.data(), before=_OUTSIDE, quote=_QUOTE, after=_OUTSIDE)
def test_edits_outside_the_passage_always_relocate_it(
    data: st.DataObject, before: str, quote: str, after: str
) -> None:
    a = make_anchor("body", before + quote + after, len(before), len(before) + len(quote))
    new_before = data.draw(_edited(before))
    new_after = data.draw(_edited(after))
    assert locate(a, new_before + quote + new_after) == (
        len(new_before),
        len(new_before) + len(quote),
    )


@settings(max_examples=200)
@given(
    data=st.data(),
    before=_OUTSIDE,
    quote=st.text(alphabet=st.sampled_from(list("ab ")), min_size=1, max_size=6),
    after=_OUTSIDE,
)
def test_a_repeated_quote_is_found_by_its_intact_context(
    data: st.DataObject, before: str, quote: str, after: str
) -> None:
    """The quote may occur many times; edits stay beyond the context kept on either side.
    When the passage with its context occurs once, that occurrence is the one found."""
    assume(quote.strip())
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    a = make_anchor("body", text, start, end)
    far_before, near_before = before[: start - len(a.prefix)], a.prefix
    near_after, far_after = a.suffix, after[len(a.suffix) :]
    new_before = data.draw(_edited(far_before)) + near_before
    new_text = new_before + quote + near_after + data.draw(_edited(far_after))
    context = a.prefix + quote + a.suffix
    # Once, overlapping occurrences counted (in “aaa”, “aa” is at 0 and at 1).
    assume(sum(new_text.startswith(context, i) for i in range(len(new_text))) == 1)
    assert locate(a, new_text) == (len(new_before), len(new_before) + len(quote))


# --- thinning ------------------------------------------------------------------------------------

NOW = datetime(2024, 3, 15, 1, 5, tzinfo=UTC)  # 08:05 in Hà Nội
ARTICLE = uuid.uuid4()


def _rev(ago: timedelta, kind: str = "autosave") -> RevisionInfo:
    return RevisionInfo(uuid.uuid4(), ARTICLE, NOW - ago, "Lê Minh", "reporter", kind, "")


def test_everything_of_the_last_hour_is_kept() -> None:
    revs = [_rev(timedelta(minutes=m)) for m in range(0, 61)]
    assert thin(revs, NOW) == set()


def test_one_an_hour_for_a_day_then_one_a_day() -> None:
    # every 10 minutes for four days
    revs = [_rev(timedelta(minutes=m)) for m in range(0, 4 * 24 * 60, 10)]
    kept = [r for r in revs if r.id not in thin(revs, NOW)]
    recent = [r for r in kept if NOW - r.created_at <= timedelta(hours=1)]
    hourly = [r for r in kept if timedelta(hours=1) < NOW - r.created_at <= timedelta(days=1)]
    daily = [r for r in kept if NOW - r.created_at > timedelta(days=1)]
    assert len(recent) == 7
    hours = [to_local(r.created_at).replace(minute=0, second=0) for r in hourly]
    assert len(hours) == len(set(hours)) and 23 <= len(hours) <= 25
    days = [to_local(r.created_at).date() for r in daily]
    assert len(days) == len(set(days)) and 3 <= len(days) <= 4
    # the newest of each hour is the one kept
    for r in hourly:
        same_hour = [
            o
            for o in revs
            if to_local(o.created_at).replace(minute=0, second=0)
            == to_local(r.created_at).replace(minute=0, second=0)
            and timedelta(hours=1) < NOW - o.created_at <= timedelta(days=1)
        ]
        assert r.created_at == max(o.created_at for o in same_hour)


def test_other_kinds_are_never_deleted() -> None:
    kinds = ["save", "status", "handoff", "received", "restore", "conflict", "checklist"]
    revs = [_rev(timedelta(hours=h, minutes=1), kind) for h in range(100) for kind in kinds]
    assert thin(revs, NOW) == set()


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=-5, max_value=10 * 24 * 60),
            st.sampled_from(["autosave", "autosave", "save"]),
        ),
        max_size=80,
    )
)
def test_thinning_properties(times: list[tuple[int, str]]) -> None:
    revs = [_rev(timedelta(minutes=m), kind) for m, kind in times]
    drop = thin(revs, NOW)
    by_id = {r.id: r for r in revs}
    assert drop <= set(by_id)
    for rid in drop:
        r = by_id[rid]
        assert r.kind == "autosave"
        assert NOW - r.created_at > timedelta(hours=1)
    kept = [r for r in revs if r.id not in drop]
    assert thin(kept, NOW) == set()  # thinning again at the same time deletes nothing more
    assert len(kept) >= min(len(revs), 1)
