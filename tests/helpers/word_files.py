"""Word files the tests write: with python-docx, by hand (hostile ones), and with a real word
processor (LibreOffice, `soffice --headless --convert-to docx`)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from PIL import Image

HEADLINE = "Giao ban công tác lý luận chính trị quý I"
SAPO = "Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác quý I năm 2023."
BODY_1 = "Dự hội nghị có đồng chí Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy."
CAPTION_1 = "Đồng chí Dương Đức Huy phát biểu chỉ đạo hội nghị"
CREDIT_1 = "Hồng Ninh"
CAPTION_2 = "Quang cảnh hội nghị."
CREDIT_2 = "Văn Minh/TTXVN"
LONG = (
    "Hội nghị đã đánh giá kết quả công tác giáo dục lý luận chính trị quý I, chỉ ra những "
    "hạn chế, nguyên nhân và đề ra nhiệm vụ trọng tâm trong thời gian tới, trong đó có việc "
    "đổi mới nội dung, phương pháp giảng dạy, gắn lý luận với thực tiễn của địa phương và "
    "nâng cao chất lượng đội ngũ báo cáo viên ở các cấp."
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def jpeg_bytes(color: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", quality=90)
    return out.getvalue()


def _italic(doc: DocumentObject, text: str) -> Paragraph:
    p = doc.add_paragraph()
    p.add_run(text).italic = True
    return p


def story_document(*, decomposed: bool = False) -> DocumentObject:
    """A reporter's story: Title, bold sapo, a paragraph, a photo with an italic caption and
    a "(Ảnh: …)" credit, a heading, a list, a table, a photo with a Caption-style caption."""
    t = nfd if decomposed else (lambda s: s)
    doc = Document()
    doc.add_paragraph(t(HEADLINE), style="Title")
    doc.add_paragraph().add_run(t(SAPO)).bold = True
    doc.add_paragraph(t(BODY_1))
    doc.add_picture(io.BytesIO(jpeg_bytes((200, 30, 30))))
    _italic(doc, t(f"{CAPTION_1} (Ảnh: {CREDIT_1})"))
    doc.add_heading(t("Kết quả quý I"), level=2)
    doc.add_paragraph(t("Mở 12 lớp bồi dưỡng"), style="List Bullet")
    doc.add_paragraph(t("Tổ chức 3 hội nghị báo cáo viên"), style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    cells = {(0, 0): "Chỉ tiêu", (0, 1): "Kết quả", (1, 0): "Lớp", (1, 1): "12"}
    for (r, c), text in cells.items():
        table.cell(r, c).text = t(text)
    doc.add_picture(io.BytesIO(jpeg_bytes((30, 30, 200))))
    doc.add_paragraph(t(f"{CAPTION_2} Ảnh: {CREDIT_2}"), style="Caption")
    doc.add_paragraph(t(LONG))
    return doc


def save(doc: DocumentObject, path: Path) -> Path:
    doc.save(str(path))
    return path


def add_tracked_changes(doc: DocumentObject) -> None:
    """An insertion and a deletion in the last paragraph, as Word's Track Changes writes them."""
    p = doc.paragraphs[-1]._p
    p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="Biên tập" w:date="2024-04-12T08:00:00Z">'
            '<w:r><w:t xml:space="preserve"> Câu được thêm.</w:t></w:r></w:ins>'
        )
    )
    p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="Biên tập" w:date="2024-04-12T08:00:00Z">'
            "<w:r><w:delText> Câu đã xoá.</w:delText></w:r></w:del>"
        )
    )


def add_field(doc: DocumentObject) -> None:
    doc.paragraphs[-1]._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )


def rewrite(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of the zip `source` with entries replaced, added (bytes) or removed (None)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in changes:
                continue
            out.writestr(info, src.read(info.filename))
        for name, data in changes.items():
            if data is not None:
                out.writestr(name, data)
    return target


def read_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


# --- LibreOffice --------------------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(source: Path, out_dir: Path, home: Path) -> Path:
    """`soffice --headless --convert-to docx` with a profile of its own (in `home`)."""
    binary = soffice()
    assert binary is not None
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    proc = subprocess.Popen(
        [
            binary,
            f"-env:UserInstallation=file://{home}/lo-profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = proc.communicate(timeout=180)
    result = out_dir / (source.stem + ".docx")
    assert proc.returncode == 0 and result.is_file(), (out, err)
    return result


def _frame(n: int, jpeg: bytes) -> str:
    import base64

    data = base64.b64encode(jpeg).decode()
    return (
        f'<draw:frame draw:name="Ảnh {n}" text:anchor-type="as-char" svg:width="8cm" '
        f'svg:height="6cm"><draw:image><office:binary-data>{data}</office:binary-data>'
        "</draw:image></draw:frame>"
    )


def writer_document(photos: list[bytes], *, decomposed: bool = True) -> str:
    """A flat OpenDocument text (.fodt) as a reporter writes it in LibreOffice Writer: a Title,
    a bold sapo, text typed decomposed (NFD), three photos each followed by its caption (the
    Caption style, an italic line, a line with "Ảnh: …"), a footnote, a comment and a tracked
    insertion."""
    t = nfd if decomposed else (lambda s: s)
    captions = [
        f'<text:p text:style-name="Caption">{t(CAPTION_1)} (Ảnh: {t(CREDIT_1)})</text:p>',
        f'<text:p text:style-name="Italic">{t(CAPTION_2)} Ảnh: {t(CREDIT_2)}</text:p>',
        f'<text:p text:style-name="Caption">{t("Các đại biểu phát biểu ý kiến.")}</text:p>',
    ]
    body = "".join(
        f'<text:p text:style-name="Centre">{_frame(n + 1, jpeg)}</text:p>{captions[n]}'
        f"<text:p>{t(LONG)}</text:p>"
        for n, jpeg in enumerate(photos[:3])
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Title" style:family="paragraph" style:class="chapter">
  <style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Caption" style:family="paragraph" style:class="extra">
  <style:text-properties fo:font-size="10pt" fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Bold" style:family="paragraph">
  <style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Italic" style:family="paragraph">
  <style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Centre" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info>
<dc:creator>Biên tập</dc:creator><dc:date>2024-04-12T08:00:00</dc:date></office:change-info>
</text:insertion></text:changed-region></text:tracked-changes>
<text:p text:style-name="Title">{t(HEADLINE)}</text:p>
<text:p text:style-name="Bold">{t(SAPO)}</text:p>
<text:p>{t(BODY_1)}<text:note text:id="ftn1" text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body><text:p>{t("Theo Ban Tuyên giáo.")}
</text:p></text:note-body></text:note><office:annotation><dc:creator>Biên tập</dc:creator>
<text:p>{t("Kiểm tra chức danh")}</text:p></office:annotation>
<text:change-start text:change-id="ct1"/>{t(" Câu được thêm.")}
<text:change-end text:change-id="ct1"/>
</text:p>
{body}
</office:text></office:body></office:document>
"""
