"""The UI's language: Vietnamese by default, English as a setting (Qt translations).

Three catalogs for Vietnamese, searched newest first: the app's own strings
(editor_app_vi.qm), then the app's translation of Qt's own strings (qtbase_vi.qm: standard
buttons, message boxes, the file dialog, text fields' context menus...; PySide6 ships none for
Vietnamese), then Qt's shipped qtbase_vi.qm should a Qt release ever bring one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor_app.paths import translations_dir

SUPPORTED = ("vi", "en")

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Installs the app's and Qt's own translations; returns the language in force."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    language = language if language in SUPPORTED else "vi"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
            QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates,
        )
    )
    if language == "en":
        return language  # source strings are English
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = translations_dir()
    # Installed last is searched first: ours over Qt's, the app's strings over both.
    for name, folder in (
        (f"qtbase_{language}", Path(qt_dir)),
        (f"qtbase_{language}", ours),
        (f"editor_app_{language}", ours),
    ):
        translator = QTranslator(app)
        if translator.load(str(folder / f"{name}.qm")):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
