"""What a key costs the window, an Enter in a long body above all (issue 15, point 7: the first
accented letter after an Enter in the body was lost with keys 15 ms apart, while the headline
and the search box kept up).

The real window with the sample article's paragraphs (some 6,000 words, one paragraph of 200
words typed in) and the Vietnamese dictionary; each figure is the median (and 90th percentile)
of a key's press and release and the events they cause (highlighting, paint), in the same run:

- a letter in the search box and in the headline (the fields that kept up: the baseline);
- a letter and an Enter in the body, with the body's highlighter as it was before (every Enter
  also re-highlighted the paragraph after the one it split; flags built character by
  character) and as it is now.

Why a late key loses its letter: a typing tool (and some input methods) send a letter the
keyboard map lacks (đ, ồ, Á) by binding it to a spare key for half the interval and unbinding
it; a window that reads the key after that reads nothing. At 15 ms a key that leaves 7.5 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/typing_keys.py
    xvfb-run -a .venv/bin/python benchmarks/typing_keys.py --platform xcb [--preview]

`--preview` shows the preview dock first: on a display without hardware OpenGL (Xvfb, a VM, an
office PC on a software driver) its web view makes Qt compose the whole window through OpenGL
at every paint, which is what makes every key slow there; `--software-quick` composes the web
view in software instead (what the offscreen platform does), for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SAMPLE = Path(__file__).resolve().parents[2] / "shared/samples/articles"
PARAGRAPH = (
    "Quý I/2023, công tác giáo dục lý luận chính trị trên địa bàn tỉnh đã được cấp ủy các cấp "
    "quan tâm chỉ đạo, các ngành, địa phương triển khai thực hiện đảm bảo chất lượng. "
)


def _body() -> str:
    files = sorted(SAMPLE.glob("*.txt")) if SAMPLE.is_dir() else []
    if files:
        text = files[0].read_text(encoding="utf-8")
        paragraphs = [p for p in text.split("\n\n")[1:] if p.strip()]
    else:
        paragraphs = [PARAGRAPH * 4] * 20
    long_one = " ".join((PARAGRAPH * 20).split()[:200])
    # one paragraph of 200 words followed directly by another (a single line break, as pasted
    # text often comes), in the middle of the rest
    middle = [long_one + "\n" + long_one]
    return "\n\n".join(paragraphs * 2 + middle + paragraphs * 2)


def _old_apply(self: object, text: str, spans: list[tuple[int, int, int]]) -> None:
    """The highlighter's pass before: flags per character, then runs."""
    from editor_app.gui.editor.positions import PositionMap

    n = len(text)
    flags = [0] * n
    for s, e, f in spans:
        for i in range(max(0, s), min(n, e)):
            flags[i] |= f
    pm = PositionMap(text)
    start = 0
    while start < n:
        f = flags[start]
        end = start + 1
        while end < n and flags[end] == f:
            end += 1
        if f:
            a, b = pm.to_qt(start), pm.to_qt(end)
            self.setFormat(a, b - a, self._format(f))  # type: ignore[attr-defined]
        start = end


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--preview", action="store_true", help="show the preview dock first")
    parser.add_argument("--software-quick", action="store_true")
    parser.add_argument("--keys", type=int, default=40, help="keys timed per figure")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = args.platform
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return args


