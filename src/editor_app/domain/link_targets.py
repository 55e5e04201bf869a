"""Links in a story body that lead nowhere once published.

The renderer drops a `javascript:` (or `vbscript:`) address and the sanitiser any scheme but
http, https, mailto and tel, leaving an `<a>` with no address: words that look like a link and
do nothing. An empty address, `#` alone, `http://` with no host, `mailto:` with no one are as
useless. This finds such links in the body's Markdown — inline `[text](address "title")`,
reference `[text][ref]`, `[ref][]`, `[ref]` with a `[ref]: address` line, and `<ftp://…>`
autolinks — with the span of the whole link and its text (what "unlink" leaves).

It follows Python-Markdown's reading of a link (nested brackets in the text, nested parentheses
in the address, a quoted title) closely enough for what writers type; code is left alone. The
renderer is the reference: `tests/unit/domain/test_link_targets.py` checks the two agree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from editor_app.domain.markdown_text import Regions, code_regions, paragraph_breaks

__all__ = ["ALLOWED_SCHEMES", "BadLink", "find_bad_links", "unusable_target"]

#: The schemes a published link may use (the same as `render.sanitize.ALLOWED_URL_SCHEMES`).
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Longest link text or address followed (Python-Markdown has no limit; a longer one is not a
#: link a writer typed).
MAX_LINK_CHARS = 4_000

_SCRIPT = re.compile(r"[\x00-\x20]*(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ANGLE = re.compile(r"\(\s*(<[^<>]*>)\s*(?:('[^']*'|\"[^\"]*\")\s*)?\)", re.S)
_TITLE = re.compile(r"""^(.*?)\s*(?:"[^"]*"|'[^']*')\s*$""", re.S)
_DEFINITION = re.compile(
    r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*<?([^\s>]*)>?[ \t]*"
    r"""(?:(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\))[ \t]*)?$""",
    re.M,
)
_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*)>")
_ESCAPABLE = "\\`*_{}[]()>#+-.!"
_ESCAPE = re.compile(r"\\(.)", re.S)
_BRACKETS = re.compile(r"\\.|[\[\]]", re.S)
_PARENS = re.compile(r"\\.|[()]", re.S)


@dataclass(frozen=True, slots=True)
class BadLink:
    """A link with no usable address: `text[start:end]` is the whole link as written, `label`
    its text (what is left when it is unlinked), `target` the address, `reason` in Vietnamese."""

    start: int
    end: int
    label: str
    target: str
    reason: str


def unusable_target(target: str) -> str | None:
    """Why a link to `target` leads nowhere once published (Vietnamese), or None when it is
    usable (http, https, mailto, tel with something after it, or a path on the site)."""
    address = html.unescape(target).strip()
    if not address:
        return "không có địa chỉ"
    if address == "#":
        return "địa chỉ chỉ là dấu #"
    if _SCRIPT.match(address):
        return "địa chỉ javascript: bị bỏ khi xuất bản"
    m = _SCHEME.match(address)
    if m is None:
        return None  # a path on the site (/chinh-tri), kept as it is
    scheme = m.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"địa chỉ “{scheme}:” không được phép trên trang (chỉ http, https, mailto, tel)"
    rest = address[m.end() :]
    if scheme in ("http", "https"):
        try:
            host = urlsplit(address).hostname
        except ValueError:
            host = None
        if not host:
            return "địa chỉ thiếu tên miền"
    elif not rest.strip():
        return f"địa chỉ “{scheme}:” để trống"
    return None


def _escaped(text: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _pairs(text: str, start: int, stop: int, pattern: re.Pattern[str]) -> dict[int, int]:
    """Each opening bracket of text[start:stop] → its closing one (nested pairs inside, a
    backslash escaping the next character), in one pass: a long run of `[` or `(` with no
    close costs no more than its length."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in pattern.finditer(text, start, stop):
        c = m.group(0)
        if c[0] == "\\":
            continue
        if c in "[(":
            stack.append(m.start())
        elif stack:
            opened = stack.pop()
            if m.start() - opened <= MAX_LINK_CHARS:
                pairs[opened] = m.start()
    return pairs


def _inline_target(text: str, i: int, end: int, parens: dict[int, int]) -> tuple[str, int] | None:
    """The address of `(…)` at `i` and the offset after its `)`, or None."""
    m = _ANGLE.match(text, i, end)
    if m is not None:
        return m.group(1)[1:-1], m.end()
    j = parens.get(i)
    if j is None:
        return None
    inside = text[i + 1 : j]
    t = _TITLE.match(inside)
    address = t.group(1) if t is not None else inside
    return _unescape(address).strip(), j + 1


def _unescape(address: str) -> str:
    """Markdown's backslash escapes taken out (`\\(` → `(`), as Python-Markdown does."""
    return _ESCAPE.sub(lambda m: m.group(1) if m.group(1) in _ESCAPABLE else m.group(0), address)


def _ref_id(label: str) -> str:
    return " ".join(label.split()).lower()


def find_bad_links(text: str) -> list[BadLink]:
    """The body's links with no usable address, in order."""
    if "[" not in text and "<" not in text:
        return []
    code = code_regions(text)
    definitions: dict[str, str] = {}
    skip: list[tuple[int, int]] = list(code.spans)
    for m in _DEFINITION.finditer(text):
        if m.start() in code:
            continue
        definitions.setdefault(_ref_id(m.group(1)), m.group(2))
        skip.append((m.start(), m.end()))
    skipped = Regions(skip)
    found: list[BadLink] = []
    breaks = [*paragraph_breaks(text), len(text)]
    start = 0
    for stop in breaks:
        _scan(text, start, stop, skipped, definitions, found)
        start = stop
    for m in _AUTOLINK.finditer(text):
        if m.start() in skipped or _escaped(text, m.start()):
            continue
        reason = unusable_target(m.group(1))
        if reason is not None:
            found.append(BadLink(m.start(), m.end(), m.group(1), m.group(1), reason))
    found.sort(key=lambda b: b.start)
    return found


def _scan(
    text: str,
    start: int,
    stop: int,
    skipped: Regions,
    definitions: dict[str, str],
    found: list[BadLink],
) -> None:
    """Links in one paragraph, text[start:stop]."""
    i = text.find("[", start, stop)
    if i < 0:
        return
    brackets = _pairs(text, i, stop, _BRACKETS)
    parens = _pairs(text, i, stop, _PARENS) if "(" in text[i:stop] else {}
    while i >= 0:
        if i in skipped or _escaped(text, i):
            i = text.find("[", i + 1, stop)
            continue
        close = brackets.get(i, -1)
        if close < 0:
            i = text.find("[", i + 1, stop)
            continue
        image = i > 0 and text[i - 1] == "!" and not _escaped(text, i - 1)
        label = text[i + 1 : close]
        after = close + 1
        target: str | None = None
        end = after
        if text.startswith("(", after):
            inline = _inline_target(text, after, stop, parens)
            if inline is not None:
                target, end = inline
        if target is None:
            ref = label
            if text.startswith("[", after):
                ref_close = brackets.get(after, -1)
                if ref_close >= 0:
                    ref = text[after + 1 : ref_close] or label
                    end = ref_close + 1
            target = definitions.get(_ref_id(ref)) if ref.strip() else None
            if target is None:
                i = text.find("[", i + 1, stop)  # not a link: brackets inside may be
                continue
        reason = None if image else unusable_target(target)
        if reason is not None and not skipped.overlaps(i, end):
            found.append(BadLink(i, end, label, target, reason))
        i = text.find("[", end, stop)
