"""The focal point in the photo dock (click, drag-free keys, Home, undo and redo, read-only) and
the share cards in the preview dock (Facebook and Zalo, following a moved point)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from editor_app.gui.main_window import MainWindow
from editor_app.gui.photos.panel import PhotoPanel
from editor_app.gui.preview.dock import PreviewDock
from editor_app.services.workspace import Workspace


def _photo(path: Path) -> Path:
    """2000×900, grey, a red square at the right edge (out of the centred 16:9 crop)."""
    im = Image.new("RGB", (2000, 900), (128, 128, 128))
    im.paste((220, 0, 0), (1850, 380, 1970, 500))
    im.save(path, "JPEG", quality=92)
    return path


def _open(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> tuple[PhotoPanel, uuid.UUID, uuid.UUID]:
    aid = workspace.articles.create(
        headline="Chủ tịch tỉnh phát biểu", sapo="Sáng nay, hội nghị tổng kết.", body="Bài."
    ).article.id
    report = workspace.photos.attach(aid, [_photo(tmp_path / "a.jpg")], caption="Phát biểu")
    pid = report.photos[0].id
    workspace.photos.update(pid, featured=True)
    window.open_story(aid)
    panel = next(p for p in window.panels if isinstance(p, PhotoPanel))
    panel.show()
    panel.raise_()
    qtbot.waitUntil(lambda: panel.current_id == pid, timeout=5000)
    qtbot.waitUntil(lambda: panel.focus_picker.pixmap is not None, timeout=10000)
    return panel, aid, pid


def test_click_keys_home_and_undo(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, _aid, pid = _open(qtbot, window, workspace, tmp_path)
    picker = panel.focus_picker
    assert picker.point is None and workspace.photos.get(pid).focus is None
    picker.resize(400, 225)
    r = picker.image_rect()
    at = QPoint(round(r.left() + r.width() * 0.9), round(r.top() + r.height() * 0.5))
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus is not None, timeout=5000)
    x, y = workspace.photos.get(pid).focus or (0, 0)
    assert abs(x - 0.9) < 0.01 and abs(y - 0.5) < 0.01
    assert picker.hasFocus()

    # The keyboard: two steps left, one down with Shift (ten times as far).
    for key, mod in (
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(picker, key, mod)
    qtbot.waitUntil(lambda: (workspace.photos.get(pid).focus or (0, 0))[1] > 0.59, timeout=5000)
    x2, y2 = workspace.photos.get(pid).focus or (0, 0)
    assert abs(x2 - (x - 0.04)) < 0.001 and abs(y2 - (y + 0.1)) < 0.001
    assert "%" in picker.accessibleDescription()

    # The keys in a row are one undo step; the click another.
    assert panel.undo_stack.count() == 2
    panel.edit_command("undo")
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus == (x, y), timeout=5000)
    assert picker.point == (x, y)
    panel.edit_command("redo")
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus == (x2, y2), timeout=5000)

    qtbot.keyClick(picker, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus is None, timeout=5000)
    assert picker.point is None
    panel.edit_command("undo")
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus == (x2, y2), timeout=5000)

    # The Centre button does what Home does; a read-only story's point does not move.
    qtbot.mouseClick(panel.focus_reset, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.photos.get(pid).focus is None, timeout=5000)
    panel.set_read_only(True)
    qtbot.keyClick(picker, Qt.Key.Key_Right)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=at)
    assert picker.point is None and not panel.focus_reset.isEnabled()


def test_share_cards_follow_the_point(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    panel, _aid, pid = _open(qtbot, window, workspace, tmp_path)
    dock = next(d for d in window.panels if isinstance(d, PreviewDock))
    dock.show()
    dock.raise_()
    dock.share_action.setChecked(True)
    cards = dock.share_view
    assert cards.isVisible() and not dock._holder.isVisible()
    facebook, zalo = cards.cards["Facebook"], cards.cards["Zalo"]
    # `rendered` is the page's signal too (the dock shown renders it): wait for the cards.
    qtbot.waitUntil(lambda: facebook.picture.pixmap is not None, timeout=20000)
    assert facebook.title.text() == "Chủ tịch tỉnh phát biểu"
    assert zalo.description.text() == "Sáng nay, hội nghị tổng kết."
    assert facebook.domain.text() == facebook.domain.text().upper() != ""
    assert facebook.picture.pixmap is not None
    before = facebook.picture.pixmap.toImage()
    red_before = _red_columns(before)
    assert red_before == 0

    panel.focus_picker._move((0.94, 0.48))

    def moved_in() -> bool:
        after = cards.cards["Facebook"].picture.pixmap
        return after is not None and _red_columns(after.toImage()) > 20

    qtbot.waitUntil(moved_in, timeout=20000)
    assert workspace.photos.get(pid).focus == (0.94, 0.48)

    # Back to the page, behind another tab: the page waits until the dock is shown again.
    dock.hide()
    dock.share_action.setChecked(False)
    assert not dock._holder.isHidden() and cards.isHidden() and dock._stale


def _red_columns(image: object) -> int:
    """How many columns of the picture's middle row are clearly red."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    y = image.height() // 2
    return sum(
        1
        for x in range(image.width())
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 70
    )


def test_the_share_card_toggle_shows_at_a_laptops_dock_width(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    """At 1280×720 the dock is about 300 px wide: the toggle stands beside the page's widths
    (last in the bar it was behind the overflow arrow); Export is in the File menu too."""
    window.resize(1280, 720)
    window.layout_memory.apply_default()
    _open(qtbot, window, workspace, tmp_path)
    dock = next(d for d in window.panels if isinstance(d, PreviewDock))
    dock.show()
    dock.raise_()
    bar = dock.share_action.associatedObjects()[0]
    assert isinstance(bar, QToolBar)
    qtbot.waitUntil(lambda: dock.width() > 0 and bar.isVisible(), timeout=5000)
    shown = [a for a in bar.actions() if (w := bar.widgetForAction(a)) and w.isVisible()]
    assert dock.share_action in shown and dock.mobile_action in shown
    assert dock.export_action in window.ui.menuFile.actions()
    assert dock.export_action.isEnabled()
