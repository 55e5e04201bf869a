"""The officials directory dialog and the story-list filters by official and keyword."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.domain.officials.people import Official, Title
from editor_app.gui.main_window import MainWindow
from editor_app.gui.officials.directory_dialog import DirectoryDialog
from editor_app.gui.officials.official_dialog import OfficialDialog
from editor_app.services.workspace import Workspace

HUY = "Dương Đức Huy"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    for official in (
        Official(HUY, titles=[Title("Trưởng Ban Tuyên giáo Tỉnh ủy")], organization="Tỉnh ủy"),
        Official("Trịnh Việt Hùng", titles=[Title("Bí thư Tỉnh ủy")], organization="Tỉnh ủy"),
        Official("Duong Duc Huy", titles=[Title("Trưởng Ban Tuyên giáo")]),  # a duplicate
    ):
        workspace.officials.save(official)
    yield workspace
    workspace.close()


def _id(ws: Workspace, name: str):  # type: ignore[no-untyped-def]
    return next(o.id for o in ws.officials.all() if o.full_name == name)


def test_search_without_diacritics_finds_the_official(qtbot: QtBot, ws: Workspace) -> None:
    dialog = DirectoryDialog(ws.officials)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search_edit, "duong duc huy")
    qtbot.waitUntil(lambda: len(dialog.shown_names()) == 2)
    assert set(dialog.shown_names()) == {HUY, "Duong Duc Huy"}
    dialog.search_edit.setText("bi thu")
    dialog.refresh_rows()
    assert dialog.shown_names() == ["Trịnh Việt Hùng"]


def test_edit_with_dated_titles(qtbot: QtBot, ws: Workspace) -> None:
    huy = ws.officials.get(_id(ws, HUY))
    dialog = OfficialDialog(ws.officials, huy)
    qtbot.addWidget(dialog)
    dialog.titles.add_row("Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "1/1/2015", "30/9/2020")
    dialog.titles.move_row(-1)  # before the current title
    dialog.aliases_edit.setPlainText("Huy Dương\n\n")
    dialog.accept()
    saved = ws.officials.get(huy.id)
    assert [t.text for t in saved.titles] == [
        "Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    ]
    assert saved.titles[0].end == date(2020, 9, 30)
    assert saved.aliases == ["Huy Dương"]
    # a date that does not exist keeps the dialog open with the reason
    dialog = OfficialDialog(ws.officials, saved)
    qtbot.addWidget(dialog)
    dialog.titles.add_row("Bí thư", "31/2/2021")
    dialog.accept()
    assert "không có thật" in dialog.error_label.text()
    assert len(ws.officials.get(huy.id).titles) == 2


def test_merge_retire_and_show_stories(qtbot: QtBot, win: MainWindow, ws: Workspace) -> None:
    huy, dup = _id(ws, HUY), _id(ws, "Duong Duc Huy")
    a = ws.articles.create(headline="Bài một").article
    b = ws.articles.create(headline="Bài hai").article
    ws.officials.tag(a.id, [dup])
    ws.officials.tag(b.id, [huy])
    dialog = win.open_directory()
    qtbot.addWidget(dialog)
    dialog.select([huy, dup])
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        dialog.merge(huy, dup)
    assert "Duong Duc Huy" not in dialog.shown_names()
    assert ws.officials.get(huy).aliases == []  # folds as the name itself
    assert {o.full_name for o in ws.officials.tagged(a.id)} == {HUY}

    dialog.select([huy])
    dialog.stories_button.click()
    assert win.official_filter.current_id() == huy
    assert win.ui.listInfo.text().startswith("2")

    dialog.select([_id(ws, "Trịnh Việt Hùng")])
    dialog.retire_button.click()
    assert ws.officials.get(_id(ws, "Trịnh Việt Hùng")).retired
    assert dialog.retire_button.text() == "Reinstate"
    assert "Trịnh Việt Hùng" not in [o.full_name for o in ws.officials.pickable()]


def test_import_lists_bad_rows_with_their_line(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "officials.csv"
    path.write_text(
        "full_name,titles\nLò Văn Sáng,Bí thư Huyện ủy\n,Chủ tịch\n"
        "Hà Thị Lan,Giám đốc Sở [1/1/2020]\n",
        encoding="utf-8-sig",
    )
    dialog = DirectoryDialog(ws.officials)
    qtbot.addWidget(dialog)
    box = dialog.import_file(path)
    assert isinstance(box, QMessageBox)
    assert "Dòng 3" in box.text() and "Dòng 4" in box.text()
    assert "1 added" in box.text()
    box.close()
    assert "Lò Văn Sáng" in dialog.shown_names()
    out = tmp_path / "out.csv"
    dialog.export_file(out)
    assert "Lò Văn Sáng" in out.read_text(encoding="utf-8-sig")


def test_story_list_filters_by_keyword_and_official(
    qtbot: QtBot, win: MainWindow, ws: Workspace
) -> None:
    a = ws.articles.create(headline="Bầu cử", keywords=["Bầu cử"]).article
    ws.articles.create(headline="Khác", keywords=["Giáo dục"])
    ws.officials.tag(a.id, [_id(ws, HUY)])
    win.refresh_list()
    assert win.ui.listInfo.text().startswith("2")
    win.keyword_filter.setEditText("bau cu")
    qtbot.waitUntil(lambda: win.ui.listInfo.text().startswith("1"), timeout=3000)
    win.keyword_filter.setEditText("")
    qtbot.waitUntil(lambda: win.ui.listInfo.text().startswith("2"), timeout=3000)
    win.official_filter.select(_id(ws, "Trịnh Việt Hùng"))
    assert win.ui.listInfo.text().startswith("0")
    win.official_filter.select(None)
    assert win.ui.listInfo.text().startswith("2")
