"""The Markdown side of the paste converter (paste_html.py): the spans and blocks pasted HTML is
read into, and how they are written as Markdown (emphasis per line, links, list markers and
indents, quotes, the separators between blocks, the escapes)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "LINE_START",
    "Block",
    "Item",
    "ListState",
    "Span",
    "escape_text",
    "format_block",
    "render_span",
    "separator",
    "write_blocks",
]

LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|=+\s*$|-{2,}\s*$|_{3,}\s*$)")
ESCAPE = re.compile(r"([*`]|\\(?=[!-/:-@\[-`{-~]))")


@dataclass
class Span:
    kind: str  # root | plain | bold | italic | link | bullet
    tag: str
    href: str = ""
    children: list[Span | str] = field(default_factory=list)


@dataclass
class Block:
    lines: list[str]
    kind: str  # p | h | li | cont
    level: int = 0  # heading level
    depth: int = 0  # list nesting
    marker: str = ""
    quote: int = 0
    lists: tuple[int, ...] = ()  # the lists it is in, outermost first (ids)


@dataclass
class ListState:
    ordered: bool
    number: int
    ident: int


@dataclass
class Item:
    depth: int
    marker: str
    started: bool = False


def escape_text(text: str) -> str:
    return ESCAPE.sub(r"\\\1", text)


def split_space(inner: str) -> tuple[str, str, str]:
    core = inner.strip(" \n")
    if not core:
        return inner, "", ""
    lead = inner[: len(inner) - len(inner.lstrip(" \n"))]
    trail = inner[len(inner.rstrip(" \n")) :]
    return lead, core, trail


def wrap(inner: str, marker: str) -> str:
    lead, core, trail = split_space(inner)
    if not core:
        return " " if inner else ""
    # one pair of markers per line: emphasis must not cross a paragraph break
    lines = [f"{marker}{line.strip()}{marker}" if line.strip() else "" for line in core.split("\n")]
    return lead + "\n".join(lines) + trail


def link(inner: str, href: str) -> str:
    lead, core, trail = split_space(inner)
    if not core:
        return " " if inner else ""
    if not href:
        return inner
    label = " ".join(line.strip() for line in core.split("\n") if line.strip())
    label = label.replace("[", "\\[").replace("]", "\\]")
    return f"{lead}[{label}]({href}){trail}"


def render_span(span: Span, bold: bool, italic: bool) -> str:
    if span.kind == "bold" and not bold:
        return wrap(render_children(span, True, italic), "**")
    if span.kind == "italic" and not italic:
        return wrap(render_children(span, bold, True), "*")
    if span.kind == "link":
        return link(render_children(span, bold, italic), span.href)
    return render_children(span, bold, italic)


def render_children(span: Span, bold: bool, italic: bool) -> str:
    return "".join(
        escape_text(c) if isinstance(c, str) else render_span(c, bold, italic)
        for c in span.children
    )


def indent(block: Block) -> tuple[str, str]:
    """The first line's prefix and the following lines' prefix."""
    quote = "> " * block.quote
    pad = "    " * block.depth
    if block.kind == "li":
        return quote + pad + block.marker + " ", quote + pad + "    "
    if block.kind == "cont":
        return quote + pad + "    ", quote + pad + "    "
    return quote, quote


def format_block(block: Block) -> str:
    if block.kind == "h":
        return ("> " * block.quote) + "#" * block.level + " " + block.lines[0]
    first, rest = indent(block)
    out = [first + block.lines[0]]
    out.extend(rest + line for line in block.lines[1:])
    return "  \n".join(out)


def separator(prev: Block, block: Block) -> str:
    if prev.kind == "li" and block.kind == "li" and prev.quote == block.quote:
        n = min(len(prev.lists), len(block.lists))
        if n and prev.lists[:n] == block.lists[:n]:  # the same list, or one nested in it
            return "\n"
    quote = min(prev.quote, block.quote)
    return "\n" + ("> " * quote).rstrip() + "\n"


def write_blocks(blocks: list[Block]) -> str:
    """The blocks as Markdown, each separated from the one before as the two require."""
    out: list[str] = []
    prev: Block | None = None
    for block in blocks:
        if prev is not None:
            out.append(separator(prev, block))
        out.append(format_block(block))
        prev = block
    return "".join(out)
