"""The one place that knows where the app's own files are, however it runs.

- PyInstaller bundle: `sys._MEIPASS/resources`, `sys._MEIPASS/ui`
- installed wheel: `editor_app/resources` and `editor_app/ui` inside the package
- source tree or editable install: `resources/` and `ui/` at the project root
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    out: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        out.append(Path(frozen) / name)
    out.append(_PACKAGE_DIR / name)
    out.append(_PACKAGE_DIR.parent.parent / name)  # src/editor_app -> project root
    return out


@cache
def _find(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"editor_app cannot find its {name}/ folder (looked in {tried})")


def resources_dir() -> Path:
    return _find("resources")


def ui_dir() -> Path:
    return _find("ui")


def resource(*parts: str) -> Path:
    """A file under resources/, e.g. resource("templates", "article.html.j2")."""
    return resources_dir().joinpath(*parts)


def templates_dir() -> Path:
    return resource("templates")


def translations_dir() -> Path:
    return resource("translations")
