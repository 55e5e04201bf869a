"""Every mutating service returns `Changes` (issue 14), alone or in a small result: the story
it names, and whether the set of stories changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.publishing import EDITOR, REPORTER, approve, photo_file, ready_story
from helpers.sites import sample_site

from editor_app.services.articles import Created, Deleted
from editor_app.services.changes import Changes
from editor_app.services.export import Exported, PublishOutcome
from editor_app.services.handoff import Received, Sent
from editor_app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=sample_site(tmp_path / "site"))
    yield workspace
    workspace.close()


def test_create_and_duplicate_name_the_new_story_and_change_the_list(ws: Workspace) -> None:
    made = ws.articles.create(headline="Hội nghị giao ban")
    assert isinstance(made, Created)
    assert made.changes == Changes.of([made.article.id], membership=True)
    assert ws.articles.get(made.article.id).headline == "Hội nghị giao ban"

    copy = ws.articles.duplicate(made.article.id)
    assert isinstance(copy, Created)
    assert copy.article.id != made.article.id
    assert copy.changes == Changes.of([copy.article.id], membership=True)


def test_trash_restore_and_delete_forever_change_the_list(ws: Workspace, tmp_path: Path) -> None:
    aid = ws.articles.create(headline="Tin").article.id
    image = photo_file(tmp_path / "photos")
    ws.photos.attach(aid, [image])
    (sha,) = (p.sha256 for p in ws.photos.of_article(aid))

    assert ws.articles.trash(aid) == Changes.of([aid], membership=True)
    assert ws.articles.restore(aid) == Changes.of([aid], membership=True)
    gone = ws.articles.delete_forever(aid)
    assert isinstance(gone, Deleted)
    assert gone.changes == Changes.of([aid], membership=True)
    assert gone.unused == [sha]


def test_export_names_the_story_and_says_when_it_recorded_a_revision(
    ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    draft = ws.articles.create(headline="Bài nháp", body="Chữ.").article.id
    forced = ws.export.export(draft, out, force_reason="Thử", user=EDITOR)
    assert isinstance(forced, Exported) and forced.path.exists()
    assert forced.changes == Changes.of([draft], revisions=True)  # the `export` revision

    aid = ready_story(ws, "Hội nghị giao ban công tác quý I", tmp_path / "photos")
    approve(ws, aid)
    first = ws.export.export(aid, out, user=EDITOR)  # publishes it
    assert first.path.exists()
    assert first.changes == Changes.of([aid], revisions=True)
    again = ws.export.export(aid, out, user=EDITOR)  # records nothing
    assert again.path == first.path
    assert again.changes == Changes.of([aid])


def test_publish_and_withdraw_name_the_story_and_its_revisions(
    ws: Workspace, tmp_path: Path
) -> None:
    aid = ready_story(ws, "Hội nghị giao ban công tác quý I", tmp_path / "photos")
    approve(ws, aid)
    out = tmp_path / "out"
    out.mkdir()
    done = ws.export.publish(aid, EDITOR, out)
    assert isinstance(done, PublishOutcome) and done.first
    assert done.changes.articles == {aid} and done.changes.revisions
    assert not done.changes.membership
    same = ws.export.publish(aid, EDITOR, write=False)  # nothing new: no revision
    assert same.changes == Changes.of([aid])

    gone = ws.export.withdraw(aid, EDITOR, "Sai tên đại biểu", out)
    assert gone.changes.articles == {aid} and gone.changes.revisions
    assert not gone.changes.membership


def test_send_and_receive_name_the_story(ws: Workspace, tmp_path: Path) -> None:
    aid = ws.articles.create(headline="Tin gửi ban biên tập", body="Chữ.").article.id
    outbox = tmp_path / "usb"
    outbox.mkdir()
    sent = ws.handoff.send(aid, outbox, REPORTER)
    assert isinstance(sent, Sent) and sent.path.parent == outbox
    assert sent.changes == Changes.of([aid], revisions=True)  # the `handoff` revision

    with Workspace.open(tmp_path / "editor") as desk:
        got = desk.handoff.receive(sent.path, EDITOR)
    assert isinstance(got, Received)
    assert got.changes.articles == {aid} and got.changes.membership
