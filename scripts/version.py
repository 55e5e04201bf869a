"""Prints the app's version (`editor_app.__version__`), read from the source without importing
the package: for installer builds, e.g. `iscc /DAppVersion=<this>` on Windows.

    python scripts/version.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

INIT = Path(__file__).resolve().parent.parent / "src" / "editor_app" / "__init__.py"


def version() -> str:
    found = re.search(r'^__version__ = "([^"]+)"$', INIT.read_text(encoding="utf-8"), re.M)
    if found is None:
        raise SystemExit(f"no __version__ in {INIT}")
    return found.group(1)


if __name__ == "__main__":
    sys.stdout.write(version() + "\n")
