"""PhotoService: attaching files (good and bad mixed), editing, featured, order, undo of remove."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from editor_app.domain.errors import NotFound
from editor_app.media.xmp import PhotoMetadata, build_xmp
from editor_app.services.photos import PhotoService
from editor_app.services.workspace import Workspace


def make_jpeg(
    path: Path,
    colour: tuple[int, int, int] = (200, 40, 40),
    size: tuple[int, int] = (64, 48),
    taken: str | None = None,
    xmp: bytes | None = None,
) -> Path:
    im = Image.new("RGB", size, colour)
    options: dict[str, object] = {"quality": 85}
    if taken is not None:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal
        options["exif"] = exif
    if xmp is not None:
        options["xmp"] = xmp
    im.save(path, "JPEG", **options)
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = Workspace.open(tmp_path / "data")
    yield w
    w.close()


@pytest.fixture
def article_id(ws: Workspace) -> uuid.UUID:
    return ws.articles.create(headline="Lũ quét ở Lào Cai").article.id


def test_workspace_offers_the_service(ws: Workspace) -> None:
    assert isinstance(ws.photos, PhotoService)
    assert ws.photos is ws.photos


def test_attach_keeps_the_good_files_and_names_the_bad(
    ws: Workspace, article_id: uuid.UUID, tmp_path: Path
) -> None:
    good = make_jpeg(tmp_path / "tốt 1.jpg")
    empty = tmp_path / "rỗng.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "note.jpg"
    text.write_text("không phải ảnh", encoding="utf-8")
    second = make_jpeg(tmp_path / "hai.jpg", colour=(10, 200, 10))
    seen: list[tuple[int, int]] = []

    report = ws.photos.attach(
        article_id, [good, empty, text, second], progress=lambda d, t, _m: seen.append((d, t))
    )

    assert [i.ok for i in report.items] == [True, False, False, True]
    assert not report.all_ok
    assert report.items[1].error == "tệp rỗng (0 byte)"
    assert report.items[2].error == "không phải là tệp ảnh"
    assert "\n" not in (report.items[2].error or "")
    photos = ws.photos.of_article(article_id)
    assert [p.id for p in photos] == [p.id for p in report.photos]
    assert photos[0].filename == "tốt 1.jpg"
    assert photos[0].featured and not photos[1].featured
    assert report.changes.articles == {article_id}
    assert report.changes.photos == {p.id for p in photos}
    assert seen[-1] == (4, 4)
    for p in photos:
        assert ws.photos.media.has(p.sha256)


def test_attach_caption_credit_given_or_from_the_file(
    ws: Workspace, article_id: uuid.UUID, tmp_path: Path
) -> None:
    meta = PhotoMetadata(caption="Cầu Cốc Lếu sau lũ", credit="TTXVN")
    embedded = make_jpeg(tmp_path / "a.jpg", xmp=build_xmp(meta), taken="2024:09:10 14:30:00")
    plain = make_jpeg(tmp_path / "b.jpg", colour=(1, 2, 3))

    first = ws.photos.attach(article_id, [embedded]).photos[0]
    assert first.caption == "Cầu Cốc Lếu sau lũ"
    assert first.credit == "TTXVN"
    assert first.taken_at == datetime(2024, 9, 10, 7, 30, tzinfo=UTC)  # Vietnam is UTC+7

    decomposed = unicodedata.normalize("NFD", "Ảnh: Nguyễn Văn A")
    second = ws.photos.attach(article_id, [plain], caption="Chú thích", credit=decomposed)
    assert second.photos[0].caption == "Chú thích"
    assert second.photos[0].credit == "Ảnh: Nguyễn Văn A"


def test_attach_to_a_missing_story_fails_before_storing(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        ws.photos.attach(uuid.uuid4(), [make_jpeg(tmp_path / "a.jpg")])
    assert not list((ws.data_dir / "media").rglob("*.jpg"))


def test_attach_can_be_cancelled(ws: Workspace, article_id: uuid.UUID, tmp_path: Path) -> None:
    files = [make_jpeg(tmp_path / f"{i}.jpg", colour=(i, i, i)) for i in range(3)]
    calls = iter([False, True])
    report = ws.photos.attach(article_id, files, cancel=lambda: next(calls))
    assert report.cancelled and len(report.items) == 1
    assert len(ws.photos.of_article(article_id)) == 1


def test_update_nfc_and_one_featured(ws: Workspace, article_id: uuid.UUID, tmp_path: Path) -> None:
    a, b = ws.photos.attach(
        article_id, [make_jpeg(tmp_path / "a.jpg"), make_jpeg(tmp_path / "b.jpg", (0, 0, 9))]
    ).photos
    nfd = unicodedata.normalize("NFD", "  Người dân dọn bùn sau lũ  ")
    changes = ws.photos.update(b.id, caption=nfd, alt_text="Bùn", featured=True)
    assert changes.articles == {article_id} and changes.photos == {b.id}
    got = {p.id: p for p in ws.photos.of_article(article_id)}
    assert got[b.id].caption == "Người dân dọn bùn sau lũ"
    assert unicodedata.is_normalized("NFC", got[b.id].caption)
    assert got[b.id].featured and not got[a.id].featured
    assert got[b.id].alt_text == "Bùn" and got[b.id].credit == ""
    ws.photos.update(a.id, featured=True)
    got = {p.id: p for p in ws.photos.of_article(article_id)}
    assert [got[a.id].featured, got[b.id].featured] == [True, False]


def test_reorder(ws: Workspace, article_id: uuid.UUID, tmp_path: Path) -> None:
    files = [make_jpeg(tmp_path / f"{i}.jpg", colour=(i * 40, 0, 0)) for i in range(3)]
    ids = [p.id for p in ws.photos.attach(article_id, files).photos]
    changes = ws.photos.reorder(article_id, [ids[2], ids[0], ids[1]])
    assert changes.articles == {article_id}
    assert [p.id for p in ws.photos.of_article(article_id)] == [ids[2], ids[0], ids[1]]


def test_remove_then_restore_puts_it_back(
    ws: Workspace, article_id: uuid.UUID, tmp_path: Path
) -> None:
    files = [make_jpeg(tmp_path / f"{i}.jpg", colour=(0, i * 40, 0)) for i in range(3)]
    ids = [p.id for p in ws.photos.attach(article_id, files).photos]
    ws.photos.update(ids[1], caption="Giữa")
    removed = ws.photos.remove(ids[1])
    changes, photo = removed.changes, removed.photo
    assert changes.photos == {ids[1]} and changes.articles == {article_id}
    assert [p.id for p in ws.photos.of_article(article_id)] == [ids[0], ids[2]]
    assert ws.photos.media.has(photo.sha256)  # kept for the undo
    ws.photos.restore(article_id, photo)
    restored = ws.photos.of_article(article_id)
    assert [p.id for p in restored] == ids
    assert restored[1].caption == "Giữa"


def test_thumbnail_is_a_small_jpeg(ws: Workspace, article_id: uuid.UUID, tmp_path: Path) -> None:
    photo = ws.photos.attach(article_id, [make_jpeg(tmp_path / "a.jpg", size=(800, 600))]).photos[0]
    data = ws.photos.thumbnail(photo.sha256, 120)
    assert data[:2] == b"\xff\xd8"
    assert ws.photos.thumbnail(photo.sha256, 120) == data
