"""Qt's own strings in Vietnamese (resources/translations/qtbase_vi.ts, the app's own catalog:
PySide6 ships none): complete, faithful to the sources, and covering what the app shows."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

from editor_app.paths import translations_dir

PLACEHOLDER = re.compile(r"%(?:\d+|p)")
ACCELERATOR = re.compile(r"&(?!&)(.)")

#: (context, source, comment) Qt asks for when it shows the app's dialogs, menus and buttons
#: (recorded from Qt 6 at run time; tests/gui/test_qt_vietnamese.py records them again).
EXPECTED = [
    *[
        ("QPlatformTheme", s, "")
        for s in (
            "OK",
            "Save",
            "Save All",
            "Open",
            "&Yes",
            "Yes to &All",
            "&No",
            "N&o to All",
            "Abort",
            "Retry",
            "Ignore",
            "Close",
            "Cancel",
            "Discard",
            "Help",
            "Apply",
            "Reset",
            "Restore Defaults",
        )
    ],
    *[("QGnomeTheme", s, "") for s in ("&OK", "&Save", "&Cancel", "&Close")],
    ("QGnomeTheme", "Close without Saving", ""),
    ("QMessageBox", "Show Details...", ""),
    ("QMessageBox", "Hide Details...", ""),
    ("QMessageBox", "About Qt", ""),
    ("QDialogButtonBox", "OK", ""),
    ("QInputDialog", "Enter a value:", ""),
    ("QProgressDialog", "Cancel", ""),
    *[
        (ctx, s, "")
        for ctx in ("QLineEdit", "QWidgetTextControl")
        for s in ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All")
    ],
    ("QWidgetTextControl", "Copy &Link Location", ""),
    *[("QAbstractSpinBox", s, "") for s in ("&Select All", "&Step up", "Step &down")],
    *[(ctx, s, "") for ctx in ("QUndoStack", "QUndoGroup") for s in ("Undo %1", "Redo %1")],
    ("QUndoStack", "Undo", "Default text for undo action"),
    ("QUndoStack", "Redo", "Default text for redo action"),
    ("QUndoModel", "<empty>", ""),
    *[
        ("QScrollBar", s, "")
        for s in (
            "Scroll here",
            "Left edge",
            "Top",
            "Right edge",
            "Bottom",
            "Page left",
            "Page up",
            "Page right",
            "Page down",
            "Scroll left",
            "Scroll up",
            "Scroll right",
            "Scroll down",
        )
    ],
    *[("QDockWidget", s, "") for s in ("Float", "Close")],
    *[("QTabBar", s, "") for s in ("Scroll Left", "Scroll Right")],
    *[
        ("QFileDialog", s, "")
        for s in (
            "&Look in:",
            "File &name:",
            "Files of &type:",
            "&Open",
            "&Save",
            "&Choose",
            "Back",
            "Forward",
            "Parent Directory",
            "Create New Folder",
            "List View",
            "Detail View",
            "Sidebar",
            "Files",
            "All Files (*)",
            "All files (*)",
            "Show ",
            "&Rename",
            "&Delete",
            "Show &hidden files",
            "&New Folder",
            "New Folder",
            "Directories",
            "Directory:",
            "Recent Places",
            "Remove",
            "Open",
            "Save As",
            "Find Directory",
            "%1 already exists.\nDo you want to replace it?",
            "Are you sure you want to delete '%1'?",
        )
    ],
    *[("QFileSystemModel", s, "") for s in ("Name", "Size", "Date Modified", "Computer")],
    ("QFileSystemModel", "Type", "All other platforms"),
    ("QAbstractFileIconProvider", "Folder", "All other platforms"),
    *[
        ("QShortcut", s, "")
        for s in (
            "Ctrl",
            "Shift",
            "Alt",
            "Del",
            "Backspace",
            "Tab",
            "Return",
            "Enter",
            "Esc",
            "Space",
            "Home",
            "End",
            "PgUp",
            "PgDown",
            "Ins",
            "F%1",
            "Left",
            "Right",
            "Up",
            "Down",
        )
    ],
]

#: Vietnamese the tests and the issue name (what a Vietnamese user expects to read).
WORDING = {
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QPlatformTheme", "Close"): "Đóng",
    ("QPlatformTheme", "Save"): "Lưu",
    ("QPlatformTheme", "Open"): "Mở",
    ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "&No"): "&Không",
    ("QPlatformTheme", "Apply"): "Áp dụng",
    ("QLineEdit", "&Undo"): "&Hoàn tác",
    ("QLineEdit", "&Redo"): "&Làm lại",
    ("QLineEdit", "Cu&t"): "&Cắt",
    ("QLineEdit", "&Copy"): "&Sao chép",
    ("QLineEdit", "&Paste"): "&Dán",
    ("QLineEdit", "Delete"): "Xóa",
    ("QLineEdit", "Select All"): "Chọn tất cả",
}


def _messages() -> list[tuple[str, str, str, ET.Element]]:
    tree = ET.parse(translations_dir() / "qtbase_vi.ts")
    assert tree.getroot().get("language") == "vi_VN"
    return [
        (
            ctx.findtext("name") or "",
            msg.findtext("source") or "",
            msg.findtext("comment") or "",
            msg,
        )
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    ]


def _translation(msg: ET.Element) -> str:
    tr = msg.find("translation")
    assert tr is not None
    return "" if tr.get("type") in ("unfinished", "vanished", "obsolete") else tr.text or ""


def test_every_qt_string_has_a_finished_translation() -> None:
    unfinished = [(c, s) for c, s, _, msg in _messages() if not _translation(msg).strip()]
    assert unfinished == []


def test_translations_keep_placeholders_accelerators_and_spacing() -> None:
    wrong = []
    for ctx, source, _, msg in _messages():
        text = _translation(msg)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((ctx, source, "placeholders"))
        keys = ACCELERATOR.findall(text)
        if len(ACCELERATOR.findall(source)) != len(keys):
            wrong.append((ctx, source, "accelerator"))
        # Alt+letter must be typable on any keyboard: no Đ, ư, ô... after the &.
        if any(not (k.isascii() and k.isalnum()) for k in keys):
            wrong.append((ctx, source, "accelerator not a plain letter"))
        if source.count("\n") != text.count("\n") or (
            source[:1].isspace(),
            source[-1:].isspace(),
        ) != (text[:1].isspace(), text[-1:].isspace()):
            wrong.append((ctx, source, "line breaks or spaces at the ends"))
        if not unicodedata.is_normalized("NFC", text):
            wrong.append((ctx, source, "not NFC"))
    assert wrong == []


def test_the_catalog_holds_every_string_the_app_shows() -> None:
    known = {(c, s, m) for c, s, m, _ in _messages()}
    assert [e for e in EXPECTED if e not in known] == []
    assert len(known) == len(_messages())  # no message twice


def test_the_usual_vietnamese_words() -> None:
    texts = {(c, s): _translation(msg) for c, s, _, msg in _messages()}
    assert {k: texts.get(k) for k in WORDING} == WORDING


def test_key_names_stay_parsable() -> None:
    """Qt reads a shortcut typed in the user's language as well as in English: a translated key
    name must hold no '+' and must not be another key's English name."""
    keys = [(s, _translation(msg)) for c, s, _, msg in _messages() if c == "QShortcut"]
    english = {s for s, _ in keys}
    clashes = [(s, t) for s, t in keys if s != "+" and ("+" in t or (t != s and t in english))]
    assert clashes == []


def test_compiled_qt_translation_is_shipped() -> None:
    assert (translations_dir() / "qtbase_vi.qm").stat().st_size > 5000
