"""Qt's own strings in Vietnamese (issue 15, point 6): standard buttons, message boxes, the file
dialog (the app's own, as it opens them), text fields' context menus, undo actions, scroll bars,
docks. PySide6 ships no Vietnamese catalog for Qt: resources/translations/qtbase_vi.ts is ours."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollBar,
    QSpinBox,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QUndoView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from editor_app.gui import i18n
from editor_app.gui.officials.directory_dialog import DirectoryDialog
from editor_app.paths import translations_dir
from editor_app.services.workspace import Workspace

SB = QMessageBox.StandardButton
EDIT_MENU = ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
# Menus pop up for real (the scroll bar's and spin box's exist only inside contextMenuEvent).
POPUP_NOISE = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "vi") == "vi"
    try:
        yield
    finally:
        i18n.install(qapp, "en")  # the other tests read English


def _menu_texts(menu: QMenu) -> list[str]:
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def _mnemonics(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]


class _MenuCatcher(QObject):
    """Notes the texts of each menu that shows, and closes it."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QMenu) and event.type() == QEvent.Type.Show:
            self.texts.extend(_menu_texts(watched))
            QTimer.singleShot(0, watched, watched.close)
        return False


def _popup_texts(widget: QWidget) -> list[str]:
    """The texts of the menu `widget` pops up on a right click (closed again at once)."""
    catcher = _MenuCatcher()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(catcher)
    try:
        at = QPoint(3, 3)
        QApplication.sendEvent(
            widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at))
        )
    finally:
        app.removeEventFilter(catcher)
    return catcher.texts


def _in_modal(run: Callable[[], object], look: Callable[[QWidget], None]) -> None:
    """Runs `run` (which opens a modal dialog), hands the dialog to `look`, then cancels it."""

    def poll(tries: int = 200) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            if tries:
                QTimer.singleShot(20, lambda: poll(tries - 1))
            return
        try:
            look(modal)
        finally:
            modal.close()

    QTimer.singleShot(0, poll)
    run()


def _file_dialog_texts(dialog: QWidget) -> dict[str, list[str]]:
    assert isinstance(dialog, QFileDialog)  # Qt's own dialog, not a native one
    header = dialog.findChild(QTreeView, "treeView")
    assert header is not None
    model = header.model()
    return {
        "labels": [w.text() for w in dialog.findChildren(QLabel)],
        "buttons": [w.text() for w in dialog.findChildren(QPushButton) if w.isVisible()],
        "tips": [w.toolTip() for w in dialog.findChildren(QToolButton)],
        "header": [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)],
    }


