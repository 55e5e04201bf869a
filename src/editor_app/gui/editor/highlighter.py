"""Markdown colours and spell-check underlines, in one QSyntaxHighlighter pass per line.

Colours come from the widget's palette (text, base, link), mixed, so they read in light and dark
themes alike: Markdown's marks (`**`, `#`, `>`, brackets, link targets) and photo references are
dimmed, so the words stand out. Each line is scanned once into a list of flags per character;
runs of equal flags get one cached QTextCharFormat. A line with nothing to show costs a few
regular-expression scans and the spell checker's cached lookups.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.spell_highlight import misspelled_format
from editor_app.services.spelling import SpellChecker

__all__ = ["MarkdownHighlighter", "contrast_ratio", "flag_runs", "luminance", "mix"]

# flags
MARKUP = 1 << 0
H1 = 1 << 1
H2 = 1 << 2
H3 = 1 << 3
BOLD = 1 << 4
ITALIC = 1 << 5
CODE = 1 << 6
LINK = 1 << 7
URL = 1 << 8
IMAGE = 1 << 9
QUOTE = 1 << 10
LIST = 1 << 11
SPELL = 1 << 12
HEADING = H1 | H2 | H3
DIM = MARKUP | URL | IMAGE

_Span = tuple[int, int, int]  # start, end (Python offsets into the line), flags

# A block's state as Qt leaves it (-1) is "normal": a paragraph split by Enter starts its new
# half at -1, and a state that does not change tells Qt to stop there. With 0 for normal, every
# Enter also re-highlighted (and spell-checked) the paragraph after the one it split.
NORMAL, IN_FENCE = -1, 1

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE = re.compile(r"^(?: {0,3}> ?)+")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_CODE = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!!)(\[)([^\]\n]+)(\]\()([^)\n]*)(\))")
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?\"']")
_BOLD_ITALIC = re.compile(r"(?<![*\\])(\*\*\*)(?=\S)(.+?)(?<=\S)(\*\*\*)")
_BOLD = re.compile(r"(?<![*\\])(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])(\1)")
_ITALIC = re.compile(
    r"(?<![*\\\w])(\*)(?=[^\s*])(.+?)(?<=[^\s*\\])(\*)(?![*\w])"
    r"|(?<![_\\\w])(_)(?=[^\s_])(.+?)(?<=[^\s_\\])(_)(?!\w)"
)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a moved towards b by t (0: a, 1: b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def luminance(c: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _readable(colour: QColor, base: QColor, ratio: float = 4.5) -> QColor:
    """colour, moved towards white (on a dark base) or black (on a light one) until it reads
    on base (WCAG contrast ratio)."""
    target = QColor("white") if luminance(base) < 0.18 else QColor("black")
    out = QColor(colour)
    for step in range(1, 11):
        if contrast_ratio(out, base) >= ratio:
            break
        out = mix(colour, target, step / 10)
    return out


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown and underlines misspelled syllables in a QTextDocument."""

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        self._palette = QPalette(palette) if palette is not None else QPalette()
        self._checker: SpellChecker | None = None
        self._spelling = True
        self._formats: dict[int, QTextCharFormat] = {}
        self._colours()

    # --- settings -------------------------------------------------------------------------------
    def set_palette(self, palette: QPalette) -> None:
        self._palette = QPalette(palette)
        self.refresh()

    def set_spell_checker(self, checker: SpellChecker | None) -> None:
        self._checker = checker
        self.rehighlight()

    def spell_checker(self) -> SpellChecker | None:
        return self._checker

    def set_spell_checking(self, on: bool) -> None:
        if on != self._spelling:
            self._spelling = on
            self.rehighlight()

    def spell_checking(self) -> bool:
        return self._spelling

    def refresh(self) -> None:
        """Rebuilds the formats (the palette or the font changed) and highlights again."""
        self._formats.clear()
        self._colours()
        self.rehighlight()

    def _colours(self) -> None:
        p = self._palette
        text = p.color(QPalette.ColorRole.Text)
        base = p.color(QPalette.ColorRole.Base)
        self._dim = mix(text, base, 0.5)
        self._quote = mix(text, base, 0.28)
        self._link = _readable(p.color(QPalette.ColorRole.Link), base)
        self._heading = mix(text, self._link, 0.35)
        self._code_bg = mix(base, text, 0.07)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()

    # --- formats --------------------------------------------------------------------------------
    def _format(self, flags: int) -> QTextCharFormat:
        fmt = self._formats.get(flags)
        if fmt is None:
            fmt = self._build(flags)
            self._formats[flags] = fmt
        return fmt

    def _build(self, flags: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        doc = self.document()
        size = doc.defaultFont().pointSizeF() if doc is not None else -1.0
        if flags & HEADING:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(self._heading)
            scale = 1.3 if flags & H1 else 1.15 if flags & H2 else 1.05
            if size > 0:
                fmt.setFontPointSize(size * scale)
        if flags & BOLD:
            fmt.setFontWeight(QFont.Weight.Bold)
        if flags & (ITALIC | QUOTE):
            fmt.setFontItalic(True)
        if flags & QUOTE and not flags & HEADING:
            fmt.setForeground(self._quote)
        if flags & LIST:
            fmt.setForeground(self._link)
            fmt.setFontWeight(QFont.Weight.Bold)
        if flags & LINK:
            fmt.setForeground(self._link)
        if flags & CODE:
            fmt.setFontFamilies([self._mono])
            fmt.setBackground(self._code_bg)
        if flags & DIM:
            fmt.setForeground(self._dim)
        if flags & SPELL:
            fmt = misspelled_format(self._palette, fmt)
        return fmt

    # --- the pass ---------------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        in_fence = self.previousBlockState() == IN_FENCE
        if _FENCE.match(text):
            self.setCurrentBlockState(NORMAL if in_fence else IN_FENCE)
            self._apply(text, [(0, len(text), CODE | MARKUP)])
            return
        if in_fence:
            self.setCurrentBlockState(IN_FENCE)
            self._apply(text, [(0, len(text), CODE)])
            return
        self.setCurrentBlockState(NORMAL)
        spans = self._markdown(text)
        checker = self._checker
        if self._spelling and checker is not None and checker.enabled:
            spans.extend((s, e, SPELL) for s, e in checker.misspelled_spans(text))
        if spans:
            self._apply(text, spans)

    def _markdown(self, text: str) -> list[tuple[int, int, int]]:
        spans = _line_spans(text)
        if any(c in text for c in "`[*_:w"):
            _inline_spans(text, spans)
        return spans

    def _apply(self, text: str, spans: list[tuple[int, int, int]]) -> None:
        pm = PositionMap(text)
        for start, end, f in flag_runs(len(text), spans):
            a, b = pm.to_qt(start), pm.to_qt(end)
            self.setFormat(a, b - a, self._format(f))


def flag_runs(n: int, spans: list[_Span]) -> list[_Span]:
    """The runs of equal flags (none: left out) that spans give a line of n characters. A sweep
    over the spans' ends, not a pass over every character: the body highlights the paragraph
    typed in at every key."""
    events: list[tuple[int, int]] = []
    for s, e, f in spans:
        s, e = max(0, s), min(n, e)
        if s < e and f:
            events += ((s, f), (e, -f))
    events.sort(key=lambda ev: ev[0])
    runs: list[_Span] = []
    active: dict[int, int] = {}  # flags of the spans covering the run, and how many
    at, current, i = 0, 0, 0
    while i < len(events):
        pos = events[i][0]
        if pos > at and current:
            if runs and runs[-1][1] == at and runs[-1][2] == current:
                runs[-1] = (runs[-1][0], pos, current)
            else:
                runs.append((at, pos, current))
        while i < len(events) and events[i][0] == pos:
            f = events[i][1]
            active[abs(f)] = active.get(abs(f), 0) + (1 if f > 0 else -1)
            i += 1
        current = 0
        for f, count in active.items():
            if count:
                current |= f
        at = pos
    return runs


def _line_spans(text: str) -> list[_Span]:
    """What the line's start makes it: a quote, a heading or a list item."""
    spans: list[_Span] = []
    n = len(text)
    pos = 0
    m = _QUOTE.match(text)
    if m:
        spans.append((0, m.end(), MARKUP))
        spans.append((m.end(), n, QUOTE))
        pos = m.end()
    m = _HEADING.match(text, pos)
    if m:
        level = len(m.group(1))
        spans.append((pos, n, H1 if level == 1 else H2 if level == 2 else H3))
        spans.append((m.start(1), m.end(1), MARKUP))
    else:
        m = _LIST.match(text, pos)
        if m:
            spans.append((m.start(), m.end(), LIST))
    return spans


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def _inline_spans(text: str, spans: list[_Span]) -> None:
    """Adds the spans of code, images, links, bare addresses and emphasis, in that order."""
    taken: list[tuple[int, int]] = []  # code, images, links: no emphasis inside
    for m in _CODE.finditer(text):
        spans.append((m.start(), m.end(), CODE))
        spans.append((m.start(), m.start(2), MARKUP))
        spans.append((m.end(2), m.end(), MARKUP))
        taken.append(m.span())
    if "[" in text:
        for m in _IMAGE.finditer(text):
            if _free(taken, *m.span()):
                spans.append((m.start(), m.end(), IMAGE))
                taken.append(m.span())
        for m in _LINK.finditer(text):
            if _free(taken, *m.span()):
                spans.append((m.start(1), m.end(1), MARKUP))
                spans.append((m.start(2), m.end(2), LINK))
                spans.append((m.start(3), m.end(), URL))
                taken.append((m.start(3), m.end()))
    if "://" in text or "www." in text:
        for m in _BARE_URL.finditer(text):
            if _free(taken, *m.span()):
                spans.append((m.start(), m.end(), LINK))
                taken.append(m.span())
    if "*" in text or "_" in text:
        _emphasis_spans(text, spans, taken)


def _emphasis_spans(text: str, spans: list[_Span], taken: list[tuple[int, int]]) -> None:
    """Bold and italic outside what is taken; bold's markers are taken for the italic after."""
    for regex, flag in ((_BOLD_ITALIC, BOLD | ITALIC), (_BOLD, BOLD), (_ITALIC, ITALIC)):
        for m in regex.finditer(text):
            if not _free(taken, *m.span()):
                continue
            groups = [g for g in range(1, (m.lastindex or 0) + 1) if m.group(g)]
            opening, inner, closing = groups[0], groups[1], groups[2]
            spans.append((m.start(opening), m.end(opening), MARKUP))
            spans.append((m.start(inner), m.end(inner), flag))
            spans.append((m.start(closing), m.end(closing), MARKUP))
            if flag != ITALIC:
                taken.append((m.start(opening), m.end(opening)))
                taken.append((m.start(closing), m.end(closing)))
