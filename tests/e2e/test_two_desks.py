"""Acceptance test of issue #7's hand-off: a reporter's laptop and an editor's PC (two data
folders, no server) exchange a story both ways as `.story.zip` files through the command line,
with comments and edits on both sides; each conflict case; each hostile package refused with
nothing written."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers.story_zips import (
    SYMLINK,
    Entry,
    Story,
    dumps,
    read_story,
    sha,
    zeros_bomb,
)
from PIL import Image

from editor_app.cli import main
from editor_app.domain.review import make_anchor
from editor_app.exchange.package import Limits, PackageError
from editor_app.services.handoff import HandoffService
from editor_app.services.workspace import Workspace

REPORTER = ("Lê Minh", "reporter")
EDITOR = ("Trần Thu Hà", "editor")


@dataclass
class Desks:
    reporter: Path
    editor: Path
    usb: Path
    capsys: pytest.CaptureFixture[str]

    def run(self, data: Path, *args: str) -> str:
        """Runs the command on a desk; it must succeed; returns its stdout."""
        code = main(["--data-dir", str(data), *args])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return out

    def fail(self, data: Path, *args: str) -> str:
        """Runs a command that must fail with one line on stderr; returns that line."""
        code = main(["--data-dir", str(data), *args])
        out, err = self.capsys.readouterr()
        assert (code, out) == (1, "")
        assert err.count("\n") == 1 and "Traceback" not in err
        return err

    def send(self, data: Path, aid: str) -> Path:
        return Path(self.run(data, "send", aid, "--to", str(self.usb)).strip())

    def receive(self, data: Path, package: Path) -> str:
        _, outcome = self.run(data, "receive", str(package)).split()
        return outcome

    def show(self, data: Path, aid: str) -> dict[str, Any]:
        return dict(json.loads(self.run(data, "show", aid, "--json")))


@contextmanager
def desk(data: Path) -> Iterator[Workspace]:
    """The services of a desk, for what the command line does not do (comments, typing)."""
    with Workspace.open(data) as ws:
        yield ws


@pytest.fixture
def desks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Desks:
    d = Desks(tmp_path / "laptop-le-minh", tmp_path / "pc-tran-thu-ha", tmp_path / "usb", capsys)
    d.usb.mkdir()
    for data, (name, role) in ((d.reporter, REPORTER), (d.editor, EDITOR)):
        d.run(data, "whoami", "--name", name, "--role", role)
    return d


@pytest.fixture
def story_source(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """The sample article and its real photos when present, else a story written here with a
    JPEG made by Pillow."""
    try:
        return request.getfixturevalue("sample_article"), request.getfixturevalue("sample_photos")
    except pytest.skip.Exception:
        folder = tmp_path / "own"
        folder.mkdir()
        Image.new("RGB", (640, 480), (30, 90, 160)).save(folder / "hoi-nghi.jpg", "JPEG")
        text = folder / "bai.txt"
        text.write_text(
            "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I\n\n"
            "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý "
            "luận chính trị quý I năm 2023.\n\n"
            "Dự hội nghị có đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy.\n\n"
            "hoi-nghi.jpg\nCác đại biểu dự hội nghị giao ban.\n\n"
            "Hội nghị đánh giá kết quả công tác quý I và triển khai nhiệm vụ quý II.\n",
            encoding="utf-8",
        )
        return text, folder


def _write_story(d: Desks, source: tuple[Path, Path]) -> str:
    text, photos = source
    out = d.run(
        d.reporter,
        "import-text",
        str(text),
        "--photos",
        str(photos),
        "--section",
        "Chính trị/Xây dựng Đảng",
    )
    return out.strip()


def _fingerprint(data: Path) -> tuple[str, list[str]]:
    """The database's bytes (file and WAL) and the list of stored originals."""
    digest = hashlib.sha256()
    for name in ("editor_app.db", "editor_app.db-wal"):
        path = data / name
        digest.update(path.read_bytes() if path.exists() else b"")
    originals = data / "media" / "originals"
    return digest.hexdigest(), sorted(
        str(p.relative_to(originals)) for p in originals.rglob("*") if p.is_file()
    )


# --- the story goes both ways --------------------------------------------------------------------