@pytest.mark.usefixtures("vietnamese")
def test_message_box_buttons_are_vietnamese(qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Lưu bài", "Lưu?", SB.Ok | SB.Cancel)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"Đồng ý", "Hủy"}
    box = QMessageBox(QMessageBox.Icon.Question, "Lưu bài", "Lưu?")
    qtbot.addWidget(box)
    box.setStandardButtons(SB.Yes | SB.No | SB.Save | SB.Discard | SB.Close | SB.Apply | SB.Open)
    box.setDetailedText("chi tiết")
    texts = {b.text() for b in box.buttons()}
    assert {"&Có", "&Không", "Lưu", "Không lưu", "Đóng", "Áp dụng", "Mở"} <= texts
    assert "Hiện chi tiết..." in texts


@pytest.mark.usefixtures("vietnamese")
def test_input_and_progress_dialogs_are_vietnamese(qtbot: QtBot) -> None:
    seen: list[str] = []
    _in_modal(
        lambda: QInputDialog.getText(None, "Đính chính", "Nội dung:"),
        lambda d: seen.extend(b.text() for b in d.findChildren(QPushButton)),
    )
    assert set(seen) == {"Hủy", "Đồng ý"}
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    assert [b.text() for b in progress.findChildren(QPushButton)] == ["Hủy"]


@pytest.mark.usefixtures("vietnamese")
def test_text_fields_context_menus_are_vietnamese(qtbot: QtBot) -> None:
    line = QLineEdit("Bản tin")
    plain = QPlainTextEdit("Bản tin")
    browser = QTextBrowser()
    browser.setHtml('<a href="https://baotinh.vn">Báo tỉnh</a>')
    for w in (line, plain, browser):
        qtbot.addWidget(w)
    for menu in (line.createStandardContextMenu(), plain.createStandardContextMenu()):
        texts = _menu_texts(menu)
        assert texts == EDIT_MENU
        assert len(set(_mnemonics(texts))) == len(_mnemonics(texts))  # Alt+letter is unique
    link = browser.cursorRect(browser.textCursor()).center() + QPoint(2, 0)
    assert "Sao chép địa chỉ liên &kết" in _menu_texts(browser.createStandardContextMenu(link))


@POPUP_NOISE
@pytest.mark.usefixtures("vietnamese")
def test_spin_box_and_scroll_bar_menus_are_vietnamese(qtbot: QtBot) -> None:
    spin = QSpinBox()
    bar = QScrollBar(Qt.Orientation.Vertical)
    for w in (spin, bar):
        qtbot.addWidget(w)
        w.show()
    spin.setValue(5)
    texts = _popup_texts(spin)
    assert {"Chọ&n tất cả", "&Tăng lên", "&Giảm xuống", "&Sao chép"} <= set(texts)
    assert len(set(_mnemonics(texts))) == len(_mnemonics(texts))
    assert _popup_texts(bar) == [
        "Cuộn đến đây", "Lên đầu", "Xuống cuối", "Lên một trang", "Xuống một trang",
        "Cuộn lên", "Cuộn xuống",
    ]  # fmt: skip


@pytest.mark.usefixtures("vietnamese")
def test_non_native_file_dialog_is_vietnamese(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "Thêm ảnh")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _file_dialog_texts(dialog)
    assert {"&Tìm trong:", "Tê&n tệp:", "Loại tệ&p:"} <= set(texts["labels"])
    assert set(texts["buttons"]) == {"Hủy", "&Mở"}
    assert {"Quay lại", "Tiến tới", "Thư mục cha", "Tạo thư mục mới"} <= set(texts["tips"])
    assert {"Xem dạng danh sách", "Xem chi tiết"} <= set(texts["tips"])
    assert texts["header"] == ["Tên", "Kích thước", "Loại", "Ngày sửa"]
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "&Lưu" in [b.text() for b in dialog.findChildren(QPushButton)]


@pytest.mark.usefixtures("vietnamese")
def test_the_apps_own_file_dialogs_are_vietnamese(qtbot: QtBot, workspace: Workspace) -> None:
    """The app opens files with QFileDialog's static functions and no options: without a desktop
    theme (offscreen here, a bare X session on a PC) that is Qt's own dialog, ours to translate."""
    directory = DirectoryDialog(workspace.officials)
    qtbot.addWidget(directory)
    seen: list[dict[str, list[str]]] = []
    _in_modal(directory.choose_import, lambda d: seen.append(_file_dialog_texts(d)))
    _in_modal(directory.choose_export, lambda d: seen.append(_file_dialog_texts(d)))
    opened, saved = seen
    assert {"&Tìm trong:", "Tê&n tệp:", "Loại tệ&p:"} <= set(opened["labels"])
    assert set(opened["buttons"]) == {"Hủy", "&Mở"}
    assert set(saved["buttons"]) == {"Hủy", "&Lưu"}
    assert saved["header"] == ["Tên", "Kích thước", "Loại", "Ngày sửa"]


@pytest.mark.usefixtures("vietnamese")
def test_undo_actions_and_docks_are_vietnamese(qtbot: QtBot) -> None:
    stack = QUndoStack()
    undo, redo = stack.createUndoAction(stack), stack.createRedoAction(stack)
    assert (undo.text(), redo.text()) == ("Hoàn tác", "Làm lại")
    stack.push(QUndoCommand("chú thích ảnh"))
    assert undo.text() == "Hoàn tác chú thích ảnh"
    view = QUndoView(stack)
    qtbot.addWidget(view)
    assert view.model().index(0, 0).data() == "<trống>"
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Ảnh")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    names = {b.accessibleName() for b in dock.findChildren(QAbstractButton)}
    assert names == {"Tách rời", "Đóng"}


class _Recorder(QTranslator):
    """Notes every string Qt asks a translation for; answers none (the next catalog does)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self) -> bool:
        return False


@POPUP_NOISE
@pytest.mark.usefixtures("vietnamese")
def test_every_string_qt_asks_for_is_in_the_catalog(
    qtbot: QtBot, qapp: QApplication, workspace: Workspace
) -> None:
    """Runs what the app shows of Qt's own, recording the (context, text, disambiguation) Qt
    asks for: each is in qtbase_vi.ts. Key names are left to the unit test: parsing a shortcut
    asks for all 300 of them."""
    recorder = _Recorder()
    qapp.installTranslator(recorder)
    try:
        test_message_box_buttons_are_vietnamese(qtbot)
        box = QMessageBox()
        qtbot.addWidget(box)
        for button in (SB.Save, SB.SaveAll, SB.YesToAll, SB.NoToAll, SB.Abort, SB.Retry):
            box.addButton(button)
        for button in (SB.Ignore, SB.Help, SB.Reset, SB.RestoreDefaults):
            box.addButton(button)
        test_input_and_progress_dialogs_are_vietnamese(qtbot)
        test_text_fields_context_menus_are_vietnamese(qtbot)
        test_spin_box_and_scroll_bar_menus_are_vietnamese(qtbot)
        bar = QScrollBar(Qt.Orientation.Horizontal)
        qtbot.addWidget(bar)
        bar.show()
        _popup_texts(bar)
        test_non_native_file_dialog_is_vietnamese(qtbot)
        test_the_apps_own_file_dialogs_are_vietnamese(qtbot, workspace)
        test_undo_actions_and_docks_are_vietnamese(qtbot)
    finally:
        qapp.removeTranslator(recorder)
    tree = ET.parse(translations_dir() / "qtbase_vi.ts")
    known = {
        (ctx.findtext("name"), msg.findtext("source"), msg.findtext("comment") or "")
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }
    # Not key names, nor the names of file types (from the system, in Vietnamese but a few).
    left = ("QShortcut", "QMimeType")
    asked = {a for a in recorder.asked if a[0].startswith("Q") and a[0] not in left}
    assert len(asked) > 80  # the recorder saw Qt at work
    assert sorted(asked - known) == []


def test_english_keeps_qt_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install(qapp, "vi")
    i18n.install(qapp, "en")
    box = QMessageBox(QMessageBox.Icon.Question, "", "", SB.Ok | SB.Cancel)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"OK", "Cancel"}
    assert QCoreApplication.translate("QLineEdit", "&Undo") == "&Undo"
