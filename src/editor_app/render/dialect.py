"""The Markdown dialect of article bodies: Python-Markdown's configuration and tree processors.

Python-Markdown with `tables`, `fenced_code` and `sane_lists`, and deliberately without:

- raw HTML: the `html_block` preprocessor and `html` inline pattern are removed, so `<b>` or
  `<script>` typed in the body shows as text. Reporters write Markdown; pasted HTML is not a
  format we publish, and passing it through only to strip it again invites surprises;
- `footnotes`, `abbr`, `attr_list`, `md_in_html`, `toc`: state across the whole text (which
  would defeat per-block rendering), or attributes (`{: onclick=…}`) we would only strip;
- `smarty`: it doubles Markdown's time; `render.typography.smarten` does the quotes instead;
- reference-style images (`![alt][ref]`): a photo is written `![alt](photo:<uuid>)`, and two
  fewer inline patterns to try on every piece of text.

After inline parsing, `BodyTreeprocessor` moves photos out to the top level as empty
`<figure data-photo=… data-alt=…>` markers (`render.layout` draws the real figure; other images
become markers with no id), demotes `#` to h2, turns table alignment into classes, marks
external links and drops script URLs, sets typographic quotes, and puts a `data-line` token on
every top-level element.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from editor_app.render.typography import smarten

__all__ = [
    "EXTERNAL_REL",
    "PHOTO_SCHEME",
    "BodyTreeprocessor",
    "References",
    "build_markdown",
    "photo_id",
]

EXTERNAL_REL = "noopener noreferrer nofollow"
PHOTO_SCHEME = "photo:"

_BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "ul", "ol"}
)
_CODE_TAGS = frozenset({"code", "pre"})
_SCRIPT_URL = re.compile(r"[\x00-\x20]*(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
_ALIGN_STYLE = re.compile(r"text-align:\s*(left|center|right)")


def photo_id(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text) if text else None
    except ValueError:
        return None


def _is_external(href: str, site_host: str) -> bool:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return True
    if not parts.netloc:
        return False  # relative, mailto:, tel:
    host = (parts.hostname or "").removeprefix("www.")
    return host != site_host.removeprefix("www.")


class BodyTreeprocessor(Treeprocessor):
    """After inline parsing: photos out to the top level, links, headings, tables, quotes."""

    def __init__(self, md: markdown.Markdown, site_host: str, token: str | None) -> None:
        super().__init__(md)
        self.site_host = site_host.lower()
        self.token = token
        self.separator: str | None = None  # set while converting several blocks in one call
        self.last_tags: list[str | None] = []  # per block: its last element as parsed

    def run(self, root: ET.Element) -> None:
        children: list[ET.Element] = []
        last: str | None = None
        self.last_tags = []
        for top in list(root):
            if self.separator is not None and top.tag == "p" and top.text == self.separator:
                self.last_tags.append(last)
                last = None
                children.append(top)
                continue
            last = top.tag
            markers = self._take_images(top)
            if not (markers and top.tag == "p" and _empty(top)):
                self._tidy(top)
                children.append(top)
            children.extend(markers)
        self.last_tags.append(last)
        root[:] = children
        if self.token is not None:
            for top in root:
                if (
                    top.tag == "p"
                    and top.text
                    and (top.text == self.separator or HTML_PLACEHOLDER_RE.fullmatch(top.text))
                ):
                    continue
                top.set("data-line", self.token)

    def _take_images(self, top: ET.Element) -> list[ET.Element]:
        if top.find(".//img") is None:
            return []
        markers: list[ET.Element] = []
        for parent in list(top.iter()):
            for child in list(parent):
                if child.tag != "img":
                    continue
                src = child.get("src", "")
                photo = photo_id(src[len(PHOTO_SCHEME) :]) if src.startswith(PHOTO_SCHEME) else None
                markers.append(
                    ET.Element(
                        "figure",
                        {
                            "data-photo": str(photo) if photo else "",
                            "data-alt": child.get("alt", ""),
                        },
                    )
                )
                _remove(parent, child)
        return markers

    def _tidy(self, top: ET.Element) -> None:
        if top.tag == "h1":
            top.tag = "h2"  # the headline is the page's only h1
        for el in top.iter():
            if el.tag == "a":
                href = el.get("href")
                if href and _SCRIPT_URL.match(href):
                    del el.attrib["href"]  # even spaced out ("java  script:"): never a link
                elif href and _is_external(href, self.site_host):
                    el.set("rel", EXTERNAL_REL)
            elif el.tag in ("th", "td"):
                style = el.attrib.pop("style", "")
                m = _ALIGN_STYLE.search(style)
                if m:
                    el.set("class", f"align-{m.group(1)}")
        _smarten_tree(top, "")


def _empty(el: ET.Element) -> bool:
    return len(el) == 0 and not (el.text or "").strip()


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Removes `child`, keeping the text that followed it."""
    index = list(parent).index(child)
    if child.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _smarten_tree(el: ET.Element, previous: str) -> str:
    """Typographic quotes in the text of `el` and below, in reading order; returns the last char."""
    if el.tag in _BLOCK_TAGS:
        previous = ""
    if el.text:
        if el.tag not in _CODE_TAGS and not isinstance(el.text, AtomicString):
            el.text = smarten(el.text, previous)
        previous = el.text[-1]
    for child in el:
        if child.tag in _CODE_TAGS:
            previous = "".join(child.itertext())[-1:] or previous
        else:
            previous = _smarten_tree(child, previous)
        if child.tail:
            if not isinstance(child.tail, AtomicString):
                child.tail = smarten(child.tail, previous)
            previous = child.tail[-1]
    return previous


class References(Treeprocessor):
    """After block parsing, before links are resolved: notes the block's own definitions and
    adds the whole text's (so `[x][1]` resolves as it would in one Markdown call)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.inject: dict[str, tuple[str, str]] = {}
        self.local: dict[str, tuple[str, str]] = {}

    def run(self, root: ET.Element) -> None:
        self.local = dict(self.md.references)
        self.md.references.update(self.inject)


def build_markdown(
    site_host: str, token: str | None
) -> tuple[markdown.Markdown, BodyTreeprocessor, References]:
    md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("image_reference")  # `![alt][ref]`: photos go in as photo:<id>
    md.inlinePatterns.deregister("short_image_ref")  # `![ref]`: idem
    refs = References(md)
    md.treeprocessors.register(refs, "editor_references", 25)  # before "inline" (20)
    tree = BodyTreeprocessor(md, site_host, token)
    md.treeprocessors.register(tree, "editor_body", 15)
    return md, tree, refs
