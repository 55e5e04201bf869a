"""`editor-app --smoke [ARTICLE]`: proves that a build of the app works, then exits.

Run on a freshly built bundle (and by `tests/e2e/test_dist.py`): it opens a new data folder
(migrating it from nothing), imports an article with its photos, renders the preview page and
loads it in a real web view, exports the bundle (renditions made in a pool of spawned processes,
which in a frozen app re-run the binary), loads the Vietnamese dictionary and the translations
shipped with the app, and imports the window's modules. Each step is printed with its time;
exit 0 when all pass, 1 at the first that fails (named, with the error).

ARTICLE is a plain-text article (see `editor-app import-text`) or a folder holding one; its
photos are looked for beside it, then in a `photos/` folder beside it or its parent. Without
ARTICLE, a small article made here (Vietnamese text, two generated photos: a JPEG and a HEIC as
an iPhone takes them) is used.

Without `--data-dir`, everything happens in a temporary folder, removed at the end; with it,
that folder is used (and kept), the export going to `<data-dir>/smoke-export/`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from editor_app.services.workspace import Workspace

SECTION = "Thời sự"
FORCE_REASON = "kiểm tra bản dựng (editor-app --smoke)"
WEB_TIMEOUT_S = 60.0

_keep: list[object] = []

_HEADLINE = "Xã vùng cao khánh thành nhà văn hóa mới trước mùa lễ hội"
_SAPO = (
    "Sáng 15/3, người dân thôn Nậm Cang cùng chính quyền xã khánh thành nhà văn hóa thôn, "
    "công trình được xây dựng bằng nguồn vốn nông thôn mới và ngày công đóng góp của bà con."
)
_PARAGRAPHS = (
    "Nhà văn hóa rộng hơn 200 mét vuông, có sân khấu, khu trưng bày nông cụ truyền thống và "
    "tủ sách cho thiếu nhi. Công trình hoàn thành sau bốn tháng thi công.",
    "Ông Lý Văn Phủ, trưởng thôn, cho biết đây sẽ là nơi sinh hoạt cộng đồng, tập văn nghệ và "
    "tổ chức các buổi tập huấn kỹ thuật trồng trọt cho bà con trong thôn.",
    "Dịp này, đội văn nghệ của thôn biểu diễn nhiều tiết mục múa xòe, hát then chào mừng.",
)
_PHOTOS = (
    ("nha-van-hoa.jpg", "Nhà văn hóa thôn Nậm Cang trong ngày khánh thành.", (46, 110, 78)),
    # HEIC, as an iPhone takes it: proves pillow-heif works in the build (and its workers)
    ("van-nghe.heic", "Đội văn nghệ của thôn biểu diễn múa xòe chào mừng.", (170, 72, 40)),
)


class StepFailed(Exception):
    """A step whose check did not hold (the message says what)."""


class Smoke:
    """The steps, in order; each prints one line (`ok`, its time, what it found)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started = time.perf_counter()

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    @contextmanager
    def step(self, name: str) -> Iterator[list[str]]:
        """Runs the step's block; the block appends details to the yielded list."""
        details: list[str] = []
        t0 = time.perf_counter()
        try:
            yield details
        except BaseException as e:
            self.say(f"FAILED {name} ({time.perf_counter() - t0:.2f} s): {type(e).__name__}: {e}")
            raise
        self.say(f"ok     {name:<12} {time.perf_counter() - t0:6.2f} s  {'; '.join(details)}")


def run(
    article: Path | None = None, data_dir: Path | None = None, out: TextIO | None = None
) -> int:
    """The smoke run (see the module's doc). 0 when every step passed, else 1."""
    stream = out or sys.stdout
    smoke = Smoke(stream)
    scratch = Path(tempfile.mkdtemp(prefix="editor_app-smoke-"))
    try:
        _steps(smoke, article, data_dir, scratch)
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            return 130
        traceback.print_exc(file=sys.stderr)
        smoke.say("smoke: FAILED")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    smoke.say(f"smoke: ok in {time.perf_counter() - smoke.started:.1f} s")
    return 0


def _steps(smoke: Smoke, article: Path | None, data_dir: Path | None, scratch: Path) -> None:
    from editor_app import __version__, paths

    frozen = bool(getattr(sys, "frozen", False))
    smoke.say(
        f"smoke: editor_app {__version__}, {'frozen' if frozen else 'from source'}, "
        f"Python {sys.version.split()[0]}, {sys.platform}, {sys.executable}"
    )
    with smoke.step("resources") as d:
        d.append(str(paths.resources_dir()))
        for needed in (
            paths.templates_dir() / "article.html.j2",
            paths.translations_dir() / "editor_app_vi.qm",
            paths.ui_dir(),
        ):
            if not needed.exists():
                raise StepFailed(f"missing {needed}")

    with smoke.step("data folder") as d:
        from editor_app.services.workspace import Workspace

        folder = data_dir if data_dir is not None else scratch / "data"
        workspace = Workspace.open(folder)
        d.append(f"{folder}, schema {workspace.db.current_revision()}")
    try:
        _with_workspace(smoke, workspace, article, scratch, data_dir)
    finally:
        workspace.close()
    _translations(smoke, frozen)
    with smoke.step("window code") as d:
        import importlib

        from editor_app.gui import main_window  # noqa: F401  (the import is the check)
        from editor_app.gui.dock_registry import PANELS

        for module, _name, _area in PANELS:
            importlib.import_module(module)
        d.append(f"main window and {len(PANELS)} panels import")


