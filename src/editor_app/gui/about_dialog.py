"""Help › About: the version of the app, Qt, PySide6 and Python, the outlet, the site
configuration in use, the data and log folders; the text can be copied for IT, and the log
folder opened."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app import __version__, logs

if TYPE_CHECKING:
    from editor_app.services.siteconfig import SiteLoad
    from editor_app.services.workspace import Workspace


@dataclass(frozen=True)
class AboutInfo:
    """What the dialog shows (gathered without reading any file)."""

    version: str
    qt: str
    pyside: str
    python: str
    system: str
    log_dir: Path
    data_dir: Path | None = None
    outlet: str = ""
    site_file: Path | None = None
    site_broken: bool = False

    @classmethod
    def gather(cls, workspace: Workspace | None = None, site: SiteLoad | None = None) -> AboutInfo:
        """This process's versions and folders; the data folder and site configuration of the
        open workspace (`site`: when no workspace is open yet)."""
        if site is None and workspace is not None:
            site = workspace.site
        outlet = ""
        if site is not None:
            outlet = f"{site.config.name.value} — {site.config.base_url.value}"
        return cls(
            version=__version__,
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=f"{platform.python_version()} ({platform.python_implementation()})",
            system=platform.platform(terse=True),
            log_dir=logs.log_dir(),
            data_dir=workspace.data_dir if workspace is not None else None,
            outlet=outlet,
            site_file=site.path if site is not None else None,
            site_broken=site.broken if site is not None else False,
        )


class AboutDialog(QDialog):
    """Giới thiệu: versions and folders, "Copy" for IT, "Open log folder"."""

    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About editor_app"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = QLabel("editor_app", self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        blurb = QLabel(
            self.tr("An editorial workstation: draft, review and export news articles."), self
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        self.rows = self._rows()
        for label, value in self.rows:
            field = QLabel(value, self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            field.setMinimumWidth(380)
            form.addRow(label + ":", field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyAbout")
        self.copy_button.setToolTip(self.tr("Copy this information, to send it to IT"))
        self.copy_button.clicked.connect(self.copy)
        self.copy_button.setAutoDefault(False)
        self.logs_button = QPushButton(self.tr("Open log folder"), self)
        self.logs_button.setObjectName("openLogFolder")
        self.logs_button.clicked.connect(self.open_log_folder)
        self.logs_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        #: How a folder is opened (the system's file manager); tests replace it.
        self.open_url = QDesktopServices.openUrl

    def _rows(self) -> list[tuple[str, str]]:
        info = self.info
        if info.site_file is None:
            site = self.tr("none (built-in defaults)")
        elif info.site_broken:
            site = self.tr("{path} — has errors, built-in defaults in use").format(
                path=info.site_file
            )
        else:
            site = str(info.site_file)
        rows = [
            (self.tr("Version"), info.version),
            (self.tr("Qt"), info.qt),
            (self.tr("PySide6"), info.pyside),
            (self.tr("Python"), info.python),
            (self.tr("System"), info.system),
        ]
        if info.outlet:
            rows.append((self.tr("Outlet"), info.outlet))
        rows += [
            (self.tr("Site configuration"), site),
            (
                self.tr("Data folder"),
                str(info.data_dir) if info.data_dir else self.tr("(not open)"),
            ),
            (self.tr("Log folder"), str(info.log_dir)),
        ]
        return rows

    def text(self) -> str:
        """The information as plain text, one "label: value" a line."""
        lines = [f"editor_app {self.info.version}"]
        lines += [f"{label}: {value}" for label, value in self.rows]
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        self.open_url(QUrl.fromLocalFile(str(self.info.log_dir)))


__all__ = ["AboutDialog", "AboutInfo"]
