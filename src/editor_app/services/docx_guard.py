"""A Word file checked before anything reads it for the story: refused, with a Vietnamese
reason, when it is not a `.docx` at all, carries macros, is password-protected, is a zip bomb,
holds XML with a DOCTYPE (entity expansion, external entities), or shows pictures only linked
from elsewhere (never fetched); otherwise what it holds that a story cannot keep is counted
(`domain/docx_notes.DocxFindings`).

Every XML part is parsed here with defusedxml, DOCTYPEs forbidden (Word never writes one), so
the parser mammoth uses afterwards (the standard library's minidom) only ever sees plain XML.
The sizes a zip entry declares bound what reading it yields (`zipfile` stops there), so the
limits are checked on them before a byte is inflated.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from editor_app.domain.docx_notes import DocxFindings
from editor_app.domain.errors import UserError
from editor_app.domain.site_limits import size_text
from editor_app.services.safe_read import read_regular

__all__ = ["CORRUPT", "DOCX_LIMITS", "CheckedDocx", "DocxLimits", "DocxRefused", "check_docx"]

_MIB = 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CHART_URIS = (
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram",
)
_TRACKED = frozenset(
    f"{_W}{n}"
    for n in (
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
        "tblPrChange", "trPrChange", "tcPrChange", "cellIns", "cellDel", "numberingChange",
    )
)  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MACRO_EXTENSIONS = (".docm", ".dotm")
_MAIN = "word/document.xml"
CORRUPT = "tệp Word bị hỏng (không mở được như tệp .docx)."


class DocxRefused(UserError):
    """A Word file not imported: the file's name and why (Vietnamese)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"Không nhập được tệp “{path.name}”: {why}")
        self.path = path


@dataclass(frozen=True)
class DocxLimits:
    """What a Word file may hold. Tests pass smaller ones."""

    max_file_bytes: int = 300 * _MIB  # a story with 30 full-size camera photos
    max_entries: int = 5000
    max_total_bytes: int = 2048 * _MIB  # inflated, all entries together
    max_xml_bytes: int = 64 * _MIB  # one XML part, read into memory
    max_ratio: int = 200  # inflated / compressed, for entries above ratio_from bytes
    ratio_from: int = _MIB
    max_images: int = 200  # as the package's photo list (exchange/limits.py)


DOCX_LIMITS = DocxLimits()


@dataclass(frozen=True)
class CheckedDocx:
    """A Word file that passed: its bytes (read once) and what it holds that is not kept."""

    path: Path
    data: bytes
    findings: DocxFindings


def _not_a_docx(data: bytes) -> str | None:
    """Why bytes that are not a zip are not a Word file, or None when they are a zip."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return None
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            return (
                "tệp được đặt mật khẩu (mã hoá). Hãy mở bằng Word, bỏ mật khẩu (Tệp › Thông "
                "tin › Bảo vệ tài liệu › Mã hoá bằng mật khẩu, xoá mật khẩu) rồi lưu lại."
            )
        return (
            "đây là tệp Word cũ (.doc, Word 97–2003) hoặc tệp Office cũ khác, không phải "
            ".docx. Hãy mở bằng Word hoặc LibreOffice và lưu thành “Word Document (.docx)”."
        )
    if data.lstrip().startswith(b"{\\rtf"):
        return "đây là tệp RTF, không phải .docx. Hãy mở bằng Word và lưu thành .docx."
    if data.startswith(b"%PDF"):
        return "đây là tệp PDF, không phải tệp Word (.docx)."
    return "đây không phải tệp Word (.docx)."


def _other_office(names: set[str]) -> str:
    if "mimetype" in names or "content.xml" in names:
        return (
            "đây là văn bản OpenDocument (.odt) chứ không phải .docx. Hãy mở bằng LibreOffice "
            "và lưu thành “Word 2007-365 (.docx)”."
        )
    if any(n.startswith("xl/") for n in names):
        return "đây là bảng tính Excel, không phải tệp Word (.docx)."
    if any(n.startswith("ppt/") for n in names):
        return "đây là tệp trình chiếu PowerPoint, không phải tệp Word (.docx)."
    return "đây là tệp nén (zip) nhưng không phải tệp Word (.docx)."


def _check_entries(archive: zipfile.ZipFile, limits: DocxLimits) -> str | None:
    """Why the archive's entries are refused (a bomb, encrypted, macros), or None."""
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        return f"tệp có {len(infos)} phần, quá nhiều cho một tệp Word (có thể là tệp độc hại)."
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return "tệp được đặt mật khẩu (mã hoá). Hãy bỏ mật khẩu trong Word rồi lưu lại."
        if info.filename.lower().endswith("vbaproject.bin"):
            return _macro_text()
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_from and ratio > limits.max_ratio:
            return (
                "tệp là một “bom nén” (zip bomb): một phần của nó nở ra "
                f"{size_text(info.file_size)} từ {size_text(info.compress_size)}."
            )
    if total > limits.max_total_bytes:
        return (
            f"nội dung tệp khi giải nén quá lớn ({size_text(total)}; tối đa "
            f"{size_text(limits.max_total_bytes)}), có thể là tệp độc hại."
        )
    return None


def _macro_text() -> str:
    return (
        "tệp có macro (.docm). Macro có thể chứa mã độc nên không được nhận. Hãy mở bằng "
        "Word và lưu thành “Word Document (.docx)” (macro sẽ bị bỏ)."
    )


