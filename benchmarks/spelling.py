"""Spell-check highlighting of a 200-word Markdown paragraph in the body editor: the time to
re-highlight the block with the Vietnamese dictionary, next to the same editor without a
checker (the Markdown highlighting alone, the baseline), in the same run. Goal: under 5 ms a
block with the checker, so typing in a long paragraph never lags.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/spelling.py

(This was a timed unit test; a timing is a benchmark's business: tests/gui/editor checks the
underlines themselves.)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor_app.gui.editor.body_editor import BodyEditor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCE = (
    "Sáng 12/4, **UBND tỉnh** tổ chức hội nghị giao ban công tác quý I với sự tham dự "
    "của lãnh đạo các sở, ngành. Đồng chí *Nguyễn Văn An*, Phó Chủ tịch ủy ban, chủ trì "
    "và phát biểu về tình hình kinh tế của Việt Namm, xem [chi tiết](https://a.vn/b). "
)


def median_ms(editor: BodyEditor, rounds: int = 31) -> float:
    block = editor.document().firstBlock()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        editor.highlighter.rehighlightBlock(block)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from editor_app.gui.editor.body_editor import BodyEditor
    from editor_app.services.spelling import SpellChecker, find_dictionary

    app = QApplication(sys.argv)
    if find_dictionary("vi_VN") is None:
        print("hunspell-vi is not installed: nothing to measure", file=sys.stderr)
        return 1
    checker = SpellChecker.load()
    paragraph = " ".join((SENTENCE.split(" ") * 10)[:200])
    plain = BodyEditor()
    plain.setPlainText(paragraph)
    checked = BodyEditor()
    checked.set_spell_checker(checker)
    checked.setPlainText(paragraph)  # warms the checker's cache, as typing would
    base = median_ms(plain)
    with_checker = median_ms(checked)
    print(f"200-word paragraph, Markdown highlighting only: {base:.2f} ms (baseline)")
    print(
        f"200-word paragraph, with the Vietnamese checker:  {with_checker:.2f} ms "
        f"({with_checker / base:.1f}x the baseline; goal < 5 ms)"
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
