"""Word-level checks in the body editor: commonly confused words (a blue wavy underline) and
words whose tone mark is not placed the outlet's way (a purple dotted one), both distinct from
the spell checker's red; the right-click menu offers the fix, the entry's note and the
conversion of the whole story.

Drawn as extra selections (`SpanMarks`), not by the syntax highlighter: the highlighter sees one
line at a time, and a confused pair may be split by a line break inside a paragraph. The text is
checked again 300 ms after typing pauses (a long story takes a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor_app.domain.confusables import ConfusedWords
from editor_app.domain.house_style import example, off_style
from editor_app.domain.tone_marks import ToneStyle
from editor_app.gui.editor.positions import PositionMap
from editor_app.gui.editor.span_marks import Span, SpanMarks
from editor_app.gui.editor.text_edits import replace_span

__all__ = ["DEBOUNCE_MS", "WordHit", "WordMarks", "confused_colour", "tone_colour"]

DEBOUNCE_MS = 300
# How much of an entry's note the menu shows on one line.
NOTE_CHARS = 90


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def confused_colour(palette: QPalette) -> QColor:
    """Blue, unlike the spell checker's red and the title check's orange."""
    return QColor("#64b5f6") if _dark(palette) else QColor("#1565c0")


def tone_colour(palette: QPalette) -> QColor:
    """Purple, for a word placed the other way than the house style."""
    return QColor("#ce93d8") if _dark(palette) else QColor("#8e24aa")


@dataclass(frozen=True, slots=True)
class WordHit:
    """A marked word: its span (Python offsets), what is written, the fix, what kind
    ("confused" or "tone") and the list's note."""

    start: int
    end: int
    written: str
    fix: str
    kind: str
    note: str = ""


class WordMarks(SpanMarks):
    """The word checks of one text edit. `convert_story`: the window's action that converts
    the whole story to the house style (offered in the menu on a tone mark), if any."""

    KIND = 0x0FF3

    def __init__(
        self,
        edit: QPlainTextEdit,
        words: ConfusedWords | None,
        style: ToneStyle,
        convert_story: QAction | None = None,
    ) -> None:
        super().__init__(edit)
        self.words = words
        self.style = style
        self.convert_story = convert_story
        self.hits: list[WordHit] = []
        self._timer = QTimer(edit, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        edit.document().contentsChanged.connect(self._timer.start)
        self.refresh()

    def configure(self, words: ConfusedWords | None, style: ToneStyle) -> None:
        self.words, self.style = words, style
        self.refresh()

    def refresh(self) -> None:
        """Checks the whole text now and underlines what it finds."""
        self._timer.stop()
        text = self.edit.toPlainText()
        hits: list[WordHit] = []
        if self.words is not None:
            hits += [
                WordHit(c.start, c.end, c.written, c.fix, "confused", c.entry.note)
                for c in self.words.find(text, self.style)
            ]
        taken = [(h.start, h.end) for h in hits]
        hits += [
            WordHit(o.start, o.end, o.written, o.fix, "tone")
            for o in off_style(text, self.style)
            if all(o.end <= s or o.start >= e for s, e in taken)  # a confused word's fix has it
        ]
        self.hits = sorted(hits, key=lambda h: h.start)
        self._kinds = {(h.start, h.end): h.kind for h in self.hits}
        self._set([(h.start, h.end) for h in self.hits])

    def char_format(self, span: Span) -> QTextCharFormat:
        fmt = QTextCharFormat()
        palette = self.edit.palette()
        if self._kinds.get(span) == "tone":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(tone_colour(palette))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(confused_colour(palette))
        return fmt

    # --- the menu ---------------------------------------------------------------------------------
    def hit_at(self, qt_position: int) -> WordHit | None:
        """The marked word at a document position (touching it counts), checked afresh."""
        if self._timer.isActive():
            self.refresh()
        offset = PositionMap(self.edit.toPlainText()).from_qt(qt_position)
        return next((h for h in self.hits if h.start <= offset <= h.end), None)

    def add_actions(self, menu: QMenu, qt_position: int) -> list[QAction]:
        """Puts the fix (and the note, or the whole story's conversion) at the top of menu."""
        hit = self.hit_at(qt_position)
        if hit is None:
            return []
        first = menu.actions()[0] if menu.actions() else None
        fix = QAction(" ".join(hit.fix.split()), menu)
        font = fix.font()
        font.setBold(True)
        fix.setFont(font)
        fix.setEnabled(not self.edit.isReadOnly())
        fix.triggered.connect(lambda _=False, h=hit: self.apply_fix(h))
        actions = [fix]
        if hit.kind == "confused" and hit.note:
            note = hit.note if len(hit.note) <= NOTE_CHARS else hit.note[: NOTE_CHARS - 1] + "…"
            about = QAction(note, menu)
            about.setToolTip(hit.note)
            about.setEnabled(False)
            actions.append(about)
        elif hit.kind == "tone":
            said = QCoreApplication.translate("BodyEditor", "The outlet writes “{example}”")
            about = QAction(said.format(example=example(self.style)), menu)
            about.setEnabled(False)
            actions.append(about)
            if self.convert_story is not None:
                actions.append(self.convert_story)
        for action in actions:
            menu.insertAction(first, action)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        return actions

    def apply_fix(self, hit: WordHit) -> bool:
        """Writes the fix over the word as one undo step, if it still stands there."""
        if self.edit.isReadOnly():
            return False
        done = replace_span(self.edit, hit.start, hit.end, hit.written, hit.fix)
        self.refresh()
        return done
