"""An article's text file as the window and `import-text` read it (issue 15, point 4): what is
not an article's text is refused with its reason, and the photos it names are found, or named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.domain.errors import UserError
from editor_app.services.importing import MAX_ARTICLE_TEXT_BYTES, read_article_text
from editor_app.services.workspace import Workspace

TEXT = "Tiêu đề bài\n\nĐoạn sapo.\n\nanh-1.jpg\nChú thích ảnh một.\n\nĐoạn thân bài.\n"


def test_a_text_with_a_word_line_break_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_text("Tiêu đề\n\nDòng một\vdòng hai.\r\n", encoding="utf-8")
    assert read_article_text(path).headline == "Tiêu đề"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Ti\xeau \xf0\xe8\n", "không phải văn bản UTF-8. Hãy lưu lại dưới dạng “Văn bản thuần"),
        (b"Ti\xc3\xaau \x00\x01\x02\n", "có ký tự nhị phân"),
        (b"x" * (MAX_ARTICLE_TEXT_BYTES + 1), "tệp quá lớn"),
    ],
)
def test_what_is_not_an_article_is_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=reason):
        read_article_text(path)


def test_the_photos_not_beside_the_text_are_named(tmp_path: Path) -> None:
    text = tmp_path / "bai" / "bai.txt"
    text.parent.mkdir()
    text.write_text(TEXT, encoding="utf-8")
    with Workspace.open(tmp_path / "data") as ws:
        assert ws.importing.photos_not_found(text) == ["anh-1.jpg"]
        (tmp_path / "anh").mkdir()
        (tmp_path / "anh" / "ANH-1.JPG").write_bytes(b"")  # case and Unicode form do not matter
        assert ws.importing.photos_not_found(text, tmp_path / "anh") == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFO here")
def test_import_text_refuses_a_fifo_without_waiting_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "bai.txt"
    os.mkfifo(fifo)
    code = main(["--data-dir", str(tmp_path / "data"), "import-text", str(fifo)])
    assert code == 1
    assert "ống dẫn (FIFO)" in capsys.readouterr().err
