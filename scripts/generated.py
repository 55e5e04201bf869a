"""Builds the generated files from their sources, or checks they are fresh (for `make test`).

- ui/*.ui                          -> src/editor_app/gui/forms/ui_*.py   (pyside6-uic, then its
                                      Qt imports pruned to the names the form uses: each Qt class
                                      imported is set up when imported, which costs start-up time)
- resources/translations/*.ts      -> resources/translations/*.qm        (pyside6-lrelease): the
                                      app's strings (editor_app_vi.ts) and Qt's own strings in
                                      Vietnamese (qtbase_vi.ts, which PySide6 does not ship)

Generated files are committed so `pip install .` needs no Qt tools. `--check` regenerates into a
temporary folder and fails when a committed file differs from what its source gives now.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "editor_app" / "gui" / "forms"
TS_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else name


def targets() -> list[tuple[Path, Path, list[str]]]:
    """(source, generated file, command building it into {out})."""
    out: list[tuple[Path, Path, list[str]]] = []
    for ui in sorted(UI_DIR.glob("*.ui")):
        gen = FORMS_DIR / f"ui_{ui.stem}.py"
        out.append((ui, gen, [_tool("pyside6-uic"), "--from-imports", str(ui), "-o", "{out}"]))
    for ts in sorted(TS_DIR.glob("*.ts")):
        gen = ts.with_suffix(".qm")
        out.append((ts, gen, [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", "{out}"]))
    return out


def build(cmd: list[str], dest: Path) -> None:
    subprocess.run([c.replace("{out}", str(dest)) for c in cmd], check=True)
    if dest.suffix == ".py":
        dest.write_text(prune_qt_imports(dest.read_text(encoding="utf-8")), encoding="utf-8")


def prune_qt_imports(source: str) -> str:
    """Drops the names a generated form imports from PySide6 but never uses (uic imports a fixed
    list: gradients, QPainter, QImage...; PySide6 creates a class and its enums on import)."""
    tree = ast.parse(source)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(tree.body):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")):
            continue
        names = [a.name for a in node.names if a.name in used]
        text = f"from {node.module} import ({', '.join(names)})\n" if names else ""
        assert node.end_lineno is not None
        lines[node.lineno - 1 : node.end_lineno] = [text]
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for src, gen, cmd in targets():
            fresh = Path(tmp) / gen.name
            build(cmd, fresh)
            if args.write:
                if not gen.exists() or not filecmp.cmp(fresh, gen, shallow=False):
                    shutil.copyfile(fresh, gen)
                    print(f"wrote {gen.relative_to(ROOT)}")
            elif not gen.exists() or not filecmp.cmp(fresh, gen, shallow=False):
                stale.append(f"{gen.relative_to(ROOT)} is older than {src.relative_to(ROOT)}")
    if stale:
        print("Generated files are stale (run `make generated` and commit):", file=sys.stderr)
        for s in stale:
            print(f"  {s}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
