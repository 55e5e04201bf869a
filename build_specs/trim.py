"""What the PyInstaller spec leaves out of the bundle, and why (imported by editor_app.spec).

PySide6's hooks collect generously: the QML hook alone brings every QML module with the Qt
libraries behind them (Qt 3D, Quick 3D, Charts, Graphs, Location, the Wayland compositor…),
and translations come in 30-odd languages. editor_app has no QML and speaks Vietnamese or
English, so:

- **QML**: the `qml/` folder is dropped, and the QML debugging plugins with it.
- **Qt libraries** are kept only when something that stays needs them: the PySide6 modules the
  app imports, the plugins below, the web engine's helper process. That closure is computed from
  the binaries' own import tables (PyInstaller's `bindepend.get_imports`), so a new PySide6 that
  links differently still gets what it needs.
- **Plugins**: only the types and names a desktop app on Windows or a Linux desktop uses.
- **Translations**: Qt's own `.qm` files and the web engine's locale `.pak` files for vi and en
  only; the web engine's developer-tools resources are dropped (the preview has no inspector).
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import PurePath

# A TOC entry: (name in the bundle, source path, typecode).
Entry = tuple[str, str, str]

#: Plugin folders dropped whole.
DROP_PLUGIN_TYPES = frozenset(
    {
        "qmltooling",  # QML debugger
        "position",  # QtPositioning backends (no maps, no location)
        "egldeviceintegrations",  # eglfs: embedded boards, not desktops
        "generic",  # evdev/tuio input for kiosks without a window system
        "networkinformation",  # QNetworkInformation backends (unused)
        "printsupport",  # nothing prints
        "sqldrivers",  # the database is SQLAlchemy over Python's sqlite3
        "multimedia",
        "sensors",
        "canbus",
        "sceneparsers",
        "renderers",
        "geometryloaders",
        "renderplugins",
        "assetimporters",
        "texttospeech",
        "designer",
    }
)

#: Single plugins dropped (glob on the file name, any platform's spelling).
DROP_PLUGINS = (
    "*qtvirtualkeyboard*",  # on-screen keyboard: pulls Qt Quick controls
    "*qpdf*",  # PDF image format: pulls the Qt Pdf library
    "*qicns*",
    "*qtga*",
    "*qwbmp*",
    "*qtiff*",
    "*qeglfs*",
    "*qlinuxfb*",
    "*qvnc*",
    "*qvkkhrdisplay*",
    "*qminimalegl*",
    "*qdirect2d*",
)

#: The languages kept for Qt's and Chromium's own messages.
LANGUAGES = ("vi", "en")
#: Qt's message catalogs the app can show (widgets, dialogs, the web view's menus).
QT_CATALOGS = ("qt", "qtbase", "qtwebengine")
#: Chromium's locale files kept (en-US is its fallback).
WEBENGINE_LOCALES = ("vi.pak", "en-US.pak")
#: Web engine resources dropped.
DROP_RESOURCES = ("qtwebengine_devtools_resources*.pak",)

_QT_LIBRARY = re.compile(r"^(lib)?(Qt6\w+|icu\w+)(\.so[.\d]*|\.dll|\.dylib)$", re.IGNORECASE)


def _parts(name: str) -> tuple[str, ...]:
    return PurePath(name.replace("\\", "/")).parts


def _qt_relative(parts: tuple[str, ...]) -> tuple[str, ...] | None:
    """The path under Qt's own tree (PySide6/Qt/... on Linux, PySide6/... on Windows)."""
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[1:]
    if rest and rest[0] == "Qt":
        rest = rest[1:]
    return rest


def is_qt_library(name: str) -> bool:
    return bool(_QT_LIBRARY.match(PurePath(name.replace("\\", "/")).name))


def keep_data_or_plugin(name: str) -> bool:
    """False for a file the bundle does without (see the module's doc)."""
    parts = _parts(name)
    rel = _qt_relative(parts)
    if rel is None or not rel:
        return True
    filename = parts[-1]
    top = rel[0]
    if top == "qml":
        return False
    if top == "plugins" and len(rel) >= 2:
        if rel[1] in DROP_PLUGIN_TYPES:
            return False
        return not any(fnmatch.fnmatch(filename.lower(), p) for p in DROP_PLUGINS)
    if top == "translations":
        if len(rel) >= 2 and rel[1] == "qtwebengine_locales":
            return filename in WEBENGINE_LOCALES
        stem = filename.rsplit(".", 1)[0]
        return stem in {f"{c}_{lang}" for c in QT_CATALOGS for lang in LANGUAGES}
    if top == "resources":
        return not any(fnmatch.fnmatch(filename, p) for p in DROP_RESOURCES)
    return True


def _imports(path: str) -> Iterator[str]:
    from PyInstaller.depend import bindepend

    search = [os.path.dirname(path)]
    for name, _resolved in bindepend.get_imports(path, search):
        yield PurePath(name.replace("\\", "/")).name


def needed_qt_libraries(binaries: Iterable[Entry]) -> set[str]:
    """File names (lower case) of the Qt libraries reachable from the binaries that stay."""
    entries = list(binaries)
    qt_libs = {PurePath(dest).name.lower(): src for dest, src, _ in entries if is_qt_library(dest)}
    todo = [src for dest, src, _ in entries if not is_qt_library(dest)]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        for dep in _imports(path):
            key = dep.lower()
            if key in qt_libs and key not in seen:
                seen.add(key)
                todo.append(qt_libs[key])
    return seen


def trim(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry], int]:
    """The binaries and datas to ship, and how many entries were dropped."""
    kept_bins = [e for e in binaries if keep_data_or_plugin(e[0])]
    kept_datas = [e for e in datas if keep_data_or_plugin(e[0])]
    needed = needed_qt_libraries(e for e in kept_bins if e[2] != "SYMLINK")

    def wanted(entry: Entry) -> bool:
        # PyInstaller also lists links to the libraries (SYMLINK entries, among the datas)
        return not is_qt_library(entry[0]) or PurePath(entry[0]).name.lower() in needed

    kept_bins = [e for e in kept_bins if wanted(e)]
    kept_datas = [e for e in kept_datas if wanted(e)]
    dropped = len(binaries) + len(datas) - len(kept_bins) - len(kept_datas)
    print(f"trim: {dropped} files left out of the bundle", file=sys.stderr)
    return kept_bins, kept_datas, dropped
