"""Review service on a real data folder: statuses, revisions, diff, restore, comments,
conflicts, autosave thinning."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from editor_app.domain.article import utcnow
from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.officials.people import Official
from editor_app.domain.review import Conflict, make_anchor
from editor_app.domain.workflow import ReadOnly, Role, Status, TransitionError, User
from editor_app.services.workspace import Workspace
from editor_app.store.repo import review as review_repo

LAN = User("Nguyễn Thị Lan", Role.REPORTER)
HUY = User("Trần Quốc Huy", Role.EDITOR)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _story(ws: Workspace, **fields: object) -> uuid.UUID:
    return ws.articles.create(
        headline=fields.pop("headline", "Hội nghị giao ban công tác quý 1"),
        sapo=fields.pop("sapo", "Sáng 12/4, Đảng ủy tỉnh tổ chức hội nghị."),
        body=fields.pop("body", "Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị."),
        **fields,
    ).article.id


# --- statuses ------------------------------------------------------------------------------------


def test_the_whole_round_of_statuses_records_who_moved_it(ws: Workspace) -> None:
    aid = _story(ws)
    ws.review.set_status(aid, Status.SUBMITTED, LAN)
    ws.review.set_status(aid, "editing", HUY)
    ws.review.set_status(aid, Status.RETURNED, HUY, reason="  Thiếu ảnh chân dung  ")
    ws.review.set_status(aid, Status.SUBMITTED, LAN)
    ws.review.set_status(aid, Status.EDITING, HUY)
    ws.review.set_status(aid, Status.APPROVED, HUY)
    ws.review.set_status(aid, Status.PUBLISHED, HUY)

    assert ws.articles.get(aid).status is Status.PUBLISHED
    history = ws.review.history(aid)
    assert [h.kind for h in history] == ["status"] * 7
    assert [(h.author, h.role) for h in history[:2]] == [(HUY.name, "editor")] * 2
    returned = history[4]
    assert returned.reason == "Đang biên tập → Trả lại: Thiếu ảnh chân dung"
    assert history[-1].author == LAN.name and history[-1].role == "reporter"
    # the snapshot of a status revision has the new status
    assert ws.review.revision_snapshot(history[0].id)["status"] == "published"


def test_a_refused_move_changes_nothing(ws: Workspace) -> None:
    aid = _story(ws)
    ws.review.set_status(aid, Status.SUBMITTED, LAN)
    with pytest.raises(TransitionError, match="Phóng viên không được chuyển bài từ Chờ duyệt"):
        ws.review.set_status(aid, Status.APPROVED, LAN)
    with pytest.raises(TransitionError, match="lý do"):
        ws.review.set_status(aid, Status.RETURNED, HUY, reason="   ")
    assert ws.articles.get(aid).status is Status.SUBMITTED
    assert len(ws.review.history(aid)) == 1


def test_a_reporter_cannot_autosave_or_restore_an_approved_story(ws: Workspace) -> None:
    aid = _story(ws)
    rev = ws.review.save_revision(aid, LAN).revision_id
    for target in (Status.EDITING, Status.APPROVED):
        ws.review.set_status(aid, target, HUY)

    with pytest.raises(ReadOnly, match="Đã duyệt"):
        ws.articles.save_fields(aid, {"headline": "Sửa lén"}, user=LAN)
    with pytest.raises(ReadOnly):
        ws.articles.save_fields(aid, {"keywords": ["lén"]}, user=LAN)
    with pytest.raises(ReadOnly):
        ws.review.restore(aid, rev, LAN)
    assert ws.articles.get(aid).headline == "Hội nghị giao ban công tác quý 1"

    ws.articles.save_fields(aid, {"headline": "Biên tập viên sửa"}, user=HUY)
    assert ws.articles.get(aid).headline == "Biên tập viên sửa"
    with pytest.raises(NotFound):
        ws.articles.save_fields(uuid.uuid4(), {"headline": "x"}, user=LAN)


# --- revisions, diff, restore ---------------------------------------------------------------------


def test_diff_between_revisions_and_the_current_state(ws: Workspace) -> None:
    official = Official(full_name="Dương Đức Huy")
    ws.officials.save(official)
    aid = _story(ws)
    first = ws.review.save_revision(aid, LAN, "Bản đầu").revision_id
    ws.articles.save_fields(aid, {"headline": "Hội nghị sơ kết công tác quý 1"})
    ws.officials.tag(aid, [official.id])
    second = ws.review.save_revision(aid, LAN).revision_id

    diffs = {d.key: d for d in ws.review.diff(aid, first, second)}
    assert set(diffs) == {"headline", "officials"}
    assert diffs["headline"].label_vi == "Tiêu đề"
    assert [(s.kind, s.text) for s in diffs["headline"].segments if s.kind != "equal"] == [
        ("delete", "giao ban"),
        ("insert", "sơ kết"),
    ]
    assert diffs["officials"].new == "Dương Đức Huy"
    assert ws.review.diff(aid, second, None) == []
    with pytest.raises(NotFound):
        ws.review.diff(uuid.uuid4(), first, None)


def _jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path)
    return path


def test_restore_brings_back_text_captions_order_and_a_removed_photo(
    ws: Workspace, tmp_path: Path
) -> None:
    aid = _story(ws)
    ws.photos.attach(
        aid, [_jpeg(tmp_path / "a.jpg", (200, 0, 0)), _jpeg(tmp_path / "b.jpg", (0, 0, 200))]
    )
    a, b = ws.photos.of_article(aid)
    ws.photos.update(a.id, caption="Toàn cảnh hội nghị", featured=True)
    old = ws.review.save_revision(aid, LAN, "Trước khi biên tập").revision_id

    ws.articles.save_fields(aid, {"body": "Nội dung mới hoàn toàn.", "keywords": ["giao ban"]})
    ws.photos.update(a.id, caption="Chú thích khác")
    ws.photos.reorder(aid, [b.id, a.id])
    ws.photos.remove(b.id)
    newer = ws.review.history(aid)

    preview = {d.key for d in ws.review.restore_preview(aid, old)}
    assert {"body", "keywords", "photos", f"photo:{a.id}:caption"} <= preview
    assert "status" not in preview

    changes = ws.review.restore(aid, old, HUY)

    story = ws.articles.get(aid)
    assert story.body == "Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị."
    assert story.keywords == []
    assert [p.id for p in story.photos] == [a.id, b.id]
    assert story.photos[0].caption == "Toàn cảnh hội nghị" and story.photos[0].featured
    assert changes.messages == ()
    history = ws.review.history(aid)
    assert history[0].kind == "restore" and "Khôi phục phiên bản" in history[0].reason
    assert history[1].kind == "save" and history[1].reason.startswith("Trước khi khôi phục")
    assert {h.id for h in newer} < {h.id for h in history}  # nothing newer was lost
    assert ws.review.diff(aid, old, None) == []


def test_restore_says_which_photos_could_not_come_back(ws: Workspace, tmp_path: Path) -> None:
    aid = _story(ws)
    ws.photos.attach(aid, [_jpeg(tmp_path / "a.jpg", (200, 0, 0))])
    (photo,) = ws.photos.of_article(aid)
    ws.photos.update(photo.id, caption="Đại biểu dự hội nghị")
    old = ws.review.save_revision(aid, LAN).revision_id
    ws.articles.delete_forever(ws.articles.duplicate(aid).article.id)  # a copy shares the original
    ws.photos.remove(photo.id)
    ws.articles.delete_forever(ws.articles.create().article.id)
    from editor_app.services.originals import forget_unused

    assert forget_unused(ws.db, [photo.sha256]) == [photo.sha256]

    changes = ws.review.restore(aid, old, LAN)

    assert ws.articles.get(aid).photos == []
    assert len(changes.messages) == 1 and "Đại biểu dự hội nghị" in changes.messages[0]
    assert "ảnh gốc không còn" in ws.review.history(aid)[0].reason


def test_autosave_revisions_are_made_once_a_minute_and_thinned(ws: Workspace) -> None:
    aid = _story(ws)
    start = utcnow() - timedelta(days=3)
    for minute in range(0, 3 * 24 * 60, 7):
        ws.review.autosaved(aid, LAN, now=start + timedelta(minutes=minute))
    ws.review.save_revision(aid, LAN)
    history = ws.review.history(aid)
    autosaves = [h for h in history if h.kind == "autosave"]
    # about: the last hour dense (~9), one an hour for a day (~24), one a day before (~3)
    assert 25 <= len(autosaves) <= 45
    now = start + timedelta(minutes=3 * 24 * 60 - 1)
    recent = [h for h in autosaves if now - h.created_at <= timedelta(hours=1)]
    assert len(recent) >= 8
    assert history[0].kind == "save"

    before = len(ws.review.history(aid))
    ws.review.autosaved(aid, LAN)  # the save above is under a minute old: nothing added
    assert len(ws.review.history(aid)) == before


def test_a_revision_from_a_clock_ahead_does_not_stop_autosave_revisions(ws: Workspace) -> None:
    # A package from a desk whose clock is a day ahead brought a revision dated tomorrow.
    aid = _story(ws)
    now = utcnow()
    with ws.db.transaction() as s:
        snap = review_repo.get_revision(s, ws.review.save_revision(aid, HUY).revision_id)[1]
        review_repo.add_revision(
            s, aid, snap, HUY.name, "editor", "handoff", when=now + timedelta(days=1)
        )
    for minute in (2, 4, 4.5, 6):
        ws.review.autosaved(aid, LAN, now=now + timedelta(minutes=minute))
    autosaves = [h.created_at for h in ws.review.history(aid) if h.kind == "autosave"]
    assert sorted(autosaves) == [now + timedelta(minutes=m) for m in (2, 4, 6)]


# --- comments -------------------------------------------------------------------------------------


def test_comments_replies_resolve_and_reopen(ws: Workspace) -> None:
    aid = _story(ws)
    body = ws.articles.get(aid).body
    start = body.index("Dương Đức Huy")
    anchor = make_anchor("body", body, start, start + len("Dương Đức Huy"))
    c = ws.review.add_comment(aid, anchor, "  Ghi rõ chức vụ  ", HUY)
    r1 = ws.review.reply(c.id, "Đã thêm", LAN)
    r2 = ws.review.reply(r1.id, "Cảm ơn", HUY)
    assert (c.text, r1.parent_id, r2.parent_id) == ("Ghi rõ chức vụ", c.id, c.id)

    resolved = ws.review.resolve(r2.id, HUY)  # resolving from a reply resolves the thread
    assert resolved.id == c.id and resolved.resolved and resolved.resolved_by == HUY.name
    assert ws.review.reopen(c.id, LAN).resolved is False
    assert [x.id for x in ws.review.comments(aid)] == [c.id, r1.id, r2.id]

    ws.articles.save_fields(aid, {"body": "Hôm nay, đồng chí Dương Đức Huy phát biểu."})
    spans = ws.review.comment_spans(aid)
    assert spans[c.id] == (18, 31)
    ws.articles.save_fields(aid, {"body": "Đồng chí Bí thư phát biểu."})
    assert ws.review.comment_spans(aid)[c.id] is None  # passage removed: still listed
    assert len(ws.review.comments(aid)) == 3

    with pytest.raises(ValidationError):
        ws.review.add_comment(aid, anchor, "   ", HUY)
    with pytest.raises(NotFound):
        ws.review.reply(uuid.uuid4(), "?", HUY)


# --- conflicts ------------------------------------------------------------------------------------


def test_settling_a_conflict_applies_the_chosen_side(ws: Workspace) -> None:
    aid = _story(ws)
    ours = ws.review.save_revision(aid, LAN).revision_id
    theirs = ws.review.save_revision(aid, HUY, kind="received").revision_id
    conflict = Conflict(
        id=uuid.uuid4(),
        article_id=aid,
        key="headline",
        label_vi="Tiêu đề",
        ours="Hội nghị giao ban công tác quý 1",
        theirs="Giao ban quý 1",
        ours_value="Hội nghị giao ban công tác quý 1",
        theirs_value="Giao ban quý 1",
        ours_revision_id=ours,
        theirs_revision_id=theirs,
        created_at=utcnow(),
    )
    with ws.db.transaction() as s:
        review_repo.add_conflict(s, conflict)
    assert [c.id for c in ws.review.conflicts(aid)] == [conflict.id]

    changes = ws.review.settle(conflict.id, "theirs", HUY)

    assert changes.conflicts and aid in changes.articles
    assert ws.articles.get(aid).headline == "Giao ban quý 1"
    assert ws.review.conflicts(aid) == []
    (settled,) = ws.review.conflicts(aid, open_only=False)
    assert settled.settled_by == HUY.name
    assert ws.review.history(aid)[0].kind == "conflict"
    with pytest.raises(ValidationError, match="đã được giải quyết"):
        ws.review.settle(conflict.id, "ours", HUY)


def test_settling_keeps_what_was_typed_since_the_conflict_as_a_revision(ws: Workspace) -> None:
    aid = _story(ws)
    ours = ws.review.save_revision(aid, HUY).revision_id
    conflict = Conflict(
        id=uuid.uuid4(),
        article_id=aid,
        key="headline",
        label_vi="Tiêu đề",
        ours="Hội nghị giao ban công tác quý 1",
        theirs="Giao ban quý 1",
        ours_value="Hội nghị giao ban công tác quý 1",
        theirs_value="Giao ban quý 1",
        ours_revision_id=ours,
        theirs_revision_id=ours,
        created_at=utcnow(),
    )
    with ws.db.transaction() as s:
        review_repo.add_conflict(s, conflict)
    # Typed after the conflict opened (an autosave, no revision yet), then the conflict settled.
    ws.articles.save_fields(aid, {"headline": "Tiêu đề gõ lại sau khi nhận"})
    ws.review.settle(conflict.id, "ours", HUY)
    assert ws.articles.get(aid).headline == "Hội nghị giao ban công tác quý 1"
    headlines = [ws.review.revision_snapshot(h.id)["headline"] for h in ws.review.history(aid)]
    assert "Tiêu đề gõ lại sau khi nhận" in headlines
    # Nothing typed since the last revision: only the settling's own revision is added.
    again = dataclasses.replace(conflict, id=uuid.uuid4(), key="sapo", label_vi="Sa pô")
    with ws.db.transaction() as s:
        review_repo.add_conflict(s, again)
    before = len(ws.review.history(aid))
    ws.review.settle(again.id, "theirs", HUY)
    assert len(ws.review.history(aid)) == before + 1
