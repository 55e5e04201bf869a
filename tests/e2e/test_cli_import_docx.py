"""`editor-app import-docx FILE [--section PATH]` end to end: a document written by python-docx,
one written by a real word processor (LibreOffice), the sample article as a reporter would send
it in Word with its photos; a refusal exits 1 with one line."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from helpers.word_files import (
    CAPTION_1,
    CAPTION_2,
    CREDIT_1,
    CREDIT_2,
    HEADLINE,
    SAPO,
    convert_to_docx,
    jpeg_bytes,
    rewrite,
    save,
    soffice,
    story_document,
    writer_document,
)

from editor_app.cli import main
from editor_app.domain.textimport import parse_plain_text


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _show(capsys: pytest.CaptureFixture[str], data: Path, article_id: str) -> dict[str, object]:
    code, out, err = cli(capsys, data, "show", article_id, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert isinstance(shown, dict)
    return shown


def test_import_docx_prints_the_id_and_says_what_was_not_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = story_document()
    doc.add_comment(doc.paragraphs[2].runs, text="Xem lại", author="Biên tập")
    path = save(doc, tmp_path / "bai.docx")
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "import-docx", str(path), "--section", "Thời sự")
    assert code == 0, err
    assert "1 nhận xét (comment) không được nhập" in err
    shown = _show(capsys, data, out.strip())
    assert (shown["headline"], shown["sapo"], shown["section"]) == (HEADLINE, SAPO, "Thời sự")
    code, out, err = cli(capsys, data, "import-docx", str(path), "--json")
    assert code == 0, err
    got = json.loads(out)
    assert got["photos"] == 2 and any("nhận xét" in n for n in got["notes"])


def test_a_refused_file_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = save(story_document(), tmp_path / "bai.docx")
    bad = rewrite(good, tmp_path / "bai.docm", {})
    code, out, err = cli(capsys, tmp_path / "data", "import-docx", str(bad))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "tệp có macro (.docm)" in err
    code, out, err = cli(capsys, tmp_path / "data", "list", "--json")
    assert json.loads(out) == []


@pytest.mark.slow
def test_a_document_from_libreoffice_writer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Written by a real word processor, typed decomposed: three photos with their captions
    (Caption style, italic), a footnote, a comment and a tracked insertion."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed: run scripts/system-deps.sh as root")
    photos = [jpeg_bytes(c) for c in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    source = tmp_path / "bai-writer.fodt"
    source.write_text(writer_document(photos), encoding="utf-8")
    path = convert_to_docx(source, tmp_path, tmp_path / "home")
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "import-docx", str(path))
    assert code == 0, err
    shown = _show(capsys, data, out.strip())
    assert (shown["headline"], shown["sapo"]) == (HEADLINE, SAPO)  # NFC
    got = shown["photos"]
    assert isinstance(got, list)
    assert [(p["caption"], p["credit"]) for p in got] == [
        (CAPTION_1, CREDIT_1),
        (CAPTION_2, CREDIT_2),
        ("Các đại biểu phát biểu ý kiến.", ""),
    ]
    assert [p["sha256"] for p in got] == [hashlib.sha256(b).hexdigest() for b in photos]
    body = str(shown["body"])
    assert body.count("](photo:") == 3 and "Câu được thêm." in body
    assert "1. Theo Ban Tuyên giáo." in body and "↑" not in body
    for said in ("thay đổi được theo dõi", "nhận xét (comment)", "chú thích cuối trang"):
        assert said in err


@pytest.mark.samples
def test_the_sample_article_sent_as_a_word_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    sample_article: Path,
    sample_photos: Path,
) -> None:
    """The sample article as a reporter would send it: its photos pasted in place, each caption
    in italics under it. The story matches `import-text`'s; the photos are the camera files,
    byte for byte."""
    parsed = parse_plain_text(sample_article.read_text(encoding="utf-8"))
    doc = Document()
    doc.add_heading(parsed.headline, level=1)
    doc.add_paragraph().add_run(parsed.sapo).bold = True
    by_place: dict[int, list[tuple[str, str]]] = {}
    for p in parsed.photos:
        by_place.setdefault(p.paragraph_index, []).append((p.filename, p.caption))
    for n in range(len(parsed.paragraphs) + 1):
        for name, caption in by_place.get(n, []):
            doc.add_picture(io.BytesIO((sample_photos / name).read_bytes()), width=Cm(15))
            doc.add_paragraph().add_run(caption).italic = True
        if n < len(parsed.paragraphs):
            doc.add_paragraph(parsed.paragraphs[n].replace("\\", ""))
    path = save(doc, tmp_path / "giao-ban.docx")
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "import-docx", str(path))
    assert code == 0, err
    shown = _show(capsys, data, out.strip())
    assert (shown["headline"], shown["sapo"]) == (parsed.headline, parsed.sapo)
    got = shown["photos"]
    assert isinstance(got, list)
    assert [p["caption"] for p in got] == [p.caption for p in parsed.photos]
    assert [p["sha256"] for p in got] == [
        hashlib.sha256((sample_photos / p.filename).read_bytes()).hexdigest() for p in parsed.photos
    ]
