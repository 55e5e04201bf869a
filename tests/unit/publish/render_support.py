"""The render tests' support module (tests/unit/render/support.py), loaded by its path.

The two test packages are siblings, not parts of one package, so a relative import cannot reach
across; loading by path works whatever pytest's import mode.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_NAME = "editor_app_tests_render_support"
_PATH = Path(__file__).resolve().parent.parent / "render" / "support.py"


def _load() -> ModuleType:
    if _NAME in sys.modules:
        return sys.modules[_NAME]
    spec = importlib.util.spec_from_file_location(_NAME, _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


support = _load()