def _with_workspace(
    smoke: Smoke, workspace: Workspace, article: Path | None, scratch: Path, data_dir: Path | None
) -> None:
    with smoke.step("import") as d:
        if article is None:
            text_file, photos_dir = _builtin_article(scratch / "article")
            d.append("built-in article")
        else:
            text_file, photos_dir = _find_article(article)
            d.append(str(text_file))
        result = workspace.importing.import_text(text_file, photos_dir=photos_dir, section=SECTION)
        story = result.article
        formats = ", ".join(sorted({p.format for p in story.photos}))
        d.append(f"{len(story.photos)} photos ({formats})")
        if not story.headline or not story.photos:
            raise StepFailed("the imported story has no headline or no photos")

    with smoke.step("preview") as d:
        html = workspace.export.preview_html(story.id)
        if story.headline not in html:
            raise StepFailed("the preview page does not show the headline")
        d.append(f"{len(html)} characters of HTML")

    with smoke.step("web view") as d:
        d.extend(_load_in_web_view(html, scratch, expect_images=len(story.photos)))

    with smoke.step("process pool") as d:
        d.append(_pool_check())

    with smoke.step("export") as d:
        target = (data_dir / "smoke-export") if data_dir is not None else scratch / "export"
        target.mkdir(parents=True, exist_ok=True)
        from editor_app.domain.workflow import Role, User

        tester = User("Kiểm tra bản dựng", Role.EDITOR)  # recorded with the forced export
        bundle = workspace.export.export(
            story.id, target, force_reason=FORCE_REASON, user=tester
        ).path
        page = bundle / "index.html"
        if not page.is_file():
            raise StepFailed(f"no page at {page}")
        images = [p for p in bundle.rglob("*") if p.suffix.lower() in {".jpg", ".webp"}]
        if len(images) < 2 * len(story.photos):
            raise StepFailed(f"only {len(images)} renditions for {len(story.photos)} photos")
        d.append(f"{page}, {len(images)} renditions")

    with smoke.step("spelling") as d:
        from editor_app.paths import resource
        from editor_app.services.spelling import find_dictionary

        base = find_dictionary("vi_VN", [resource("dictionaries")])
        if base is None:
            raise StepFailed("no Vietnamese dictionary (vi_VN.dic/.aff)")
        bundled = base.parent == resource("dictionaries")
        if getattr(sys, "frozen", False) and not bundled:
            raise StepFailed(f"the dictionary is not the bundle's own: {base}")
        checker = workspace.load_spell_checker()
        if not checker.enabled:
            raise StepFailed(f"the dictionary at {base} could not be read")
        if not (checker.check("Việt") and checker.check("thủy")) or checker.check("thuyỷy"):
            raise StepFailed("the dictionary gives wrong answers")
        d.append(f"{base}.dic ({'bundled' if bundled else 'system'})")


def _translations(smoke: Smoke, frozen: bool) -> None:
    with smoke.step("translations") as d:
        from PySide6.QtCore import QTranslator

        from editor_app.paths import translations_dir

        translator = QTranslator()
        qm = translations_dir() / "editor_app_vi.qm"
        if not translator.load(str(qm)) or translator.isEmpty():
            raise StepFailed(f"cannot load {qm}")
        d.append(f"{qm.name} loads")


def _find_article(path: Path) -> tuple[Path, Path]:
    """The article's text file and the folder holding its photos."""
    from editor_app.domain.textimport import parse_plain_text
    from editor_app.services.importing import find_photo_file
    from editor_app.services.text_files import read_text_file

    path = Path(path)
    if path.is_dir():
        texts = sorted(path.glob("*.txt"))
        if len(texts) != 1:
            raise StepFailed(f"{path} should hold exactly one .txt article, it holds {len(texts)}")
        path = texts[0]
    if not path.is_file():
        raise StepFailed(f"no article at {path}")
    names = [p.filename for p in parse_plain_text(read_text_file(path)).photos]
    for folder in (path.parent, path.parent / "photos", path.parent.parent / "photos"):
        if folder.is_dir() and all(find_photo_file(folder, n) for n in names):
            return path, folder
    raise StepFailed(f"the photos named in {path.name} are not beside it nor in photos/")


