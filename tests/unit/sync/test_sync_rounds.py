"""Sync between two real desks and a real PostgreSQL: a story written on one reaches the other
with its photos, revisions and comments; edits on both sides merge per field; a field changed
on both opens one conflict on the server, kept on both desks; nothing is sent twice."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from helpers.sync_desks import Desk
from PIL import Image
from sqlalchemy import text
from sqlalchemy.orm import Session

from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Status
from editor_app.media.library import MediaLibrary
from editor_app.services import sync as sync_module
from editor_app.services import sync_desk
from editor_app.services.articles import snapshot
from editor_app.store.repo import sync as srepo
from editor_app.store.server import ServerStore


def jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


def write_story(desk: Desk, tmp_path: Path) -> uuid.UUID:
    aid = desk.ws.articles.create(
        headline="Hội nghị giao ban công tác quý I",
        sapo="Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.",
        body="Đồng chí Dương Đức Huy phát biểu chỉ đạo.",
        section="Chính trị",
        keywords=["giao ban"],
    ).article.id
    report = desk.ws.photos.attach(
        aid, [jpeg(tmp_path / "p.jpg", (40, 120, 200))], caption="Đại biểu dự hội nghị"
    )
    assert report.all_ok
    return aid


def story(desk: Desk, aid: uuid.UUID) -> dict[str, object]:
    return snapshot(desk.ws.articles.get(aid))


def test_a_story_written_on_one_desk_reaches_the_other_with_its_photo(
    two_desks: tuple[Desk, Desk], tmp_path: Path
) -> None:
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    assert reporter.sync.pending() == 1

    sent = reporter.sync.sync()
    assert (sent.problems, sent.pushed, sent.pending) == ([], 1, 0)
    got = editor.sync.sync()
    assert got.pulled == 1 and got.new_here and not got.problems

    assert story(editor, aid) == story(reporter, aid)
    sha = editor.ws.articles.get(aid).photos[0].sha256
    theirs = MediaLibrary(editor.ws.db.media_dir).original_path(sha)
    mine = MediaLibrary(reporter.ws.db.media_dir).original_path(sha)
    assert theirs is not None and mine is not None
    assert theirs.read_bytes() == mine.read_bytes()
    # Nothing more to do on either side; a second round sends nothing.
    assert reporter.sync.pending() == 0 and editor.sync.pending() == 0
    again = reporter.sync.sync()
    assert (again.pushed, again.pulled) == (0, 0)


def test_edits_of_different_fields_on_both_desks_merge_without_a_conflict(
    two_desks: tuple[Desk, Desk], tmp_path: Path
) -> None:
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.sync.sync()
    editor.sync.sync()

    reporter.ws.articles.save_fields(aid, {"body": "Thân bài mới của phóng viên."})
    editor.ws.articles.save_fields(aid, {"headline": "Tiêu đề biên tập viên sửa"})
    reporter.sync.sync()
    report = editor.sync.sync()  # its own edit is merged on the server, the reporter's comes
    assert report.conflicts == 0
    reporter.sync.sync()

    for desk in (reporter, editor):
        s = story(desk, aid)
        assert s["headline"] == "Tiêu đề biên tập viên sửa"
        assert s["body"] == "Thân bài mới của phóng viên."


def test_one_field_changed_on_both_desks_is_one_conflict_kept_everywhere(
    two_desks: tuple[Desk, Desk], server: ServerStore, tmp_path: Path
) -> None:
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.sync.sync()
    editor.sync.sync()

    reporter.ws.articles.save_fields(aid, {"sapo": "Sapo của phóng viên."})
    editor.ws.articles.save_fields(aid, {"sapo": "Sapo của biên tập viên."})
    reporter.sync.sync()
    report = editor.sync.sync()
    assert report.conflicts == 1
    reporter.sync.sync()

    # Both texts are kept (as revisions and in the conflict); neither desk lost its words.
    for desk in (reporter, editor):
        conflicts = desk.ws.review.conflicts(aid)
        assert [(c.key, {c.ours, c.theirs}) for c in conflicts] == [
            ("sapo", {"Sapo của phóng viên.", "Sapo của biên tập viên."})
        ]
    assert story(reporter, aid)["sapo"] == story(editor, aid)["sapo"]
    # Settled on the editor's desk: settled on the server and on the reporter's desk.
    conflict = editor.ws.review.conflicts(aid)[0]
    editor.ws.review.settle(
        conflict.id, "theirs" if "biên tập" in conflict.ours else "ours", editor.user
    )
    editor.sync.sync()
    reporter.sync.sync()
    assert reporter.ws.review.conflicts(aid) == []
    assert story(reporter, aid)["sapo"] == story(editor, aid)["sapo"]
    with server.read() as s:
        open_ = s.execute(text("SELECT count(*) FROM conflicts WHERE settled_at IS NULL")).scalar()
    assert open_ == 0


def test_comments_and_revisions_travel_once(
    two_desks: tuple[Desk, Desk], server: ServerStore, tmp_path: Path
) -> None:
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.ws.review.set_status(aid, Status.SUBMITTED, reporter.user)
    reporter.sync.sync()
    editor.sync.sync()
    body = editor.ws.articles.get(aid).body
    editor.ws.review.add_comment(
        aid, make_anchor("body", body, 0, 9), "Ghi rõ chức danh.", editor.user
    )
    editor.sync.sync()
    reporter.sync.sync()
    assert [c.text for c in reporter.ws.review.comments(aid)] == ["Ghi rõ chức danh."]
    assert reporter.ws.articles.get(aid).status is Status.SUBMITTED
    for _ in range(2):
        reporter.sync.sync()
        editor.sync.sync()
    with server.read() as s:
        revisions = s.execute(text("SELECT count(*) FROM revisions")).scalar()
        distinct = s.execute(text("SELECT count(DISTINCT id) FROM revisions")).scalar()
        comments = s.execute(text("SELECT count(*) FROM comments")).scalar()
    assert revisions == distinct == len(reporter.ws.review.history(aid))
    assert revisions == len(editor.ws.review.history(aid))
    assert comments == 1


def test_a_publication_record_reaches_every_desk_with_its_slug_for_life(
    two_desks: tuple[Desk, Desk], tmp_path: Path
) -> None:
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.ws.review.set_status(aid, Status.SUBMITTED, reporter.user)
    reporter.sync.sync()
    editor.sync.sync()
    for status in (Status.EDITING, Status.APPROVED, Status.PUBLISHED):
        editor.ws.review.set_status(aid, status, editor.user)
    editor.sync.sync()
    reporter.sync.sync()

    theirs = reporter.ws.publishing.publication(aid)
    mine = editor.ws.publishing.publication(aid)
    assert mine.slug and theirs.slug == mine.slug
    assert (theirs.version, theirs.first_published_at) == (1, mine.first_published_at)
    assert reporter.ws.articles.get(aid).status is Status.PUBLISHED


def test_a_conflict_the_server_settled_does_not_leave_the_story_waiting_to_be_sent(
    two_desks: tuple[Desk, Desk], tmp_path: Path
) -> None:
    """Found by benchmarks/soak_sync.py: a conflict the server settled (replaced by a newer one
    on the same field) was settled on the desk at the time it was brought in, after the round's
    read time, so the desk took it for a settlement of its own and sent the story again at every
    round while the server kept settling."""
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.sync.sync()
    editor.sync.sync()
    for n in (1, 2):  # the second conflict on the sapo replaces the first on the server
        reporter.ws.articles.save_fields(aid, {"sapo": f"Sapo {n} của phóng viên."})
        editor.ws.articles.save_fields(aid, {"sapo": f"Sapo {n} của biên tập viên."})
        reporter.sync.sync()
        assert editor.sync.sync().conflicts == 1
    report = reporter.sync.sync()  # brings in the second conflict and the first one settled
    assert report.pending == 0
    assert reporter.sync.pending() == 0
    assert [c.key for c in reporter.ws.review.conflicts(aid)] == ["sapo"]
    assert (reporter.sync.sync().pushed, editor.sync.sync().pushed) == (0, 0)


def test_a_story_pulled_new_is_not_compared_again_at_the_end_of_the_round(
    two_desks: tuple[Desk, Desk], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its base is dated when its row was written (nothing of it could have changed here
    before): the round's closing count of stories to send does not read it again — yet an
    edit made here afterwards is still one to send."""
    reporter, editor = two_desks
    aid = write_story(reporter, tmp_path)
    reporter.sync.sync()
    compared: list[uuid.UUID] = []
    dirty = sync_desk._dirty

    def counting(s: Session, article_id: uuid.UUID, base: srepo.Base | None) -> bool:
        compared.append(article_id)
        return dirty(s, article_id, base)

    monkeypatch.setattr(sync_desk, "_dirty", counting)
    got = editor.sync.sync()
    assert (got.pulled, got.pending, got.problems) == (1, 0, [])
    assert compared == []
    editor.ws.articles.save_fields(aid, {"headline": "Tiêu đề biên tập viên sửa"})
    assert editor.sync.pending() == 1
    assert compared == [aid]


