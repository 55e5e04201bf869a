"""The article body: Markdown → sanitised HTML, block by block, cached for typing speed.

The dialect (what Markdown does and does not do here) is `render.dialect`; every block's HTML
then goes through nh3 (`render.sanitize`).

`BodyRenderer.render` splits the text into top-level blocks (`render.blocks`), renders each block
on its own, and keeps the sanitised HTML per block text in an LRU cache, so a keystroke renders
one block. Each top-level element carries `data-line` = its block's first source line (1-based)
for scroll sync. Rendering block by block gives the same HTML as one Markdown call on the whole
text (`render_whole`), which the tests check on generated text.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from html import unescape

import markdown

from editor_app.render.blocks import Block, normalise_newlines, split_blocks
from editor_app.render.dialect import build_markdown
from editor_app.render.dialect import photo_id as parse_photo_id
from editor_app.render.sanitize import sanitise
from editor_app.render.typography import smarten

__all__ = ["BodyRenderer", "PhotoRef", "RenderedBlock", "RenderedBody"]

# What a following list item, quote or indented block may continue (see render.blocks).
_CONTINUED = frozenset({"ul", "ol", "blockquote", "pre"})
_MARKER = re.compile(r"<figure( [^>]*)></figure>")  # nh3 writes attributes in sorted order
_ATTR = re.compile(r' ([a-z-]+)="([^"]*)"')
# A plain paragraph: nothing Markdown would act on (`BodyRenderer._convert` skips Markdown).
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>&|~\x00-\x09\x0b-\x1f\x7f]|(?:^|\n)(?:\s|[#>=+\-0-9])|\s(?:\n|$)"
)


@dataclass(frozen=True, slots=True)
class PhotoRef:
    """A photo written in the body: its id (None: not a `photo:<uuid>` image) and alt text."""

    photo_id: uuid.UUID | None
    alt: str


@dataclass(slots=True)
class _Chunk:
    raw: str  # Markdown's HTML; top-level elements carry data-line="<token>"
    html: str | None  # `raw` sanitised (None until needed: sanitised in one batch per render)
    paragraphs: int  # top-level <p> elements
    has_photos: bool
    last_tag: str | None  # the last top-level element as Markdown parsed it (None: nothing)
    definitions: tuple[tuple[str, tuple[str, str]], ...]  # the link definitions it holds


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    """One top-level block of the body, rendered."""

    line: int
    html: str
    paragraphs: int
    has_photos: bool
    token: str

    def pieces(self, line_numbers: bool = True) -> list[str | PhotoRef]:
        """The block's HTML with its line number (or none), split around photo markers."""
        attr = f' data-line="{self.line}"' if line_numbers else ""
        html = self.html.replace(f' data-line="{self.token}"', attr)
        if not self.has_photos:
            return [html]
        out: list[str | PhotoRef] = []
        pos = 0
        for m in _MARKER.finditer(html):
            if m.start() > pos:
                out.append(html[pos : m.start()])
            attrs = {k: unescape(v) for k, v in _ATTR.findall(m.group(1))}
            out.append(
                PhotoRef(parse_photo_id(attrs.get("data-photo", "")), attrs.get("data-alt", ""))
            )
            pos = m.end()
        if pos < len(html):
            out.append(html[pos:])
        return out

    def markup(self, line_numbers: bool = True) -> str:
        attr = f' data-line="{self.line}"' if line_numbers else ""
        return self.html.replace(f' data-line="{self.token}"', attr)


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """The body's blocks in order, and the photos the text places itself."""

    blocks: tuple[RenderedBlock, ...]
    referenced: frozenset[uuid.UUID]

    def markup(self, line_numbers: bool = True) -> str:
        """The sanitised HTML, photo markers included (as `render_whole` gives it)."""
        return "\n".join(b.markup(line_numbers) for b in self.blocks if b.html)


def _batchable(text: str) -> bool:
    """Whether a block can share a Markdown call: not plain (that needs none), no fences, no
    link definitions."""
    return (
        bool(_NOT_PLAIN.search(text))
        and "```" not in text
        and "~~~" not in text
        and "]:" not in text
    )


Definitions = tuple[tuple[str, tuple[str, str]], ...]  # label → (url, title), sorted


