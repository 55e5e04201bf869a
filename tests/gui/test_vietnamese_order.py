"""One Vietnamese alphabetical order in every list of names a user sees (issue 15, point 7):
the directory dialog, the tag picker, the story list's filters and the command line (which used
to disagree: the dialog put Đ before D, the command line D first)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor_app.cli import main
from editor_app.domain.officials.people import Official, Title
from editor_app.gui.officials.directory_dialog import DirectoryDialog
from editor_app.gui.story_list.filters import KeywordFilter, OfficialFilter
from editor_app.services.workspace import Workspace

# a, ă, â, b, c, d, đ, e, ê, …; the tone only between names otherwise the same
NAMES = ["Ánh Văn Tư", "Bùi Thị Lan", "Dung Văn Hà", "Dũng Văn Hà", "Dương Đức Huy", "Đào Văn An"]
KEYWORDS = ["an ninh", "ăn uống", "dân số", "Dương", "Đảng", "đầu tư", "Ê-đê"]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    for i, name in enumerate(reversed(NAMES)):  # Dung and Dũng Văn Hà: one name, folded
        workspace.officials.save(Official(name, [Title("Giám đốc")], organization=f"Sở {i}"))
    for keyword in reversed(KEYWORDS):
        workspace.articles.create(headline=keyword, keywords=[keyword])
    yield workspace
    workspace.close()


def test_the_directory_lists_dung_dũng_dương_then_đào(qtbot: QtBot, ws: Workspace) -> None:
    dialog = DirectoryDialog(ws.officials)
    qtbot.addWidget(dialog)
    assert dialog.shown_names() == NAMES
    dialog.search_edit.setText("van")  # the same order among equally good matches
    dialog.refresh_rows()
    assert dialog.shown_names() == ["Ánh Văn Tư", "Dung Văn Hà", "Dũng Văn Hà", "Đào Văn An"]
    assert [o.full_name for o in ws.officials.pickable("")] == NAMES  # the tag picker


def test_the_story_lists_filters_in_the_same_order(qtbot: QtBot, ws: Workspace) -> None:
    officials = OfficialFilter(ws.officials.all)
    qtbot.addWidget(officials)
    assert [officials.itemText(i) for i in range(1, officials.count())] == NAMES
    keywords = KeywordFilter(ws.articles.keywords_in_use)
    qtbot.addWidget(keywords)
    keywords.reload()
    assert [keywords.itemText(i) for i in range(keywords.count())] == KEYWORDS


def test_the_command_line_lists_the_directory_in_the_same_order(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ws.data_dir
    ws.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "officials", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" — ")[0] for line in lines] == NAMES
