"""Telling the user, once, that IT's site configuration is broken (the app runs on its
defaults) or that the first-start seeding failed: a mark in the status bar every time, a dialog
the first time a given problem is seen."""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from editor_app.gui.settings import SITE_NOTICE, Settings

if TYPE_CHECKING:
    from editor_app.services.site_setup import SeedReport
    from editor_app.services.siteconfig import SiteLoad

log = logging.getLogger(__name__)


def notify_site(
    window: QMainWindow, site: SiteLoad, seeded: SeedReport | None, settings: Settings
) -> QMessageBox | None:
    """Shows what is wrong with the site configuration; returns the dialog when one opened."""
    lines = [str(p) for p in site.problems if p.fatal]
    if seeded is not None:
        for problem in seeded.problems:
            log.warning("seeding from the site configuration: %s", problem)
        lines += seeded.problems
    if not lines:
        return None
    if site.broken:
        summary = QCoreApplication.translate(
            "SiteNotice", "Site configuration has errors: built-in defaults in use"
        )
        intro = QCoreApplication.translate(
            "SiteNotice",
            "The site configuration {path} set by IT has errors, so editor_app runs on its "
            "built-in settings (outlet, sections, export folder). Please tell IT:",
        ).format(path=site.path)
    else:
        summary = QCoreApplication.translate(
            "SiteNotice", "Sections or officials from the site configuration were not loaded"
        )
        intro = QCoreApplication.translate(
            "SiteNotice",
            "The sections or officials named in the site configuration could not be loaded; "
            "editor_app tries again at the next start. Please tell IT:",
        )
    details = "\n".join(lines)
    mark = QLabel("⚠ " + summary, window)
    mark.setObjectName("siteNotice")
    mark.setToolTip(details)
    window.statusBar().addPermanentWidget(mark)
    key = hashlib.sha256(details.encode("utf-8")).hexdigest()[:16]
    if settings.get(SITE_NOTICE) == key:
        return None  # told already; the status bar keeps saying it
    settings.set(SITE_NOTICE, key)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SiteNotice", "Site configuration"),
        intro + "\n\n" + details,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("siteNoticeBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