def test_a_pull_in_groups_brings_every_story_and_merges_one_changed_here_meanwhile(
    two_desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pull reads the server's stories a group at a time; a story edited on this desk
    while the round runs is merged on the server instead (both edits kept), the others are
    brought in."""
    reporter, editor = two_desks
    monkeypatch.setattr(sync_module, "_PULL_GROUP", 2)
    ids = [
        reporter.ws.articles.create(
            headline=f"Tin số {i}", sapo="Tóm tắt.", body="Nội dung."
        ).article.id
        for i in range(5)
    ]
    reporter.sync.sync()
    assert editor.sync.sync().pulled == 5
    for aid in ids:
        reporter.ws.articles.save_fields(aid, {"body": f"Phóng viên bổ sung {aid}."})
    reporter.sync.sync()

    edited: list[int] = []

    def edit_while_pulling(n: int, total: int, what: str) -> None:
        if what.startswith("Đang nhận") and n == 2 and not edited:  # the second group's start
            editor.ws.articles.save_fields(ids[3], {"headline": "Tiêu đề biên tập viên sửa"})
            edited.append(n)

    got = editor.sync.sync(progress=edit_while_pulling)
    assert (got.pushed, got.pulled, got.problems, got.pending) == (1, 4, [], 0)
    for aid in ids:
        assert editor.ws.articles.get(aid).body == f"Phóng viên bổ sung {aid}."
    assert editor.ws.articles.get(ids[3]).headline == "Tiêu đề biên tập viên sửa"
    reporter.sync.sync()
    assert story(reporter, ids[3]) == story(editor, ids[3])
