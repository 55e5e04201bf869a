"""Reads a plain-text article laid out as the newsroom's published pages are copied.

Layout (see ../shared/samples/README.md): the first line is the headline, the next paragraph the
sapo, then body paragraphs; a line that names an image file, followed by its caption line, is a
photo. The page furniture after the body ("Có thể bạn quan tâm", "Tin cùng chuyên mục" and its
items, the share-button line) is recognised and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import fold, nfc

IMAGE_LINE_RE = re.compile(r"^[^\s/\\][^/\\]*\.(?:jpe?g|png|webp|heic|heif|tiff?|gif)$", re.I)
FURNITURE_HEADINGS = frozenset(
    fold(h) for h in ("Có thể bạn quan tâm", "Tin cùng chuyên mục", "Tin liên quan", "Tin khác")
)
SHARE_TOKENS = frozenset({"fb", "yt", "zl", "tw", "x", "in", "share", "chia se", "email"})
PHOTO_PLACEHOLDER = "photo:{index}"
_MD_LEADING_RE = re.compile(r"^(\s*)(#|>|[-+*]\s|\d+[.)]\s)")


@dataclass
class ImportedPhoto:
    """A photo named in the text: the file name as written and the caption line under it."""

    filename: str
    caption: str
    paragraph_index: int  # how many body paragraphs come before it


@dataclass
class ImportedText:
    headline: str
    sapo: str
    paragraphs: list[str] = field(default_factory=list)
    photos: list[ImportedPhoto] = field(default_factory=list)

    def body_markdown(self, photo_refs: list[str] | None = None) -> str:
        """The body as Markdown; with `photo_refs` (one per photo, e.g. "photo:<uuid>"), each
        photo stands as `![](ref)` where the text had it, so the page keeps its layout."""
        blocks: list[str] = []
        by_position: dict[int, list[int]] = {}
        for i, p in enumerate(self.photos):
            by_position.setdefault(p.paragraph_index, []).append(i)
        for idx in range(len(self.paragraphs) + 1):
            if photo_refs is not None:
                blocks.extend(f"![]({photo_refs[i]})" for i in by_position.get(idx, []))
            if idx < len(self.paragraphs):
                blocks.append(self.paragraphs[idx])
        return "\n\n".join(blocks) + ("\n" if blocks else "")


def _is_share_line(line: str) -> bool:
    tokens = fold(line).replace(",", " ").split()
    return bool(tokens) and all(t in SHARE_TOKENS for t in tokens)


def _escape_markdown(paragraph: str) -> str:
    """Plain text must not turn into headings, quotes or lists by accident."""
    return _MD_LEADING_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), paragraph)


def parse_plain_text(text: str) -> ImportedText:
    """Parses the text; raises ValidationError when there is no headline."""
    lines = [
        ln.strip()
        for ln in nfc(text)
        .replace("\ufeff", "")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .split("\n")
    ]
    # Group into paragraphs (runs of non-empty lines).
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for ln in lines:
        if ln:
            current.append(ln)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    if not paragraphs:
        raise ValidationError("Tệp không có nội dung: cần ít nhất một dòng tiêu đề.")

    first = paragraphs.pop(0)
    headline = " ".join(first[0].split())
    rest_of_first = first[1:]
    if rest_of_first:
        paragraphs.insert(0, rest_of_first)
    sapo = ""
    if paragraphs and not IMAGE_LINE_RE.match(paragraphs[0][0]):
        sapo = " ".join(" ".join(paragraphs.pop(0)).split())

    result = ImportedText(headline=headline, sapo=sapo)
    for para in paragraphs:
        head = para[0]
        if fold(head) in FURNITURE_HEADINGS or _is_share_line(head):
            break  # the page furniture: everything after it is another story's text
        i = 0
        body_lines: list[str] = []
        while i < len(para):
            ln = para[i]
            if IMAGE_LINE_RE.match(ln):
                if body_lines:
                    result.paragraphs.append(_escape_markdown(" ".join(body_lines)))
                    body_lines = []
                caption = para[i + 1] if i + 1 < len(para) else ""
                result.photos.append(
                    ImportedPhoto(ln, " ".join(caption.split()), len(result.paragraphs))
                )
                i += 2
                continue
            body_lines.append(ln)
            i += 1
        if body_lines:
            result.paragraphs.append(_escape_markdown(" ".join(body_lines)))
    return result