class Bench:
    """The window on a data folder of its own, the story open, keys timed."""

    def __init__(self, args: argparse.Namespace) -> None:
        from PySide6.QtCore import QCoreApplication, QSettings, Qt
        from PySide6.QtWidgets import QApplication

        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        self.app = QApplication(sys.argv)
        self.keys = args.keys
        if args.software_quick:
            from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

            QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        from editor_app.gui import style
        from editor_app.gui.main_window import MainWindow
        from editor_app.gui.settings import Settings
        from editor_app.services.spelling import find_dictionary
        from editor_app.services.workspace import Workspace

        style.apply(self.app)
        if find_dictionary("vi_VN") is None:
            print("hunspell-vi is not installed: measured without spell checking", file=sys.stderr)
        tmp = Path(tempfile.mkdtemp(prefix="typing-bench-"))
        self.ws = Workspace.open(tmp / "data")
        self.body = _body()
        story = self.ws.articles.create(headline="Giao ban", body=self.body).article
        settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        self.window = window = MainWindow(settings)
        window.resize(1600, 1000)
        window.show()
        self.app.processEvents()
        window.attach(self.ws)
        window.open_story(story.id)
        self.edit = window.ui.bodyEdit
        deadline = time.perf_counter() + 20
        while self.edit.spell_checker() is None and time.perf_counter() < deadline:
            self.pump(50)
        if args.preview:
            self.show_preview()
        window.activateWindow()

    def show_preview(self) -> None:
        from editor_app.gui.preview.dock import PreviewDock

        dock = self.window.findChild(PreviewDock)
        assert dock is not None
        dock.show()
        dock.raise_()
        self.pump(3000)

    def pump(self, ms: float) -> None:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.002)

    def key(self, widget: QWidget, text: str) -> float:
        """A key's press and release, and the events they cause: ms."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        code = Qt.Key.Key_Return if text == "\r" else Qt.Key.Key_D
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            QApplication.sendEvent(widget, event)
        self.app.processEvents()
        self.app.processEvents()
        return (time.perf_counter() - start) * 1000

    def timed(self, widget: QWidget, press: Callable[[], float]) -> tuple[float, float]:
        widget.setFocus()
        self.pump(100)
        times = []
        for _ in range(self.keys):
            self.pump(30)  # a pause: the previous key's paint and timers done
            times.append(press())
        times.sort()
        return statistics.median(times), times[int(len(times) * 0.9)]

    def in_long_paragraph(self) -> None:
        cursor = self.edit.textCursor()
        cursor.setPosition(self.body.index(PARAGRAPH[:40], len(self.body) // 2 - 2000) + 30)
        self.edit.setTextCursor(cursor)

    def body_figures(self, label: str) -> list[tuple[str, tuple[float, float]]]:
        edit = self.edit
        self.in_long_paragraph()
        letter = self.timed(edit, lambda: self.key(edit, "đ"))
        self.in_long_paragraph()

        def enter_then_letter() -> float:
            took = self.key(edit, "\r")
            self.key(edit, "đ")
            return took

        enter = self.timed(edit, enter_then_letter)
        return [(f"body, a letter ({label})", letter), (f"body, an Enter ({label})", enter)]


def main() -> int:
    args = _args()
    bench = Bench(args)
    from editor_app.gui.editor import highlighter

    ui = bench.window.ui
    rows = [
        ("search box, a letter", bench.timed(ui.searchEdit, lambda: bench.key(ui.searchEdit, "đ"))),
        (
            "headline, a letter",
            bench.timed(ui.headlineEdit, lambda: bench.key(ui.headlineEdit, "đ")),
        ),
    ]
    real_apply, real_normal = highlighter.MarkdownHighlighter._apply, highlighter.NORMAL
    highlighter.MarkdownHighlighter._apply = _old_apply  # type: ignore[method-assign]
    highlighter.NORMAL = 0
    bench.edit.highlighter.rehighlight()
    rows += bench.body_figures("highlighter before")
    highlighter.MarkdownHighlighter._apply = real_apply  # type: ignore[method-assign]
    highlighter.NORMAL = real_normal
    bench.edit.highlighter.rehighlight()
    rows += bench.body_figures("highlighter now")

    words = len(bench.edit.toPlainText().split())
    extra = " preview shown" if args.preview else ""
    extra += " (software Qt Quick)" if args.software_quick else ""
    print(f"platform {args.platform}{extra}; body {words} words; {args.keys} keys a figure")
    for label, (median, p90) in rows:
        print(f"  {label:<42} median {median:6.2f} ms   p90 {p90:6.2f} ms")
    bench.window.close()
    bench.ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
