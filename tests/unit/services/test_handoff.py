"""Hand-off between two real data folders: send writes a package, receive creates or merges the
story; conflicts are kept on both sides; a refused package or a failure midway writes nothing."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.story_zips import dumps, read_story, sha
from PIL import Image

from editor_app.domain.errors import UserError
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.review import make_anchor
from editor_app.domain.workflow import Role, Status, User
from editor_app.exchange.package import PackageError
from editor_app.services.workspace import Workspace

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)


def jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    with Workspace.open(tmp_path / "reporter") as a, Workspace.open(tmp_path / "editor") as b:
        yield a, b


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _story(ws: Workspace, tmp_path: Path, photos: int = 1) -> uuid.UUID:
    aid = ws.articles.create(
        headline="Hội nghị giao ban công tác quý I",
        sapo="Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.",
        body="Đồng chí Dương Đức Huy phát biểu chỉ đạo.\n\nHội nghị kết thúc lúc 11 giờ.",
        section="Chính trị",
        keywords=["giao ban"],
    ).article.id
    files = [jpeg(tmp_path / f"p{i}.jpg", (40 * i, 120, 200)) for i in range(photos)]
    report = ws.photos.attach(aid, files, caption="Các đại biểu dự hội nghị", credit="Ảnh: Lê Minh")
    assert report.all_ok
    return aid


def _fingerprint(ws: Workspace) -> tuple[str, list[str]]:
    """The database's bytes (file and WAL) and the originals stored."""
    digest = hashlib.sha256()
    for name in ("editor_app.db", "editor_app.db-wal"):
        path = ws.data_dir / name
        digest.update(path.read_bytes() if path.exists() else b"")
    originals = ws.data_dir / "media" / "originals"
    files = sorted(str(p.relative_to(originals)) for p in originals.rglob("*") if p.is_file())
    return digest.hexdigest(), files


# --- sending and a new story ---------------------------------------------------------------------


def test_send_then_receive_creates_the_story_with_photos_revisions_and_comments(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path, photos=2)
    official = Official("Dương Đức Huy", [Title("Trưởng Ban Tuyên giáo Tỉnh ủy")])
    rep.officials.save(official)
    rep.officials.tag(aid, [official.id])
    rep.review.set_status(aid, Status.SUBMITTED, MINH)
    article = rep.articles.get(aid)
    note = rep.review.add_comment(
        aid, make_anchor("body", article.body, 0, 18), "Ghi rõ chức danh", MINH
    )

    path = rep.handoff.send(aid, outbox, MINH).path
    assert path == outbox / f"hoi-nghi-giao-ban-cong-tac-quy-i-{aid.hex[:8]}.story.zip"
    assert rep.review.history(aid)[0].kind == "handoff"
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["sender"] == {"name": "Lê Minh", "role": "reporter"}
    assert sum(name.startswith("photos/") for name in manifest["parts"]) == 2

    got = ed.handoff.receive(path, HA)
    assert (got.article_id, got.outcome, got.conflicts) == (aid, "new", [])
    assert got.changes.membership and got.changes.officials
    copy = ed.articles.get(aid)
    assert (copy.headline, copy.sapo, copy.body) == (article.headline, article.sapo, article.body)
    assert copy.status is Status.SUBMITTED and copy.keywords == ["giao ban"]
    assert [p.id for p in copy.photos] == [p.id for p in article.photos]
    assert [p.caption for p in copy.photos] == ["Các đại biểu dự hội nghị"] * 2
    for p in copy.photos:
        original = ed.photos.media.original_path(p.sha256)
        assert original is not None and sha(original.read_bytes()) == p.sha256
    assert ed.officials.get(official.id).current_titles == ["Trưởng Ban Tuyên giáo Tỉnh ủy"]
    assert copy.official_ids == [official.id]
    theirs = [h.id for h in rep.review.history(aid)]
    mine = ed.review.history(aid)
    assert [h.id for h in mine[1:]] == theirs
    assert (mine[0].kind, mine[0].author, mine[0].role) == ("received", HA.name, "editor")
    assert [c.id for c in ed.review.comments(aid)] == [note.id]


