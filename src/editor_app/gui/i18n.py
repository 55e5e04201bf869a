"""The UI's language: Vietnamese by default, English as a setting (Qt translations)."""

from __future__ import annotations

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
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"editor_app_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