def test_a_story_goes_to_the_editor_back_to_the_reporter_and_is_approved(
    desks: Desks, story_source: tuple[Path, Path]
) -> None:
    d = desks
    # The reporter writes the story (with real photos), submits and sends it.
    aid = _write_story(d, story_source)
    uid = uuid.UUID(aid)
    d.run(d.reporter, "status", aid, "submitted")
    first = d.send(d.reporter, aid)
    assert first.parent == d.usb and first.name.endswith(".story.zip")
    written = d.show(d.reporter, aid)

    # The editor receives it: a new story, as it was written, photos and all.
    assert d.receive(d.editor, first) == "new"
    received = d.show(d.editor, aid)
    for key in ("headline", "sapo", "body", "section", "status"):
        assert received[key] == written[key]
    assert [p["caption"] for p in received["photos"]] == [p["caption"] for p in written["photos"]]
    d.run(d.editor, "status", aid, "editing")
    with desk(d.editor) as ws:
        editor = ws.identity.require()
        body = ws.articles.get(uid).body
        passage = body.split("\n\n")[1][:40]
        start = body.index(passage)
        note = ws.review.add_comment(
            uid,
            make_anchor("body", body, start, start + len(passage)),
            "Cần ghi rõ chức danh đầy đủ",
            editor,
        )
        ws.articles.save_fields(uid, {"sapo": "Sa pô do biên tập viên viết lại cho gọn."})
        ws.review.save_revision(uid, editor, "Sửa sa pô")
    d.run(d.editor, "status", aid, "returned", "--reason", "Bổ sung chức danh người phát biểu")
    back = d.send(d.editor, aid)

    # The reporter receives it back: the sapo change, the status, the anchored comment.
    assert d.receive(d.reporter, back) == "merged"
    with desk(d.reporter) as ws:
        reporter = ws.identity.require()
        story = ws.articles.get(uid)
        assert story.sapo == "Sa pô do biên tập viên viết lại cho gọn."
        assert story.status.value == "returned"
        (comment,) = ws.review.comments(uid)
        assert (comment.id, comment.author, comment.role.value) == (note.id, *EDITOR)
        span = ws.review.comment_spans(uid)[note.id]
        assert span is not None and story.body[span[0] : span[1]] == passage
        reply = ws.review.reply(note.id, "Đã bổ sung chức danh", reporter)
        # The reporter edits the body around the commented passage.
        new_body = "Tin từ phóng viên Lê Minh.\n\n" + story.body + "\n\nBổ sung: chức danh."
        ws.articles.save_fields(uid, {"body": new_body})
        ws.review.save_revision(uid, reporter, "Bổ sung chức danh")
        returned = next(h for h in ws.review.history(uid) if h.kind == "status")
        assert returned.author == EDITOR[0] and "Bổ sung chức danh" in returned.reason
    d.run(d.reporter, "status", aid, "submitted")
    again = d.send(d.reporter, aid)

    # The editor receives the new version, sees the reply and the body, and approves.
    assert d.receive(d.editor, again) == "merged"
    with desk(d.editor) as ws:
        story = ws.articles.get(uid)
        assert story.body == new_body
        assert story.sapo == "Sa pô do biên tập viên viết lại cho gọn."
        assert [c.id for c in ws.review.comments(uid)] == [note.id, reply.id]
        span = ws.review.comment_spans(uid)[note.id]
        assert span is not None and story.body[span[0] : span[1]] == passage
        assert ws.review.conflicts(uid) == []
    d.run(d.editor, "status", aid, "editing")
    d.run(d.editor, "status", aid, "approved")
    assert d.show(d.editor, aid)["status"] == "approved"

    # Each desk's history says who did what; the revisions made on the other desk are kept.
    history = json.loads(d.run(d.editor, "history", aid, "--json"))
    authors = {(h["author"], h["role"]) for h in history}
    assert {REPORTER, EDITOR} <= authors
    kinds = [h["kind"] for h in history]
    assert kinds.count("handoff") == 3 and "received" in kinds


# --- conflicts -----------------------------------------------------------------------------------


@pytest.fixture
def shared(desks: Desks, tmp_path: Path) -> str:
    """A story the reporter wrote and the editor received: both desks have it."""
    folder = tmp_path / "src"
    folder.mkdir()
    Image.new("RGB", (320, 240), (200, 120, 40)).save(folder / "a.jpg", "JPEG")
    text = folder / "bai.txt"
    text.write_text(
        "Tiêu đề ban đầu\n\nSa pô ban đầu.\n\nThân bài ban đầu.\n\na.jpg\nChú thích ban đầu.\n",
        encoding="utf-8",
    )
    aid = desks.run(desks.reporter, "import-text", str(text)).strip()
    assert desks.receive(desks.editor, desks.send(desks.reporter, aid)) == "new"
    return aid


