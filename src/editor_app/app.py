"""The composition root: builds the workspace, the services and the windows, and runs Qt."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from editor_app.gui.main_window import MainWindow
    from editor_app.services.session import SessionService
    from editor_app.services.siteconfig import SiteLoad
    from editor_app.services.workspace import Workspace

log = logging.getLogger("editor_app")


@dataclass
class Running:
    app: QApplication
    window: MainWindow
    workspace: Workspace
    session: SessionService

    def shutdown(self) -> None:
        from PySide6.QtCore import QThreadPool

        # Background loads (the spelling dictionary, thumbnails) report to widgets: let them
        # finish before the widgets go (a signal emitted to a deleted editor crashes the process).
        QThreadPool.globalInstance().waitForDone(10_000)
        self.session.end()
        self.workspace.close()
        # Delete the window while Qt is whole: a web view outliving its profile at interpreter
        # exit crashes the process.
        import shiboken6

        if shiboken6.isValid(self.window):
            shiboken6.delete(self.window)


def start(
    data_dir: Path | None = None,
    *,
    show: bool = True,
    on_shown: Callable[[], object] | None = None,
) -> Running | None:
    """Opens the data folder and the main window; None (after telling the user) on failure.
    `on_shown` is called once the frame is on screen, before the data folder opens (the
    start-up benchmark times that moment)."""
    # What needs no Qt comes before PySide6 is imported: PySide6 reads the source of every
    # module imported after it (looking for __feature__ imports), which costs start-up time.
    from editor_app import logs
    from editor_app.services.siteconfig import load_site

    log_path = logs.setup()
    site_file = load_site()  # the site configuration IT set for this PC

    from editor_app.gui import i18n, style
    from editor_app.gui.error_dialog import ErrorReporter, enable_fault_log
    from editor_app.gui.settings import Settings

    enable_fault_log(log_path)
    app = _qt_app()
    settings = Settings()
    # The site configuration, with the user's settings where it allows them.
    site = site_file.with_user(settings.overrides())
    for problem in site.problems:
        log.warning("site configuration: %s", problem)
    i18n.install(app, site.config.language.value)
    style.apply(app)
    reporter = ErrorReporter(log_path, app)
    reporter.install()

    from editor_app.gui.main_window import MainWindow

    # The frame first (no database, no SQLAlchemy yet), so the window is on screen at once...
    window = MainWindow(settings)
    if show:
        window.show()
        app.processEvents()
        if on_shown is not None:
            on_shown()
    _set_window_icon(app)  # after the frame shows: the window manager takes it when it comes
    # ...then the data folder.
    from editor_app.services.session import SessionService

    workspace = _open_workspace(data_dir, site, window)
    if workspace is None:
        return None
    seeded = workspace.site_setup.seed(site.config)  # a new data folder: IT's sections, officials
    session = SessionService(workspace.db)
    recovery = session.begin()
    window.attach(workspace)
    from editor_app.gui.site_notice import notify_site

    notify_site(window, site, seeded, settings)
    if recovery is not None:
        log.warning(
            "previous session ended unexpectedly; %d stories recovered", len(recovery.articles)
        )
        window.show_recovery(recovery)
    if show:
        # First start on this data folder: who is working, before the window can be used.
        def quit_app() -> None:
            window.close()
            app.quit()

        window.ask_first_identity(quit_app)
    return Running(app, window, workspace, session)


def _qt_app() -> QApplication:
    """The QApplication (the one already made, as in tests, or a new one), named so that its
    settings and its desktop entry are found."""
    from PySide6.QtWidgets import QApplication

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # QtWebEngine refuses to start as root with its sandbox (CI, IT's test machines).
        # Staff run as themselves and keep the sandbox.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        log.warning("running as root: the web preview's sandbox is off")
    if QApplication.instance() is None:
        from PySide6.QtCore import QCoreApplication, Qt

        # The preview's web view shares OpenGL contexts; Qt wants this before the app exists.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("editor_app")
    app.setOrganizationName("editor_app")
    app.setDesktopFileName("editor_app")  # a Wayland desktop finds editor_app.desktop by it
    return app


def _open_workspace(data_dir: Path | None, site: SiteLoad, window: MainWindow) -> Workspace | None:
    """The data folder opened; None, after telling the user and closing the window, when it
    cannot be (a known fault of the folder; anything else is raised)."""
    from PySide6.QtWidgets import QMessageBox

    from editor_app.domain.errors import UserError
    from editor_app.services.workspace import Workspace

    try:
        return Workspace.open(data_dir, site=site)
    except (UserError, OSError) as e:
        # A read-only, full or damaged data folder: said in Vietnamese (with the way out for a
        # damaged one), never as the raw error; the window does not open on it.
        from editor_app.services.faults import explain

        known = explain(e, data_dir) if isinstance(e, OSError) else e
        if known is None:
            raise
        log.warning("cannot open data folder: %s", known)
        QMessageBox.critical(window, "editor_app", str(known))
        window.close()
        return None


def _set_window_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from editor_app.paths import resource

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", f"editor_app-{size}.png")))
    app.setWindowIcon(icon)


def run_gui(data_dir: Path | None = None) -> int:
    try:
        running = start(data_dir)
    except Exception as e:  # never a silent exit: logged, and shown when Qt is up
        from editor_app import logs
        from editor_app.gui.error_dialog import report_fatal

        report_fatal(e, logs.setup())
        return 1
    if running is None:
        return 1
    try:
        return int(running.app.exec())
    finally:
        running.shutdown()
