"""What an Enter costs the body (issue 15, point 7: the first accented letter after an Enter in
the body was lost with keys 15 ms apart). The body's own work per key is the highlighting of
the paragraph typed in: Enter highlights the two halves of the paragraph it splits and not
the paragraphs after it (it also highlighted the next one: a new block's state is Qt's -1, and
"normal" was 0, so Qt carried on). The formats stay those of a full pass."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication
from pytest import MonkeyPatch

from editor_app.gui.editor.body_editor import BodyEditor
from editor_app.gui.editor.highlighter import MarkdownHighlighter, flag_runs
from editor_app.services.spelling import SpellChecker

FIRST = "Đồng chí **Dương Đức Huy** phát biểu tại hội nghị giao ban quý I, Việt Namm đổi mới."
SECOND = "Sáng 12/4, *Ban Tuyên giáo* tổ chức hội nghị; xem [chi tiết](https://a.vn/b)."
THIRD = "```"
FOURTH = "**không đậm** trong mã"


def _formats(editor: BodyEditor) -> list[list[tuple[int, int, str]]]:
    """Each block's formats: start, length and what they look like."""
    out = []
    block = editor.document().firstBlock()
    while block.isValid():
        ranges = block.layout().formats()
        out.append([(r.start, r.length, _look(QTextCharFormat(r.format))) for r in ranges])
        block = block.next()
    return out


def _look(fmt: QTextCharFormat) -> str:
    return (
        f"{int(fmt.fontWeight())}/{fmt.fontItalic()}/{fmt.underlineStyle()}/"
        f"{fmt.foreground().color().name()}/{fmt.fontFamilies()}"
    )


def _enter(editor: BodyEditor) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            editor, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def test_enter_highlights_only_the_paragraph_it_splits(
    editor: BodyEditor, vi_checker: SpellChecker, monkeypatch: MonkeyPatch
) -> None:
    editor.set_spell_checker(vi_checker)
    editor.setPlainText("\n".join([FIRST, SECOND, THIRD, FOURTH, THIRD]))
    highlighted: list[str] = []
    real = MarkdownHighlighter._markdown  # what highlightBlock runs for a line of text

    def counting(self: MarkdownHighlighter, text: str) -> list[tuple[int, int, int]]:
        highlighted.append(text)
        return real(self, text)

    monkeypatch.setattr(MarkdownHighlighter, "_markdown", counting)
    cursor = editor.textCursor()
    cursor.setPosition(FIRST.index("giao ban"))
    editor.setTextCursor(cursor)
    _enter(editor)
    head, tail = FIRST[: FIRST.index("giao ban")], FIRST[FIRST.index("giao ban") :]
    assert editor.toPlainText().startswith(f"{head}\n{tail}\n{SECOND}")
    assert highlighted == [head, tail]  # not SECOND, nor the blocks after
    # A letter typed highlights its own paragraph only.
    highlighted.clear()
    QApplication.sendEvent(
        editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "đ")
    )
    assert highlighted == ["đ" + tail]
    # The formats are what a full pass gives (bold, underlines, the code fence's state).
    after_typing = _formats(editor)
    editor.highlighter.rehighlight()
    assert _formats(editor) == after_typing


def test_a_fence_opened_by_enter_still_carries_on_to_the_blocks_after(editor: BodyEditor) -> None:
    """The state does change there: Qt must go on to the following blocks (code, no bold)."""
    editor.setPlainText(f"Mở đầu ```\n{FOURTH}\nkết")
    cursor = editor.textCursor()
    cursor.setPosition(len("Mở đầu "))
    editor.setTextCursor(cursor)
    _enter(editor)  # "```" now starts a line: a fence opens
    after = _formats(editor)
    editor.highlighter.rehighlight()
    assert _formats(editor) == after
    bold = [look for _s, _n, look in after[2] if look.startswith("700/")]
    assert bold == []  # inside the fence: no emphasis


def _runs_char_by_char(n: int, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The former pass: flags per character, then runs of equal flags."""
    flags = [0] * n
    for s, e, f in spans:
        for i in range(max(0, s), min(n, e)):
            flags[i] |= f
    runs, start = [], 0
    while start < n:
        end = start + 1
        while end < n and flags[end] == flags[start]:
            end += 1
        if flags[start]:
            runs.append((start, end, flags[start]))
        start = end
    return runs


@given(
    st.integers(0, 60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from([1, 2, 4, 16, 4096])),
        max_size=12,
    ),
)
def test_flag_runs_are_those_of_the_character_by_character_pass(
    n: int, spans: list[tuple[int, int, int]]
) -> None:
    assert flag_runs(n, spans) == _runs_char_by_char(n, spans)
