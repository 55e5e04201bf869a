"""A package touches only its own story: every comment, reply, revision and photo id it brings
must be unknown here or belong to the story it arrives with, and no time in it may lie in the
future. A package that breaks this is refused with nothing written."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.story_zips import dumps, read_story
from PIL import Image

from editor_app.domain.article import utcnow
from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Role, User
from editor_app.exchange.package import PackageError
from editor_app.services.workspace import Workspace

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    with Workspace.open(tmp_path / "reporter") as a, Workspace.open(tmp_path / "editor") as b:
        yield a, b


def _story(ws: Workspace, tmp_path: Path, headline: str, colour: int) -> uuid.UUID:
    aid = ws.articles.create(headline=headline, body="Đồng chí Huy phát biểu chỉ đạo.").article.id
    photo = tmp_path / f"{colour}.jpg"
    Image.new("RGB", (64, 48), (colour, 120, 200)).save(photo, "JPEG")
    assert ws.photos.attach(aid, [photo], caption="Đại biểu dự hội nghị").all_ok
    return aid


def _fingerprint(ws: Workspace) -> tuple[str, list[str]]:
    digest = hashlib.sha256()
    for name in ("editor_app.db", "editor_app.db-wal"):
        path = ws.data_dir / name
        digest.update(path.read_bytes() if path.exists() else b"")
    originals = ws.data_dir / "media" / "originals"
    return digest.hexdigest(), sorted(p.name for p in originals.rglob("*") if p.is_file())


def _altered(path: Path, part: str, change: Callable[[Any], None]) -> Path:
    story = read_story(path)
    value = json.loads(story.entry(part).data)
    change(value)
    story.entry(part).data = dumps(value)
    story.list_parts()
    return story.write(path)


@pytest.fixture
def scene(desks: tuple[Workspace, Workspace], tmp_path: Path) -> tuple[Workspace, uuid.UUID, Path]:
    """The editor's desk has its own story with a comment; the reporter has sent a new story
    (the package, not yet received)."""
    rep, ed = desks
    mine = _story(ed, tmp_path, "Bài của ban biên tập", 10)
    body = ed.articles.get(mine).body
    ed.review.add_comment(mine, make_anchor("body", body, 0, 7), "Góp ý thật", HA)
    ed.review.save_revision(mine, HA)
    outbox = tmp_path / "usb"
    outbox.mkdir()
    aid = _story(rep, tmp_path, "Bài của phóng viên", 200)
    rep.review.add_comment(
        aid, make_anchor("body", rep.articles.get(aid).body, 0, 7), "Ghi rõ chức danh", MINH
    )
    return ed, mine, rep.handoff.send(aid, outbox, MINH).path


def _refused(ed: Workspace, path: Path, message: str) -> None:
    before = _fingerprint(ed)
    stories = ed.articles.list_stories()
    with pytest.raises(PackageError, match=message):
        ed.handoff.receive(path, HA)
    assert _fingerprint(ed) == before
    assert ed.articles.list_stories() == stories


@pytest.mark.parametrize(
    ("updated_at", "message"),
    [
        (None, r"“\[0\].id” .*bài khác"),  # the package's own time: newer than the comment here
        ("2030-01-01T00:00:00+00:00", r"bị từ chối: mục “comments.json”, trường “\[0\]"),
    ],
)
def test_a_comment_id_of_another_story_is_refused_and_that_comment_left_alone(
    scene: tuple[Workspace, uuid.UUID, Path], updated_at: str | None, message: str
) -> None:
    ed, mine, path = scene
    theirs = ed.review.comments(mine)[0]

    def steal(comments: list[dict[str, Any]]) -> None:
        comments[0].update(id=str(theirs.id), text="Bị ghi đè", author="Kẻ lạ")
        comments[0]["updated_at"] = updated_at or comments[0]["updated_at"]

    _refused(ed, _altered(path, "comments.json", steal), message)
    assert ed.review.comments(mine) == [theirs]


def test_a_reply_to_another_storys_comment_is_refused(
    scene: tuple[Workspace, uuid.UUID, Path],
) -> None:
    ed, mine, path = scene
    theirs = ed.review.comments(mine)[0]

    def reply_elsewhere(comments: list[dict[str, Any]]) -> None:
        reply = dict(comments[0], id=str(uuid.uuid4()), parent_id=str(theirs.id), anchor=None)
        comments.append(reply)

    _refused(ed, _altered(path, "comments.json", reply_elsewhere), r"“\[1\].parent_id”")
    assert ed.review.comments(mine) == [theirs]


def test_a_reply_to_no_comment_of_the_story_is_refused(
    scene: tuple[Workspace, uuid.UUID, Path],
) -> None:
    ed, _, path = scene

    def orphan(comments: list[dict[str, Any]]) -> None:
        comments.append(dict(comments[0], id=str(uuid.uuid4()), parent_id=str(uuid.uuid4())))
        comments[-1]["anchor"] = None

    _refused(ed, _altered(path, "comments.json", orphan), r"“\[1\].parent_id”")


def test_a_revision_id_of_another_story_is_refused(
    scene: tuple[Workspace, uuid.UUID, Path],
) -> None:
    ed, mine, path = scene
    theirs = ed.review.history(mine)[0]

    def steal(revisions: list[dict[str, Any]]) -> None:
        revisions[0]["id"] = str(theirs.id)

    _refused(ed, _altered(path, "revisions.json", steal), r"“\[0\].id”.* bài khác")
    assert ed.review.history(mine)[0] == theirs


def test_a_photo_id_of_another_story_is_refused(
    scene: tuple[Workspace, uuid.UUID, Path],
) -> None:
    ed, mine, path = scene
    theirs = ed.articles.get(mine).photos[0]

    def steal(article: dict[str, Any]) -> None:
        article["snapshot"]["photos"][0]["id"] = str(theirs.id)
        article["photo_files"][0]["id"] = str(theirs.id)

    _refused(ed, _altered(path, "article.json", steal), r"“snapshot.photos\[0\].id”.* bài khác")
    assert ed.articles.get(mine).photos == [theirs]


@pytest.mark.parametrize(
    ("part", "where"),
    [
        ("comments.json", "[0].updated_at"),
        ("comments.json", "[0].created_at"),
        ("revisions.json", "[0].created_at"),
        ("article.json", "updated_at"),
    ],
)
def test_a_time_in_the_future_is_refused(
    scene: tuple[Workspace, uuid.UUID, Path], part: str, where: str
) -> None:
    ed, _, path = scene

    def future(value: Any) -> None:
        target = value[0] if where.startswith("[0]") else value
        target[where.removeprefix("[0].")] = "2030-01-01T00:00:00+00:00"

    shown = where.replace("[", r"\[").replace("]", r"\]")
    _refused(ed, _altered(path, part, future), rf"“{shown}” .*tương lai")


def test_a_clock_a_few_hours_ahead_is_accepted(
    scene: tuple[Workspace, uuid.UUID, Path],
) -> None:
    ed, _, path = scene
    ahead = (utcnow() + timedelta(hours=7)).isoformat()

    def skewed(comments: list[dict[str, Any]]) -> None:
        comments[0]["updated_at"] = ahead

    got = ed.handoff.receive(_altered(path, "comments.json", skewed), HA)
    assert got.outcome == "new"
    assert len(ed.review.comments(got.article_id)) == 1


def test_a_reply_to_a_reply_is_refused(scene: tuple[Workspace, uuid.UUID, Path]) -> None:
    ed, _, path = scene

    def nested(comments: list[dict[str, Any]]) -> None:
        first = dict(comments[0], id=str(uuid.uuid4()), parent_id=comments[0]["id"], anchor=None)
        second = dict(first, id=str(uuid.uuid4()), parent_id=first["id"])
        comments.extend([first, second])

    _refused(ed, _altered(path, "comments.json", nested), r"“\[2\].parent_id” không phải")


def test_a_reply_to_a_comment_of_the_story_already_here_is_taken(
    desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    rep, ed = desks
    outbox = tmp_path / "usb"
    outbox.mkdir()
    aid = _story(rep, tmp_path, "Bài của phóng viên", 200)
    note = rep.review.add_comment(
        aid, make_anchor("body", rep.articles.get(aid).body, 0, 7), "Ghi rõ chức danh", MINH
    )
    ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    answer = rep.review.reply(note.id, "Đã sửa", MINH)

    def only_the_reply(comments: list[dict[str, Any]]) -> None:
        comments[:] = [c for c in comments if c["id"] == str(answer.id)]

    path = _altered(rep.handoff.send(aid, outbox, MINH).path, "comments.json", only_the_reply)
    assert ed.handoff.receive(path, HA).outcome == "merged"
    assert [c.id for c in ed.review.comments(aid)] == [note.id, answer.id]