class BodyRenderer:
    """Renders article bodies, keeping each block's HTML in an LRU cache.

    One instance per site (external links are told apart by the site's host) and per thread:
    the preview keeps one for the life of an editor tab. Not thread-safe.
    """

    def __init__(self, site_host: str = "", cache_size: int = 4096) -> None:
        self.site_host = site_host
        self.cache_size = cache_size
        self._token = "L" + secrets.token_hex(8)  # no text can guess it
        self._line_attr = f' data-line="{self._token}"'
        self._separator = f'<hr data-line="{self._token}-">'
        self._split = f"{self._token}split"  # a paragraph between blocks converted together
        self._md, self._tree, self._refs = build_markdown(site_host, self._token)
        self._whole: markdown.Markdown | None = None
        self._cache: OrderedDict[tuple[str, Definitions], _Chunk] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def render(self, text: str) -> RenderedBody:
        """The body, block by block (re-rendering only blocks not seen before)."""
        text = normalise_newlines(text)
        split = split_blocks(text)
        self._prepare([b for b in split if not b.soft], ())
        groups = self._group(text, split)
        definitions = self._definitions(groups)
        with_links = [g for g in groups if "[" in g.text]
        self._prepare(with_links, definitions)
        self._prepare([g for g in groups if "[" not in g.text], ())
        chunks = [self._chunk(block, definitions) for block in groups]
        self._sanitise([c for c in chunks if c.html is None])
        blocks: list[RenderedBlock] = []
        referenced: set[uuid.UUID] = set()
        for block, chunk in zip(groups, chunks, strict=True):
            assert chunk.html is not None
            rendered = RenderedBlock(
                block.line, chunk.html, chunk.paragraphs, chunk.has_photos, self._token
            )
            blocks.append(rendered)
            if chunk.has_photos:
                referenced.update(
                    p.photo_id
                    for p in rendered.pieces(False)
                    if isinstance(p, PhotoRef) and p.photo_id is not None
                )
        return RenderedBody(tuple(blocks), frozenset(referenced))

    def render_whole(self, text: str) -> str:
        """The whole body in one Markdown call, sanitised, without line numbers (the reference)."""
        if self._whole is None:
            self._whole = build_markdown(self.site_host, None)[0]
        self._whole.reset()
        return sanitise(self._whole.convert(normalise_newlines(text)))

    def clear(self) -> None:
        self._cache.clear()

    def _group(self, text: str, blocks: list[Block]) -> list[Block]:
        """The blocks, with each soft block joined to what it continues (see render.blocks)."""
        lines = text.split("\n")
        groups: list[Block] = []
        joined: list[bool] = []
        for block in blocks:
            if block.soft and groups:
                k = len(groups) - 1
                while k > 0 and not joined[k] and self._chunk(groups[k], ()).last_tag is None:
                    k -= 1  # a block that renders to nothing: look at what came before it
                if joined[k] or self._chunk(groups[k], ()).last_tag in _CONTINUED:
                    first = groups[k]
                    text_k = "\n".join(lines[first.line - 1 : block.end])
                    groups[k:] = [Block(first.line, text_k, first.soft, block.end)]
                    joined[k:] = [True]
                    continue
            groups.append(block)
            joined.append(False)
        return groups

    def _definitions(self, groups: list[Block]) -> Definitions:
        """Every reference-style link definition of the text, the last one of a label winning
        (as in one Markdown call: all definitions are read before any link is resolved)."""
        found: dict[str, tuple[str, str]] = {}
        for block in groups:
            if "]:" in block.text:
                found.update(self._chunk(block, ()).definitions)
        return tuple(sorted(found.items()))

    def _prepare(self, blocks: list[Block], definitions: Definitions) -> None:
        """Converts the blocks not in the cache, all in one Markdown call where it is safe.

        One call per block costs ~80 µs on top of the work (reset, pre- and post-processors,
        serialising): on a cold cache, a 20,000-word body is ~250 calls. The blocks are joined
        by a paragraph holding this renderer's secret token, and the output is cut there. Each
        block starts where Markdown carries nothing over (see `render.blocks`), and a paragraph
        after a blank line ends a list, quote, table or code, so each block renders as alone.
        Blocks with fenced code or link definitions (state across the joined text) go alone.
        """
        if "[" not in "".join(b.text for b in blocks):
            definitions = ()
        todo: dict[str, None] = {}
        for block in blocks:
            key = (block.text, definitions if "[" in block.text else ())
            if key not in self._cache and key[1] == definitions and _batchable(block.text):
                todo[block.text] = None
        if len(todo) < 2:
            return
        texts = list(todo)
        self._md.reset()
        self._refs.inject = dict(definitions)
        self._tree.last_tags = []
        self._tree.separator = self._split
        try:
            raw = self._md.convert(f"\n\n{self._split}\n\n".join(texts))
        finally:
            self._tree.separator = None
        pieces = raw.split(f"<p>{self._split}</p>")
        tags = self._tree.last_tags
        if len(pieces) != len(texts) or len(tags) != len(texts):
            return  # never seen; the blocks are then converted one by one
        for text, piece, last_tag in zip(texts, pieces, tags, strict=True):
            html = piece.strip()
            count = html.count(f"<p{self._line_attr}>")
            chunk = _Chunk(html, None, count, "<figure " in html, last_tag, ())
            self._store((text, definitions if "[" in text else ()), chunk)
            self.misses += 1

    def _store(self, key: tuple[str, Definitions], chunk: _Chunk) -> None:
        self._cache[key] = chunk
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _chunk(self, block: Block, definitions: Definitions) -> _Chunk:
        if "[" not in block.text:
            definitions = ()
        key = (block.text, definitions)
        chunk = self._cache.get(key)
        if chunk is not None:
            self._cache.move_to_end(key)
            self.hits += 1
            return chunk
        self.misses += 1
        chunk = self._convert(block.text, definitions)
        self._store(key, chunk)
        return chunk

    def _convert(self, text: str, definitions: Definitions) -> _Chunk:
        if not definitions and not _NOT_PLAIN.search(text):
            raw = f"<p{self._line_attr}>{smarten(text)}</p>"
            last_tag: str | None = "p"
            local: Definitions = ()
        else:
            self._md.reset()
            self._refs.inject = dict(definitions)
            self._refs.local = {}
            self._tree.last_tags = [None]  # Markdown skips the tree for a blank text
            raw = self._md.convert(text)
            last_tag = self._tree.last_tags[-1]
            local = tuple(self._refs.local.items())
        count = raw.count(f"<p{self._line_attr}>")
        return _Chunk(raw, None, count, "<figure " in raw, last_tag, local)

    def _sanitise(self, chunks: list[_Chunk]) -> None:
        """Sanitises the chunks in one nh3 call (a call costs ~30 µs before any work): joined
        by a separator only this renderer writes, split after."""
        if len(chunks) > 1:
            cleaned = sanitise(self._separator.join(c.raw for c in chunks)).split(self._separator)
            if len(cleaned) == len(chunks):
                for chunk, html in zip(chunks, cleaned, strict=True):
                    chunk.html = html
                return
        for chunk in chunks:  # one chunk (or, never seen, a separator that did not survive)
            chunk.html = sanitise(chunk.raw)
