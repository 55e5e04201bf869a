"""A story from a Word file (issue 17, point 1), on documents written by python-docx: the
story's fields, photos in place with captions and credits, originals byte for byte, NFC, what
could not be kept; every bad input refused with its Vietnamese reason and nothing written."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.word_files import (
    BODY_1,
    CAPTION_1,
    CAPTION_2,
    CREDIT_1,
    CREDIT_2,
    HEADLINE,
    SAPO,
    add_field,
    add_tracked_changes,
    jpeg_bytes,
    read_part,
    rewrite,
    save,
    story_document,
)
from PIL import Image

from editor_app.domain.errors import UserError
from editor_app.services.docx_guard import DocxLimits, check_docx
from editor_app.services.docx_import import ImportCancelled, import_docx
from editor_app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _nothing_written(ws: Workspace) -> None:
    from editor_app.domain.listing import ArticleFilter

    assert ws.articles.list_stories(ArticleFilter()) == []
    originals = ws.db.media_dir / "originals"
    assert not originals.exists() or not [p for p in originals.rglob("*") if p.is_file()]


def _media_hashes(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.startswith("word/media/"))
        return [hashlib.sha256(z.read(n)).hexdigest() for n in names]


def test_a_story_with_its_photos_in_place(ws: Workspace, tmp_path: Path) -> None:
    path = save(story_document(), tmp_path / "bài.docx")
    result = ws.importing.import_docx(path, section="Chính trị/Xây dựng Đảng")
    a = ws.articles.get(result.article.id)
    assert a.headline == HEADLINE
    assert a.sapo == SAPO
    assert a.section == "Chính trị/Xây dựng Đảng"
    assert [(p.caption, p.credit) for p in a.photos] == [
        (CAPTION_1, CREDIT_1),
        (CAPTION_2, CREDIT_2),
    ]
    assert a.photos[0].featured and not a.photos[1].featured
    first, second = (f"![](photo:{p.id})" for p in a.photos)
    assert a.body == (
        f"{BODY_1}\n\n{first}\n\n## Kết quả quý I\n\n- Mở 12 lớp bồi dưỡng\n"
        "- Tổ chức 3 hội nghị báo cáo viên\n\n| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Lớp | 12 |"
        f"\n\n{second}\n\n{a.body.rsplit(chr(10) * 2, 1)[1]}"
    )
    assert "Hội nghị đã đánh giá" in a.body
    assert CAPTION_1 not in a.body and "Ảnh:" not in a.body  # captions are not repeated
    # originals byte for byte: the stored files are the bytes the Word file holds
    assert sorted(p.sha256 for p in a.photos) == sorted(_media_hashes(path))
    for p in a.photos:
        stored = ws.importing.media.original_path(p.sha256)
        assert stored is not None
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == p.sha256
    assert result.notes == []


def test_text_typed_decomposed_comes_out_nfc(ws: Workspace, tmp_path: Path) -> None:
    path = save(story_document(decomposed=True), tmp_path / "nfd.docx")
    a = ws.importing.import_docx(path).article
    assert (a.headline, a.sapo) == (HEADLINE, SAPO)
    assert a.photos[0].caption == CAPTION_1 and a.photos[1].credit == CREDIT_2
    assert BODY_1 in a.body and "Kết quả quý I" in a.body


def test_tracked_changes_are_accepted_and_said(ws: Workspace, tmp_path: Path) -> None:
    doc = story_document()
    add_tracked_changes(doc)
    add_field(doc)
    doc.add_comment(doc.paragraphs[2].runs, text="Kiểm tra lại chức danh", author="Biên tập")
    path = save(doc, tmp_path / "sua.docx")
    result = ws.importing.import_docx(path)
    assert "Câu được thêm." in result.article.body
    assert "Câu đã xoá" not in result.article.body
    said = "\n".join(result.notes)
    assert "2 thay đổi được theo dõi (Track Changes) đã được chấp nhận" in said
    assert "1 nhận xét (comment) không được nhập" in said
    assert "1 trường tự động" in said


def test_pictures_in_formats_photos_do_not_take_are_listed(ws: Workspace, tmp_path: Path) -> None:
    doc = story_document()
    gif = io.BytesIO()
    Image.new("P", (40, 30)).save(gif, "GIF")
    doc.add_picture(gif)
    result = ws.importing.import_docx(save(doc, tmp_path / "gif.docx"))
    assert len(result.article.photos) == 2
    assert any("1 hình không nhập được vì ở định dạng GIF" in n for n in result.notes)


def test_the_same_picture_twice_is_one_photo(ws: Workspace, tmp_path: Path) -> None:
    doc = story_document()
    doc.add_picture(io.BytesIO(jpeg_bytes((200, 30, 30))))  # the first photo's bytes again
    a = ws.importing.import_docx(save(doc, tmp_path / "twice.docx")).article
    assert len(a.photos) == 2
    assert a.body.count(f"photo:{a.photos[0].id}") == 2


def test_a_cancelled_import_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    path = save(story_document(), tmp_path / "bai.docx")
    with pytest.raises(ImportCancelled, match="Đã hủy nhập tệp Word"):
        import_docx(ws.db, path, cancelled=lambda: True)
    _nothing_written(ws)


# --- bad input --------------------------------------------------------------------------------
BOMB_XML = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_XML = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


def _linked(good: Path, target: Path) -> Path:
    rels = read_part(good, "word/_rels/document.xml.rels").decode()
    rels = re.sub(
        r'Target="media/([^"]+)"',
        r'Target="https://example.com/\1" TargetMode="External"',
        rels,
        count=1,
    )
    return rewrite(good, target, {"word/_rels/document.xml.rels": rels.encode()})


def _bomb(good: Path, target: Path) -> Path:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info.filename))
        out.writestr("word/media/zeros.bin", b"\0" * (60 * 1024 * 1024))
    return target


def _huge_picture(good: Path, target: Path) -> Path:
    big = io.BytesIO()
    Image.new("1", (12_000, 9_000)).save(big, "PNG")  # 108 MP: over the photos' 100 MP
    doc = story_document()
    doc.add_picture(big)
    return save(doc, target)


def _macros(good: Path, target: Path) -> Path:
    return rewrite(good, target, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"})


def _encrypted(good: Path, target: Path) -> Path:
    # What Word writes for a password-protected file: an OLE compound file holding the
    # encrypted package (the stream's name in the directory, UTF-16).
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    target.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    return target


BAD_INPUTS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "docm": (lambda g, t: rewrite(g, t.with_suffix(".docm"), {}), "có macro"),
    "vba inside a .docx": (_macros, "có macro"),
    "password": (_encrypted, "đặt mật khẩu"),
    "zip bomb": (_bomb, "bom nén"),
    "entity expansion": (
        lambda g, t: rewrite(g, t, {"word/document.xml": BOMB_XML}),
        "DOCTYPE/thực thể XML",
    ),
    "external entity": (
        lambda g, t: rewrite(g, t, {"word/document.xml": EXTERNAL_XML}),
        "DOCTYPE/thực thể XML",
    ),
    "linked picture": (_linked, "không tải ảnh từ mạng"),
    "huge picture": (_huge_picture, "trên 100 megapixel"),
    "plain text": (lambda g, t: (t.write_text("Tiêu đề\n\nThân bài"), t)[1], "không phải tệp Word"),
    "pdf": (lambda g, t: (t.write_bytes(b"%PDF-1.7\n..."), t)[1], "tệp PDF"),
    "legacy .doc": (
        lambda g, t: (t.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), t)[1],
        "tệp Word cũ (.doc",
    ),
    "odt": (lambda g, t: rewrite(g, t, {"word/document.xml": None, "mimetype": b"x"}), ".odt"),
    "truncated": (lambda g, t: (t.write_bytes(g.read_bytes()[:3000]), t)[1], "bị hỏng"),
    "empty": (lambda g, t: (t.write_bytes(b""), t)[1], "tệp rỗng"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_refused_and_nothing_written(ws: Workspace, tmp_path: Path, kind: str) -> None:
    good = save(story_document(), tmp_path / "good.docx")
    make, reason = BAD_INPUTS[kind]
    path = make(good, tmp_path / "bad.docx")
    with pytest.raises(UserError, match=re.escape(reason)) as caught:
        ws.importing.import_docx(path)
    assert caught.value.message.startswith(f"Không nhập được tệp “{path.name}”:")
    _nothing_written(ws)


def test_a_picture_refused_late_leaves_no_original_behind(ws: Workspace, tmp_path: Path) -> None:
    """The first photo is stored before the huge one is refused: it is forgotten again."""
    path = _huge_picture(tmp_path / "good.docx", tmp_path / "huge.docx")
    with pytest.raises(UserError, match="ảnh thứ 3 trong tệp bị từ chối"):
        ws.importing.import_docx(path)
    _nothing_written(ws)


def test_entries_past_the_limits_are_refused_before_reading(tmp_path: Path) -> None:
    path = save(story_document(), tmp_path / "bai.docx")
    with pytest.raises(UserError, match="nội dung tệp khi giải nén quá lớn"):
        check_docx(path, DocxLimits(max_total_bytes=10_000))
    with pytest.raises(UserError, match="quá nhiều cho một tệp Word"):
        check_docx(path, DocxLimits(max_entries=3))
    with pytest.raises(UserError, match="quá nhiều ảnh"):
        import_docx_limited(tmp_path, path, DocxLimits(max_images=1))


def import_docx_limited(tmp_path: Path, path: Path, limits: DocxLimits) -> None:
    with Workspace.open(tmp_path / "other") as ws:
        import_docx(ws.db, path, limits=limits)
