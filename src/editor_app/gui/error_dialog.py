"""Unexpected errors in the window: logged in full, shown in a dialog with the log's path, and
the app keeps running (never a silent exit).

`ErrorReporter.install()` takes `sys.excepthook` (errors in Qt's slots and event handlers end
there) and `threading.excepthook` (errors in other threads are brought to the UI thread).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor_app import __version__
from editor_app.domain.errors import UserError

log = logging.getLogger("editor_app")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class ErrorReporter(QObject):
    """Logs unexpected errors and shows them; at most one dialog at a time (errors arriving
    while it is open are logged and counted in it)."""

    _from_thread = Signal(object)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self.notice: QMessageBox | None = None
        self.more = 0
        self.details = ""
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)
        #: How the log folder is opened (the system's file manager); tests replace it.
        self.open_url = QDesktopServices.openUrl

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if not isinstance(error, UserError):
            log.error("unexpected error", exc_info=(kind, error, tb))
        if threading.current_thread() is threading.main_thread():
            self._show((kind, error, tb))
        else:
            self._from_thread.emit((kind, error, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        error = args.exc_value if args.exc_value is not None else args.exc_type()
        self.excepthook(args.exc_type, error, args.exc_traceback)

    def _show(self, info: ExcInfo) -> None:
        kind, error, tb = info
        parent = _main_window()
        if isinstance(error, OSError):  # a full disk, a read-only folder: named as such
            from editor_app.services.faults import explain

            error = explain(error) or error
        if isinstance(error, UserError):  # a message fit to show, not a bug
            notice = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("editor_app"),
                str(error),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            notice.open()
            self.notice = notice
            return
        if self.box is not None and shiboken6.isValid(self.box) and self.box.isVisible():
            self.more += 1
            self.box.setInformativeText(self._informative())
            return
        self.more = 0
        detail = "".join(traceback.format_exception_only(kind, error)).strip()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Unexpected error"),
            self.tr("Something went wrong: {error}").format(error=detail),
            QMessageBox.StandardButton.Close,
            parent,
        )
        box.setObjectName("unexpectedError")
        box.setInformativeText(self._informative())
        self.details = f"editor_app {__version__}\n" + "".join(
            traceback.format_exception(kind, error, tb)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = box.button(QMessageBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
            box.setDefaultButton(QMessageBox.StandardButton.Close)
        for text, slot in (
            (self.tr("Copy details"), self.copy_details),
            (self.tr("Open log folder"), self.open_log_folder),
        ):
            button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
            button.clicked.disconnect()  # these keep the box open
            button.clicked.connect(slot)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _informative(self) -> str:
        text = self.tr(
            "The app keeps running and your stories are autosaved; if something looks wrong, "
            "restart it. The details were written to the log:\n{log}"
        ).format(log=self.log_path)
        if self.more:
            text += "\n\n" + self.tr("{n} more errors since, in the same log.").format(n=self.more)
        return text

    def _closed(self, _result: int) -> None:
        self.box = None

    def open_log_folder(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(self.log_path.parent)))

    def copy_details(self) -> None:
        """The error's traceback and the app's version, for IT (also in the log)."""
        QGuiApplication.clipboard().setText(self.details)


def _main_window() -> QWidget | None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        window = app.activeWindow()
        if window is not None:
            return window
    return None


_fault_file: IO[str] | None = None


def enable_fault_log(log_path: Path) -> Path | None:
    """Hard crashes (in Qt's C++ code) write Python's traceback next to the log: `crash.log`."""
    global _fault_file
    path = log_path.with_name("crash.log")
    try:
        opened = path.open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(opened)
    if _fault_file is not None:  # enabled again (another start in the same process): one file
        _fault_file.close()
    _fault_file = opened
    return path


def _said(error: BaseException) -> str:
    """What the user reads about an error: its own message when it is one fit to show, the
    Vietnamese name of a disk fault (full, read-only, no access, I/O), else the raw error."""
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, OSError):
        from editor_app.services.faults import explain

        known = explain(error)
        if known is not None:
            return str(known)
    return "".join(traceback.format_exception_only(type(error), error)).strip()


def report_fatal(error: BaseException, log_path: Path) -> None:
    """An error that stops the app from starting: logged, written to stderr (a terminal, if
    there is one), and shown in a modal dialog in Vietnamese, bringing Qt up first when it was
    not up yet (a desktop shortcut has no terminal to print to; an error before the window, in
    the site file say, used to end the app without a word)."""
    log.error("the app could not start", exc_info=error)
    said = _said(error)
    print(f"editor_app không khởi động được: {said}\nChi tiết: {log_path}", file=sys.stderr)
    app = QApplication.instance() or _fatal_app()
    if not isinstance(app, QApplication):
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        app.translate("App", "editor_app cannot start"),
        app.translate("App", "editor_app could not start: {error}").format(error=said),
        QMessageBox.StandardButton.Close,
    )
    box.setInformativeText(
        app.translate("App", "The details were written to {log}").format(log=log_path)
    )
    close = box.button(QMessageBox.StandardButton.Close)
    if close is not None:
        close.setText(app.translate("App", "Close"))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def _fatal_app() -> QApplication | None:
    """A bare Qt application speaking Vietnamese, for the fatal dialog alone; None where Qt
    cannot show a window (no display on Linux: Qt would abort the process)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        return None
    from editor_app.gui import i18n

    app = QApplication(sys.argv[:1])
    i18n.install(app, "vi")
    return app
