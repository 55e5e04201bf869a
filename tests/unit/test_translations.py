"""Every string the UI shows has a Vietnamese translation, with the same placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from editor_app.paths import translations_dir

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_vietnamese_translation_is_complete() -> None:
    tree = ET.parse(translations_dir() / "editor_app_vi.ts")
    unfinished = []
    mismatched = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            unfinished.append(source)
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(tr.text or "")):
            mismatched.append(source)
    assert unfinished == []
    assert mismatched == []


def test_compiled_translation_is_shipped() -> None:
    assert (translations_dir() / "editor_app_vi.qm").stat().st_size > 1000


def _tr_calls() -> list[tuple[str, str, int]]:
    """(class, source text, line) of every `self.tr("…")` in the GUI code, f-strings included
    (lupdate does not look inside an f-string's braces: such a text is never translated)."""
    import ast
    from pathlib import Path

    import editor_app.gui

    out: list[tuple[str, str, int]] = []
    for path in Path(editor_app.gui.__file__).parent.rglob("*.py"):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                f = call.func
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr == "tr"
                    and isinstance(f.value, ast.Name)
                    and f.value.id == "self"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    out.append((cls.name, call.args[0].value, call.lineno))
    return out


def test_every_tr_text_in_the_code_is_in_the_translation() -> None:
    tree = ET.parse(translations_dir() / "editor_app_vi.ts")
    known = {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }
    calls = _tr_calls()
    assert len(calls) > 300  # the scan finds the UI's texts
    missing = [(cls, text, line) for cls, text, line in calls if (cls, text) not in known]
    assert missing == []
