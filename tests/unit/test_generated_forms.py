"""The generated forms import from PySide6 only what they use (each Qt class imported is set up
then, at start-up), and still build the window."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _generated_script() -> Any:
    spec = importlib.util.spec_from_file_location("generated", ROOT / "scripts" / "generated.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generated"] = module
    spec.loader.exec_module(module)
    return module


def test_unused_qt_names_are_pruned_and_used_ones_kept() -> None:
    source = (
        "from PySide6.QtCore import (QCoreApplication, QDate,\n    QSize, Qt)\n"
        "from PySide6.QtGui import (QBrush, QGradient)\n"
        "from editor_app.x import Y\n\n"
        "class Ui(object):\n"
        "    def setupUi(self, w):\n"
        "        w.resize(QSize(1, 2))\n"
        "        w.setAlignment(Qt.AlignmentFlag.AlignLeft)\n"
        "        QCoreApplication.translate('a', 'b')\n"
        "        Y()\n"
    )
    pruned = _generated_script().prune_qt_imports(source)
    assert "from PySide6.QtCore import (QCoreApplication, QSize, Qt)\n" in pruned
    assert "QtGui" not in pruned and "QDate" not in pruned  # nothing used: the line goes
    assert "from editor_app.x import Y" in pruned
    assert pruned.endswith(source.split("\n\n", 1)[1])  # the form itself is untouched
    ast.parse(pruned)


def test_committed_forms_import_only_used_names() -> None:
    for form in (ROOT / "src" / "editor_app" / "gui" / "forms").glob("ui_*.py"):
        tree = ast.parse(form.read_text(encoding="utf-8"))
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                unused = {a.name for a in node.names} - used
                assert not unused, f"{form.name} imports unused {sorted(unused)}"