def _parse(archive: zipfile.ZipFile, name: str, limits: DocxLimits) -> Element:
    """One XML part, parsed with DOCTYPEs and entities forbidden; DocxRefused's reason as a
    ValueError otherwise."""
    info = archive.getinfo(name)
    if info.file_size > limits.max_xml_bytes:
        raise ValueError(f"phần {name} của tệp quá lớn ({size_text(info.file_size)}).")
    data = archive.read(name)
    try:
        root: Element = fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        raise ValueError(
            f"phần {name} của tệp có khai báo DOCTYPE/thực thể XML (entity) mà Word không bao "
            "giờ viết: có thể là tệp độc hại (bom XML, tham chiếu tệp bên ngoài)."
        ) from None
    except ParseError:
        raise ValueError(f"tệp Word bị hỏng (phần {name} không đọc được).") from None
    return root


def _xml_parts(names: set[str]) -> list[str]:
    return sorted(n for n in names if n.lower().endswith((".xml", ".rels", ".vml")))


def _linked_images(rels: Element) -> list[str]:
    """The targets of picture relationships that point outside the file."""
    return [
        rel.get("Target", "")
        for rel in rels.iter(_RELS)
        if rel.get("Type", "").endswith("/image") and rel.get("TargetMode") == "External"
    ]


def _linked_text(targets: list[str]) -> str:
    first = targets[0][:80]
    return (
        f"tệp có {len(targets)} ảnh chỉ được liên kết tới ({first}) chứ không nằm trong tệp. "
        "Ứng dụng không tải ảnh từ mạng hay từ nơi khác. Hãy chèn chính ảnh vào tệp Word "
        "(Chèn › Ảnh › Thiết bị này) rồi lưu lại."
    )


def _walk(root: Element) -> list[Element]:
    """The elements in document order, leaving out mc:Fallback copies (Word writes a text box
    or a drawing twice: the new form and a fallback)."""
    out: list[Element] = []
    stack = [root]
    while stack:
        element = stack.pop()
        out.append(element)
        stack.extend(reversed([c for c in element if c.tag != _MC_FALLBACK]))
    return out


def _count_fields(elements: list[Element]) -> int:
    """Fields other than hyperlinks: simple ones and complex ones (begin … instrText …)."""
    count = 0
    instr: list[str] | None = None
    for el in elements:
        if el.tag == f"{_W}fldSimple":
            count += not el.get(f"{_W}instr", "").strip().upper().startswith("HYPERLINK")
        elif el.tag == f"{_W}fldChar":
            kind = el.get(f"{_W}fldCharType")
            if kind == "begin":
                instr = []
            elif kind in ("separate", "end") and instr is not None:
                count += not "".join(instr).strip().upper().startswith("HYPERLINK")
                instr = None
        elif el.tag == f"{_W}instrText" and instr is not None:
            instr.append(el.text or "")
    return count


def _count_body(document: Element, found: DocxFindings) -> None:
    elements = _walk(document)
    tags = [el.tag for el in elements]
    found.tracked_changes = sum(t in _TRACKED for t in tags)
    found.text_boxes = tags.count(f"{_W}txbxContent")
    found.footnotes = tags.count(f"{_W}footnoteReference")
    found.endnotes = tags.count(f"{_W}endnoteReference")
    found.equations = tags.count(f"{_M}oMath")
    found.objects = sum(t.endswith("}OLEObject") for t in tags)
    found.charts = sum(
        1 for el in elements if el.tag.endswith("}graphicData") and el.get("uri") in _CHART_URIS
    )
    found.fields = _count_fields(elements)
    if not found.comments:
        found.comments = len(
            {el.get(f"{_W}id") for el in elements if el.tag == f"{_W}commentReference"}
        )


def _has_text(part: Element) -> bool:
    return any((el.text or "").strip() for el in part.iter(f"{_W}t"))


def _inventory(archive: zipfile.ZipFile, names: set[str], limits: DocxLimits) -> DocxFindings:
    """Every XML part parsed safely; linked pictures refused; the rest counted."""
    found = DocxFindings()
    linked: list[str] = []
    for name in _xml_parts(names):
        root = _parse(archive, name, limits)
        if name == "[Content_Types].xml" and "macroEnabled" in "".join(
            el.get("ContentType", "") for el in root.iter()
        ):
            raise ValueError(_macro_text())
        if name.endswith(".rels"):
            linked += _linked_images(root)
        elif name == _MAIN:
            _count_body(root, found)
        elif name == "word/comments.xml":
            found.comments = sum(1 for _ in root.iter(f"{_W}comment"))
        elif name.startswith(("word/header", "word/footer")) and _has_text(root):
            found.headers_footers += 1
    if linked:
        raise ValueError(_linked_text(linked))
    return found


def check_docx(path: Path, limits: DocxLimits = DOCX_LIMITS) -> CheckedDocx:
    """The Word file at `path`, checked; `DocxRefused` (or `UnreadableFile`) says why not."""
    path = Path(path)
    if path.suffix.lower() in _MACRO_EXTENSIONS:
        raise DocxRefused(path, _macro_text())
    data = read_regular(path, limits.max_file_bytes)
    if not data:
        raise DocxRefused(path, "tệp rỗng (0 byte).")
    why = _not_a_docx(data)
    if why is not None:
        raise DocxRefused(path, why)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            why = _check_entries(archive, limits)
            if why is None and _MAIN not in names:
                why = _other_office(names)
            if why is not None:
                raise DocxRefused(path, why)
            findings = _inventory(archive, names, limits)
    except ValueError as e:
        raise DocxRefused(path, str(e)) from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        raise DocxRefused(path, CORRUPT) from None
    return CheckedDocx(path, data, findings)