def _edit(data: Path, aid: str, **fields: str) -> None:
    with desk(data) as ws:
        article_id = uuid.UUID(aid)
        caption = fields.pop("caption", None)
        if fields:
            ws.articles.save_fields(article_id, fields)
        if caption is not None:
            ws.photos.update(ws.articles.get(article_id).photos[0].id, caption=caption)


def test_both_edit_the_headline_differently(desks: Desks, shared: str) -> None:
    d = desks
    _edit(d.reporter, shared, headline="Tiêu đề của phóng viên")
    _edit(d.editor, shared, headline="Tiêu đề của biên tập viên")
    assert d.receive(d.editor, d.send(d.reporter, shared)) == "conflict"
    with desk(d.editor) as ws:
        aid = uuid.UUID(shared)
        assert ws.articles.get(aid).headline == "Tiêu đề của biên tập viên"  # ours until settled
        (c,) = ws.review.conflicts(aid)
        assert (c.ours, c.theirs) == ("Tiêu đề của biên tập viên", "Tiêu đề của phóng viên")
        assert ws.review.revision_snapshot(c.ours_revision_id)["headline"] == c.ours
        assert ws.review.revision_snapshot(c.theirs_revision_id)["headline"] == c.theirs
        ws.review.settle(c.id, "theirs", ws.identity.require())
        assert ws.articles.get(aid).headline == "Tiêu đề của phóng viên"
    # Settled here and sent back: the reporter has nothing to settle.
    assert d.receive(d.reporter, d.send(d.editor, shared)) == "merged"
    assert d.show(d.reporter, shared)["headline"] == "Tiêu đề của phóng viên"


def test_both_edit_the_same_caption(desks: Desks, shared: str) -> None:
    d = desks
    _edit(d.reporter, shared, caption="Chú thích của phóng viên")
    _edit(d.editor, shared, caption="Chú thích của biên tập viên")
    out = json.loads(d.run(d.reporter, "receive", str(d.send(d.editor, shared)), "--json"))
    assert out["outcome"] == "conflict"
    (c,) = out["conflicts"]
    assert c["key"].endswith(":caption") and c["label_vi"] == "Chú thích ảnh 1"
    assert (c["ours"], c["theirs"]) == ("Chú thích của phóng viên", "Chú thích của biên tập viên")
    photos = d.show(d.reporter, shared)["photos"]
    assert photos[0]["caption"] == "Chú thích của phóng viên"


def test_one_edits_the_other_does_not(desks: Desks, shared: str) -> None:
    d = desks
    _edit(d.editor, shared, sapo="Sa pô đã biên tập", caption="Chú thích đã biên tập")
    assert d.receive(d.reporter, d.send(d.editor, shared)) == "merged"
    story = d.show(d.reporter, shared)
    assert story["sapo"] == "Sa pô đã biên tập"
    assert story["photos"][0]["caption"] == "Chú thích đã biên tập"


def test_both_make_the_same_edit(desks: Desks, shared: str) -> None:
    d = desks
    for data in (d.reporter, d.editor):
        _edit(data, shared, headline="Cùng sửa một tiêu đề", caption="Cùng một chú thích")
    assert d.receive(d.editor, d.send(d.reporter, shared)) == "merged"
    assert d.show(d.editor, shared)["headline"] == "Cùng sửa một tiêu đề"


def test_unrelated_histories_of_the_same_id(desks: Desks, shared: str) -> None:
    d = desks
    _edit(d.reporter, shared, headline="Bản A", body="Thân bài A")
    _edit(d.editor, shared, headline="Bản B", sapo="Sa pô B")
    package = d.send(d.reporter, shared)
    story = read_story(package)  # the same story id, a history the editor never saw
    story.entry("revisions.json").data = dumps([])
    story.list_parts()
    story.write(package)
    out = json.loads(d.run(d.editor, "receive", str(package), "--json"))
    assert out["outcome"] == "conflict"
    assert {c["key"] for c in out["conflicts"]} == {"headline", "sapo", "body"}
    assert d.show(d.editor, shared)["headline"] == "Bản B"


# --- hostile packages ----------------------------------------------------------------------------


def _add(entry: Entry, listed: bool = True) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entries.append(entry)
        if listed:
            story.list_parts()

    return mutate


def _bomb(mib: int, lie: int | None = None) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        bomb = zeros_bomb(mib)
        fake = "e" * 64
        bomb.name = f"photos/{fake}.jpg"
        if lie is not None:
            bomb.size = lie
        story.entries.append(bomb)
        story.manifest["parts"][bomb.name] = {"sha256": fake, "size": bomb.size}

    return mutate


