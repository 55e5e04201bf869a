"""The Word import in the window (docs/word-import.png, issue 17 point 1): a reporter's .docx
written by LibreOffice Writer (three photos with captions and credits, a footnote, a comment,
a tracked change) imported through Tệp › Nhập tệp Word… at 1280×720; the new story open, with
the message that lists what could not be kept. The sample photos are used when
../shared/samples is there, else generated ones. Run with `make screenshots`."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers.word_files import (  # noqa: E402  (the tests' Word files)
    convert_to_docx,
    jpeg_bytes,
    save,
    soffice,
    story_document,
    writer_document,
)
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget  # noqa: E402

from editor_app.domain.workflow import Role, User  # noqa: E402
from editor_app.gui import i18n, style  # noqa: E402
from editor_app.gui.main_window import MainWindow  # noqa: E402
from editor_app.gui.settings import Settings  # noqa: E402
from editor_app.services.workspace import Workspace  # noqa: E402

DOCS = ROOT / "docs"
SAMPLE_PHOTOS = ROOT.parent / "shared" / "samples" / "photos"
NAMES = ["IMG_20230412_095452.jpg", "20230412_100410_0000.jpg", "IMG_20230412_095542.jpg"]


def wait(app: QApplication, done: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def photos() -> list[bytes]:
    """Camera photos at a size a reporter pastes into Word (1600 px wide)."""
    if all((SAMPLE_PHOTOS / n).is_file() for n in NAMES):
        out = []
        for name in NAMES:
            with Image.open(SAMPLE_PHOTOS / name) as im:
                im.thumbnail((1600, 1600))
                buf = io.BytesIO()
                im.convert("RGB").save(buf, "JPEG", quality=85)
                out.append(buf.getvalue())
        return out
    return [jpeg_bytes(c, (1600, 1200)) for c in ((180, 60, 50), (60, 140, 70), (50, 80, 170))]


def word_file(folder: Path) -> Path:
    source = folder / "Giao ban quy I.fodt"
    source.write_text(writer_document(photos()), encoding="utf-8")
    if soffice() is not None:
        return convert_to_docx(source, folder, folder / "home")
    print("LibreOffice is not installed: a python-docx file instead", file=sys.stderr)
    return save(story_document(), folder / "Giao ban quy I.docx")


def composed(w: QWidget, dialog: QWidget | None) -> None:
    """The window with the message drawn where it stands (a dialog is a window of its own)."""
    image = w.grab()
    if dialog is not None and dialog.isVisible():
        painter = QPainter(image)
        painter.drawPixmap(
            dialog.mapToGlobal(QPoint(0, 0)) - w.mapToGlobal(QPoint(0, 0)), dialog.grab()
        )
        painter.end()
    image.save(str(DOCS / "word-import.png"))
    print(DOCS / "word-import.png")


def run(app: QApplication, folder: Path) -> int:
    path = word_file(folder)
    ws = Workspace.open(folder / "data")
    ws.identity.set(User("Thanh Hà", Role.REPORTER))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.attach(ws)
    w.show()
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1280, 720)
    w.layout_memory.apply_default()
    # The reporter picks the file in the dialog the menu opens.
    QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(path), ""))  # type: ignore[method-assign]
    action = next(a for a in w.ui.menuFile.actions() if a.objectName() == "actionImportWord")
    imported: list[object] = []
    w.imports.word.story_imported.connect(imported.append)
    action.trigger()
    wait(app, lambda: bool(imported) and w.imports.word.message_box is not None)
    box = w.imports.word.message_box
    assert box is not None
    wait(app, box.isVisible)
    box.move(w.mapToGlobal(QPoint(w.width() - box.width() - 40, 90)))
    for _ in range(30):
        app.processEvents()
        time.sleep(0.05)
    composed(w, box)
    box.close()
    w.close()
    ws.close()
    return 0


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    i18n.install(app, "vi")
    style.apply(app)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_STATE_HOME"] = tmp
        return run(app, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
