"""IPTC photo metadata as XMP: the four fields the newsroom reads and writes.

`build_xmp` writes caption (dc:description), creator (dc:creator), credit line
(photoshop:Credit) and copyright (dc:rights) as a small, deterministic XMP packet;
`parse_xmp` reads the same fields back from any packet a camera or photo tool wrote
(element or attribute form, rdf:Alt / rdf:Seq / rdf:Bag), through defusedxml.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from editor_app.domain.text import nfc

__all__ = ["MAX_FIELD_CHARS", "PhotoMetadata", "build_xmp", "parse_xmp"]

# A JPEG APP1 segment holds at most 65,502 bytes of XMP; four fields of this many characters
# fit even when every character is escaped ("&amp;", "&#13;") or takes four bytes in UTF-8.
MAX_FIELD_CHARS = 2000

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def clean_text(text: str) -> str:
    """NFC, without characters XML cannot hold, cut to MAX_FIELD_CHARS, stripped."""
    value = nfc(_NOT_XML.sub("", text))[:MAX_FIELD_CHARS].strip()
    return nfc(value)


@dataclass(frozen=True)
class PhotoMetadata:
    """Caption, creator, credit line and copyright: what goes into every rendition's XMP."""

    caption: str = ""
    creator: str = ""
    credit: str = ""
    copyright: str = ""

    def __post_init__(self) -> None:
        for name in ("caption", "creator", "credit", "copyright"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))

    def __bool__(self) -> bool:
        return any((self.caption, self.creator, self.credit, self.copyright))

    def digest(self) -> str:
        """A short hash of the exact XMP written (part of a rendition's cache key)."""
        return hashlib.sha256(build_xmp(self)).hexdigest()[:12]


def _alt(tag: str, value: str) -> str:
    return (
        f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{value.translate(_ESCAPES)}</rdf:li>'
        f"</rdf:Alt></{tag}>"
    )


def build_xmp(meta: PhotoMetadata) -> bytes:
    """The XMP packet for `meta` (UTF-8, no padding); b"" when every field is empty."""
    if not meta:
        return b""
    props = []
    if meta.caption:
        props.append(_alt("dc:description", meta.caption))
    if meta.creator:
        props.append(
            f"<dc:creator><rdf:Seq><rdf:li>{meta.creator.translate(_ESCAPES)}</rdf:li>"
            "</rdf:Seq></dc:creator>"
        )
    if meta.copyright:
        props.append(_alt("dc:rights", meta.copyright))
    if meta.credit:
        props.append(f"<photoshop:Credit>{meta.credit.translate(_ESCAPES)}</photoshop:Credit>")
    body = "\n   ".join(props)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        f' <rdf:RDF xmlns:rdf="{RDF}">\n'
        f'  <rdf:Description rdf:about="" xmlns:dc="{DC}" xmlns:photoshop="{PHOTOSHOP}">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _li_values(container: ET.Element) -> list[tuple[str, str]]:
    return [
        (li.get(_XML_LANG, ""), "".join(li.itertext()))
        for li in container
        if li.tag == f"{{{RDF}}}li"
    ]


def _value(prop: ET.Element) -> str:
    """The text of one property: an rdf:Alt (x-default first), rdf:Seq/Bag, or plain text."""
    for kind in ("Alt", "Seq", "Bag"):
        container = prop.find(f"{{{RDF}}}{kind}")
        if container is None:
            continue
        items = _li_values(container)
        if kind == "Alt":
            chosen = [t for lang, t in items if lang.lower() == "x-default"] or [
                t for _, t in items
            ]
            return chosen[0] if chosen else ""
        return "; ".join(t.strip() for _, t in items if t.strip())
    return prop.text or ""


_FIELDS = {
    "caption": f"{{{DC}}}description",
    "creator": f"{{{DC}}}creator",
    "credit": f"{{{PHOTOSHOP}}}Credit",
    "copyright": f"{{{DC}}}rights",
}


def parse_xmp(data: bytes | str) -> PhotoMetadata:
    """The four fields found in an XMP packet; empty ones where absent or unreadable."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    start, end = data.find("<"), data.rfind(">")
    if start < 0 or end < start:
        return PhotoMetadata()
    try:
        root = fromstring(data[start : end + 1], forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError):
        return PhotoMetadata()
    found: dict[str, str] = {}
    for desc in root.iter(f"{{{RDF}}}Description"):
        for name, tag in _FIELDS.items():
            if found.get(name):
                continue
            value = desc.get(tag)
            if value is None:
                prop = desc.find(tag)
                value = _value(prop) if prop is not None else ""
            if clean_text(value):
                found[name] = value
    return PhotoMetadata(**found)