def _builtin_article(folder: Path) -> tuple[Path, Path]:
    """A short Vietnamese article with two generated photos, a JPEG and a HEIC (no files from
    outside)."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = [_HEADLINE, _SAPO, _PARAGRAPHS[0]]
    for (name, caption, colour), paragraph in zip(_PHOTOS, _PARAGRAPHS[1:], strict=True):
        _write_photo(folder / name, colour)
        blocks += [f"{name}\n{caption}", paragraph]
    text = folder / "bai-viet.txt"
    text.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return text, folder


def _write_photo(path: Path, colour: tuple[int, int, int]) -> None:
    """A 1600×1067 landscape (JPEG or HEIC by the file's suffix): sky gradient, hills, a sun;
    enough detail to resize for real."""
    from PIL import Image, ImageDraw

    width, height = 1600, 1067
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(90 + 120 * t), int(150 + 80 * t), 235))
    draw.ellipse((1180, 120, 1380, 320), fill=(250, 220, 120))
    for i, shade in enumerate((0.55, 0.75, 1.0)):
        base = int(height * (0.55 + 0.12 * i))
        points = [
            (x, base - int(90 * abs(((x / 260 + i) % 2) - 1))) for x in range(0, width + 40, 40)
        ]
        fill = tuple(int(c * shade) for c in colour)
        draw.polygon([(0, height), *points, (width, height)], fill=fill)
    if path.suffix == ".heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        image.save(path, "HEIF", quality=80)
    else:
        image.save(path, "JPEG", quality=88)


def _pool_check() -> str:
    """Workers of the export's renditions pool ("spawn"): in a frozen app each re-runs this
    binary, which must hand over to the worker (freeze_support), and each must watch the app
    so it ends with it (worker_lifetime)."""
    from editor_app.media.batch import rendition_pool

    with rendition_pool(2) as pool:
        answers = set(pool.map(_worker_facts, range(2), timeout=120))
    pids = {pid for pid, _ in answers}
    if not pids or os.getpid() in pids:
        raise StepFailed("the worker processes did not start")
    if not all(watching for _, watching in answers):
        raise StepFailed("a worker process does not watch the app (it would outlive it)")
    return f"{len(pids)} worker process(es) answered, each watching the app"


def _worker_facts(_: int) -> tuple[int, bool]:
    import threading

    from editor_app.media.worker_lifetime import WATCHER_NAME

    return os.getpid(), any(t.name == WATCHER_NAME for t in threading.enumerate())


def _load_in_web_view(html: str, scratch: Path, expect_images: int) -> list[str]:
    """Loads the preview in a real QWebEngineView (the preview dock's locked-down page) and
    waits for loadFinished(ok); then counts the photos the page could decode."""
    _prepare_qt_environment()
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        _keep.append(QApplication([sys.argv[0]]))  # lives as long as the process
    import shiboken6
    from PySide6.QtWebEngineCore import QWebEngineScript
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from editor_app.gui.preview.web import PreviewPage, prepare_rendering

    prepare_rendering()
    view = QWebEngineView()
    page = PreviewPage(view)
    view.setPage(page)
    view.resize(1280, 900)
    view.show()
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finished(ok: bool) -> None:
        outcome["ok"] = ok
        loop.quit()

    def answered(value: object) -> None:
        outcome["images"] = value
        loop.quit()

    timer = QTimer(singleShot=True, interval=int(WEB_TIMEOUT_S * 1000))
    timer.timeout.connect(loop.quit)
    try:
        page.loadFinished.connect(finished)
        page.setHtml(html, QUrl.fromLocalFile(str(scratch) + os.sep))
        timer.start()
        loop.exec()
        if "ok" not in outcome:
            raise StepFailed(f"the page did not finish loading in {WEB_TIMEOUT_S:.0f} s")
        if not outcome["ok"]:
            raise StepFailed("the web engine reported a failed load")
        count_script = (
            "Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length"
        )
        page.runJavaScript(count_script, QWebEngineScript.ScriptWorldId.ApplicationWorld, answered)
        timer.start()
        loop.exec()
        images = outcome.get("images")
        shown = int(images) if isinstance(images, int | float) else -1
        if shown < expect_images:
            raise StepFailed(f"{shown} of {expect_images} photos shown in the page")
        return [f"loadFinished(ok) on {QGuiApplication.platformName()}", f"{shown} photos shown"]
    finally:
        timer.stop()
        view.hide()
        # The page goes before its profile, the view before Qt: no crash at exit.
        shiboken6.delete(view)
        from PySide6.QtCore import QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _prepare_qt_environment() -> None:
    """No display (a build machine, ssh): Qt's offscreen platform. Root: the web engine's
    sandbox off (it refuses to start otherwise); staff run as themselves and keep it."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