def _tamper(name: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        entry = story.entry(name)
        entry.data = entry.data.replace("Đổi tiêu đề".encode(), "Đổi tiêu đỀ".encode(), 1)

    return mutate


def _manifest(**values: object) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.manifest.update(values)

    return mutate


def _drop(name: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entries.remove(story.entry(name))

    return mutate


def _twice(name: str) -> Callable[[Story], None]:
    def mutate(story: Story) -> None:
        story.entries.append(Entry(name, story.entry(name).data))

    return mutate


HOSTILE: dict[str, tuple[Callable[[Story], None], str]] = {
    "escaping path": (_add(Entry("../../evil.sh", b"rm -rf ~")), "thoát ra ngoài"),
    "absolute path": (_add(Entry("/tmp/evil.json", b"{}")), "tuyệt đối"),
    "drive letter": (_add(Entry("C:/Windows/evil.dll", b"MZ")), "ổ đĩa"),
    "backslashes": (_add(Entry("..\\..\\evil.bat", b"del")), "gạch ngược"),
    "symlink": (
        _add(Entry("photos/link.jpg", b"/etc/passwd", external_attr=SYMLINK)),
        "symlink",
    ),
    "duplicate entry": (_twice("article.json"), "xuất hiện hai lần"),
    "unlisted entry": (_add(Entry("extra.json", b"{}"), listed=False), "không có trong manifest"),
    "listed but missing": (_drop("comments.json"), "thiếu mục “comments.json”"),
    "zip bomb": (_bomb(1024), "bom nén"),
    "oversized entry": (_bomb(1100), "quá lớn"),
    "bomb lying about its size": (_bomb(1024, lie=4096), "bị hỏng|nhiều dữ liệu"),
    "bad checksum": (_tamper("article.json"), "sai mã kiểm tra SHA-256"),
    "manifest of the wrong shape": (_manifest(parts=["article.json"]), "“parts”"),
    "manifest from a newer app": (_manifest(version=99), "phiên bản ứng dụng mới hơn"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_package_is_refused_and_nothing_is_written(
    case: str, desks: Desks, shared: str
) -> None:
    d = desks
    _edit(d.reporter, shared, headline="Đổi tiêu đề", caption="Đổi chú thích")
    package = d.send(d.reporter, shared)
    story = read_story(package)
    mutate, message = HOSTILE[case]
    mutate(story)
    story.write(package)
    before = _fingerprint(d.editor)
    err = d.fail(d.editor, "receive", str(package))
    assert err.startswith(f"editor-app: Gói “{package.name}” bị từ chối:")
    assert any(m in err for m in message.split("|")), err
    assert _fingerprint(d.editor) == before


@pytest.mark.parametrize("keep", [0.3, 0.97])
def test_a_truncated_or_foreign_file_is_refused(
    keep: float, desks: Desks, shared: str, tmp_path: Path
) -> None:
    d = desks
    data = d.send(d.reporter, shared).read_bytes()
    cut = tmp_path / "cut.story.zip"
    cut.write_bytes(data[: int(len(data) * keep)])
    other = tmp_path / "anh.story.zip"
    Image.new("RGB", (10, 10)).save(other, "JPEG")
    before = _fingerprint(d.editor)
    assert "hỏng hoặc bị cắt cụt" in d.fail(d.editor, "receive", str(cut))
    assert "không phải tệp .story.zip hợp lệ" in d.fail(d.editor, "receive", str(other))
    assert _fingerprint(d.editor) == before


def test_too_many_entries_or_too_much_in_total_is_refused(
    desks: Desks, shared: str, tmp_path: Path
) -> None:
    d = desks
    package = d.send(d.reporter, shared)
    story = read_story(package)
    for i in range(1001):
        story.entries.append(Entry(f"photos/{sha(str(i).encode())}.jpg", str(i).encode()))
    story.list_parts()
    story.write(package)
    before = _fingerprint(d.editor)
    assert "quá nhiều mục" in d.fail(d.editor, "receive", str(package))
    # A total over the limit (a smaller limit than a desk's, to keep the test small).
    small = d.send(d.reporter, shared)
    with desk(d.editor) as ws:
        service = HandoffService(ws.db, Limits(max_total_bytes=small.stat().st_size // 4))
        with pytest.raises(PackageError, match="tổng dung lượng quá lớn"):
            service.receive(small, ws.identity.require())
    assert _fingerprint(d.editor) == before