def test_sending_to_a_missing_folder_is_refused(
    desks: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    rep, _ = desks
    aid = _story(rep, tmp_path, photos=0)
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        rep.handoff.send(aid, tmp_path / "nowhere", MINH)


def test_a_send_that_fails_takes_its_handoff_revision_back(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, _ = desks
    aid = _story(rep, tmp_path)
    before = rep.review.history(aid)
    original = rep.photos.media.original_path(rep.articles.get(aid).photos[0].sha256)
    assert original is not None
    original.chmod(0o644)
    original.unlink()
    with pytest.raises(UserError, match="Thiếu ảnh gốc"):
        rep.handoff.send(aid, outbox, MINH)
    assert rep.review.history(aid) == before
    assert list(outbox.iterdir()) == []


# --- merging -------------------------------------------------------------------------------------


def _exchange(rep: Workspace, ed: Workspace, aid: uuid.UUID, outbox: Path, tmp_path: Path) -> None:
    """The reporter sends the story; the editor receives it."""
    assert ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA).outcome == "new"


def test_changes_on_each_side_are_merged(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    ed.articles.save_fields(aid, {"sapo": "Sa pô do biên tập viên sửa."})
    rep.articles.save_fields(aid, {"body": "Thân bài phóng viên viết lại."})

    got = rep.handoff.receive(ed.handoff.send(aid, outbox, HA).path, MINH)
    assert (got.outcome, got.conflicts) == ("merged", [])
    story = rep.articles.get(aid)
    assert story.sapo == "Sa pô do biên tập viên sửa."
    assert story.body == "Thân bài phóng viên viết lại."
    assert rep.review.conflicts(aid) == []


def test_both_editing_the_headline_is_a_conflict_kept_on_both_sides(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    ed.articles.save_fields(aid, {"headline": "Tiêu đề của biên tập viên"})
    rep.articles.save_fields(aid, {"headline": "Tiêu đề của phóng viên", "sapo": "Sa pô mới"})

    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    assert got.outcome == "conflict"
    (c,) = got.conflicts
    assert (c.key, c.ours, c.theirs) == (
        "headline",
        "Tiêu đề của biên tập viên",
        "Tiêu đề của phóng viên",
    )
    story = ed.articles.get(aid)
    assert story.headline == "Tiêu đề của biên tập viên"  # ours until settled
    assert story.sapo == "Sa pô mới"  # changed on their side only
    kinds = {h.id: h.kind for h in ed.review.history(aid)}
    assert kinds[c.theirs_revision_id] == "received"
    assert kinds[c.ours_revision_id] == "conflict"
    assert ed.review.revision_snapshot(c.theirs_revision_id)["headline"] == c.theirs
    assert ed.review.revision_snapshot(c.ours_revision_id)["headline"] == c.ours
    assert [x.id for x in ed.review.conflicts(aid)] == [c.id]

    ed.review.settle(c.id, "theirs", HA)
    assert ed.articles.get(aid).headline == "Tiêu đề của phóng viên"
    assert ed.review.conflicts(aid) == []


def test_both_editing_one_caption_is_a_conflict_settled_by_the_user(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    pid = rep.articles.get(aid).photos[0].id
    rep.photos.update(pid, caption="Chú thích của phóng viên")
    ed.photos.update(pid, caption="Chú thích của biên tập viên")

    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    (c,) = got.conflicts
    assert c.key == f"photo:{pid}:caption" and c.label_vi == "Chú thích ảnh 1"
    assert ed.articles.get(aid).photos[0].caption == "Chú thích của biên tập viên"
    ed.review.settle(c.id, "theirs", HA)
    assert ed.articles.get(aid).photos[0].caption == "Chú thích của phóng viên"


def test_the_same_edit_on_both_sides_or_none_here_is_no_conflict(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    for ws in (rep, ed):
        ws.articles.save_fields(aid, {"headline": "Cùng một tiêu đề"})
    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    assert (got.outcome, got.conflicts) == ("merged", [])
    assert ed.articles.get(aid).headline == "Cùng một tiêu đề"
    # Receiving the same package again changes nothing.
    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    assert got.outcome == "merged"


def test_photos_added_and_removed_on_their_side(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path, photos=2)
    _exchange(rep, ed, aid, outbox, tmp_path)
    first, second = rep.articles.get(aid).photos
    rep.photos.remove(second.id)
    added = rep.photos.attach(aid, [jpeg(tmp_path / "new.jpg", (250, 10, 10))]).photos[0]

    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    assert got.outcome == "merged"
    story = ed.articles.get(aid)
    assert [p.id for p in story.photos] == [first.id, added.id]
    assert ed.photos.media.has(added.sha256)
    assert {second.id, added.id} <= got.changes.photos
    # As when a photo is removed here, its original stays: an earlier revision brings it back.
    assert ed.photos.media.has(second.sha256)
    earlier = [h for h in ed.review.history(aid) if h.kind == "handoff"][-1]  # the first
    restored = ed.review.restore(aid, earlier.id, HA)
    assert restored.messages == ()
    assert [p.id for p in ed.articles.get(aid).photos] == [first.id, second.id]


def test_unrelated_histories_of_one_id_conflict_on_every_difference(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    ed.articles.save_fields(aid, {"headline": "Tiêu đề A", "byline": "Hà"})
    rep.articles.save_fields(aid, {"headline": "Tiêu đề B"})
    path = rep.handoff.send(aid, outbox, MINH).path
    # The same story id with a history the editor has never seen.
    story = read_story(path)
    story.entry("revisions.json").data = dumps([])
    story.list_parts()
    story.write(path)

    got = ed.handoff.receive(path, HA)
    assert got.outcome == "conflict"
    assert {c.key for c in got.conflicts} == {"headline", "byline"}
    assert ed.articles.get(aid).headline == "Tiêu đề A"


# --- refusals and failures -----------------------------------------------------------------------


def test_a_package_whose_photo_is_not_a_photo_is_refused_with_nothing_written(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    path = rep.handoff.send(aid, outbox, MINH).path
    story = read_story(path)
    bad = b"MZ\x90\x00 this is not a photo" * 10
    photo = next(e for e in story.entries if e.name.startswith("photos/"))
    old = photo.name.split("/")[1].split(".")[0]
    photo.name, photo.data = f"photos/{sha(bad)}.jpg", bad
    for e in story.entries:  # the story now names the bad bytes' digest
        e.data = e.data.replace(old.encode(), sha(bad).encode())
    story.list_parts()
    story.write(path)
    before = _fingerprint(ed)
    with pytest.raises(PackageError, match="không phải là tệp ảnh"):
        ed.handoff.receive(path, HA)
    assert _fingerprint(ed) == before
    assert ed.articles.list_stories() == []


def test_a_part_of_the_wrong_shape_is_refused_naming_the_field(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    path = rep.handoff.send(aid, outbox, MINH).path
    story = read_story(path)
    article = json.loads(story.entry("article.json").data)
    article["snapshot"]["photos"][0]["featured"] = "yes"
    story.entry("article.json").data = dumps(article)
    story.list_parts()
    story.write(path)
    before = _fingerprint(ed)
    with pytest.raises(
        PackageError, match=r"“article.json”, trường “snapshot.photos\[0\].featured”"
    ):
        ed.handoff.receive(path, HA)
    assert _fingerprint(ed) == before


def test_a_failure_midway_leaves_the_database_and_originals_as_they_were(
    desks: tuple[Workspace, Workspace],
    outbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path, photos=1)
    _exchange(rep, ed, aid, outbox, tmp_path)
    rep.photos.attach(aid, [jpeg(tmp_path / f"n{i}.jpg", (9, 9 * i, 99)) for i in range(1, 3)])
    rep.articles.save_fields(aid, {"sapo": "Sa pô mới"})
    path = rep.handoff.send(aid, outbox, MINH).path
    before = _fingerprint(ed)

    from editor_app.media.library import MediaLibrary

    real_add = MediaLibrary.add
    calls: list[Path] = []

    def failing_add(self: MediaLibrary, source: Path | str) -> object:
        calls.append(Path(source))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_add(self, source)

    monkeypatch.setattr(MediaLibrary, "add", failing_add)
    with pytest.raises(OSError, match="No space left"):
        ed.handoff.receive(path, HA)
    assert len(calls) == 2  # the first original was stored, then taken back
    assert _fingerprint(ed) == before
    assert ed.articles.get(aid).sapo != "Sa pô mới"


def test_a_failure_inside_the_transaction_takes_the_new_originals_back(
    desks: tuple[Workspace, Workspace],
    outbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path, photos=2)
    path = rep.handoff.send(aid, outbox, MINH).path
    before = _fingerprint(ed)

    from editor_app.store.repo import review as review_repo

    def broken(*args: object, **kwargs: object) -> bool:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(review_repo, "import_revisions", broken)
    with pytest.raises(RuntimeError):
        ed.handoff.receive(path, HA)
    assert _fingerprint(ed) == before
    assert ed.articles.list_stories() == []


def test_a_field_conflicting_again_replaces_its_open_conflict(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    ed.articles.save_fields(aid, {"headline": "Biên tập 1"})
    rep.articles.save_fields(aid, {"headline": "Phóng viên 1"})
    first = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA).conflicts
    rep.articles.save_fields(aid, {"headline": "Phóng viên 2"})
    second = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA).conflicts
    assert [c.theirs for c in second] == ["Phóng viên 2"]
    assert [c.id for c in ed.review.conflicts(aid)] == [second[0].id]
    settled = {c.id: c for c in ed.review.conflicts(aid, open_only=False)}
    assert settled[first[0].id].settled


def test_receiving_a_package_again_or_ones_own_back_writes_nothing(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    note = rep.review.add_comment(
        aid, make_anchor("headline", rep.articles.get(aid).headline, 0, 8), "Xem lại", MINH
    )
    path = rep.handoff.send(aid, outbox, MINH).path
    assert ed.handoff.receive(path, HA).outcome == "new"
    history, comments = ed.review.history(aid), ed.review.comments(aid)
    before = _fingerprint(ed)
    again = ed.handoff.receive(path, HA)
    assert (again.outcome, again.conflicts) == ("merged", [])
    assert ed.review.history(aid) == history  # no second “received” revision
    assert ed.review.comments(aid) == comments == [rep.review.comment(note.id)]
    assert _fingerprint(ed)[1] == before[1]
    # The sender receiving its own package back: nothing new either.
    mine = rep.review.history(aid)
    assert rep.handoff.receive(path, MINH).outcome == "merged"
    assert rep.review.history(aid) == mine
    # An older package after a newer one: the newer stays, nothing is written.
    older = outbox / "older.story.zip"
    path.rename(older)
    rep.articles.save_fields(aid, {"headline": "Tiêu đề mới hơn"})
    assert ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA).outcome == "merged"
    history = ed.review.history(aid)
    assert ed.handoff.receive(older, HA).outcome == "merged"
    assert ed.articles.get(aid).headline == "Tiêu đề mới hơn"
    assert ed.review.history(aid) == history


def test_a_reporters_package_does_not_change_a_story_approved_here(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    rep.review.set_status(aid, Status.SUBMITTED, MINH)
    _exchange(rep, ed, aid, outbox, tmp_path)
    for target in (Status.EDITING, Status.APPROVED):
        ed.review.set_status(aid, target, HA)
    approved = ed.articles.get(aid)
    # Before hearing of the approval, the reporter rewrites the body, adds a photo, withdraws.
    rep.articles.save_fields(aid, {"body": "Thân bài phóng viên viết lại."})
    rep.photos.attach(aid, [jpeg(tmp_path / "them.jpg", (200, 30, 30))], caption="Ảnh thêm")
    rep.review.set_status(aid, Status.DRAFT, MINH)

    got = ed.handoff.receive(rep.handoff.send(aid, outbox, MINH).path, HA)
    assert got.outcome == "conflict"
    assert {c.key for c in got.conflicts} == {"body", "status", "photos"}
    story = ed.articles.get(aid)
    assert (story.status, story.body) == (Status.APPROVED, approved.body)
    assert [p.id for p in story.photos] == [p.id for p in approved.photos]
    # The editor decides: the new photo and the body are taken, the approval stays.
    by_key = {c.key: c for c in got.conflicts}
    for key in ("photos", "body"):
        ed.review.settle(by_key[key].id, "theirs", HA)
    ed.review.settle(by_key["status"].id, "ours", HA)
    story = ed.articles.get(aid)
    assert story.body == "Thân bài phóng viên viết lại." and story.status is Status.APPROVED
    assert [p.caption for p in story.photos][-1] == "Ảnh thêm"
    # An editor's package is merged as usual.
    rep.handoff.receive(ed.handoff.send(aid, outbox, HA).path, MINH)
    ed.articles.save_fields(aid, {"sapo": "Sa pô biên tập lại sau khi duyệt."})
    got = rep.handoff.receive(ed.handoff.send(aid, outbox, HA).path, MINH)
    assert (got.outcome, rep.articles.get(aid).sapo) == (
        "merged",
        "Sa pô biên tập lại sau khi duyệt.",
    )


def test_a_photo_merged_in_takes_its_facts_from_its_original_not_the_snapshot(
    desks: tuple[Workspace, Workspace], outbox: Path, tmp_path: Path
) -> None:
    rep, ed = desks
    aid = _story(rep, tmp_path)
    _exchange(rep, ed, aid, outbox, tmp_path)
    exif = Image.Exif()
    exif[0x0110] = "Canon EOS R6"  # the camera model
    shot = tmp_path / "them.jpg"
    Image.new("RGB", (80, 60), (10, 200, 10)).save(shot, "JPEG", exif=exif)
    rep.photos.attach(aid, [shot], caption="Ảnh thêm")
    path = rep.handoff.send(aid, outbox, MINH).path
    story = read_story(path)
    article = json.loads(story.entry("article.json").data)
    article["snapshot"]["photos"][1].update(width=10**30, height=1, format="GIF")
    story.entry("article.json").data = dumps(article)
    story.list_parts()
    story.write(path)

    assert ed.handoff.receive(path, HA).outcome == "merged"
    added = ed.articles.get(aid).photos[1]
    assert (added.caption, added.width, added.height, added.format) == ("Ảnh thêm", 80, 60, "JPEG")
    assert (added.filename, added.camera) == ("them.jpg", "Canon EOS R6")
