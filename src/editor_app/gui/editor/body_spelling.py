"""Spell checking in the body editor: the checker (loaded off the UI thread), switching it on
and off, the user's words and ignored words; the word-level checks (confused words, the house
style's tone placement). A part of `BodyEditor`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor_app.gui.latest import Latest
from editor_app.services.spelling import SpellChecker

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from editor_app.domain.confusables import ConfusedWords
    from editor_app.domain.tone_marks import ToneStyle
    from editor_app.gui.editor.body_editor import BodyEditor
    from editor_app.gui.editor.highlighter import MarkdownHighlighter
    from editor_app.gui.editor.word_marks import WordMarks

log = logging.getLogger(__name__)


class BodySpelling:
    """The body editor's spelling (mixed into `BodyEditor`, its only user: each method is typed
    with the editor as `self`, which mypy accepts only from a Protocol, hence the `misc`
    ignores)."""

    _loading: Latest[SpellChecker] | None  # while the dictionary loads
    word_marks: WordMarks | None = None  # the word-level checks, once the window set them

    def spell_checker(self: BodyEditor) -> SpellChecker | None:  # type: ignore[misc]
        return self._highlighter.spell_checker()

    def set_spell_checker(self: BodyEditor, checker: SpellChecker | None) -> None:  # type: ignore[misc]
        """Checks with checker from now on (None: no spell checking)."""
        self._highlighter.set_spell_checker(checker)

    def load_spell_checker(  # type: ignore[misc]
        self: BodyEditor, loader: Callable[[], SpellChecker] | None = None
    ) -> None:
        """Runs loader (default: the system's vi_VN dictionary) on a pool thread, then checks
        with what it returns and emits spellCheckerReady. Typing goes on meanwhile."""
        loading: Latest[SpellChecker] = Latest(self._checker_loaded, self._checker_failed, self)
        self._loading = loading
        loading.start(loader or SpellChecker.load)

    def _checker_failed(self: BodyEditor, error: BaseException) -> None:  # type: ignore[misc]
        log.error("the spelling dictionary could not be loaded", exc_info=error)
        self._checker_loaded(None)

    def _checker_loaded(self: BodyEditor, checker: SpellChecker | None) -> None:  # type: ignore[misc]
        self._loading = None
        if checker is not None:
            self.set_spell_checker(checker)
        self.spellCheckerReady.emit()

    def set_spell_checking(self: BodyEditor, on: bool) -> None:  # type: ignore[misc]
        self._highlighter.set_spell_checking(on)

    def set_add_word_callback(self: BodyEditor, callback: Callable[[str], None] | None) -> None:  # type: ignore[misc]
        """callback(word) after "Add to dictionary" (the window saves the word list)."""
        self._add_word_callback = callback

    def add_to_dictionary(self: BodyEditor, word: str) -> None:  # type: ignore[misc]
        checker = self.spell_checker()
        if checker is None:
            return
        checker.add_word(word)
        if self._add_word_callback is not None:
            self._add_word_callback(word)
        self._highlighter.rehighlight()

    def ignore_word(self: BodyEditor, word: str) -> None:  # type: ignore[misc]
        checker = self.spell_checker()
        if checker is not None:
            checker.ignore_word(word)
            self._highlighter.rehighlight()

    def refresh_spelling(self: BodyEditor) -> None:  # type: ignore[misc]
        """Underlines again (after another editor changed the shared word list)."""
        self._highlighter.rehighlight()

    @property
    def highlighter(self: BodyEditor) -> MarkdownHighlighter:  # type: ignore[misc]
        return self._highlighter

    # --- word-level checks (gui/editor/word_marks.py) -----------------------------------------
    def set_word_checks(  # type: ignore[misc]
        self: BodyEditor,
        words: ConfusedWords | None,
        style: ToneStyle,
        convert_story: QAction | None = None,
    ) -> WordMarks:
        """Underlines confused words (`words`; None: none) and words placed otherwise than
        the house style, with their fixes in the right-click menu."""
        from editor_app.gui.editor.word_marks import WordMarks

        if self.word_marks is None:
            self.word_marks = WordMarks(self, words, style, convert_story)
        else:
            self.word_marks.convert_story = convert_story or self.word_marks.convert_story
            self.word_marks.configure(words, style)
        return self.word_marks
