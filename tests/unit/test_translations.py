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
